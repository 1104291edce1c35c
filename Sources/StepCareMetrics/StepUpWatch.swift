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

/// Follows one client's step-up recommendations through the window: how long each step-up took from its
/// trigger, which deadlines fell in the window unmet, and what is still outstanding at its end.
///
/// The engine is asked at the start of the window, after every event in it, and at its end; a trigger seen
/// outstanding and then gone was resolved by the event in between.
struct StepUpWatch {
    let metrics: HuddleMetrics
    let window: ReportingWindow
    let timeline: CaseTimeline
    let events: ArraySlice<CaseEvent>

    private struct Key: Hashable {
        var ruleID: String
        var firedAt: Instant
    }

    private struct Watched {
        var deadline: Instant
        var resolvedAt: Instant?
    }

    static func isStepUp(_ kind: RecommendationKind) -> Bool { if case .stepUp = kind { true } else { false } }

    /// Adds the case's step-ups, breaches and outstanding triggers, and returns the engine's evaluation at the
    /// end of the window (`nil` for a case discharged before the window with no events in it).
    ///
    /// One ``CaseMonitor`` follows the case through the window, so the case costs one pass over its events.
    func add(to tally: inout Tally) -> Evaluation? {
        let engine = metrics.engine
        let before = events.prefix { $0.at < window.from }
        let hasEventsInWindow = before.count < events.count
        if !hasEventsInWindow, CaseState(timeline, asOf: window.from).isDischarged { return nil }
        var monitor = CaseMonitor(engine: engine)
        for event in before { monitor.append(event) }
        var watched: [Key: Watched] = [:]
        var open: Set<Key> = []

        func observe(at now: Instant) -> [Recommendation] {
            observe(monitor.recommendations(asOf: now, of: Self.isStepUp), at: now)
        }
        func observe(_ recommendations: [Recommendation], at now: Instant) -> [Recommendation] {
            let stepUps = recommendations.filter { Self.isStepUp($0.kind) }
            let present = Set(stepUps.map { Key(ruleID: $0.ruleID, firedAt: $0.firedAt) })
            for key in open.subtracting(present) { watched[key]?.resolvedAt = now }
            for recommendation in stepUps {
                let key = Key(ruleID: recommendation.ruleID, firedAt: recommendation.firedAt)
                if watched[key] == nil { watched[key] = Watched(deadline: recommendation.deadline) }
            }
            open = present
            return stepUps
        }

        _ = observe(at: window.from)
        for event in events[before.endIndex...] {
            guard window.contains(event.at) else {
                monitor.append(event)
                continue
            }
            if case .placement(let placement) = event.kind, let from = placement.from,
                let fromRank = engine.pathway.rank(of: from), let rank = engine.pathway.rank(of: placement.tier),
                rank > fromRank
            {
                let before = observe(at: event.at)
                monitor.append(event)
                let after = Set(observe(at: event.at).map { Key(ruleID: $0.ruleID, firedAt: $0.firedAt) })
                // The step-up met the oldest trigger it resolved; one that resolved none met no trigger.
                let met = before.filter { !after.contains(Key(ruleID: $0.ruleID, firedAt: $0.firedAt)) }
                    .min { $0.firedAt < $1.firedAt }
                if let met { tally.stepUpDelays.append(days(met.firedAt, event.at)) }
                continue
            }
            monitor.append(event)
            _ = observe(at: event.at)
        }
        let evaluation = monitor.evaluation(asOf: window.to)
        let tier = evaluation.state.tier
        for recommendation in observe(evaluation.recommendations, at: window.to) {
            tally.outstanding.append(
                OutstandingTrigger(
                    caseID: timeline.caseID, tier: tier, ruleID: recommendation.ruleID,
                    firedAt: recommendation.firedAt, deadline: recommendation.deadline,
                    ageDays: days(recommendation.firedAt, window.to), isOverdue: window.to > recommendation.deadline))
        }
        for trigger in watched.values where window.contains(trigger.deadline) {
            if (trigger.resolvedAt.map { $0 > trigger.deadline }) ?? true { tally.breaches += 1 }
        }
        return evaluation
    }
}
