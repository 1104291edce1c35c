public import StepCareCore
import StepCareEngine
import StepCareMetrics
package import StepCareReports
public import StepCareSimulation

/// A run of the benchmark network model.
public struct NetworkRunRequest: Sendable {
    /// The model: rates, slots, episode lengths, routing, horizon.
    public var model = NetworkModel.Options()
    /// Independent replications; replication k uses seed + k.
    public var reps = 1
    /// Replications run at once.
    public var jobs = Replications.availableCores
    /// The base seed.
    public var seed: UInt64 = 1

    /// The defaults.
    public init() {}
}

/// A run of a synthetic population through a pathway's own rules.
public struct PathwayRunRequest: Sendable {
    /// The pathway id.
    public var pathway: String
    /// Settings, in order: population figures and configuration parameters, each one value or swept over
    /// several (several swept make a grid).
    public var settings: [ParameterSetting] = []
    /// Replications per point; replication k uses seed + k.
    public var reps = 10
    /// Replications run at once.
    public var jobs = Replications.availableCores
    /// The horizon in days.
    public var days = 365.0
    /// The base seed.
    public var seed: UInt64 = 1
    /// Keep the first replication's cases in the (simulation) caseload.
    public var save = false
    /// Start from the session's open cases on the pathway, as they stand, instead of an empty service.
    public var fromCaseload = false

    /// A run of `pathway` with the defaults.
    public init(pathway: String) { self.pathway = pathway }
}

/// `NAME=VALUE`, `NAME=A...B`, `NAME=A...B/STEP` or `NAME=A,B,C`: a parameter and the values it takes.
public struct ParameterSetting: Sendable, Hashable {
    /// The parameter's name.
    public var name: String
    /// One value, or the values swept.
    public var values: [Double]

    /// Reads the written form.
    ///
    /// - Throws: `invalid-option` naming the field `set`.
    public init(parsing text: String) throws(StepCareError) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        let usage = "write --set NAME=VALUE, a range NAME=20...40 (or 20...40/5), or a list NAME=20,30,40"
        guard parts.count == 2, !parts[0].isEmpty else {
            throw StepCareError(.invalidOption, "--set takes NAME=VALUE, not \"\(text)\"", hint: usage, field: "set")
        }
        let (name, body) = (parts[0], parts[1])
        func number(_ s: Substring) throws(StepCareError) -> Double {
            guard let value = Double(s), value.isFinite else {
                throw StepCareError(
                    .invalidOption, "--set \(name): \"\(s)\" is not a number", hint: usage, field: "set")
            }
            return value
        }
        self.name = name
        if let range = body.firstRange(of: "...") {
            let stepParts = body[range.upperBound...].split(separator: "/")
            let low = try number(body[..<range.lowerBound])
            let high = try number(stepParts.first ?? "")
            let step = stepParts.count > 1 ? try number(stepParts[1]) : 1
            guard high >= low, step > 0, (high - low) / step <= 1000 else {
                throw StepCareError(
                    .invalidOption, "--set \(name): the range must go upwards in at most 1000 positive steps",
                    hint: usage, field: "set")
            }
            values = stride(from: low, through: high + step * 1e-9, by: step).map { $0 }
            return
        }
        values = []
        for part in body.split(separator: ",", omittingEmptySubsequences: false) { values.append(try number(part)) }
    }
}

/// The simulator as use cases: the benchmark network, and a population through a pathway.
public enum Simulating {
    /// Runs the benchmark network model.
    ///
    /// - Parameter progress: called with the number of replications finished.
    package static func network(
        _ request: NetworkRunRequest, progress: @escaping @Sendable (Int) -> Void = { _ in }
    ) throws(StepCareError) -> NetworkRunReport {
        try checkRuns(reps: request.reps, jobs: request.jobs)
        let model = try NetworkModel(request.model)
        let clock = ContinuousClock()
        let start = clock.now
        let runs = Replications.run(count: request.reps, jobs: request.jobs, progress: progress) {
            model.simulate(seed: request.seed &+ UInt64($0))
        }
        let elapsed = (clock.now - start).components
        return NetworkRunReport(
            model: model, seed: request.seed, runs: runs,
            wallSeconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18,
            jobs: min(request.jobs, request.reps))
    }

    static func checkRuns(reps: Int, jobs: Int) throws(StepCareError) {
        guard (1...100_000).contains(reps) else {
            throw StepCareError(
                .invalidOption, "--reps takes a whole number from 1 to 100000, not \(reps)", field: "reps")
        }
        guard (1...1024).contains(jobs) else {
            throw StepCareError(
                .invalidOption, "--jobs takes a whole number from 1 to 1024, not \(jobs)", field: "jobs")
        }
    }
}

extension Workspace {
    /// Drives a synthetic population through a pathway, as this service configured it, with the real engine,
    /// at every point of the grid the settings make (common random numbers: replication k of every point uses
    /// seed + k), and reports the huddle metrics per tier. Starts at the session clock; with `save`, keeps the first
    /// replication's cases (simulation context only) as one audited change.
    ///
    /// - Parameter progress: called with the number of replications finished, of `points × reps`.
    package func simulatePathway(
        _ request: PathwayRunRequest, registry: Registry, progress: @escaping @Sendable (Int) -> Void = { _ in }
    ) throws(StepCareError) -> PathwayReport {
        let (registered, pathway, grid) = try simulationGrid(request, registry: registry)
        try Simulating.checkRuns(reps: request.reps, jobs: request.jobs)
        if request.save, request.fromCaseload {
            throw StepCareError(
                .invalidOption, "--save cannot keep a run that starts from the caseload",
                hint: "the open cases' records stay in their own context; leave out --save", field: "save")
        }
        var initial: [CaseTimeline] = []
        if request.fromCaseload {
            try recordAccess("simulate")  // the run reads every open case (in live, an audited read)
            initial = caseload.order.compactMap { id in
                guard pathwayOfCase[id] == pathway.id, let timeline = caseload.cases[id] else { return nil }
                if case .discharge = timeline.events.last?.kind { return nil }
                return timeline
            }
        }
        if request.save, context != .simulation {
            throw StepCareError(
                .invalidOption, "--save keeps simulated cases only in the simulation context",
                hint: "start the session with --context simulation (stepcare --context simulation)", field: "save")
        }
        // Every point is built and checked before any runs.
        var plans: [(population: PopulationModel, pathway: Pathway)] = []
        for point in grid.points {
            do throws(StepCareError) {
                let (population, values) = try grid.settings(at: point, in: pathway)
                var configuration = ServiceConfiguration(
                    configurations.filter { $0.pathway == pathway.id }, at: now)
                configuration.values.merge(values) { $1 }
                let configured = try registered.configured(configuration)
                do throws(RegistryError) { try registry.check(configured) } catch {
                    throw StepCareError(
                        .invalidSetting,
                        (point.isEmpty
                            ? ""
                            : "at " + zip(grid.axes, point).map { "\($0.name)=\($1)" }.joined(separator: ", ") + " ")
                            + (values.isEmpty ? "" : "with " + values.keys.sorted().joined(separator: ", ") + " ")
                            + "the pathway fails its check \(error.check): " + error.problems.joined(separator: "; "),
                        hint: "choose values the check allows")
                }
                plans.append((population, configured))
            } catch {
                throw error.blaming("set")
            }
        }
        // Each point runs at most as many replications at once as memory allows.
        var jobs: [Int] = []
        for plan in plans {
            jobs.append(
                try Self.jobs(
                    referrals: plan.population["referral.rate"] * request.days + Double(initial.count),
                    asked: request.jobs))
        }
        let measures = HuddleMetrics.talkingTherapiesMeasures(in: registry)
        var points: [PathwayReport.Point] = []
        for ((point, plan), jobs) in zip(zip(grid.points, plans), jobs) {
            var configured = try PathwaySimulation(
                pathway: plan.pathway, population: plan.population, registry: registry, days: request.days, start: now)
            configured.initialCases = initial
            let simulation = configured
            let done = points.count * request.reps
            let replications = Replications.run(
                count: request.reps, jobs: jobs, progress: { progress(done + $0) }
            ) {
                PathwayReport.Replication(
                    simulation.simulate(seed: request.seed &+ UInt64($0)), outcomeMeasures: measures,
                    keepCases: request.save && $0 == 0)
            }
            points.append(.init(values: point, replications: replications))
        }
        let report = PathwayReport(
            pathway: pathway, population: grid.population, sweeps: grid.axes.map(\.name), seed: request.seed,
            days: request.days, points: points, configurationVersion: pathway.configurationVersion)
        if request.save, let first = points.first?.replications.first {
            let cases = first.caseload.order.compactMap { first.caseload.cases[$0] }
            try keepSimulated(cases, pathway: pathway.id, seed: first.seed)
        }
        return report
    }

    /// The most clients one replication may expect (referrals and cases it starts from): a replication keeps
    /// every case it simulates, about 12 KB each (50,000 referrals peaked at 593 MB), so 250,000 is about 3 GB.
    static let mostClientsPerRun = 250_000.0
    /// The most clients the replications running at once may expect between them (about 6 GB).
    static let mostClientsAtOnce = 500_000.0

    /// How many replications of a run expecting `referrals` clients may run at once, at most `asked`: refuses a
    /// run one replication of which would hold more than ``mostClientsPerRun``, and runs fewer at once than asked
    /// when their clients together would pass ``mostClientsAtOnce`` (the results are the same, only slower).
    package static func jobs(referrals: Double, asked: Int) throws(StepCareError) -> Int {
        guard referrals <= mostClientsPerRun else {
            throw StepCareError(
                .invalidOption,
                "this run expects \(Int(referrals)) clients (referral.rate × days, and the cases it starts from), more "
                    + "than the \(Int(mostClientsPerRun)) one replication simulates",
                hint: "shorten --days or lower referral.rate; for a larger service, simulate a share of it and scale "
                    + "the figures", field: "days")
        }
        return max(1, min(asked, Int(mostClientsAtOnce / max(referrals, 1))))
    }

    /// The pathway a run simulates (registered, and as this service configured it) and its grid; the error
    /// names the option at fault.
    package func simulationGrid(
        _ request: PathwayRunRequest, registry: Registry
    ) throws(StepCareError) -> (registered: Pathway, pathway: Pathway, grid: SimulationGrid) {
        let registered: Pathway
        let pathway: Pathway
        do throws(StepCareError) {
            registered = try registry.pathway(request.pathway)
            pathway = try configured(registered)
        } catch {
            throw error.blaming("pathway")
        }
        return (registered, pathway, try SimulationGrid(pathway, settings: request.settings))
    }
}

/// The simulator's options as people write them (`--caps 156,284,146`), read once for every front end; each error
/// names the option.
public enum SimulationOptionText {
    /// A finite number.
    public static func number(_ text: String, field: String) throws(StepCareError) -> Double {
        guard let value = Double(text), value.isFinite else {
            throw StepCareError(.invalidOption, "--\(field) takes a number, not \"\(text.prefix(40))\"", field: field)
        }
        return value
    }

    /// A whole number of at least `minimum`.
    public static func integer(_ text: String, atLeast minimum: Int, field: String) throws(StepCareError) -> Int {
        guard let value = Int(text), value >= minimum else {
            throw StepCareError(
                .invalidOption, "--\(field) takes a whole number of at least \(minimum), not \"\(text.prefix(40))\"",
                field: field)
        }
        return value
    }

    /// A seed, 0 to 2⁶⁴ − 1.
    public static func seed(_ text: String) throws(StepCareError) -> UInt64 {
        guard let value = UInt64(text) else {
            throw StepCareError(
                .invalidOption, "--seed takes a whole number from 0 to 2⁶⁴ − 1, not \"\(text.prefix(40))\"",
                field: "seed")
        }
        return value
    }

    /// Values separated by `separator`.
    public static func list<T>(
        _ text: String, field: String, separator: Character = ",", _ parse: (String) -> T?
    ) throws(StepCareError) -> [T] {
        var values: [T] = []
        for part in text.split(separator: separator, omittingEmptySubsequences: false) {
            guard let value = parse(String(part.filter { !$0.isWhitespace })) else {
                throw StepCareError(
                    .invalidOption, "--\(field): \"\(part.prefix(40))\" is not a number",
                    hint: "write the values separated by '\(separator)', e.g. --caps 156,284,146", field: field)
            }
            values.append(value)
        }
        return values
    }

    /// One of a fixed set of words.
    public static func choice<T: RawRepresentable & CaseIterable>(
        _ text: String, _: T.Type, field: String
    ) throws(StepCareError) -> T where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            throw StepCareError(
                .invalidOption, "--\(field) is one of \(T.allCases.map(\.rawValue).joined(separator: ", "))",
                hint: "not \"\(text.prefix(40))\"", field: field)
        }
        return value
    }
}

extension NetworkModel.Options {
    /// The options that take a value, by name.
    public static let valueNames = ["rate", "scale", "caps", "means", "triage", "routing", "staffing", "dist", "cv"]

    /// Sets the option `name` from its written form.
    public mutating func set(_ name: String, from text: String) throws(StepCareError) {
        typealias Read = SimulationOptionText
        switch name {
        case "rate": rate = try Read.number(text, field: name)
        case "scale": scale = try Read.number(text, field: name)
        case "cv": cv = try Read.number(text, field: name)
        case "days": days = try Read.number(text, field: name)
        case "warmup": warmup = try Read.number(text, field: name)
        case "caps": caps = try Read.list(text, field: name) { Int($0) }
        case "means": means = try Read.list(text, field: name) { Double($0) }
        case "triage": triage = try Read.list(text, field: name) { Double($0) }
        case "staffing": staffing = try Read.choice(text, NetworkModel.Staffing.self, field: name)
        case "dist": dist = try Read.choice(text, NetworkModel.EpisodeLengths.self, field: name)
        case "routing":
            var rows: [[Double]] = []
            for row in text.split(separator: ";", omittingEmptySubsequences: false) {
                do throws(StepCareError) {
                    rows.append(try Read.list(String(row), field: name) { Double($0) })
                } catch {
                    throw StepCareError(
                        .invalidOption, "--routing: \"\(row.prefix(40))\" is not a row of probabilities",
                        hint: "one row per tier, rows separated by ';', e.g. 0,0.25,0;0.15,0,0.2;0,0.7,0", field: name)
                }
            }
            routing = rows
        default:
            throw StepCareError(.invalidOption, "simulate network has no option --\(name.prefix(40))", field: name)
        }
    }
}
