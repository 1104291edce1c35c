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
        try Self.checkText(kind)
        // Appended first, so an out-of-order date is refused as such; the book is checked as it stood before.
        let before = timeline
        try timeline.append(CaseEvent(at: time, kind))
        if case .appointment(let change, _) = kind { try check(change, at: time, CaseState(before, asOf: time)) }
        return timeline
    }

    /// Checks a change to the appointment book: booked for a time not before it is recorded, the next number,
    /// no second open appointment at the same time; a reschedule or cancellation of an open appointment.
    private func check(_ change: AppointmentChange, at time: Instant, _ state: CaseState) throws(StepCareError) {
        let due: Instant?
        switch change {
        case .booked(let appointment):
            guard appointment.number == state.appointments.count + 1 else {
                throw StepCareError(
                    .invalidAppointment, "the next appointment on this case is number \(state.appointments.count + 1)",
                    hint: "leave the number to StepCare", field: "number")
            }
            due = appointment.due
        case .rescheduled(let number, let to):
            try requireOpen(number, state)
            due = to
        case .cancelled(let number, _):
            try requireOpen(number, state)
            due = nil
        }
        guard let due else { return }
        guard due <= time + Self.bookingHorizon else {
            throw StepCareError(
                .invalidAppointment, "\(due) is more than a year ahead; appointments are booked up to a year ahead",
                hint: "check the year of --on", field: "on")
        }
        guard due >= time else {
            throw StepCareError(
                .invalidAppointment, "\(due) is in the past (it is \(time)); an appointment is booked ahead",
                hint: "give a time from now on with --on YYYY-MM-DDTHH:MM; a contact that happened is recorded with "
                    + "record attended or record no-show", field: "on")
        }
        if let clash = state.appointments.first(where: {
            $0.isOpen && $0.appointment.due == due && $0.appointment.number != change.number
        }) {
            throw StepCareError(
                .invalidAppointment,
                "the client already has appointment \(clash.appointment.number) at \(due) (double-booked)",
                hint:
                    "choose another time, or move that one with: appointment move \(clash.appointment.number) --on TIME",
                field: "on")
        }
    }

    private func requireOpen(_ number: Int, _ state: CaseState) throws(StepCareError) {
        guard state.appointments.indices.contains(number - 1) else {
            throw StepCareError(
                .invalidAppointment, "there is no appointment \(number) on this case",
                hint: state.appointments.isEmpty
                    ? "book one with: appointment book --on TIME --with STAFF"
                    : "appointments are numbered 1 to \(state.appointments.count); see them with: appointment list",
                field: "number")
        }
        let status = state.appointments[number - 1]
        guard status.isOpen else {
            throw StepCareError(
                .invalidAppointment,
                "appointment \(number) is "
                    + (status.isCancelled
                        ? "cancelled"
                        : status.closedAtDischarge
                            ? "closed: the case was discharged"
                            : "already recorded as " + (status.kept == true ? "attended" : "a no-show")),
                hint: "book a new one with: appointment book --on TIME --with STAFF", field: "number")
        }
    }
}

extension Engine {
    /// How far ahead an appointment may be booked: 366 days.
    public static let bookingHorizon = TimeSpan(minutes: 366 * 1440)

    /// Checks the free text a record carries (plan parts, a cancellation's reason) as notes are checked: no
    /// control characters (escape sequences could rewrite a screen), at most ``CaseNote/maximumLength``
    /// characters.
    static func checkText(_ kind: CaseEventKind) throws(StepCareError) {
        var texts: [(field: String, text: String)] = []
        switch kind {
        case .plan(.stability(let plan)):
            texts = [
                ("warning-signs", plan.earlyWarningSigns), ("coping", plan.copingActions),
                ("reaccess", plan.reaccessRoute), ("follow-up", plan.followUpSchedule),
            ]
        case .plan(.safety(let summary)): texts = [("summary", summary)]
        case .plan(.stepUp(let plan)):
            texts = [
                ("safety-actions", plan.safetyActions), ("check-ins", plan.checkIns),
                ("step-down-target", plan.stepDownTarget),
            ]
        case .appointment(.cancelled(_, let reason?), _): texts = [("reason", reason)]
        default: return
        }
        for (field, text) in texts {
            guard !text.containsControlCharacters else {
                throw StepCareError(
                    .invalidNote, "--\(field) holds control characters (such as an escape sequence)",
                    hint: "write plain text; line breaks and tabs are kept", field: field)
            }
            guard text.count <= CaseNote.maximumLength else {
                throw StepCareError(
                    .invalidNote, "--\(field) is longer than \(CaseNote.maximumLength) characters",
                    hint: "keep the plan short and put the detail in notes", field: field)
            }
        }
    }
}

extension StepCareError.Code {
    /// An appointment booked in the past, double-booked, or not open to change.
    public static let invalidAppointment = Self("invalid-appointment")
}
