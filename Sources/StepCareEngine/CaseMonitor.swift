public import StepCareCore

/// One case as the engine follows it: the state and every rule's status, advanced one event at a time.
///
/// Each rule is checked after a moment at which events it reads were recorded (events at the same minute are
/// read together, so a moment is checked when the first event of a later minute arrives, or when the monitor is
/// asked), once time reaches the moment its condition could next change alone, and at the moment asked about;
/// after any other moment its status stands as it was (``EventReads``). Appending an event costs the rules it
/// wakes, not the history's length. Callers that follow a case over time (the simulator, the
/// huddle metrics, the console) keep a monitor and append to it instead of asking ``Engine/evaluate(_:asOf:)``
/// again.
public struct CaseMonitor: Sendable {
    /// The engine whose pathway is applied (``reconfigure(_:)`` changes it from the next moment).
    public private(set) var engine: Engine
    /// The case's state after every event appended.
    public private(set) var state: CaseState
    /// Returns to a tier after a step-down from it, so far.
    public private(set) var reEscalations: [ReEscalation] = []
    /// The waits still open: each tier waitlisted for (once, from the first time) until a placement into it
    /// or a more intensive tier.
    public private(set) var activeWaits: [(at: Instant, tier: String)] = []
    private var statuses: [RuleMonitor]
    /// The positions of the rules this monitor checks (every rule unless made for some kinds only).
    private let checkedRules: [Int]
    /// Whether the monitor reports handover contacts.
    private let reportsHandovers: Bool
    /// Whether a firing's trace carries its evidence lines (see ``init(engine:checking:explaining:)``).
    private let explains: Bool
    /// Events before this index have been read at a checkpoint.
    private var checked = 0
    /// The index of the first event at the latest event's minute.
    private var latestMomentStart = 0
    /// Every rule's status after the check of the latest moment, made by ``ask(asOf:)`` before the moment
    /// closed; kept with the event count it covers, so closing the moment does not check again.
    private var settled: (events: Int, statuses: [RuleMonitor])?
    private var movesDown: [(tier: String, at: Instant)] = []

    /// A monitor of a case with no events yet; `explaining` as for ``init(engine:checking:explaining:)``.
    public init(engine: Engine, explaining: Bool = true) {
        self.init(engine: engine, checking: { _ in true }, explaining: explaining)
    }

    /// A monitor that checks only the rules recommending the kinds `selected` accepts: it reports only those
    /// recommendations (and handovers if accepted), at the cost of those rules alone. The huddle's trigger
    /// watch follows step-up rules this way.
    ///
    /// - Parameter explaining: whether a firing's trace lists its evidence (dates, scores and thresholds written
    ///   out). Without it the recommendations are the same in every other field and their traces hold the
    ///   rule's headline alone: for callers that act on kinds, times and deadlines (the simulator, the trigger
    ///   watch), which then do not format evidence that nobody reads.
    public init(engine: Engine, checking selected: (RecommendationKind) -> Bool, explaining: Bool = true) {
        self.init(
            engine: engine,
            checkedRules: engine.compiled.rules.indices.filter { selected(engine.compiled.rules[$0].recommendation) },
            reportsHandovers: selected(.handoverContact(number: 1)), explains: explaining)
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
        prepare(for: event)
        state.append(event)
        fold(event)
    }

    /// Appends the next event of `events`, a timeline whose first events are those already appended, sharing
    /// its storage rather than copying the event (see ``catchUp(with:)``).
    public mutating func appendNext(of events: [CaseEvent]) {
        let event = events[state.events.endIndex]
        prepare(for: event)
        state.appendNext(of: events)
        fold(event)
    }

    /// Closes the latest moment when `event` starts a later one.
    private mutating func prepare(for event: CaseEvent) {
        if let last = lastEventAt {
            precondition(event.at >= last, "events are appended in time order")
            if event.at > last { checkpoint() }
        }
        if lastEventAt != event.at { latestMomentStart = state.events.endIndex }
    }

    private mutating func fold(_ event: CaseEvent) {
        engine.foldWait(&activeWaits, event)
        engine.foldReEscalation(&movesDown, &reEscalations, event)
    }

    /// Goes on under `engine`, the same pathway with another configuration, from the moment after the latest
    /// event: that moment is checked under the engine it was recorded under, and what has fired stands (with
    /// the configuration it fired under) until an event resolves it, as at any other moment.
    ///
    /// - Parameter moment: when the new configuration took effect (at or after the latest event). Each rule not
    ///   outstanding is checked then under it: one the new values make hold over what is already recorded (a
    ///   widened window) fires at that moment, with its deadline from it, and stands until resolved like any
    ///   other, instead of showing only while the widened window still covers the old evidence.
    public mutating func reconfigure(_ engine: Engine, at moment: Instant? = nil) {
        precondition(
            engine.compiled.rules.map(\.id) == self.engine.compiled.rules.map(\.id),
            "a monitor is reconfigured only to the same pathway's rules")
        checkpoint()
        self.engine = engine
        guard let moment, !state.events.isEmpty, moment >= state.now else { return }
        var then = state
        then.now = moment
        let end = state.events.endIndex
        for index in checkedRules where statuses[index].fired == nil {
            statuses[index].check(index, then, newEvents: end..<end, engine, explain: explains, notBefore: moment)
        }
        // The new values may move when a condition could next change: every rule is checked at the next moment.
        for index in checkedRules { statuses[index].quietUntil = Instant(minutes: .min) }
    }

    /// Appends the events of `timeline` past those already appended (the timeline must extend the case). The
    /// monitor shares the timeline's storage instead of copying its events; recording on the timeline later
    /// copies its events once, when the two next differ.
    public mutating func catchUp(with timeline: CaseTimeline) {
        let events = timeline.events
        while state.events.endIndex < events.count { appendNext(of: events) }
    }

    /// Everything the engine says about the case as of `now`. A moment before the latest event is answered
    /// by replaying the events up to it (exactly, at the cost of the history's length).
    public func evaluation(asOf now: Instant) -> Evaluation {
        if let past = replayed(until: now) { return past.evaluation(asOf: now) }
        let (recommendations, final) = outstanding(asOf: now)
        let needsTriage = final.tier == nil && !final.isDischarged && final.referralIndex != nil
        return Evaluation(
            state: final, recommendations: recommendations, triage: needsTriage ? engine.triage(final) : nil,
            reEscalations: reEscalations)
    }

    /// The outstanding recommendations as of `now`, most urgent deadline first, without triage: what callers
    /// that only act on recommendations ask after every event.
    public func recommendations(asOf now: Instant) -> [Recommendation] {
        outstanding(asOf: now).recommendations
    }

    /// The outstanding recommendations as of `now` (at or after the latest event), like
    /// ``recommendations(asOf:)``, keeping the check of the latest moment so that the next event at a later
    /// minute does not repeat it: for callers that ask after every event.
    ///
    /// - Parameter selected: the kinds the caller acts on; the others are left out unbuilt (a placement's triage
    ///   and the handover contacts are worked out only when selected). Every rule's status is kept as usual.
    public mutating func ask(
        asOf now: Instant, of selected: (RecommendationKind) -> Bool = { _ in true }
    ) -> [Recommendation] {
        let end = state.events.endIndex
        if checked < end, settled?.events != end, lastEventAt.map({ now >= $0 }) ?? false {
            var statuses = self.statuses
            let recorded = state.reads(checked..<end)
            for index in checkedRules {
                statuses[index].update(
                    index, state, newEvents: checked..<end, recorded: recorded, engine, explain: explains)
            }
            settled = (end, statuses)
        }
        return outstanding(asOf: now, rules: selected).recommendations
    }

    /// The earliest moment after `now` (at or after the latest event) at which a rule's condition could change
    /// with no new event: when a caller that follows the case should ask again, instead of polling. `nil` when
    /// only a new event can change what is outstanding.
    public func nextWakeUp(after now: Instant) -> Instant? {
        var moment = state
        moment.now = max(now, state.now)
        return checkedRules.compactMap { moment.nextTimeChange(engine.compiled.checks[$0].condition) }.min()
    }

    /// The outstanding recommendations of the kinds `selected` accepts (handovers among them), checking only the
    /// rules that recommend those kinds: what the huddle's trigger watch asks after every event.
    public func recommendations(
        asOf now: Instant, of selected: (RecommendationKind) -> Bool
    ) -> [Recommendation] {
        outstanding(asOf: now, rules: selected).recommendations
    }

    /// For a moment before the latest event: a monitor of the events up to it (the past is replayed).
    private func replayed(until now: Instant) -> CaseMonitor? {
        guard let last = lastEventAt, now < last else { return nil }
        var past = CaseMonitor(
            engine: engine, checkedRules: checkedRules, reportsHandovers: reportsHandovers, explains: explains)
        for event in state.events where event.at <= now { past.append(event) }
        return past
    }

    private init(engine: Engine, checkedRules: [Int], reportsHandovers: Bool, explains: Bool) {
        self.engine = engine
        self.explains = explains
        statuses = Array(repeating: RuleMonitor(), count: engine.compiled.rules.count)
        self.checkedRules = checkedRules
        self.reportsHandovers = reportsHandovers
        state = CaseState([], now: Instant(minutes: 0))
    }

    /// Checks every rule at the moment of the latest event, reading the events since the last check.
    private mutating func checkpoint() {
        guard checked < state.events.endIndex else { return }
        if let settled, settled.events == state.events.count {
            statuses = settled.statuses
        } else {
            let newEvents = checked..<state.events.endIndex
            let recorded = state.reads(newEvents)
            for index in checkedRules {
                statuses[index].update(
                    index, state, newEvents: newEvents, recorded: recorded, engine, explain: explains)
            }
        }
        settled = nil
        checked = state.events.endIndex
    }

    /// The recommendations outstanding at `now` (at or after the latest event): each rule's status is taken
    /// through the pending moment and `now` on a local copy, so asking changes nothing. A placement's target is
    /// triaged (without a trace) only when a placement recommendation is outstanding.
    private func outstanding(
        asOf now: Instant, rules selected: (RecommendationKind) -> Bool = { _ in true }
    ) -> (recommendations: [Recommendation], final: CaseState) {
        if let past = replayed(until: now) { return past.outstanding(asOf: now, rules: selected) }
        let rules = engine.compiled.rules
        var final = state
        final.now = now
        let end = state.events.endIndex
        var target: String??
        var recommendations: [Recommendation] = []
        // Asked at the moment of the latest event, the check at `now` repeats the check at that moment (same
        // events, same time). It can change only a status that check resolved (a resolved rule is looked at
        // again only at the next check, where it may fire on newer evidence), so it is made only for those.
        let sameMoment = now == state.now && !state.events.isEmpty
        let settledStatuses = settled.flatMap { $0.events == end ? $0.statuses : nil }
        let recorded = checked < end && settledStatuses == nil ? state.reads(checked..<end) : []
        for index in checkedRules where selected(rules[index].recommendation) {
            var status = settledStatuses?[index] ?? statuses[index]
            if checked < end, settledStatuses == nil {
                status.update(index, state, newEvents: checked..<end, recorded: recorded, engine, explain: explains)
            }
            // Later than the latest moment, the check at `now` can change only what time can (a resolved rule is
            // also looked at again at its next check, where it may fire on evidence newer than its resolution).
            let resolvedThisMoment = status.fired == nil && (status.resolvedAt ?? -1) >= latestMomentStart
            if resolvedThisMoment || (!sameMoment && status.mustCheck(at: now, index, engine)) {
                status.check(index, final, newEvents: end..<end, engine, explain: explains)
            }
            guard let firing = status.fired else { continue }
            if let made = firing.recommendation {
                recommendations.append(made)
            } else {
                let placement = target ?? engine.triage(final, explain: false).placement
                target = placement
                recommendations.append(
                    engine.recommendation(index, firing.result, tier: firing.tier, target: placement))
            }
        }
        if reportsHandovers, selected(.handoverContact(number: 1)) { recommendations += engine.handovers(final) }
        recommendations.sort { ($0.deadline, $0.ruleID) < ($1.deadline, $1.ruleID) }
        return (recommendations, final)
    }
}
