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
            let raw = try storedEvents(of: caseID)
            guard raw.indices.contains(number - 1) else {
                throw StepCareError(
                    .invalidCorrection, "case \(caseID) has no record \(number)",
                    hint: "records are numbered 1 to \(raw.count) in timeline", field: "number")
            }
            let target = raw[number - 1]
            if let problem = Self.uncorrectable(target.kind) {
                throw StepCareError(
                    .invalidCorrection, "record \(number) is \(problem), which cannot be marked entered in error",
                    hint: "a decision is reversed by another decision, with its reason", field: "number")
            }
            let corrected = raw.contains {
                if case .correction(let earlier) = $0.kind { earlier.number == number } else { false }
            }
            guard !corrected else {
                throw StepCareError(
                    .invalidCorrection, "record \(number) is already marked entered in error",
                    hint: "correct its replacement instead, or leave it", field: "number")
            }
            if let replacement, EventKindCode.code(replacement) != EventKindCode.code(target.kind) {
                throw StepCareError(
                    .invalidCorrection,
                    "record \(number) is \(EventKindCode.code(target.kind)); it is replaced only by the same kind",
                    hint: "mark it entered in error, then record the other kind as usual", field: "replacement")
            }
            if case .administration(let record) = target.kind, !record.riskFlags.isEmpty,
                pathway.rights.verdict(actor.role, .clearRiskFlag) != .allowed
            {
                throw StepCareError(
                    .notAuthorised,
                    "record \(number) raised a risk flag; withdrawing it needs the clear-risk-flag right, which a "
                        + "\(actor.role.name) does not hold alone",
                    hint: "ask someone with the right: who-can clear-risk-flag", field: "as")
            }
            let event = CaseEvent(
                at: max(now, raw.last?.at ?? now),
                .correction(Correction(number: number, reason: reason, by: actor, replacement: replacement)))
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

    /// Why `kind` cannot be corrected, or `nil` when it can.
    static func uncorrectable(_ kind: CaseEventKind) -> String? {
        switch kind {
        case .referral: "the referral"
        case .placement: "a placement or move"
        case .waitlisted: "a waitlisting"
        case .handoverScheduled: "a scheduled handover"
        case .discharge: "a discharge"
        case .review(.risk, _, _): "a risk review"
        case .correction: "a correction"
        default: nil
        }
    }
}

extension StepCareError.Code {
    /// A correction names no record, a record that cannot be corrected, or one already corrected.
    public static let invalidCorrection = Self("invalid-correction")
}
