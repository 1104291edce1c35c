/// Who holds a case: the assigned clinician, and optionally a care coordinator and a team. A new assignment on
/// a case that already has one is a handover.
public struct Assignment: Sendable, Hashable {
    /// The staff id of the clinician who owns the case.
    public var clinician: String
    /// The staff id of the care coordinator, when there is one.
    public var coordinator: String?
    /// The team the case belongs to, when the service works in teams.
    public var team: String?
    /// Who made the assignment.
    public var by: Actor

    /// Creates an assignment.
    public init(clinician: String, coordinator: String? = nil, team: String? = nil, by: Actor) {
        self.clinician = clinician
        self.coordinator = coordinator
        self.team = team
        self.by = by
    }
}

/// A planned contact with a client: its number on the case (1, 2, …), when, with whom and what for.
public struct Appointment: Sendable, Hashable {
    /// The appointment's number on the case, from 1, in booking order.
    public var number: Int
    /// When it is planned.
    public var due: Instant
    /// The staff id of who will see the client.
    public var with: String
    /// What it is for, e.g. `check-in`, `session`, `review`.
    public var purpose: AppointmentPurpose

    /// Creates an appointment.
    public init(number: Int, due: Instant, with: String, purpose: AppointmentPurpose) {
        self.number = number
        self.due = due
        self.with = with
        self.purpose = purpose
    }
}

/// What a planned contact is for. Stable codes.
public enum AppointmentPurpose: String, Sendable, Hashable, CaseIterable {
    /// A treatment session.
    case session
    /// A scheduled check-in (e.g. Tier 3's weekly check-ins).
    case checkIn = "check-in"
    /// A follow-up contact after a crisis contact or ED visit.
    case followUp = "follow-up"
    /// A review of progress or tier.
    case review
    /// A handover contact after a move.
    case handover
}

/// A change to the appointment book of a case.
public enum AppointmentChange: Sendable, Hashable {
    /// A new appointment.
    case booked(Appointment)
    /// An appointment moved to a new time.
    case rescheduled(number: Int, to: Instant)
    /// An appointment called off, with the reason when given.
    case cancelled(number: Int, reason: String?)

    /// The number of the appointment changed.
    public var number: Int {
        switch self {
        case .booked(let appointment): appointment.number
        case .rescheduled(let number, _), .cancelled(let number, _): number
        }
    }
}

/// How an outreach attempt was made. Stable codes.
public enum OutreachMethod: String, Sendable, Hashable, CaseIterable {
    case phone
    case text
    case email
    case letter
    /// A home or community visit.
    case visit
}

/// What came of an outreach attempt. Stable codes.
public enum OutreachOutcome: String, Sendable, Hashable, CaseIterable {
    /// The client was spoken with.
    case reached
    /// No answer and no message left.
    case noAnswer = "no-answer"
    /// A message was left.
    case messageLeft = "message-left"
    /// The client was reached and declined contact.
    case declined
    /// The contact details were wrong.
    case wrongDetails = "wrong-details"

}

extension OutreachMethod {
    /// Whether an attempt this way is a conversation with the client (a phone call or a visit), which can count
    /// as a follow-up contact when it reaches them; a text, an email or a letter cannot.
    public var isConversation: Bool { self == .phone || self == .visit }
}

extension CaseEventKind {
    /// Whether the event is a contact with the client that meets a follow-up: an attended contact, or a phone
    /// call or visit that reached them (NCQA HEDIS FUM counts visits and telephone contacts, not messages).
    public var isFollowUpContact: Bool {
        switch self {
        case .contact(attended: true): true
        case .outreach(let method, let outcome, _): method.isConversation && outcome == .reached
        default: false
        }
    }
}

/// How a crisis contact came about. Stable codes (StepCare's choice; no national code set covers them).
public enum CrisisChannel: String, Sendable, Hashable, CaseIterable {
    /// A crisis phone line.
    case phoneLine = "phone-line"
    /// A crisis text service.
    case textLine = "text-line"
    /// A crisis or home-treatment team.
    case crisisTeam = "crisis-team"
    /// A walk-in crisis service or safe haven.
    case walkIn = "walk-in"
    /// Police or ambulance.
    case emergencyServices = "emergency-services"
}

/// What came of a crisis contact. Stable codes (StepCare's choice).
public enum CrisisOutcome: String, Sendable, Hashable, CaseIterable {
    /// Resolved on the contact; the client stays at home.
    case resolved
    /// A follow-up with the service was arranged.
    case followUpArranged = "follow-up-arranged"
    /// Referred to an emergency department.
    case referredToED = "referred-to-ed"
    /// Admitted to hospital.
    case admitted
}

/// What came of an emergency-department visit. Stable codes (StepCare's choice).
public enum EmergencyOutcome: String, Sendable, Hashable, CaseIterable {
    /// Discharged home from the department.
    case dischargedHome = "discharged-home"
    /// Admitted to hospital.
    case admitted
    /// Left before being seen.
    case leftBeforeSeen = "left-before-seen"
}

/// The detail of a crisis contact; either part may be unknown.
public struct CrisisDetail: Sendable, Hashable {
    /// How the contact came about.
    public var channel: CrisisChannel?
    /// What came of it.
    public var outcome: CrisisOutcome?

    /// Creates a detail.
    public init(channel: CrisisChannel? = nil, outcome: CrisisOutcome? = nil) {
        self.channel = channel
        self.outcome = outcome
    }
}

/// The plan a step-up to the most intensive tier requires: specific safety actions, the check-in schedule and a
/// documented step-down target.
public struct StepUpPlan: Sendable, Hashable {
    /// The specific safety actions agreed.
    public var safetyActions: String
    /// The check-in schedule, e.g. weekly, with who.
    public var checkIns: String
    /// What would allow a step-down.
    public var stepDownTarget: String

    /// Creates a plan.
    public init(safetyActions: String, checkIns: String, stepDownTarget: String) {
        self.safetyActions = safetyActions
        self.checkIns = checkIns
        self.stepDownTarget = stepDownTarget
    }

    /// The names of the parts left empty, in order.
    public var missingParts: [String] {
        [("safety actions", safetyActions), ("check-ins", checkIns), ("step-down target", stepDownTarget)]
            .filter { $0.1.allSatisfy(\.isWhitespace) }.map(\.0)
    }
}
