public import StepCareCore

/// One case as the engine follows it: the state and every rule's status, advanced one event at a time.
///
/// Each rule is checked after every moment at which events were recorded (events at the same minute are read
/// together, so a moment is checked when the first event of a later minute arrives, or when the monitor is
/// asked) and at the moment asked about. Appending an event costs the rules it wakes, not the history's
/// length; asking costs one more check of each rule. Callers that follow a case over time (the simulator, the
/// huddle metrics, the console) keep a monitor and append to it instead of asking ``Engine/evaluate(_:asOf:)``
/// again.
public struct CaseMonitor: Sendable {
    /// The engine whose pathway is applied.
    public let engine: Engine
    /// The case's state after every event appended.
    public private(set) var state: CaseState
    /// Returns to a tier after a step-down from it, so far.
    public private(set) var reEscalations: [ReEscalation] = []
    /// The waits still open: each tier waitlisted for (once, from the first time) until a placement into it
    /// or a more intensive tier.
    public private(set) var activeWaits: [(at: Instant, tier: String)] = []
    private let rules: [MovementRule]
    private var statuses: [RuleMonitor]
    /// Events before this index have been read at a checkpoint.
    private var checked = 0
    private var movesDown: [(tier: String, at: Instant)] = []

    /// A monitor of a case with no events yet.
    public init(engine: Engine) {
        self.engine = engine
        rules = engine.pathway.allRules
        statuses = Array(repeating: RuleMonitor(), count: rules.count)
        state = CaseState([], now: Instant(minutes: 0))
    }

    /// A monitor of `timeline` as of `now`: every event dated at or before it, appended in order.
    public init(engine: Engine, timeline: CaseTimeline, asOf now: Instant) {
        self.init(engine: engine)
        for event in timeline.events {
            guard event.at <= now else { break }
            append(event)
        }
    }

    /// The time of the latest event appended.
    public var lastEventAt: Instant? { state.events.last?.at }

    /// Appends `event`, which must be dated at or after the latest event (timelines refuse anything else).
    public mutating func append(_ event: CaseEvent) {
        if let last = lastEventAt {
            precondition(event.at >= last, "events are appended in time order")
            if event.at > last { checkpoint() }
        }
        state.append(event)
        engine.foldWait(&activeWaits, event)
        engine.foldReEscalation(&movesDown, &reEscalations, event)
    }

    /// Appends the events of `timeline` past those already appended (the timeline must extend the case).
    public mutating func catchUp(with timeline: CaseTimeline) {
        for event in timeline.events[state.events.endIndex...] { append(event) }
    }

    /// Everything the engine says about the case as of `now`. A moment before the latest event is answered
    /// by replaying the events up to it (exactly, at the cost of the history's length).
    public func evaluation(asOf now: Instant) -> Evaluation {
        let (recommendations, final, triage) = outstanding(asOf: now, triage: true)
        let needsTriage = final.tier == nil && !final.isDischarged && final.referralIndex != nil
        return Evaluation(
            state: final, recommendations: recommendations, triage: needsTriage ? triage() : nil,
            reEscalations: final.events.count == state.events.count
                ? reEscalations : CaseMonitor(engine: engine, events: final.events).reEscalations)
    }

    /// The outstanding recommendations as of `now`, most urgent deadline first, without triage: what callers
    /// that only act on recommendations ask after every event.
    public func recommendations(asOf now: Instant) -> [Recommendation] {
        outstanding(asOf: now, triage: false).recommendations
    }

    private init(engine: Engine, events: ArraySlice<CaseEvent>) {
        self.init(engine: engine)
        for event in events { append(event) }
    }

    /// Checks every rule at the moment of the latest event, reading the events since the last check.
    private mutating func checkpoint() {
        let newEvents = checked..<state.events.endIndex
        for index in rules.indices { statuses[index].check(rules[index], state, newEvents: newEvents, engine) }
        checked = state.events.endIndex
    }

    private func outstanding(
        asOf now: Instant, triage wanted: Bool
    ) -> (recommendations: [Recommendation], final: CaseState, triage: () -> Triage) {
        if let last = lastEventAt, now < last {
            return CaseMonitor(engine: engine, events: state.events.prefix { $0.at <= now })
                .outstanding(asOf: now, triage: wanted)
        }
        var final = self
        if final.checked < final.state.events.endIndex { final.checkpoint() }
        final.state.now = now
        final.checkpoint()
        let state = final.state
        var triage: Triage?
        func triaged() -> Triage {
            if let triage { return triage }
            let result = engine.triage(state)
            triage = result
            return result
        }
        var recommendations = zip(rules, final.statuses).compactMap { rule, status in
            status.fired.map { engine.recommendation(rule, $0.result, tier: $0.tier, target: triaged) }
        }
        recommendations += engine.handovers(state)
        recommendations.sort { ($0.deadline, $0.ruleID) < ($1.deadline, $1.ruleID) }
        let found = triage
        return (recommendations, state, { found ?? engine.triage(state) })
    }
}
