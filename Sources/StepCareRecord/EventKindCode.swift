public import StepCareCore

/// The stable code of each event kind, as stored beside the event and written in the record's `kind` field.
/// A code, once released, never changes; a new kind gets a new code.
public enum EventKindCode {
    /// Every code this schema version defines, in the order the schema page lists them.
    public static let all = [
        "referral", "administration", "attended", "no-show", "crisis", "ed-visit", "medication-concern", "plan",
        "review", "place", "step-up", "step-down", "override", "waitlisted", "handover", "discharge", "note",
        "correction", "medication-question", "assignment", "appointment", "outreach",
    ]

    /// The code of `kind`.
    public static func code(_ kind: CaseEventKind) -> String {
        switch kind {
        case .referral: "referral"
        case .administration: "administration"
        case .contact(let attended): attended ? "attended" : "no-show"
        case .crisisContact: "crisis"
        case .emergencyVisit: "ed-visit"
        case .medicationConcern: "medication-concern"
        case .plan: "plan"
        case .review: "review"
        case .note: "note"
        case .correction: "correction"
        case .placement(let placement): MoveCode.code(placement.kind)
        case .waitlisted: "waitlisted"
        case .handoverScheduled: "handover"
        case .discharge: "discharge"
        case .prescriberQuestion: "medication-question"
        case .assignment: "assignment"
        case .appointment: "appointment"
        case .outreach: "outreach"
        }
    }
}

/// Stable lowercase codes of the enumerations the record carries.
enum MoveCode {
    static func code(_ kind: MoveKind) -> String { kind.rawValue }
    static func move(_ code: String) -> MoveKind? { MoveKind(rawValue: code) }
}

extension Urgency {
    /// The urgency for its stable code (`routine`, `same-day`, `immediate`).
    init?(identifier: String) {
        guard let urgency = Urgency.allCases.first(where: { $0.identifier == identifier }) else { return nil }
        self = urgency
    }
}
