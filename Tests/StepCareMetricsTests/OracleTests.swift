import StepCareCore
import StepCareEngine
import StepCareEngineReference
import StepCareSimulation
import StepCareTesting
import Testing

@testable import StepCareMetrics

/// The huddle's one-pass computations against the slow ones they replaced (kept in `StepCareEngineReference`):
/// the trigger watch that follows a case through consecutive weeks with one step-up-only monitor, asking around
/// placements and discharges, against the replay asked after every event of each week; the weekly census
/// folded once against capacity replayed at every week's end; the dashboard's merged group tallies against
/// each group computed alone.
@Suite struct OracleTests {
    static let start = Instant(year: 2026, month: 1, day: 5) ?? Instant(minutes: 0)

    /// A service under strain: crises and ED visits frequent enough that step-ups trigger, Tier 3 short of slots
    /// so that triggers wait and breach.
    static let strained: PathwayRun = {
        do {
            var population = PopulationModel(pathway: Timeline.pathway)
            try population.set("crisis.hazard", to: 0.04)
            try population.set("emergency.hazard", to: 0.015)
            try population.set("tier-3.slots", to: 4)
            let simulation = try PathwaySimulation(
                pathway: Timeline.pathway, population: population, registry: Timeline.registry, days: 182, start: start)
            return simulation.simulate(seed: 7)
        } catch {
            fatalError("the simulation could not be set up: \(error)")
        }
    }()

    static let weeks = (1...26).map { ReportingWindow.week(ending: start + .days(7 * $0 - 1)) }

    static func watch(
        _ timelines: [CaseTimeline], _ engine: Engine
    ) -> (fast: [TriggerWatchResult?], slow: [TriggerWatchResult?]) {
        let metrics = HuddleMetrics(engine: engine)
        let reference = ReferenceEngine(engine)
        var fast: [TriggerWatchResult?] = []
        var slow: [TriggerWatchResult?] = []
        for timeline in timelines {
            var watch = StepUpWatch(metrics: metrics, timeline: timeline)
            for window in weeks {
                var tally = Tally(tierCount: engine.pathway.tiers.count, windowDays: 7)
                let discharged = watchedNothing(timeline, window)
                watch.add(window, to: &tally)
                var result = TriggerWatchResult()
                result.delays = tally.stepUpDelays
                result.breaches = tally.breaches
                result.outstanding = tally.outstanding.map { "\($0.ruleID) \($0.firedAt) \($0.deadline)" }
                result.outstandingReviews = tally.outstandingReviews.map {
                    "\($0.ruleID) \($0.firedAt) \($0.deadline)"
                }.sorted()
                fast.append(discharged ? nil : result)
                slow.append(reference.watchTriggers(timeline, from: window.from, to: window.to))
            }
        }
        return (fast, slow)
    }

    /// Whether the case was discharged before the window with no event in it (the watch adds nothing).
    static func watchedNothing(_ timeline: CaseTimeline, _ window: ReportingWindow) -> Bool {
        !timeline.events.contains { window.contains($0.at) } && CaseState(timeline, asOf: window.from).isDischarged
    }

    @Test func theTriggerWatchAgreesWithTheReplayOnAStrainedService() {
        let timelines = Self.strained.caseload.order.compactMap { Self.strained.caseload.cases[$0] }
        let (fast, slow) = Self.watch(timelines, Timeline.metrics.engine)
        #expect(slow.contains { ($0?.delays.isEmpty == false) })
        #expect(slow.contains { ($0?.breaches ?? 0) > 0 })
        #expect(slow.contains { ($0?.outstanding.isEmpty == false) })
        #expect(slow.contains { ($0?.outstandingReviews.isEmpty == false) })
        #expect(fast == slow)
    }

    @Test(arguments: ["community-stepped-care", "talking-therapies"])
    func theTriggerWatchAgreesWithTheReplayOnRandomTimelines(pathwayID: String) throws {
        let pathway = try Timeline.registry.pathway(pathwayID)
        let generator = RandomTimelines(
            pathway: pathway, instruments: try ["phq9", "gad7", "wsas"].map { try Timeline.registry.instrument($0) })
        var random = SplitMix64(seed: 0x7A7C)
        let timelines = (0..<150).map {
            generator.timeline("R\($0)", start: Self.start, maximumEvents: 40, random: &random)
        }
        let (fast, slow) = Self.watch(timelines, Engine(pathway: pathway))
        #expect(fast == slow)
    }

    /// Triggers that end without a step-up: a discharge on record before the deadline (not a breach), one after
    /// it (a breach), a move sideways out of the rule's tiers, and a trigger left open.
    @Test func triggersEndedByDischargesAndOtherMovesAgreeWithTheReplay() throws {
        let staff = Actor(name: "lee", role: .supervisor)
        func placed(_ tier: String, from: String?) -> CaseEventKind {
            .placement(
                Placement(tier: tier, from: from, kind: from == nil ? .place : .override, slot: .standard, actor: staff)
            )
        }
        let endings: [(day: Int, CaseEventKind)?] = [
            (8, .discharge(by: staff)), (12, .discharge(by: staff)), (9, placed("tier-1", from: "tier-2")), nil,
        ]
        var timelines: [CaseTimeline] = []
        for (number, ending) in endings.enumerated() {
            var timeline = CaseTimeline(caseID: "E\(number)")
            let day = { (day: Int) in Self.start + .days(day) + .hours(10) }
            try timeline.append(CaseEvent(at: day(0), .referral(preference: nil)))
            try timeline.append(CaseEvent(at: day(0), placed("tier-2", from: nil)))
            for (offset, kind) in [(1, CaseEventKind.crisisContact()), (2, .crisisContact()), (3, .emergencyVisit())] {
                try timeline.append(CaseEvent(at: day(offset), kind))
            }
            if let ending { try timeline.append(CaseEvent(at: day(ending.day), ending.1)) }
            timelines.append(timeline)
        }
        let (fast, slow) = Self.watch(timelines, Timeline.metrics.engine)
        #expect(slow.contains { ($0?.breaches ?? 0) > 0 })
        #expect(fast == slow)
    }

    @Test func theWeeklyCensusAgreesWithCapacityReplayedEachWeek() {
        let run = Self.strained
        let fast = Timeline.metrics.weekly(run.caseload, from: run.start, to: run.end)
        let slow = ReferenceEngine(Timeline.metrics.engine).weekly(run.caseload, from: run.start, to: run.end)
        #expect(fast.count == slow.count && fast.count == 26)
        #expect(fast.map(\.week) == slow.map(\.week))
        #expect(fast.map(\.placed) == slow.map(\.placed))
        #expect(fast.map(\.waiting) == slow.map(\.waiting))
        #expect(slow.contains { $0.waiting.contains { $0 > 0 } })
    }

    @Test func dashboardWeeksAndGroupsAgreeWithEachComputedAlone() {
        let run = Self.strained
        let timelines = run.caseload.order.compactMap { run.caseload.cases[$0] }
        let windows = Array(Self.weeks.suffix(12))
        let together = Timeline.metrics.compute(timelines, windows: windows, groupsBy: ["ethnicity", "age-band"])
        for (window, set) in zip(windows, together.history) {
            Self.expectEqual(set, Timeline.metrics.compute(timelines, window: window))
        }
        for field in ["ethnicity", "age-band"] {
            let groups = together.groups[field] ?? [:]
            #expect(groups.count >= 2)
            for (value, group) in groups {
                let members = timelines.filter {
                    ($0.demographics[field] ?? EquityBreakdown.notRecorded) == value
                        && ($0.events.first?.at).map { $0 <= windows[11].to } ?? false
                }
                #expect(group.clients == members.count)
                Self.expectEqual(group.metrics, Timeline.metrics.compute(members, window: windows[11]))
            }
        }
    }

    /// Cases discharged long before a week add nothing to it: leaving out their scan changes no figure.
    @Test func leavingOutClosedCasesChangesNoFigure() throws {
        let simulation = try PathwaySimulation(
            pathway: Timeline.pathway, population: PopulationModel(pathway: Timeline.pathway),
            registry: Timeline.registry, days: 364, start: Self.start)
        let run = simulation.simulate(seed: 3)
        let generator = RandomTimelines(
            pathway: Timeline.pathway,
            instruments: try ["phq9", "gad7", "wsas"].map { try Timeline.registry.instrument($0) })
        var random = SplitMix64(seed: 0xC105ED)
        let timelines =
            run.caseload.order.compactMap { run.caseload.cases[$0] }
            + (0..<600).map { number in
                generator.timeline(
                    "R\(number)", start: Self.start + .days(random.next(below: 200)), maximumEvents: 30, random: &random
                )
            }
        let windows = (41...52).map { ReportingWindow.week(ending: Self.start + .days(7 * $0 - 1)) }
        let skipping = Timeline.metrics.compute(
            timelines, windows: windows, groupsBy: ["ethnicity"], skippingClosedCases: true)
        let scanning = Timeline.metrics.compute(
            timelines, windows: windows, groupsBy: ["ethnicity"], skippingClosedCases: false)
        let closedEarly = timelines.filter { timeline in
            guard case .discharge = timeline.events.last?.kind, let last = timeline.lastEventAt else { return false }
            return last < windows[0].from - .days(91)
        }
        #expect(closedEarly.count > 10)
        for (a, b) in zip(skipping.history, scanning.history) { Self.expectEqual(a, b) }
        for (value, group) in scanning.groups["ethnicity"] ?? [:] {
            #expect(skipping.groups["ethnicity"]?[value]?.clients == group.clients)
            if let other = skipping.groups["ethnicity"]?[value] { Self.expectEqual(other.metrics, group.metrics) }
        }
        // Spread over threads, the same figures to the last bit as on one.
        let serial = Timeline.metrics.compute(
            timelines, windows: windows, groupsBy: ["ethnicity"], skippingClosedCases: true, jobs: 1)
        let parallel = Timeline.metrics.compute(
            timelines, windows: windows, groupsBy: ["ethnicity"], skippingClosedCases: true, jobs: 4)
        #expect(timelines.count > 3 * 256, "four runs of cases at least")
        func bits(_ set: MetricSet) -> [String] {
            set.values.map { "\($0.id) \($0.value.bitPattern) \($0.support) \(String(describing: $0.numerator))" }
                + set.outstanding.map { "\($0)" } + set.outstandingReviews.map { "\($0)" }
        }
        #expect(serial.history.map(bits) == parallel.history.map(bits))
        for (value, group) in serial.groups["ethnicity"] ?? [:] {
            #expect(parallel.groups["ethnicity"]?[value]?.clients == group.clients)
            #expect(parallel.groups["ethnicity"]?[value].map { bits($0.metrics) } == bits(group.metrics))
        }
    }

    /// Equal figures; sums of days may differ in the last bits, as they are added in another order.
    static func expectEqual(_ a: MetricSet, _ b: MetricSet) {
        #expect(a.values.count == b.values.count)
        for (x, y) in zip(a.values, b.values) {
            #expect(x.id == y.id && x.support == y.support && x.numerator == y.numerator)
            let same = (x.value.isNaN && y.value.isNaN) || abs(x.value - y.value) <= 1e-9 * max(1, abs(y.value))
            #expect(same, "\(x.id): \(x.value) against \(y.value)")
        }
        #expect(a.outstanding == b.outstanding)
        #expect(a.outstandingReviews == b.outstandingReviews)
    }
}
