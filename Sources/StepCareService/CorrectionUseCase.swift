public import StepCareCore
import StepCareEngine
import StepCareRecord
import StepCareStore

/// Correcting a record without erasing it.
extension Workspace {
    /// Marks record `number` of a case (as `timeline` numbers them) entered in error, with a reason, and
    /// optionally replaces it with what it should have said, at the original's effective time. The original
    /// stays in the store and the audit log; the rules, metrics, outcomes and exports' readers use the
    /// corrected timeline from now on.
    ///
    /// What may be corrected: administrations, contacts, crisis and ED contacts, medication concerns, plans,
    /// structured and supervisor reviews, and notes, each replaced only by a record of the same kind. Decisions
    /// (the referral, placements and moves, waitlisting, handovers, discharge, risk reviews) are not: a
    /// decision is reversed by another decision, with its reason. Withdrawing a record that raised a risk flag
    /// needs the clear-risk-flag right, as clearing the flag would.
    ///
    /// - Parameter by: who corrects it (default: the logged-in user); live: only the logged-in user.
    /// - Returns: the corrected timeline.
    @discardableResult
    public func correct(
        _ number: Int, on caseID: String? = nil, reason: String, replacement: CaseEventKind? = nil, by: Actor? = nil
    ) throws(StepCareError) -> CaseTimeline {
        try perform("correct", client: caseID ?? currentCase) { () throws(StepCareError) in
            let pathway = try requireEngine().pathway
            let caseID = try self.caseID(caseID)
            let actor: Actor
            if let by { actor = by } else { actor = try actingActor(named: nil) }
            try authorise(actor, field: "as")
            guard !reason.allSatisfy(\.isWhitespace) else {
                throw StepCareError(
                    .missingDocumentation, "a correction needs its reason", hint: "add --reason TEXT", field: "reason")
            }
            guard !reason.containsControlCharacters else {
                throw StepCareError(
                    .invalidOption, "the reason holds control characters", hint: "write plain text", field: "reason")
            }
            let raw = try storedEvents(of: caseID)
            let correction = Correction(number: number, reason: reason, by: actor, replacement: replacement)
            if let problem = CaseTimeline.problem(with: correction, in: raw) { throw problem }
            let target = raw[number - 1]
            try checkRiskAnswers(of: replacement, correcting: target, number: number, in: caseID)
            if case .administration(let record) = target.kind, !record.riskFlags.isEmpty,
                pathway.rights.verdict(actor.role, .clearRiskFlag) != .allowed
            {
                throw StepCareError(
                    .notAuthorised,
                    "record \(number) raised a risk flag; withdrawing it needs the clear-risk-flag right, which a "
                        + "\(actor.role.name) does not hold alone",
                    hint: "ask someone with the right: who-can clear-risk-flag", field: "as")
            }
            let event = CaseEvent(at: max(now, raw.last?.at ?? now), .correction(correction))
            let timeline = try self.caseload.timeline(caseID)
            let effective = CaseTimeline(
                caseID: caseID, demographics: timeline.demographics, events: CaseTimeline.corrected(raw + [event]))
            apply(correction: event, to: caseID, giving: effective)
            return effective
        }
    }

    /// The case's record as stored, every event kept, with what the open unit has added to it.
    func storedEvents(of caseID: String) throws(StepCareError) -> [CaseEvent] {
        let stored = try store.records(context, cases: [caseID]).first?.events.map(\.event) ?? []
        return stored + pending.events.filter { $0.caseID == caseID }.map(\.event)
    }

    /// A replacement that raises a risk flag must open it now, where someone acts on it. Kept at the original's
    /// date, it would be cleared unseen by a risk review dated after it, or land on a closed case where no
    /// safety review can follow; both are refused with the way to record it so that it opens now.
    func checkRiskAnswers(
        of replacement: CaseEventKind?, correcting target: CaseEvent, number: Int, in caseID: String
    ) throws(StepCareError) {
        guard case .administration(let form)? = replacement, !form.riskFlags.isEmpty else { return }
        let hint =
            "mark record \(number) entered in error without a replacement, then record the right score now "
            + "(record score …) so its risk flag opens today"
        let effective = try caseload.timeline(caseID)
        if CaseState(effective, asOf: now).isDischarged {
            throw StepCareError(
                .invalidCorrection,
                "the replacement raises a risk flag, and the case is discharged: no safety review could follow it",
                hint: "open a new referral and record the score there, where its flag opens now", field: "replacement")
        }
        let reviewed = effective.events.contains { event in
            if case .review(.risk, _, _) = event.kind { event.at >= target.at } else { false }
        }
        if reviewed {
            throw StepCareError(
                .invalidCorrection,
                "the replacement raises a risk flag dated before a risk review that never saw it; it would be "
                    + "cleared unseen", hint: hint, field: "replacement")
        }
    }

}
