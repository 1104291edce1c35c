public import StepCareCore

extension Engine {
    /// The roles whose review counts as a supervisor consult.
    public static let consultRoles: [Role] = [.supervisor, .clinicalLead]

    /// Appends a record to case `caseID`: a score, a contact, a crisis, an ED visit, a concern, a plan, or a
    /// structured or supervisor review.
    ///
    /// Decisions (placements, discharges and risk reviews) are not records: they go through
    /// ``apply(_:to:in:)``, which checks the decision rights. Pure: returns the longer timeline.
    /// - Throws: ``StepCareError`` for a decision passed as a record, a discharged case, a supervisor consult
    ///   by someone who is not a supervisor, or a date before the case's latest event.
    public func record(
        _ kind: CaseEventKind, at time: Instant, to caseID: String, in caseload: Caseload
    )
        throws(StepCareError) -> CaseTimeline
    {
        var timeline = try caseload.timeline(caseID)
        switch kind {
        case .correction:
            throw StepCareError(
                .invalidMove, "a correction is not recorded as an event",
                hint: "use correct NUMBER --reason TEXT, which checks the record and the rights")
        case .placement, .discharge, .waitlisted, .handoverScheduled, .referral, .review(.risk, _, _):
            throw StepCareError(
                .invalidMove, "a decision cannot be recorded directly",
                hint: "use place, step-up, step-down, override, discharge or record review risk, which check the rights"
            )
        case .review(.supervisor, let actor, _) where !Self.consultRoles.contains(actor.role):
            throw StepCareError(
                .notAuthorised, "a supervisor consult is recorded by a supervisor, not a \(actor.role.name)",
                hint: "record review supervisor --as supervisor:NAME (or clinical-lead:NAME)")
        default:
            break
        }
        // A note may still be added to a closed record (a late contact, a letter); nothing else may.
        if case .note = kind {
        } else if CaseState(timeline, asOf: time).isDischarged {
            throw StepCareError(
                .invalidMove, "case \(caseID) has been discharged", hint: "open a new referral with case new")
        }
        try timeline.append(CaseEvent(at: time, kind))
        return timeline
    }
}
