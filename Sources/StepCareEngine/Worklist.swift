public import StepCareCore

/// One thing staff must do for a case by a deadline: act on an outstanding recommendation, or see a client at
/// a booked appointment and record what happened.
public struct WorkItem: Sendable, Hashable {
    /// What the item is.
    public enum Kind: Sendable, Hashable {
        /// An outstanding recommendation of the engine (including handover, follow-up and check-in contacts).
        case recommendation(Recommendation)
        /// A booked appointment, still open: due, or past its time with no attendance recorded.
        case appointment(Appointment)
    }

    /// The case.
    public var caseID: String
    /// What must be done.
    public var kind: Kind
    /// The case's tier, when placed.
    public var tier: String?
    /// Who holds the case, when assigned.
    public var assignment: Assignment?

    /// Creates an item.
    public init(caseID: String, kind: Kind, tier: String?, assignment: Assignment?) {
        self.caseID = caseID
        self.kind = kind
        self.tier = tier
        self.assignment = assignment
    }

    /// When it must be done by: the recommendation's deadline, or the appointment's time.
    public var deadline: Instant {
        switch kind {
        case .recommendation(let recommendation): recommendation.deadline
        case .appointment(let appointment): appointment.due
        }
    }

    /// Whether the deadline has passed as of `now`.
    public func isOverdue(asOf now: Instant) -> Bool { now > deadline }

    /// The rule behind it (`appointment` for a booked appointment).
    public var ruleID: String {
        switch kind {
        case .recommendation(let recommendation): recommendation.ruleID
        case .appointment: "appointment"
        }
    }

    /// A stable word for what it is: a recommendation's word (`tier-review`, `follow-up`, …) or `appointment`.
    public var word: String {
        switch kind {
        case .recommendation(let recommendation): recommendation.kind.word
        case .appointment: "appointment"
        }
    }

    /// What must be done, as staff read it.
    public func task(asOf now: Instant) -> String {
        switch kind {
        case .recommendation(let recommendation):
            return recommendation.kind.description + ": " + recommendation.title
        case .appointment(let appointment):
            let what = "appointment \(appointment.number) (\(appointment.purpose.rawValue)) with \(appointment.with)"
            return now > appointment.due
                ? what + " at \(appointment.due): nothing recorded; record attended or no-show"
                : what + " at \(appointment.due)"
        }
    }

    /// What must be documented when it is done.
    public var documentation: [String] {
        switch kind {
        case .recommendation(let recommendation): recommendation.documentation.map(\.rawValue)
        case .appointment: ["attended or no-show (record attended / record no-show)"]
        }
    }

    /// Worklist order: overdue first, then by deadline, then by case and rule.
    public static func ordered(_ items: [WorkItem], asOf now: Instant) -> [WorkItem] {
        items.sorted {
            let (a, b) = ($0.isOverdue(asOf: now), $1.isOverdue(asOf: now))
            if a != b { return a }
            return ($0.deadline, $0.caseID, $0.ruleID) < ($1.deadline, $1.caseID, $1.ruleID)
        }
    }
}

extension CaseMonitor {
    /// What the case needs as of `now` (at or after its latest event): every outstanding recommendation, and
    /// every open appointment due by `horizon` (an appointment past its time with nothing recorded is overdue).
    public func workItems(caseID: String, asOf now: Instant, appointmentsUntil horizon: Instant) -> [WorkItem] {
        let state = self.state
        guard !state.isDischarged else { return [] }
        var items = recommendations(asOf: now).map {
            WorkItem(caseID: caseID, kind: .recommendation($0), tier: state.tier, assignment: state.assignment)
        }
        for status in state.appointments where status.isOpen && status.appointment.due <= horizon {
            items.append(
                WorkItem(
                    caseID: caseID, kind: .appointment(status.appointment), tier: state.tier,
                    assignment: state.assignment))
        }
        return items
    }
}
