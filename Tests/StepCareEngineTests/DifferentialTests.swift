import StepCareCore
import StepCareEngine
import StepCareEngineReference
import StepCareTesting
import Testing

/// The incremental engine against the replay evaluator it replaced (kept in `StepCareEngineReference`), on
/// seeded random timelines of both shipped pathways: every recommendation field including the trace, triage,
/// re-escalations, the state's facts, open waits and capacity must be identical.
@Suite struct DifferentialTests {
    typealias F = CaseFixture

    struct Setup: Sendable {
        let engine: Engine
        let reference: ReferenceEngine
        let generator: RandomTimelines
    }

    static let setups: [Setup] = ["community-stepped-care", "talking-therapies"].map { id in
        do {
            let pathway = try F.registry.pathway(id)
            let instruments = try ["phq9", "gad7", "wsas"].map { try F.registry.instrument($0) }
            let engine = Engine(pathway: pathway)
            return Setup(
                engine: engine, reference: ReferenceEngine(engine),
                generator: RandomTimelines(pathway: pathway, instruments: instruments))
        } catch {
            fatalError("\(error)")
        }
    }

    /// 100,000 timelines in 20 seeded batches (run in parallel), each asked about at several moments.
    static let batches = 20
    static let timelinesPerBatch = 5_000

    @Test(arguments: 0..<batches)
    func evaluateAgreesWithTheReplay(batch: Int) {
        var random = SplitMix64(seed: 0x5EED_0000 + UInt64(batch))
        var failures = 0
        for number in 0..<Self.timelinesPerBatch where failures < 3 {
            let setup = Self.setups[number % Self.setups.count]
            let timeline = setup.generator.timeline(
                "C\(number)", start: F.start, maximumEvents: 24, random: &random)
            for now in setup.generator.moments(of: timeline, count: 3, random: &random) {
                let fast = setup.engine.evaluate(timeline, asOf: now)
                let slow = setup.reference.evaluate(timeline, asOf: now)
                if !Self.agree(fast, slow, setup) {
                    failures += 1
                    Issue.record("batch \(batch) timeline \(number) as of \(now): \(Self.difference(fast, slow))")
                }
            }
        }
    }

    /// A service's configuration changes the thresholds the rules read, not how the engine reads them: on the
    /// default pathway with windows, counts and deadlines changed, the incremental engine still agrees with the
    /// replay, on 3 × 2,000 timelines.
    @Test(arguments: [
        ["step-up-window": "14d", "step-up-crisis-contacts": "1", "no-show-window": "7d", "no-shows": "1"],
        [
            "symptom-persistence": "2w", "tier-1-review-session": "2", "crisis-follow-up": "48h",
            "tier-3-check-in": "3d",
        ],
        [
            "step-down-no-crisis": "21d", "engagement-attendance": "50%", "engagement-contacts": "2",
            "tier-2-phq9": "12", "tier-3-phq9": "18", "ongoing-risk-window": "30d",
        ],
    ])
    func aConfiguredPathwayAgreesWithTheReplay(values: [String: String]) throws {
        let registered = try F.registry.pathway("community-stepped-care")
        var configuration = ServiceConfiguration()
        for (name, text) in values {
            guard
                case .parameter(let id, let value) = try ConfigurationSetting(
                    name: name, text: text, until: nil, in: registered)
            else { continue }
            configuration.values[id] = value
        }
        let pathway = try registered.configured(configuration)
        #expect(pathway.parameters.filter { values[$0.id] != nil }.count == values.count)
        try F.registry.check(pathway)
        let instruments = try ["phq9", "gad7", "wsas"].map { try F.registry.instrument($0) }
        let engine = Engine(pathway: pathway)
        let setup = Setup(
            engine: engine, reference: ReferenceEngine(engine),
            generator: RandomTimelines(pathway: pathway, instruments: instruments))
        var random = SplitMix64(seed: 0xC0F1_6000 + UInt64(values.count))
        var failures = 0
        for number in 0..<2_000 where failures < 3 {
            let timeline = setup.generator.timeline("C\(number)", start: F.start, maximumEvents: 24, random: &random)
            for now in setup.generator.moments(of: timeline, count: 3, random: &random) {
                let fast = engine.evaluate(timeline, asOf: now)
                let slow = setup.reference.evaluate(timeline, asOf: now)
                if !Self.agree(fast, slow, setup) {
                    failures += 1
                    Issue.record("timeline \(number) as of \(now): \(Self.difference(fast, slow))")
                }
            }
        }
    }

    /// Folding many cases over several threads gives, case by case, what folding each alone gives.
    @Test func aParallelFoldAgreesWithTheSerialOne() {
        var random = SplitMix64(seed: 0xF0_1D)
        let setup = Self.setups[0]
        let timelines = (0..<3_000).map {
            setup.generator.timeline("P\($0)", start: F.start, maximumEvents: 24, random: &random)
        }
        let parallel = setup.engine.monitors(of: timelines, jobs: 4)
        let serial = setup.engine.monitors(of: timelines, jobs: 1)
        #expect(parallel.count == timelines.count)
        for (index, timeline) in timelines.enumerated() {
            let now = (timeline.lastEventAt ?? F.start) + .days(1)
            let (a, b) = (parallel[index].recommendations(asOf: now), serial[index].recommendations(asOf: now))
            #expect(a == b, "\(timeline.caseID)")
            #expect(a == setup.engine.evaluate(timeline, asOf: now).recommendations, "\(timeline.caseID)")
            if a != b { break }
        }
    }

    /// A monitor fed one event at a time, asked after every event about a moment at or after it, agrees with
    /// a replay of the prefix.
    @Test(arguments: 0..<4)
    func aMonitorFollowingACaseAgreesWithTheReplay(batch: Int) {
        var random = SplitMix64(seed: 0xF01D_0000 + UInt64(batch))
        var failures = 0
        for number in 0..<1_000 where failures < 3 {
            let setup = Self.setups[number % Self.setups.count]
            let timeline = setup.generator.timeline("C\(number)", start: F.start, maximumEvents: 30, random: &random)
            var monitor = CaseMonitor(engine: setup.engine)
            var stepUps = CaseMonitor(engine: setup.engine, checking: RecommendationKind.isStepUp)
            var unexplained = CaseMonitor(engine: setup.engine, explaining: false)
            var prefix = CaseTimeline(caseID: timeline.caseID)
            for event in timeline.events where failures < 3 {
                monitor.append(event)
                stepUps.append(event)
                unexplained.append(event)
                try? prefix.append(event)
                let now = event.at + TimeSpan(minutes: random.next(below: 3) == 0 ? 0 : random.next(below: 20_000))
                // Sometimes asked the way the simulator asks, keeping the latest moment's check for the next event.
                let asked = random.next(below: 2) == 0 ? monitor.ask(asOf: now) : monitor.recommendations(asOf: now)
                let fast = monitor.evaluation(asOf: now)
                let slow = setup.reference.evaluate(prefix, asOf: now)
                let slowStepUps = slow.recommendations.filter { RecommendationKind.isStepUp($0.kind) }
                if !Self.agree(fast, slow, setup) || asked != slow.recommendations
                    || stepUps.recommendations(asOf: now) != slowStepUps
                    || monitor.recommendations(asOf: now, of: RecommendationKind.isStepUp) != slowStepUps
                    || unexplained.ask(asOf: now).map(Self.headlineOnly) != slow.recommendations.map(Self.headlineOnly)
                {
                    failures += 1
                    let rules = (
                        asked.map(\.ruleID), stepUps.recommendations(asOf: now).map(\.ruleID),
                        slow.recommendations.map(\.ruleID)
                    )
                    Issue.record(
                        Comment(
                            rawValue: "monitor, timeline \(number) as of \(now): \(Self.difference(fast, slow))\n"
                                + "  asked, step-up monitor, replayed: \(rules)"))
                }
            }
        }
    }

    /// Between a moment and the wake-up the monitor names, nothing outstanding changes with the passage of time
    /// alone: the replay at sampled moments before it finds the same rules fired at the same times. With no
    /// wake-up named, nothing changes in the next 200 days.
    @Test(arguments: 0..<2)
    func nothingChangesBeforeTheWakeUp(batch: Int) {
        var random = SplitMix64(seed: 0xA1A2_0000 + UInt64(batch))
        for number in 0..<1_500 {
            let setup = Self.setups[number % Self.setups.count]
            let timeline = setup.generator.timeline("C\(number)", start: F.start, maximumEvents: 24, random: &random)
            guard let last = timeline.lastEventAt else { continue }
            let now = last + TimeSpan(minutes: random.next(below: 3) == 0 ? 0 : random.next(below: 30_000))
            let monitor = CaseMonitor(engine: setup.engine, timeline: timeline, asOf: now)
            let wakeUp = monitor.nextWakeUp(after: now)
            if let wakeUp { #expect(wakeUp > now) }
            let horizon = wakeUp ?? now + .days(200)
            func keys(_ at: Instant) -> [String] {
                setup.reference.evaluate(timeline, asOf: at).recommendations.map {
                    "\($0.ruleID) \($0.firedAt) \($0.deadline)"
                }
            }
            let before = keys(now)
            for _ in 0..<3 {
                let span = (horizon - now).minutes
                guard span > 1 else { break }
                let at = now + TimeSpan(minutes: 1 + random.next(below: span - 1))
                if keys(at) != before {
                    Issue.record(
                        "timeline \(number): changed at \(at), before the wake-up \(String(describing: wakeUp))")
                    return
                }
            }
        }
    }

    /// Capacity over random caseloads, from the live census (kept up to date while cases are opened, extended
    /// one event at a time, shortened by an undone change and removed) and from a replay to random moments.
    @Test func capacityAgreesWithTheReplay() {
        var random = SplitMix64(seed: 0xCA9A)
        for round in 0..<300 {
            let setup = Self.setups[round % Self.setups.count]
            var caseload = Caseload(tiers: setup.engine.pathway.tiers.map(\.id))
            var unindexed = Caseload()
            let timelines = (0..<(1 + random.next(below: 25))).map { number in
                setup.generator.timeline(
                    "C\(number)", start: F.start + .days(random.next(below: 60)), maximumEvents: 20, random: &random)
            }
            var shown = timelines.map { CaseTimeline(caseID: $0.caseID) }
            for timeline in shown {
                try? caseload.open(timeline)
                try? unindexed.open(timeline)
            }
            // Interleave the cases' events; now and then undo a case's last event, or remove a case.
            var remaining = timelines.indices.flatMap { index in timelines[index].events.map { (index, $0) } }
            while !remaining.isEmpty {
                let (index, _) = remaining[random.next(below: remaining.count)]
                guard let position = remaining.firstIndex(where: { $0.0 == index }) else { continue }
                let event = remaining.remove(at: position).1
                try? shown[index].append(event)
                caseload.update(shown[index])
                if random.next(below: 50) == 0 {
                    let shorter = CaseTimeline(
                        caseID: shown[index].caseID, events: Array(shown[index].events.dropLast()))
                    caseload.update(shorter)
                    caseload.update(shown[index])
                }
            }
            if random.next(below: 4) == 0, let gone = shown.first {
                caseload.remove(gone.caseID)
                shown.removeFirst()
            }
            for timeline in shown {
                if unindexed.cases[timeline.caseID] != nil { unindexed.update(timeline) }
            }
            if let gone = timelines.first, !shown.contains(where: { $0.caseID == gone.caseID }) {
                unindexed.remove(gone.caseID)
            }
            let latest = Instant(minutes: Int.max / 2)
            let now = F.start + .days(random.next(below: 200))
            #expect(setup.engine.capacity(caseload, asOf: latest) == setup.reference.capacity(unindexed, asOf: latest))
            #expect(setup.engine.capacity(caseload, asOf: now) == setup.reference.capacity(unindexed, asOf: now))
            var reindexed = unindexed
            reindexed.index(tiers: setup.engine.pathway.tiers.map(\.id))
            #expect(setup.engine.capacity(reindexed, asOf: latest) == setup.reference.capacity(unindexed, asOf: latest))
        }
    }

    static func agree(_ fast: Evaluation, _ slow: ReferenceEvaluation, _ setup: Setup) -> Bool {
        fast.recommendations == slow.recommendations && fast.triage == slow.triage
            && fast.reEscalations == slow.reEscalations && facts(fast.state) == facts(slow.state)
            && setup.engine.activeWaits(fast.state).map(\.tier) == setup.reference.activeWaits(slow.state).map(\.tier)
            && untraced(fast.triage) == fast.triage.map { _ in setup.engine.triage(fast.state, explain: false) }
    }

    /// A recommendation whose trace is cut to its first line, the rule's headline: a monitor that does not
    /// explain must agree with the replay in everything else.
    static func headlineOnly(_ recommendation: Recommendation) -> Recommendation {
        var cut = recommendation
        cut.trace = Array(cut.trace.prefix(1))
        return cut
    }

    /// A triage without its trace: what triage without explanation must give.
    static func untraced(_ triage: Triage?) -> Triage? {
        triage.map {
            var bare = $0
            bare.trace = []
            return bare
        }
    }

    /// The facts callers read from a state, as one comparable string.
    static func facts(_ state: CaseState) -> String {
        "\(state.events.count) \(state.now) \(String(describing: state.referralIndex)) \(String(describing: state.preference)) "
            + "\(String(describing: state.placementIndex)) \(String(describing: state.tier)) \(state.isDischarged) "
            + "\(state.sessions) \(String(describing: state.lastRiskReviewIndex)) \(state.openFlags.map(\.index)) "
            + "\(state.tierStart) \(CountedEvent.allCases.map { state.indices(of: $0) })"
    }

    static func facts(_ state: ReplayState) -> String {
        "\(state.events.count) \(state.now) \(String(describing: state.referralIndex)) \(String(describing: state.preference)) "
            + "\(String(describing: state.placementIndex)) \(String(describing: state.tier)) \(state.isDischarged) "
            + "\(state.sessions) \(String(describing: state.lastRiskReviewIndex)) \(state.openFlags.map(\.index)) "
            + "\(state.tierStart) \(CountedEvent.allCases.map { state.indices(of: $0) })"
    }

    static func difference(_ fast: Evaluation, _ slow: ReferenceEvaluation) -> String {
        if fast.recommendations != slow.recommendations {
            return "recommendations\n  fast: \(fast.recommendations)\n  slow: \(slow.recommendations)"
        }
        if fast.triage != slow.triage {
            return "triage\n  fast: \(String(describing: fast.triage))\n  slow: \(String(describing: slow.triage))"
        }
        if fast.reEscalations != slow.reEscalations { return "re-escalations" }
        return "state\n  fast: \(facts(fast.state))\n  slow: \(facts(slow.state))"
    }
}
