public import StepCareCore
public import StepCareEngine

/// The engine's evaluator as it was before the incremental engine: each call replays the timeline from the
/// start, building a ``ReplayState`` for every moment at which events were recorded. Quadratic in a case's
/// events and obviously faithful to the rules' wording, it is the oracle the incremental engine must agree with.
public struct ReferenceEngine: Sendable {
    /// The engine whose pathway and rights are applied.
    public let engine: Engine

    /// The pathway enforced.
    public var pathway: Pathway { engine.pathway }

    /// Creates the reference for `engine`'s pathway.
    public init(_ engine: Engine) { self.engine = engine }
}

/// What the reference evaluator says about one case: the same fields as ``Evaluation``, with the state
/// summarised by the facts callers read.
public struct ReferenceEvaluation: Sendable {
    /// The replayed state.
    public var state: ReplayState
    /// Outstanding recommendations, most urgent deadline first.
    public var recommendations: [Recommendation]
    /// Where triage places the client, before placement.
    public var triage: Triage?
    /// Returns to a tier after a step-down from it.
    public var reEscalations: [ReEscalation]
}

extension ReferenceEngine {
    /// Evaluates `timeline` as of `now`: every outstanding recommendation, with its trace.
    ///
    /// Each rule is checked after every moment at which events were recorded (events at the same minute are read
    /// together) and at `now`. A rule fires the first time its condition holds for a client in its scope; the
    /// recommendation stays outstanding until an event resolves it (a move, a documented review, a risk review,
    /// an attended contact) and fires again only on evidence newer than the resolution. So a triggered step-up
    /// never silently disappears: it is done, or it is reported overdue.
    public func evaluate(_ timeline: CaseTimeline, asOf now: Instant) -> ReferenceEvaluation {
        let final = ReplayState(timeline, asOf: now)
        let events = final.events
        let checkpoints =
            events.indices.filter { $0 + 1 == events.endIndex || events[$0 + 1].at != events[$0].at }
            .map { ReplayState(events[...$0], now: events[$0].at) } + [final]
        var recommendations = pathway.allRules.compactMap { outstanding($0, checkpoints) }
        recommendations += handovers(final)
        recommendations.sort { ($0.deadline, $0.ruleID) < ($1.deadline, $1.ruleID) }
        let triage = final.tier == nil && !final.isDischarged && final.referralIndex != nil ? triage(final) : nil
        return ReferenceEvaluation(
            state: final, recommendations: recommendations, triage: triage, reEscalations: reEscalations(final))
    }

    private func outstanding(_ rule: MovementRule, _ checkpoints: [ReplayState]) -> Recommendation? {
        var fired: (index: Int, result: ConditionResult, tier: String?)?
        var resolvedAt: Int?
        var seen = 0
        for state in checkpoints {
            let newEvents = state.events[seen...].indices
            seen = state.events.endIndex
            // Act on an earlier firing: resolved by an event, out of scope, or (a review only) no longer needed.
            if let open = fired {
                if let resolution = resolution(in: newEvents, after: open.index, rule, state) {
                    (fired, resolvedAt) = (nil, resolution)
                } else if !applies(rule.scope, state)
                    || (rule.recommendation == .tierReview && !state.evaluate(rule.condition).holds)
                {
                    (fired, resolvedAt) = (nil, state.events.endIndex - 1)
                }
                continue
            }
            guard applies(rule.scope, state) else { continue }
            let result = state.evaluate(rule.condition)
            // A recurring expectation comes due again after the event that met it, with no newer event.
            let recurring = if case .recurring = rule.condition { true } else { false }
            guard result.holds,
                resolvedAt.map({
                    result.evidenceIndex > $0 || (recurring && result.since > state.events[$0].at)
                }) ?? true
            else { continue }
            // It fired on its newest evidence; a resolving event recorded after that, even at the same minute, counts.
            let index = max(result.evidenceIndex, newEvents.startIndex - 1)
            if let resolution = resolution(in: newEvents, after: index, rule, state) {
                resolvedAt = resolution
            } else {
                fired = (index, result, state.tier)
            }
        }
        guard let (_, result, tier) = fired else { return nil }
        var target: String? = nil
        switch rule.recommendation {
        case .stepUp(let to), .stepDown(let to): target = to
        case .place: target = checkpoints.last.flatMap { triage($0).placement }
        default: break
        }
        return Recommendation(
            ruleID: rule.id, ruleVersion: rule.version, title: rule.title, kind: rule.recommendation,
            firedAt: result.since, deadline: rule.deadline.due(after: result.since), documentation: rule.documentation,
            authorisers: rule.recommendation.isCareTask
                ? "the assigned clinician or any member of the care team"
                : engine.authorisersText(rule.recommendation.action, from: tier, to: target),
            trace: ["rule \(rule.id) v\(rule.version) (\(rule.scope)): \(rule.condition.summary)"] + result.evidence,
            source: rule.source)
    }

    private func applies(_ scope: RuleScope, _ state: ReplayState) -> Bool {
        switch scope {
        case .everyTier: state.tier != nil
        case .tiers(let tiers): state.tier.map(tiers.contains) ?? false
        case .beforePlacement: state.tier == nil && !state.isDischarged && state.referralIndex != nil
        case .always: !state.isDischarged
        }
    }

    /// The first of `indices` after `index` holding an event that acts on `rule`'s recommendation.
    private func resolution(
        in indices: Range<Int>, after index: Int, _ rule: MovementRule, _ state: ReplayState
    ) -> Int? {
        indices.first { $0 > index && resolves(state.events[$0].kind, rule.recommendation) }
    }

    /// Whether `event` acts on a recommendation of `kind`. A review resolves a recommendation only when the
    /// reviewer's role may take its decision alone somewhere in the pathway; a discharge resolves everything but
    /// a step-up, which the engine does not let a discharge overtake.
    private func resolves(_ event: CaseEventKind, _ kind: RecommendationKind) -> Bool {
        if case .review(.structured, let reviewer, _) = event,
            !pathway.rights.rights.contains(where: {
                $0.role == reviewer.role && $0.action == kind.action && $0.verdict == .allowed
            })
        {
            return false
        }
        switch (kind, event) {
        case (.stepUp, .discharge):
            return false
        case (_, .discharge):
            return true
        case (.place, .placement):
            return true
        case (.tierReview, .review(.structured, _, _)), (.tierReview, .placement):
            return true
        case (.stepUp(let target), .placement(let placement)):
            let reached = pathway.rank(of: placement.tier) ?? 0
            return reached >= (pathway.rank(of: target) ?? 0)
        case (.stepDown, .placement), (.stepDown, .review(.structured, _, _)):
            return true
        case (.urgentSafetyReview, .review(.risk, _, _)):
            return true
        case (.routeElsewhere, .review(.structured, _, _)):
            return true
        case (.followUpContact, .contact(attended: true)), (.scheduledContact, .contact(attended: true)):
            return true
        case (.followUpContact, .outreach(let method, let outcome, _)):
            return (method == .phone || method == .visit) && outcome == .reached
        case (.stepUpPlan, .plan(.stepUp)):
            return true
        default:
            return false
        }
    }

    private func handovers(_ state: ReplayState) -> [Recommendation] {
        guard !state.isDischarged, let placementIndex = state.placementIndex, let placement = state.placement,
            isDownward(placement)
        else { return [] }
        let scheduled = state.events[placementIndex...].compactMap { event -> (Int, Instant)? in
            if case .handoverScheduled(let number, let due) = event.kind { return (number, due) }
            return nil
        }
        return scheduled.filter { number, _ in state.sessions.count < number }.map { number, due in
            Recommendation(
                ruleID: "handover-contacts", ruleVersion: pathway.version, title: "Handover contact after a step-down",
                kind: .handoverContact(number: number), firedAt: state.events[placementIndex].at, deadline: due,
                documentation: [], authorisers: "any member of the receiving team",
                trace: [
                    "stepped down to \(state.tier ?? "?") on \(state.events[placementIndex].at); "
                        + "\(CountedEvent.session.counted(state.sessions.count)) attended since; handover contact \(number) due \(due)"
                ],
                source: "pathway \(pathway.id): two handover contacts after every step-down")
        }
    }

    /// Whether a placement moved the client to a less intensive tier.
    private func isDownward(_ placement: Placement) -> Bool {
        guard let from = placement.from.flatMap(pathway.rank(of:)), let to = pathway.rank(of: placement.tier) else {
            return false
        }
        return to < from
    }

    /// Returns to a tier (or a more intensive one) after a move down from it, however the moves were made.
    private func reEscalations(_ state: ReplayState) -> [ReEscalation] {
        var movesDown: [(tier: String, at: Instant)] = []
        var found: [ReEscalation] = []
        for event in state.events {
            guard case .placement(let placement) = event.kind, let reached = pathway.rank(of: placement.tier) else {
                continue
            }
            if isDownward(placement), let from = placement.from {
                movesDown.append((from, event.at))
            }
            let returned = movesDown.filter { (pathway.rank(of: $0.tier) ?? 0) <= reached }
            found += returned.map { ReEscalation(tier: $0.tier, steppedDownAt: $0.at, returnedAt: event.at) }
            movesDown.removeAll { (pathway.rank(of: $0.tier) ?? 0) <= reached }
        }
        return found
    }
}
