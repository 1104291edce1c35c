/// What a rule recommends.
public enum RecommendationKind: Sendable, Hashable, CustomStringConvertible {
    /// Place the referred client in a tier.
    case place
    /// Review whether the client is in the right tier.
    case tierReview
    /// Move the client up to `tier`.
    case stepUp(to: String)
    /// Move the client down to `tier`.
    case stepDown(to: String)
    /// Review the client's safety, on the same day.
    case urgentSafetyReview
    /// Route the client to another service.
    case routeElsewhere(String)
    /// Make a handover contact after a step-down.
    case handoverContact(number: Int)
    /// Make a follow-up contact after a crisis contact or ED visit.
    case followUpContact
    /// Make a contact the tier package schedules (e.g. Tier 3's weekly check-in).
    case scheduledContact
    /// Write the plan a step-up requires.
    case stepUpPlan

    /// The decision right that governs acting on it.
    public var action: Action {
        switch self {
        case .place: .place
        case .tierReview, .stepUp: .stepUp
        case .stepDown: .stepDown
        case .urgentSafetyReview: .clearRiskFlag
        case .routeElsewhere: .discharge
        case .handoverContact: .stepDown
        case .followUpContact, .scheduledContact, .stepUpPlan: .stepUp
        }
    }

    /// Whether acting on it is a contact or a document any member of the care team makes, not a decision that
    /// the decision rights govern.
    public var isCareTask: Bool {
        switch self {
        case .handoverContact, .followUpContact, .scheduledContact, .stepUpPlan: true
        default: false
        }
    }

    /// Whether it is a step-up (the recommendations the huddle's trigger watch follows). Takes a kind, so it can
    /// be passed where a filter on kinds is asked for: `CaseMonitor(engine:checking: RecommendationKind.isStepUp)`.
    public static func isStepUp(_ kind: RecommendationKind) -> Bool { if case .stepUp = kind { true } else { false } }

    /// A stable word for scripts and `expect`: `place`, `tier-review`, `step-up`, `step-down`,
    /// `safety-review`, `route-elsewhere`, `handover`, `follow-up`, `check-in`, `step-up-plan`.
    public var word: String {
        switch self {
        case .place: "place"
        case .tierReview: "tier-review"
        case .stepUp: "step-up"
        case .stepDown: "step-down"
        case .urgentSafetyReview: "safety-review"
        case .routeElsewhere: "route-elsewhere"
        case .handoverContact: "handover"
        case .followUpContact: "follow-up"
        case .scheduledContact: "check-in"
        case .stepUpPlan: "step-up-plan"
        }
    }

    /// Every ``word``, in the order the pathway guide lists them.
    public static let words = [
        "place", "tier-review", "step-up", "step-down", "safety-review", "route-elsewhere", "handover", "follow-up",
        "check-in", "step-up-plan",
    ]

    public var description: String {
        switch self {
        case .place: "place in a tier"
        case .tierReview: "tier review"
        case .stepUp(let tier): "step up to \(tier)"
        case .stepDown(let tier): "step down to \(tier)"
        case .urgentSafetyReview: "urgent safety review"
        case .routeElsewhere(let service): "route to \(service)"
        case .handoverContact(let number): "handover contact \(number)"
        case .followUpContact: "follow-up contact"
        case .scheduledContact: "scheduled contact"
        case .stepUpPlan: "write the step-up plan"
        }
    }
}

/// When a recommendation must be acted on, counted from when its rule fired.
public enum Deadline: Sendable, Hashable, CustomStringConvertible {
    /// Within a span of time.
    case within(TimeSpan)
    /// By the end of the day it fired.
    case sameDay

    /// The deadline for a rule that fired at `time`.
    public func due(after time: Instant) -> Instant {
        switch self {
        case .within(let span): time + span
        case .sameDay: time.endOfDay
        }
    }

    public var description: String {
        switch self {
        case .within(let span): "within \(span.spoken)"
        case .sameDay: "the same day"
        }
    }
}

/// Which clients a rule is checked for.
public enum RuleScope: Sendable, Hashable, CustomStringConvertible {
    /// Clients in any tier.
    case everyTier
    /// Clients in one of these tiers.
    case tiers([String])
    /// Referred clients not yet placed.
    case beforePlacement
    /// Every client, placed or not.
    case always

    public var description: String {
        switch self {
        case .everyTier: "every tier"
        case .tiers(let tiers): tiers.joined(separator: ", ")
        case .beforePlacement: "before placement"
        case .always: "every client"
        }
    }
}

/// A movement rule: when `condition` holds for a client in `scope`, recommend `recommendation` by `deadline`.
public struct MovementRule: Sendable, Hashable {
    /// A stable identifier, e.g. `t1-session-3-review`.
    public var id: String
    /// Bumped whenever the rule's meaning changes, so a trace names the version that fired.
    public var version: Int
    /// One line saying what the rule is for.
    public var title: String
    /// Which clients it is checked for.
    public var scope: RuleScope
    /// When it fires.
    public var condition: Condition
    /// What it recommends.
    public var recommendation: RecommendationKind
    /// How soon.
    public var deadline: Deadline
    /// What must be documented when acting on it.
    public var documentation: [Documentation]
    /// Where the rule comes from.
    public var source: String

    /// Creates a rule.
    public init(
        id: String, version: Int = 1, title: String, scope: RuleScope, when condition: Condition,
        recommend recommendation: RecommendationKind, deadline: Deadline, documentation: [Documentation] = [],
        source: String
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.scope = scope
        self.condition = condition
        self.recommendation = recommendation
        self.deadline = deadline
        self.documentation = documentation
        self.source = source
    }
}
