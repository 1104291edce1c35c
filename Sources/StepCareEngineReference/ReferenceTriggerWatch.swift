public import StepCareCore
import StepCareEngine

/// What the huddle's trigger watch finds for one case in one window.
public struct TriggerWatchResult: Sendable, Hashable {
    /// Days from the oldest trigger each step-up resolved to the step-up, in the order of the step-ups.
    public var delays: [Double] = []
    /// Triggers whose deadline fell in the window and were not resolved by it.
    public var breaches = 0
    /// Step-up recommendations outstanding at the window's end: rule, firing time and deadline.
    public var outstanding: [String] = []
    /// Tier reviews outstanding at the window's end, in the same form, sorted.
    public var outstandingReviews: [String] = []

    /// An empty result.
    public init() {}
}

extension ReferenceEngine {
    /// The trigger watch as it was before the incremental engine: the replay evaluator is asked at the window's
    /// start, after every event in it (over the events up to that one) and at its end; a trigger seen
    /// outstanding and then gone was resolved by the event in between. `nil` for a case discharged before the
    /// window with no events in it.
    public func watchTriggers(_ timeline: CaseTimeline, from: Instant, to: Instant) -> TriggerWatchResult? {
        let events = timeline.events.prefix { $0.at <= to }
        let before = events.prefix { $0.at < from }
        if before.count == events.count, ReplayState(timeline, asOf: from).isDischarged { return nil }
        struct Key: Hashable {
            var ruleID: String
            var firedAt: Instant
        }
        var watched: [Key: (deadline: Instant, resolvedAt: Instant?)] = [:]
        var open: Set<Key> = []
        func stepUps(_ prefix: ArraySlice<CaseEvent>, at now: Instant) -> [Recommendation] {
            evaluate(CaseTimeline(caseID: timeline.caseID, events: Array(prefix)), asOf: now).recommendations.filter {
                RecommendationKind.isStepUp($0.kind)
            }
        }
        func observe(_ prefix: ArraySlice<CaseEvent>, at now: Instant) -> [Recommendation] {
            let found = stepUps(prefix, at: now)
            let present = Set(found.map { Key(ruleID: $0.ruleID, firedAt: $0.firedAt) })
            for key in open.subtracting(present) { watched[key]?.resolvedAt = now }
            for recommendation in found
            where watched[Key(ruleID: recommendation.ruleID, firedAt: recommendation.firedAt)] == nil {
                watched[Key(ruleID: recommendation.ruleID, firedAt: recommendation.firedAt)] = (
                    recommendation.deadline, nil
                )
            }
            open = present
            return found
        }
        var result = TriggerWatchResult()
        _ = observe(before, at: from)
        for index in events.indices where events[index].at >= from && events[index].at <= to {
            let event = events[index]
            if case .placement(let placement) = event.kind, let previous = placement.from,
                let fromRank = pathway.rank(of: previous), let rank = pathway.rank(of: placement.tier), rank > fromRank
            {
                let earlier = observe(events[..<index], at: event.at)
                let after = Set(
                    observe(events[...index], at: event.at).map { Key(ruleID: $0.ruleID, firedAt: $0.firedAt) })
                let met = earlier.filter { !after.contains(Key(ruleID: $0.ruleID, firedAt: $0.firedAt)) }
                    .min { $0.firedAt < $1.firedAt }
                if let met { result.delays.append(Double((event.at - met.firedAt).minutes) / 1440) }
                continue
            }
            _ = observe(events[...index], at: event.at)
        }
        result.outstanding = observe(events, at: to).map { "\($0.ruleID) \($0.firedAt) \($0.deadline)" }
        result.outstandingReviews = evaluate(CaseTimeline(caseID: timeline.caseID, events: Array(events)), asOf: to)
            .recommendations.filter { $0.kind == .tierReview }.map { "\($0.ruleID) \($0.firedAt) \($0.deadline)" }
            .sorted()
        for trigger in watched.values where trigger.deadline >= from && trigger.deadline <= to {
            if (trigger.resolvedAt.map { $0 > trigger.deadline }) ?? true { result.breaches += 1 }
        }
        return result
    }
}
