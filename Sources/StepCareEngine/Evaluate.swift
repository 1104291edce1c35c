public import StepCareCore

extension Engine {
    /// Evaluates `timeline` as of `now`: every outstanding recommendation, with its trace.
    ///
    /// Each rule is checked after the moments at which events it reads were recorded (events at the same minute
    /// are read together) and at `now`; see ``CaseMonitor`` for how a rule fires and is resolved. One call folds the
    /// history once; callers that ask after every new event keep a ``CaseMonitor`` instead.
    public func evaluate(_ timeline: CaseTimeline, asOf now: Instant) -> Evaluation {
        CaseMonitor(engine: self, timeline: timeline, asOf: now).evaluation(asOf: now)
    }

    /// The recommendation of the rule at `ruleIndex`, fired with `result` while the client was in `tier`; a
    /// placement's target tier is given by triage.
    func recommendation(_ ruleIndex: Int, _ result: ConditionResult, tier: String?, target: String?) -> Recommendation {
        let rule = compiled.rules[ruleIndex]
        var target = target
        switch rule.recommendation {
        case .stepUp(let to), .stepDown(let to): target = to
        default: break
        }
        var made = Recommendation(
            ruleID: rule.id, ruleVersion: rule.version, title: rule.title, kind: rule.recommendation,
            firedAt: result.since, deadline: rule.deadline.due(after: result.since), documentation: rule.documentation,
            authorisers: rule.recommendation.isCareTask
                ? Self.careTeam : authorisersText(rule.recommendation.action, from: tier, to: target),
            trace: [compiled.ruleHeadlines[ruleIndex]] + result.evidence, source: rule.source)
        made.configurationVersion = pathway.configurationVersion
        return made
    }

    /// How often a client in `tierID` is due a contact: the span of the pathway's scheduled-contact rule for that
    /// tier (`recurring(.session, every:)`), or `nil` when the tier schedules none.
    public func contactSchedule(of tierID: String) -> TimeSpan? {
        for rule in compiled.rules where rule.recommendation == .scheduledContact {
            guard case .recurring(.session, let span) = rule.condition else { continue }
            switch rule.scope {
            case .tiers(let tiers) where tiers.contains(tierID): return span
            case .everyTier: return span
            default: continue
            }
        }
        return nil
    }

    /// Who acts on a care task (a contact, a plan): not a decision the rights govern.
    static let careTeam = "the assigned clinician or any member of the care team"

    /// The handover contacts still owed after a step-down.
    func handovers(_ state: CaseState) -> [Recommendation] {
        guard !state.isDischarged, let placementIndex = state.placementIndex, let placement = state.placement,
            isDownward(placement)
        else { return [] }
        let placedAt = state.events[placementIndex].at
        return state.handovers.filter { number, _ in state.sessions.count < number }.map { number, due in
            var made = Recommendation(
                ruleID: "handover-contacts", ruleVersion: pathway.version, title: "Handover contact after a step-down",
                kind: .handoverContact(number: number), firedAt: placedAt, deadline: due,
                documentation: [], authorisers: "any member of the receiving team",
                trace: [
                    "stepped down to \(state.tier ?? "?") on \(placedAt); "
                        + "\(CountedEvent.session.counted(state.sessions.count)) attended since; handover contact \(number) due \(due)"
                ],
                source: "pathway \(pathway.id): two handover contacts after every step-down")
            made.configurationVersion = pathway.configurationVersion
            return made
        }
    }

    /// Whether a placement moved the client to a less intensive tier.
    func isDownward(_ placement: Placement) -> Bool {
        guard let from = placement.from.flatMap(rank(of:)), let to = rank(of: placement.tier) else {
            return false
        }
        return to < from
    }

    /// Folds `event` into a case's open waits (see ``Census``).
    func foldWait(_ waits: inout [(at: Instant, tier: String)], _ event: CaseEvent) {
        Census.foldWait(&waits, event) { rank(of: $0) }
    }

    /// Folds `event` into a case's returns: a placement into a tier (or a more intensive one) after a move down
    /// from it is a re-escalation, however the moves were made.
    func foldReEscalation(
        _ movesDown: inout [(tier: String, at: Instant)], _ found: inout [ReEscalation], _ event: CaseEvent
    ) {
        guard case .placement(let placement) = event.kind, let reached = rank(of: placement.tier) else {
            return
        }
        if isDownward(placement), let from = placement.from {
            movesDown.append((from, event.at))
        }
        let returned = movesDown.filter { (rank(of: $0.tier) ?? 0) <= reached }
        found += returned.map { ReEscalation(tier: $0.tier, steppedDownAt: $0.at, returnedAt: event.at) }
        movesDown.removeAll { (rank(of: $0.tier) ?? 0) <= reached }
    }
}
