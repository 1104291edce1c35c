public import StepCareCore
import StepCareEngine

/// A step-up the engine recommends that has not been made by the end of the window.
public struct OutstandingTrigger: Sendable, Hashable {
    /// The client's pseudonymous id.
    public var caseID: String
    /// The tier the client is in.
    public var tier: String?
    /// The rule that fired.
    public var ruleID: String
    /// When it fired.
    public var firedAt: Instant
    /// When the step-up is due by.
    public var deadline: Instant
    /// Days from firing to the end of the window.
    public var ageDays: Double
    /// Whether the deadline has passed by the end of the window.
    public var isOverdue: Bool
}

/// Follows one client's step-up recommendations through reporting windows: how long each step-up took from its
/// trigger, which deadlines fell in the window unmet, and what is still outstanding at its end.
///
/// The engine is asked at the start of each window, around every placement and discharge in it, and at its end;
/// a trigger seen outstanding and then gone was resolved by the event in between. One ``CaseMonitor``, checking the step-up
/// rules only, carries the case from window to window, so all of a case's windows cost one pass over its events.
struct StepUpWatch {
    let metrics: HuddleMetrics
    let timeline: CaseTimeline
    /// The case as of the end of the latest window watched (every event up to it appended).
    private(set) var monitor: CaseMonitor
    /// The next event of the timeline to append.
    private var next = 0

    private struct Key: Hashable {
        var ruleID: String
        var firedAt: Instant
    }

    private struct Watched {
        var deadline: Instant
        var resolvedAt: Instant?
    }

    init(metrics: HuddleMetrics, timeline: CaseTimeline) {
        self.metrics = metrics
        self.timeline = timeline
        monitor = CaseMonitor(engine: metrics.engine(before: .earliest), checking: Self.watched, explaining: false)
    }

    /// The rules the watch checks: step-ups, and tier reviews for the list of those outstanding.
    static func watched(_ kind: RecommendationKind) -> Bool {
        RecommendationKind.isStepUp(kind) || kind == .tierReview
    }

    /// Puts the monitor under the configuration in force just before `moment`, before it reads an event or is
    /// asked at that moment (moments only move forward).
    private mutating func configure(for moment: Instant) {
        guard let era = metrics.eras.last(where: { $0.from < moment }) ?? metrics.eras.first else { return }
        if !monitor.engine.isSame(as: era.engine) { monitor.reconfigure(era.engine, at: era.from) }
    }

    static func canResolve(_ event: CaseEvent) -> Bool {
        switch event.kind {
        case .placement, .discharge: true
        default: false
        }
    }

    /// Adds the case's step-ups, breaches and outstanding triggers in `window`, which must start after every
    /// window watched before. Afterwards ``monitor`` holds every event up to the window's end. A case discharged
    /// before the window with no events in it adds nothing.
    mutating func add(_ window: ReportingWindow, to tally: inout Tally) {
        let engine = metrics.engine
        let events = timeline.events
        while next < events.count, events[next].at < window.from {
            configure(for: events[next].at)
            monitor.appendNext(of: events)
            next += 1
        }
        let hasEventsInWindow = next < events.count && events[next].at <= window.to
        if !hasEventsInWindow, monitor.state.isDischarged { return }
        var watched: [Key: Watched] = [:]
        var open: Set<Key> = []

        func observe(at now: Instant) -> [Recommendation] {
            observe(monitor.recommendations(asOf: now, of: RecommendationKind.isStepUp), at: now)
        }
        func observe(_ stepUps: [Recommendation], at now: Instant) -> [Recommendation] {
            let present = Set(stepUps.map { Key(ruleID: $0.ruleID, firedAt: $0.firedAt) })
            for key in open.subtracting(present) { watched[key]?.resolvedAt = now }
            for recommendation in stepUps {
                let key = Key(ruleID: recommendation.ruleID, firedAt: recommendation.firedAt)
                if watched[key] == nil { watched[key] = Watched(deadline: recommendation.deadline) }
            }
            open = present
            return stepUps
        }

        configure(for: window.from)
        _ = observe(at: window.from)
        while next < events.count, events[next].at <= window.to {
            let event = events[next]
            next += 1
            configure(for: event.at)
            if case .placement(let placement) = event.kind, let from = placement.from,
                let fromRank = engine.pathway.rank(of: from), let rank = engine.pathway.rank(of: placement.tier),
                rank > fromRank
            {
                let before = observe(at: event.at)
                monitor.appendNext(of: events)
                let after = Set(observe(at: event.at).map { Key(ruleID: $0.ruleID, firedAt: $0.firedAt) })
                // The step-up met the oldest trigger it resolved; one that resolved none met no trigger.
                let met = before.filter { !after.contains(Key(ruleID: $0.ruleID, firedAt: $0.firedAt)) }
                    .min { $0.firedAt < $1.firedAt }
                if let met { tally.stepUpDelays.append(days(met.firedAt, event.at)) }
                continue
            }
            // Only a placement or a discharge can resolve a step-up or take the client out of a rule's scope, so
            // the engine is asked just before and after one; a trigger that fires in between is still
            // outstanding at the next asking, with the same rule, firing time and deadline.
            let moves = Self.canResolve(event)
            if moves { _ = observe(at: event.at) }
            monitor.appendNext(of: events)
            if moves { _ = observe(at: event.at) }
        }
        configure(for: window.to)
        let tier = monitor.state.tier
        for review in monitor.recommendations(asOf: window.to, of: { $0 == .tierReview }) {
            tally.outstandingReviews.append(
                OutstandingTrigger(
                    caseID: timeline.caseID, tier: tier, ruleID: review.ruleID, firedAt: review.firedAt,
                    deadline: review.deadline, ageDays: days(review.firedAt, window.to),
                    isOverdue: window.to > review.deadline))
        }
        for recommendation in observe(at: window.to) {
            tally.outstanding.append(
                OutstandingTrigger(
                    caseID: timeline.caseID, tier: tier, ruleID: recommendation.ruleID,
                    firedAt: recommendation.firedAt, deadline: recommendation.deadline,
                    ageDays: days(recommendation.firedAt, window.to), isOverdue: window.to > recommendation.deadline))
        }
        for trigger in watched.values where window.contains(trigger.deadline) {
            if (trigger.resolvedAt.map { $0 > trigger.deadline }) ?? true { tally.breaches += 1 }
        }
    }
}
