import StepCareCore

/// The kinds of event a rule's status can depend on, as bits: an event whose bits a rule does not read leaves
/// its check as it was, so the check is skipped.
struct EventReads: OptionSet, Sendable {
    let rawValue: UInt32

    /// A referral, placement or discharge: what every rule's scope reads.
    static let moves = Self(rawValue: 1 << 0)
    static let session = Self(rawValue: 1 << 1)
    static let noShow = Self(rawValue: 1 << 2)
    static let crisisContact = Self(rawValue: 1 << 3)
    static let emergencyVisit = Self(rawValue: 1 << 4)
    static let medicationConcern = Self(rawValue: 1 << 5)
    /// Any administration, scored or not.
    static let administration = Self(rawValue: 1 << 6)
    /// An administration that raised a risk flag (it is also an ``administration``).
    static let riskFlag = Self(rawValue: 1 << 7)
    static let structuredReview = Self(rawValue: 1 << 8)
    static let riskReview = Self(rawValue: 1 << 9)
    static let plan = Self(rawValue: 1 << 10)
    static let outreach = Self(rawValue: 1 << 11)
    /// Everything else: notes, corrections, waits, appointments, assignments, other reviews.
    static let other = Self(rawValue: 1 << 12)

    init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The bits of `event`.
    init(_ event: CaseEventKind) {
        switch event {
        case .referral, .placement, .discharge: self = .moves
        case .contact(let attended): self = attended ? .session : .noShow
        case .crisisContact: self = .crisisContact
        case .emergencyVisit: self = .emergencyVisit
        case .medicationConcern: self = .medicationConcern
        case .administration(let record):
            self = record.riskFlags.isEmpty ? .administration : [.administration, .riskFlag]
        case .review(.structured, _, _): self = .structuredReview
        case .review(.risk, _, _): self = .riskReview
        case .plan: self = .plan
        case .outreach: self = .outreach
        default: self = .other
        }
    }

    /// The bits of the events counted as `kind`.
    init(_ kind: CountedEvent) {
        switch kind {
        case .crisisContact: self = .crisisContact
        case .emergencyVisit: self = .emergencyVisit
        case .noShow: self = .noShow
        case .session: self = .session
        case .medicationConcern: self = .medicationConcern
        case .riskFlag: self = .riskFlag
        case .structuredReview: self = .structuredReview
        }
    }

    /// What the status of a rule with `condition` recommending `kind` reads: moves (its scope), the facts its
    /// condition reads (see `CaseState`), and the events that may act on its recommendation
    /// (``Engine/resolves(_:_:)``; a discharge, which resolves most, is a move).
    init(condition: Condition, recommendation kind: RecommendationKind) {
        self = Self.moves.union(Self(condition)).union(Self(resolving: kind))
    }

    private init(_ condition: Condition) {
        switch condition {
        case .always, .enteredFrom, .timeInTier, .notPlaced: self = []
        case .scoreAtLeast, .scoreBelow, .persistsAtLeast, .bandWorsened, .bandImproved: self = .administration
        case .noReliableImprovement: self = [.administration, .session]
        case .sessions: self = .session
        case .attendance: self = [.session, .noShow]
        case .openRiskFlag: self = [.riskFlag, .riskReview]
        case .eventsWithin(let kind, _, _), .noEventsFor(let kind, _), .recurring(let kind, _), .recorded(let kind):
            self = Self(kind)
        case .all(let conditions), .any(let conditions):
            self = conditions.reduce(into: []) { $0.formUnion(Self($1)) }
        case .not(let inner): self = Self(inner)
        }
    }

    private init(resolving kind: RecommendationKind) {
        switch kind {
        case .place, .stepUp, .handoverContact: self = []
        case .tierReview, .stepDown, .routeElsewhere: self = .structuredReview
        case .urgentSafetyReview: self = .riskReview
        case .followUpContact: self = [.session, .outreach]
        case .scheduledContact: self = .session
        case .stepUpPlan: self = .plan
        }
    }
}

extension Condition {
    /// Whether the condition reads the moment itself: "recorded" holds only at the minute of its event, so a
    /// later question changes it with no new event and no wake-up.
    var readsTheMoment: Bool {
        switch self {
        case .recorded: true
        case .all(let conditions), .any(let conditions): conditions.contains { $0.readsTheMoment }
        case .not(let inner): inner.readsTheMoment
        default: false
        }
    }
}
