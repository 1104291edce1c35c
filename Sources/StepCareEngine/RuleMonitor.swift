import StepCareCore

/// One movement rule's status for one case, carried from checkpoint to checkpoint: not fired, fired on some
/// evidence, or resolved by an event.
///
/// A rule fires the first time its condition holds for a client in its scope; the recommendation stays
/// outstanding until an event resolves it (a move, a documented review, a risk review, an attended contact)
/// and fires again only on evidence newer than the resolution. So a triggered step-up never silently
/// disappears: it is done, or it is reported overdue.
struct RuleMonitor: Sendable {
    /// The firing still outstanding.
    var fired: Firing?
    /// The index of the event that last resolved the rule (or took the client out of its scope).
    var resolvedAt: Int?
    /// Until when the status stands unless an event the rule reads arrives: the next moment its condition could
    /// change with time alone (the earliest instant before the first check, so that one is made).
    var quietUntil = Instant(minutes: .min)

    /// An outstanding firing: its newest evidence index, and the recommendation as it was made (for a
    /// placement, without the target tier, which triage gives at the moment asked about).
    /// (A class: statuses are copied on every question, and a firing is never changed once made.)
    final class Firing: Sendable {
        let index: Int
        let result: ConditionResult
        let tier: String?
        let recommendation: Recommendation?

        init(index: Int, result: ConditionResult, tier: String?, recommendation: Recommendation?) {
            self.index = index
            self.result = result
            self.tier = tier
            self.recommendation = recommendation
        }
    }

    /// ``check(_:_:newEvents:_:notBefore:)`` when it could change the status: `newEvents` (whose kinds are
    /// `recorded`) hold an event the rule reads (its condition, its scope or what resolves it, see
    /// ``EventReads``), or time has reached the moment the condition could change alone. Otherwise the check
    /// would find what the last one found, and is skipped: a rule costs the events it reads, not every event.
    mutating func update(
        _ ruleIndex: Int, _ state: CaseState, newEvents: Range<Int>, recorded: EventReads, _ engine: Engine,
        explain: Bool
    ) {
        guard
            mustCheck(at: state.now, ruleIndex, engine) || !engine.compiled.reads[ruleIndex].isDisjoint(with: recorded)
        else { return }
        check(ruleIndex, state, newEvents: newEvents, engine, explain: explain)
        if fired == nil, let resolvedAt, resolvedAt >= newEvents.lowerBound {
            // Resolved by this batch: evidence recorded after the resolution at the same minute may fire it again
            // at the next check, whatever that check reads.
            quietUntil = Instant(minutes: .min)
        } else {
            quietUntil =
                state.nextTimeChange(engine.compiled.checks[ruleIndex].condition) ?? Instant(minutes: .max)
        }
    }

    /// Whether a check at `now` with no new event could change the status: time has reached the moment the
    /// condition could change alone, or the condition reads the moment itself (something "recorded" now).
    func mustCheck(at now: Instant, _ ruleIndex: Int, _ engine: Engine) -> Bool {
        now >= quietUntil || engine.compiled.readsTheMoment[ruleIndex]
    }

    /// Advances the status to a checkpoint: `state` holds every event up to one moment, `newEvents` those
    /// recorded since the previous checkpoint. `rule` is the engine's rule at `ruleIndex`.
    ///
    /// - Parameters:
    ///   - explain: whether a firing's trace lists its evidence (only the headline without).
    ///   - notBefore: for a check at the moment a new configuration takes effect, that moment: a rule firing then
    ///     on evidence recorded before it is dated then, with its deadline counted from it.
    mutating func check(
        _ ruleIndex: Int, _ state: CaseState, newEvents: Range<Int>, _ engine: Engine, explain: Bool,
        notBefore: Instant? = nil
    ) {
        let rule = engine.compiled.checks[ruleIndex]
        if let open = fired {
            // Act on an earlier firing: resolved by an event, out of scope, or (a review only) no longer needed.
            if let resolution = engine.resolution(in: newEvents, after: open.index, rule.recommendation, state) {
                (fired, resolvedAt) = (nil, resolution)
            } else if !engine.applies(rule.scope, state)
                || (rule.recommendation == .tierReview && !state.evaluate(rule.condition, explain: false).holds)
            {
                (fired, resolvedAt) = (nil, state.events.endIndex - 1)
            }
            return
        }
        guard engine.applies(rule.scope, state) else { return }
        let result = state.evaluate(rule.condition, explain: false)
        guard result.holds, resolvedAt.map({ engine.isNewer(result, than: $0, rule.condition, state) }) ?? true
        else { return }
        // It fired on its newest evidence; a resolving event recorded after that, even at the same minute, counts.
        let index = max(result.evidenceIndex, newEvents.startIndex - 1)
        if let resolution = engine.resolution(in: newEvents, after: index, rule.recommendation, state) {
            resolvedAt = resolution
        } else {
            let explained = explain ? state.evaluate(rule.condition) : result
            var recommendation =
                rule.recommendation == .place
                ? nil : engine.recommendation(ruleIndex, explained, tier: state.tier, target: nil)
            if let notBefore, var made = recommendation, made.firedAt < notBefore {
                made.firedAt = notBefore
                made.deadline = engine.compiled.rules[ruleIndex].deadline.due(after: notBefore)
                made.trace.append(
                    "fired when configuration v\(engine.pathway.configurationVersion) took effect, \(notBefore), on "
                        + "the evidence above, recorded before it")
                recommendation = made
            }
            fired = Firing(index: index, result: explained, tier: state.tier, recommendation: recommendation)
        }
    }
}

extension Engine {
    /// Whether `result` rests on evidence newer than the event at `resolvedAt`, so its rule may fire again: a
    /// newer event, or for a recurring expectation, a due moment after that event (the next weekly check-in).
    func isNewer(_ result: ConditionResult, than resolvedAt: Int, _ condition: Condition, _ state: CaseState) -> Bool {
        if result.evidenceIndex > resolvedAt { return true }
        guard case .recurring = condition else { return false }
        return result.since > state.events[resolvedAt].at
    }

    /// Whether a client in `state` is in a rule's `scope`.
    func applies(_ scope: RuleScope, _ state: CaseState) -> Bool {
        switch scope {
        case .everyTier: state.tier != nil
        case .tiers(let tiers): state.tier.map(tiers.contains) ?? false
        case .beforePlacement: state.tier == nil && !state.isDischarged && state.referralIndex != nil
        case .always: !state.isDischarged
        }
    }

    /// The first of `indices` after `index` holding an event that acts on a recommendation of `kind`.
    func resolution(in indices: Range<Int>, after index: Int, _ kind: RecommendationKind, _ state: CaseState) -> Int? {
        indices.first { $0 > index && resolves(state.events[$0].kind, kind) }
    }

    /// Whether `event` acts on a recommendation of `kind`. A review resolves a recommendation only when the
    /// reviewer's role may take its decision alone somewhere in the pathway; a discharge resolves everything but
    /// a step-up, which the engine does not let a discharge overtake.
    func resolves(_ event: CaseEventKind, _ kind: RecommendationKind) -> Bool {
        if case .review(.structured, let reviewer, _) = event,
            !compiled.reviewResolves.contains(.init(role: reviewer.role, action: kind.action))
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
            return (rank(of: placement.tier) ?? 0) >= (rank(of: target) ?? 0)
        case (.stepDown, .placement), (.stepDown, .review(.structured, _, _)):
            return true
        case (.urgentSafetyReview, .review(.risk, _, _)):
            return true
        case (.routeElsewhere, .review(.structured, _, _)):
            return true
        case (.followUpContact, let event):
            return event.isFollowUpContact
        case (.scheduledContact, .contact(attended: true)):
            return true
        case (.stepUpPlan, .plan(.stepUp)):
            return true
        default:
            return false
        }
    }
}
