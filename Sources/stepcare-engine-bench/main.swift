// Benchmarks the engine in process, each figure at three or more sizes with the growth exponent, CPU time
// beside wall time, the replay reference beside the incremental engine where both can run:
//
//   pathway   simulate pathway: one replication per (days, referrals a day), simulation and huddle report
//   events    per-event engine cost on a year-long case: CaseMonitor.append and evaluate, reference beside
//   all       evaluate every case of a caseload (evaluate --all)
//   moves     engine time per place and step-up with caseloads of growing size
//   dashboard the huddle dashboard (12 weeks, two equity fields) over growing caseloads
//   load      opening a stored caseload: SQLite rows decoded from record schema 2 into timelines
//   worklist  the worklist use case over a stored caseload: first call (folds every case), then each call
//   year      one service-year alone, for profiling (not run by default); `rate=R` and `days=D` change it
//
//   swift build -c release --product stepcare-engine-bench && .build/release/stepcare-engine-bench [PART ...]
import Foundation
import StepCareCore
import StepCareEngine
import StepCareEngineReference
import StepCareMetrics
import StepCareRecord
import StepCareRegistry
import StepCareService
import StepCareSimulation
import StepCareStore

/// CPU seconds of this process and wall seconds, from monotonic clocks.
struct Clock {
    static func cpu() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func wall() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Runs `body` and returns its CPU and wall seconds with its result.
    static func measure<T>(_ body: () -> T) -> (cpu: Double, wall: Double, result: T) {
        let (cpu0, wall0) = (cpu(), wall())
        let result = body()
        return (cpu() - cpu0, wall() - wall0, result)
    }
}

/// The least-squares slope of log(cost) on log(size): cost grows as size^slope.
func exponent(_ points: [(size: Double, cost: Double)]) -> Double {
    let xs = points.map { log($0.size) }
    let ys = points.map { log(max($0.cost, 1e-12)) }
    let mx = xs.reduce(0, +) / Double(xs.count)
    let my = ys.reduce(0, +) / Double(ys.count)
    let sxy = zip(xs, ys).map { ($0 - mx) * ($1 - my) }.reduce(0, +)
    let sxx = xs.map { ($0 - mx) * ($0 - mx) }.reduce(0, +)
    return sxx > 0 ? sxy / sxx : .nan
}

func format(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }

let registry: Registry
do { registry = try Registry.builtIn() } catch {
    FileHandle.standardError.write(Data("stepcare-engine-bench: \(error)\n".utf8))
    exit(1)
}
let pathway = try registry.pathway("community-stepped-care")
let engine = Engine(pathway: pathway)
let start = Instant(year: 2026, month: 1, day: 5) ?? Instant(minutes: 0)
let parts = Set(CommandLine.arguments.dropFirst())
func wants(_ part: String) -> Bool { parts.isEmpty || parts.contains(part) }

/// One simulated replication: the run and its huddle report over the whole run, as `simulate pathway` does.
func simulate(days: Double, perDay rate: Double, seed: UInt64 = 1) throws -> (PathwayRun, cpu: Double, report: Double) {
    var population = PopulationModel(pathway: pathway)
    // Slots scale with the referral rate from the default 0.5 a day: 40, 20 and 8 ordinary, 2 rapid-access.
    let scale = rate / 0.5
    try population.set("referral.rate", to: rate)
    for (name, base) in [("tier-1.slots", 40.0), ("tier-2.slots", 20), ("tier-3.slots", 8)] {
        try population.set(name, to: (base * scale).rounded())
    }
    for name in ["tier-2.rapid", "tier-3.rapid"] { try population.set(name, to: max(2, (2 * scale).rounded())) }
    let simulation = try PathwaySimulation(
        pathway: pathway, population: population, registry: registry, days: days, start: start)
    let run = Clock.measure { simulation.simulate(seed: seed) }
    let huddle = HuddleMetrics(
        engine: Engine(pathway: run.result.pathway),
        outcomeMeasures: HuddleMetrics.talkingTherapiesMeasures(in: registry))
    let report = Clock.measure {
        _ = huddle.compute(
            run.result.caseload,
            window: ReportingWindow(from: run.result.start, to: run.result.end - TimeSpan(minutes: 1)))
        _ = huddle.weekly(run.result.caseload, from: run.result.start, to: run.result.end)
    }
    return (run.result, run.cpu, report.cpu)
}

/// Client-weeks in a run: each case from referral to discharge or the end of the run.
func clientWeeks(_ run: PathwayRun) -> (weeks: Double, events: Int) {
    var minutes = 0
    var events = 0
    for timeline in run.caseload.cases.values {
        guard let first = timeline.events.first?.at else { continue }
        let end = timeline.events.last { if case .discharge = $0.kind { true } else { false } }?.at ?? run.end
        minutes += (end - first).minutes
        events += timeline.events.count
    }
    return (Double(minutes) / 10_080, events)
}

if parts.contains("year") {
    // One service-year alone (20 referrals per working day, or `rate=R` a day over `days=D`), for profiling: not
    // part of the default run.
    func figure(_ name: String, _ standard: Double) -> Double {
        parts.lazy.compactMap { $0.hasPrefix(name + "=") ? Double($0.dropFirst(name.count + 1)) : nil }.first
            ?? standard
    }
    let (run, cpu, report) = try simulate(days: figure("days", 365), perDay: figure("rate", 14.3))
    print("service-year: \(run.caseload.order.count) cases, sim \(format(cpu)) CPU s, report \(format(report)) CPU s")
}

if wants("pathway") {
    print("## pathway mode: one replication (seed 1), simulation and its huddle report, CPU seconds\n")
    print(
        "| days | referrals/day | cases | events | client-weeks | sim CPU s | report CPU s | total CPU s | µs per client-week | client-weeks/s |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    var byDays: [(size: Double, cost: Double)] = []
    var byRate: [(size: Double, cost: Double)] = []
    for (days, rate) in [
        (90.0, 14.3), (180, 14.3), (365, 14.3), (720, 14.3), (365, 0.5), (365, 2), (365, 5), (365, 20),
    ] {
        let (run, cpu, report) = try simulate(days: days, perDay: rate)
        let (weeks, events) = clientWeeks(run)
        let total = cpu + report
        print(
            "| \(Int(days)) | \(rate) | \(run.caseload.order.count) | \(events) | \(Int(weeks)) | \(format(cpu)) | "
                + "\(format(report)) | \(format(total)) | \(format(1e6 * total / weeks, 1)) | \(Int(weeks / total)) |")
        if rate == 14.3 { byDays.append((days, total / weeks)) }
        if days == 365 { byRate.append((rate, total / weeks)) }
    }
    print(
        "\nCost per client-week grows as days^\(format(exponent(byDays))) at 14.3 a day and as rate^"
            + "\(format(exponent(byRate))) over one year; 0 is flat.\n")
}

/// A year-long case: referral, intake, placement, then weekly sessions with PHQ-9 and GAD-7.
func yearLongCase(_ id: String, weeks: Int) -> CaseTimeline {
    var timeline = CaseTimeline(caseID: id)
    func score(_ instrument: String, _ values: [Int]) -> CaseEventKind {
        guard let scored = try? registry.instrument(instrument), let report = try? scored.score(values: values) else {
            return .contact(attended: true)
        }
        return .administration(AdministrationRecord(report, definition: scored.definition))
    }
    let actor = Actor(name: "ana", role: .clinician)
    try? timeline.append(CaseEvent(at: start, .referral(preference: nil)))
    try? timeline.append(CaseEvent(at: start, score("phq9", [2, 2, 1, 1, 1, 1, 1, 1, 0])))
    try? timeline.append(
        CaseEvent(
            at: start, .placement(Placement(tier: "tier-2", from: nil, kind: .place, slot: .standard, actor: actor))))
    for week in 1..<(weeks + 1) {
        let at = start + .weeks(week)
        try? timeline.append(CaseEvent(at: at, .contact(attended: week % 5 != 0)))
        try? timeline.append(CaseEvent(at: at, score("phq9", [2, 2, 1, 1, 1, 1, 1, week % 3, 0])))
        try? timeline.append(CaseEvent(at: at, score("gad7", [1, 1, 1, 2, 1, 1, week % 2])))
    }
    return timeline
}

if wants("events") {
    print("## per-event engine cost on one case of weekly sessions with PHQ-9 and GAD-7\n")
    print(
        "| weeks | events | monitor: append every event and ask after each, µs per event | one evaluate, µs | µs per event | reference evaluate, µs |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    var points: [(size: Double, cost: Double)] = []
    for weeks in [13, 26, 52, 104] {
        let timeline = yearLongCase("C1", weeks: weeks)
        let repeats = 200
        let follow = Clock.measure {
            var count = 0
            for _ in 0..<repeats {
                var monitor = CaseMonitor(engine: engine)
                for event in timeline.events {
                    monitor.append(event)
                    count += monitor.recommendations(asOf: event.at).count
                }
            }
            return count
        }
        let now = (timeline.lastEventAt ?? start) + .days(1)
        let one = Clock.measure {
            (0..<repeats).map { _ in engine.evaluate(timeline, asOf: now).recommendations.count }
        }
        let reference = ReferenceEngine(engine)
        let slow = Clock.measure { (0..<10).map { _ in reference.evaluate(timeline, asOf: now).recommendations.count } }
        let n = Double(timeline.events.count)
        let perEvent = 1e6 * follow.cpu / Double(repeats) / n
        points.append((n, 1e6 * one.cpu / Double(repeats)))
        print(
            "| \(weeks) | \(timeline.events.count) | \(format(perEvent)) | \(format(1e6 * one.cpu / Double(repeats), 1)) | "
                + "\(format(1e6 * one.cpu / Double(repeats) / n)) | \(format(1e6 * slow.cpu / 10, 0)) |")
    }
    print("\nOne evaluate grows as events^\(format(exponent(points))) (1 is linear).\n")
}

/// A caseload of `count` cases cloned from `source` under fresh ids, indexed by the pathway's tiers.
func clone(_ source: Caseload, count: Int) -> Caseload {
    var caseload = Caseload(tiers: pathway.tiers.map(\.id))
    let originals = source.order.compactMap { source.cases[$0] }
    for index in 0..<count {
        let original = originals[index % originals.count]
        try? caseload.open(
            CaseTimeline(caseID: "B\(index)", demographics: original.demographics, events: original.events))
    }
    return caseload
}

let needsCaseload = wants("all") || wants("moves") || wants("dashboard") || wants("load") || wants("worklist")
let simulated = needsCaseload ? try simulate(days: 365, perDay: 14.3).0 : nil

if wants("all"), let simulated {
    print("## evaluate --all: every case, cases cloned from a simulated service-year\n")
    print("The console folds every case once into a CaseMonitor (at first use, spread over the cores) and then asks")
    print("them (also spread over the cores, as `Workspace.outstandingSummary` does); a replay of every case per")
    print("call (Engine.evaluate, one core) is shown beside.\n")
    print(
        "| cases | events | fold every case, CPU s | wall s | evaluate --all after loading, CPU s | wall s | µs per case (CPU) | evaluate per case from scratch, CPU s |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    var points: [(size: Double, cost: Double)] = []
    for count in [1_000, 10_000, 100_000] {
        let caseload = clone(simulated.caseload, count: count)
        let now = simulated.end
        let events = caseload.cases.values.map(\.events.count).reduce(0, +)
        let fold = Clock.measure { engine.monitors(of: caseload.order.compactMap { caseload.cases[$0] }) }
        let monitors = fold.result
        let ask = Clock.measure {
            Engine.inChunks(of: monitors.count) { range in
                monitors[range].reduce(0) { $0 + $1.recommendations(asOf: now).count }
            }.reduce(0, +)
        }
        let scratch = Clock.measure {
            caseload.order.reduce(0) {
                $0 + (caseload.cases[$1].map { engine.evaluate($0, asOf: now).recommendations.count } ?? 0)
            }
        }
        points.append((Double(count), ask.wall))
        print(
            "| \(count) | \(events) | \(format(fold.cpu)) | \(format(fold.wall)) | \(format(ask.cpu, 3)) | \(format(ask.wall, 3)) | "
                + "\(format(1e6 * ask.cpu / Double(count), 2)) | \(format(scratch.cpu)) |")
    }
    print("\nAsking grows as cases^\(format(exponent(points))) (wall time).\n")
}

if wants("moves"), let simulated {
    print("## engine time per move with a loaded caseload (place, then step-up, of 200 new referrals)\n")
    print("| cases loaded | µs per place | µs per step-up |")
    print("|---:|---:|---:|")
    for count in [1_000, 10_000, 100_000] {
        var caseload = clone(simulated.caseload, count: count)
        let at = simulated.end + .days(1)
        let lead = Actor(name: "raj", role: .clinicalLead)
        let referrals = (0..<200).map { number in
            var timeline = yearLongCase("M\(number)", weeks: 0)
            timeline = CaseTimeline(caseID: timeline.caseID, events: Array(timeline.events.prefix(2)))
            return timeline
        }
        for timeline in referrals { try? caseload.open(timeline) }
        var cpuPlace = 0.0
        var cpuStepUp = 0.0
        for timeline in referrals {
            let placed = Clock.measure {
                try? engine.apply(MoveRequest(.place, by: lead, at: at), to: timeline.caseID, in: caseload)
            }
            cpuPlace += placed.cpu
            guard let outcome = placed.result else { continue }
            caseload.update(outcome.timeline)
            var reviewed = outcome.timeline
            try? reviewed.append(CaseEvent(at: at, .review(.structured, by: lead)))
            try? reviewed.append(CaseEvent(at: at, .review(.supervisor, by: lead)))
            caseload.update(reviewed)
            let stepped = Clock.measure {
                try? engine.apply(
                    MoveRequest(.stepUp, by: lead, exception: true, at: at), to: timeline.caseID, in: caseload)
            }
            cpuStepUp += stepped.cpu
            if let outcome = stepped.result { caseload.update(outcome.timeline) }
        }
        print("| \(count) | \(format(1e6 * cpuPlace / 200, 1)) | \(format(1e6 * cpuStepUp / 200, 1)) |")
    }
    print("")
}

if wants("dashboard"), let simulated {
    print("## huddle dashboard: 12 weeks and two equity fields (ethnicity, age band), after loading\n")
    print("| cases | events | CPU s | wall s |")
    print("|---:|---:|---:|---:|")
    var points: [(size: Double, cost: Double)] = []
    let metrics = HuddleMetrics(engine: engine, outcomeMeasures: HuddleMetrics.talkingTherapiesMeasures(in: registry))
    for count in [1_000, 10_000, 50_000] {
        let caseload = clone(simulated.caseload, count: count)
        let events = caseload.cases.values.map(\.events.count).reduce(0, +)
        let week = ReportingWindow.week(ending: simulated.end - .days(1))
        let run = Clock.measure {
            Dashboard(
                caseload, metrics: metrics, context: .simulation, week: week, equityFields: ["ethnicity", "age-band"]
            ).history.count
        }
        points.append((Double(count), run.cpu))
        print("| \(count) | \(events) | \(format(run.cpu)) | \(format(run.wall)) |")
    }
    print("\nGrows as cases^\(format(exponent(points))).\n")
}

/// Writes `caseload` to a new store file under `folder` (5,000 cases per commit), then reads it back three
/// times and keeps the fastest read.
func storeAndLoad(_ caseload: Caseload, folder: URL) throws -> (cpu: Double, wall: Double, events: Int) {
    let path = folder.appendingPathComponent(
        "caseload-\(caseload.order.count)-\(UInt32.random(in: 0...UInt32.max)).sqlite"
    ).path
    let store = try SQLiteCaseloadStore(.file(path), clock: { 1_800_000_000 })
    var sequence: Int64 = 0
    for chunk in stride(from: 0, to: caseload.order.count, by: 5_000) {
        var change = StoreChange()
        for id in caseload.order[chunk..<min(chunk + 5_000, caseload.order.count)] {
            guard let timeline = caseload.cases[id] else { continue }
            change.openedCases.append(.init(id: id, pathway: pathway.id, demographics: timeline.demographics))
            change.events += timeline.events.map { (id, $0) }
        }
        let draft = AuditDraft(user: "bench", role: "system", client: nil, action: "simulate", detail: "load bench")
        sequence = try store.commit(change, audit: draft, context: .simulation, after: sequence).sequence
    }
    var best: (cpu: Double, wall: Double) = (.infinity, .infinity)
    for _ in 0..<3 {
        let run = Clock.measure { (try? store.load(.simulation))?.caseload.cases.count ?? 0 }
        guard run.result == caseload.order.count else { fatalError("loaded \(run.result) of \(caseload.order.count)") }
        best = (min(best.cpu, run.cpu), min(best.wall, run.wall))
    }
    try? FileManager.default.removeItem(atPath: path)
    return (best.cpu, best.wall, caseload.cases.values.map(\.events.count).reduce(0, +))
}

/// Intake-shaped cases: a referral, a scored PHQ-9 and GAD-7 (with their LOINC codes) and a placement.
func intakeCaseload(count: Int) throws -> Caseload {
    let phq9 = try registry.instrument("phq9")
    let gad7 = try registry.instrument("gad7")
    let clinician = Actor(name: "ana", role: Role("clinician", name: "clinician"))
    var caseload = Caseload(tiers: pathway.tiers.map(\.id))
    for index in 0..<count {
        let answers = (0..<9).map { ($0 * 7 + index) % 4 }
        let first = try phq9.score(values: answers)
        let second = try gad7.score(values: Array(answers.prefix(7)))
        let at = start + .days(index % 300)
        try caseload.open(
            CaseTimeline(
                caseID: "I\(index)", demographics: ["age-band": "25-34"],
                events: [
                    CaseEvent(at: at, .referral(preference: nil)),
                    CaseEvent(at: at, .administration(AdministrationRecord(first, definition: phq9.definition))),
                    CaseEvent(at: at, .administration(AdministrationRecord(second, definition: gad7.definition))),
                    CaseEvent(
                        at: at,
                        .placement(
                            Placement(tier: "tier-1", from: nil, kind: .place, slot: .standard, actor: clinician))),
                ]))
    }
    return caseload
}

if wants("load"), let simulated {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stepcare-load-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let sizes = ProcessInfo.processInfo.environment["STEPCARE_BENCH_LOAD_SIZES"].map {
        $0.split(separator: ",").compactMap { Int($0) }
    }
    let shapes = ProcessInfo.processInfo.environment["STEPCARE_BENCH_LOAD_SHAPES"]?.split(separator: ",").map(
        String.init)
    for (title, shape, counts) in [
        ("intake-shaped cases (referral, PHQ-9, GAD-7, placement)", "intake", sizes ?? [25_000, 50_000, 100_000]),
        (
            "service-year cases cloned from a simulated year at 14.3 referrals a day", "year",
            sizes ?? [10_000, 20_000, 40_000]
        ),
    ] where shapes?.contains(shape) ?? true {
        print("## load: \(title), read back from a SQLite file in record schema 2\n")
        print("| cases | events | CPU s | wall s | µs per event (CPU) |")
        print("|---:|---:|---:|---:|---:|")
        var points: [(size: Double, cost: Double)] = []
        for count in counts {
            let caseload =
                shape == "intake" ? try intakeCaseload(count: count) : clone(simulated.caseload, count: count)
            let run = try storeAndLoad(caseload, folder: folder)
            points.append((Double(count), run.cpu))
            print(
                "| \(count) | \(run.events) | \(format(run.cpu)) | \(format(run.wall)) | "
                    + "\(format(1e6 * run.cpu / Double(run.events))) |")
        }
        print("\nGrows as cases^\(format(exponent(points))) (fastest of three reads each).\n")
    }
}

if wants("worklist"), let simulated {
    // STEPCARE_BENCH_KEEP=DIR keeps the caseload files there, to time the release binary on them.
    let kept = ProcessInfo.processInfo.environment["STEPCARE_BENCH_KEEP"].map { URL(fileURLWithPath: $0) }
    let folder = kept ?? FileManager.default.temporaryDirectory.appendingPathComponent("stepcare-worklist-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { if kept == nil { try? FileManager.default.removeItem(at: folder) } }
    print("## worklist: the use case over a stored caseload cloned from a simulated service-year\n")
    print("Each case is held by one of 200 clinicians in one of 10 teams. A session's first worklist folds the open")
    print("cases it covers into the engine's running view, spread over the cores (a clinician's first call folds")
    print("their cases only); later calls ask it. After one new record only that case is advanced.\n")
    print(
        "| cases | events | a clinician's first call, CPU s | the service's first call, CPU s | wall s | "
            + "service, CPU s | wall s | one team, CPU s | one clinician, CPU s | after a record, CPU s | items |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    var points: [(size: Double, cost: Double)] = []
    for count in [12_500, 25_000, 50_000] {
        let workspace = try worklistWorkspace(
            clone(simulated.caseload, count: count), folder: folder, at: simulated.end)
        let events = workspace.caseload.cases.values.map(\.events.count).reduce(0, +)
        let clinicianFirst = Clock.measure { (try? workspace.worklist(CaseFilter(owner: "staff-17")))?.count ?? -1 }
        let first = Clock.measure { (try? workspace.worklist())?.count ?? -1 }
        let service = Clock.measure { (try? workspace.worklist())?.count ?? -1 }
        let team = Clock.measure { (try? workspace.worklist(CaseFilter(team: "team-3")))?.count ?? -1 }
        let mine = Clock.measure { (try? workspace.worklist(CaseFilter(owner: "staff-17")))?.count ?? -1 }
        guard let open = try workspace.cases(CaseFilter(status: .open)).first else { fatalError("no open case") }
        try workspace.record(.contact(attended: true), on: open.caseID)
        let after = Clock.measure { (try? workspace.worklist())?.count ?? -1 }
        guard first.result == service.result, service.result > 0 else { fatalError("the worklist changed") }
        points.append((Double(count), service.cpu))
        print(
            "| \(count) | \(events) | \(format(clinicianFirst.cpu, 3)) | \(format(first.cpu)) | \(format(first.wall)) | "
                + "\(format(service.cpu, 3)) | \(format(service.wall, 3)) | "
                + "\(format(team.cpu, 3)) | \(format(mine.cpu, 3)) | \(format(after.cpu, 3)) | \(service.result) |")
    }
    print("\nA service-wide worklist after the first grows as cases^\(format(exponent(points))).\n")
}

/// A simulation-context workspace on a SQLite file holding `caseload`, each case assigned to one of 200 clinicians
/// in 10 teams, its clock at `now`.
func worklistWorkspace(_ caseload: Caseload, folder: URL, at now: Instant) throws -> Workspace {
    let path = folder.appendingPathComponent("worklist-\(caseload.order.count).sqlite").path
    let store = try SQLiteCaseloadStore(.file(path), clock: { 1_800_000_000 })
    var sequence: Int64 = 0
    let lead = Actor(name: "lead", role: .clinicalLead)
    var staff = StoreChange()
    staff.users =
        [StaffUser(name: "lead", role: "clinical-lead")]
        + (0..<200).map { StaffUser(name: "staff-\($0)", role: "clinician") }
    staff.teamMembers =
        (0..<10).map { TeamMember(team: "team-\($0)", user: nil) }
        + (0..<200).map { TeamMember(team: "team-\($0 % 10)", user: "staff-\($0)") }
    let draft = AuditDraft(user: "bench", role: "system", client: nil, action: "simulate", detail: "worklist bench")
    sequence = try store.commit(staff, audit: draft, context: .simulation, after: sequence).sequence
    for chunk in stride(from: 0, to: caseload.order.count, by: 5_000) {
        var change = StoreChange()
        for (offset, id) in caseload.order[chunk..<min(chunk + 5_000, caseload.order.count)].enumerated() {
            guard let timeline = caseload.cases[id], let referred = timeline.events.first else { continue }
            let number = chunk + offset
            let holder = Assignment(clinician: "staff-\(number % 200)", team: "team-\(number % 10)", by: lead)
            change.openedCases.append(.init(id: id, pathway: pathway.id, demographics: timeline.demographics))
            // Assigned at referral, so a discharged case still ends with its discharge.
            change.events +=
                [(id, referred), (id, CaseEvent(at: referred.at, .assignment(holder)))]
                + timeline.events.dropFirst().map { (id, $0) }
        }
        sequence = try store.commit(change, audit: draft, context: .simulation, after: sequence).sequence
    }
    return try Workspace(pathway: pathway, now: now, store: store, context: .simulation)
}
