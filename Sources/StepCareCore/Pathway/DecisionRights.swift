/// A staff role, e.g. `clinician`. Pathways may define their own beyond the standard six.
public struct Role: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The identifier typed in commands, e.g. `care-coordinator`.
    public var id: String
    /// The name shown to staff, e.g. "care coordinator".
    public var name: String

    /// Creates a role.
    public init(_ id: String, name: String) {
        self.id = id
        self.name = name
    }

    public var description: String { id }
    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.id < rhs.id }

    /// A low-intensity coach or practitioner.
    public static let coach = Role("coach", name: "coach")
    /// A qualified clinician (therapist, nurse, psychologist).
    public static let clinician = Role("clinician", name: "clinician")
    /// A care coordinator.
    public static let careCoordinator = Role("care-coordinator", name: "care coordinator")
    /// A clinical supervisor.
    public static let supervisor = Role("supervisor", name: "supervisor")
    /// A psychiatrist.
    public static let psychiatrist = Role("psychiatrist", name: "psychiatrist")
    /// The service's clinical lead.
    public static let clinicalLead = Role("clinical-lead", name: "clinical lead")

    /// The six roles every StepCare pathway knows.
    public static let standard: [Role] = [
        .coach, .clinician, .careCoordinator, .supervisor, .psychiatrist, .clinicalLead,
    ]
}

/// A person acting in a role. Staff are named by a staff identifier, never by client data.
public struct Actor: Sendable, Hashable, CustomStringConvertible {
    /// The person's staff identifier.
    public var name: String
    /// The role they act in.
    public var role: Role

    /// Creates an actor.
    public init(name: String, role: Role) {
        self.name = name
        self.role = role
    }

    /// `clinician:ana`.
    public var description: String { "\(role.id):\(name)" }
}

/// Something a decision right governs.
public enum Action: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Place a referred client in a tier (initial placement).
    case place
    /// Move a client to a more intensive tier.
    case stepUp = "step-up"
    /// Move a client to a less intensive tier.
    case stepDown = "step-down"
    /// Place or move a client somewhere other than where the rules indicate.
    case overridePlacement = "override"
    /// Authorise an exception to a rule, such as placing over capacity.
    case authoriseException = "authorise-exception"
    /// Discharge a client from the service.
    case discharge
    /// Clear a risk flag, by a documented risk review.
    case clearRiskFlag = "clear-risk-flag"
    /// Open a record outside one's caseload in an emergency.
    case breakGlass = "break-glass"
    /// Change the service's configuration: slots, thresholds, windows and deadlines.
    case configure

    public var description: String { rawValue }

    /// The action as staff read it, e.g. "override placement".
    public var name: String {
        switch self {
        case .place: "place"
        case .stepUp: "step up"
        case .stepDown: "step down"
        case .overridePlacement: "override placement"
        case .authoriseException: "authorise exception"
        case .discharge: "discharge"
        case .clearRiskFlag: "clear risk flag"
        case .breakGlass: "break-glass"
        case .configure: "configure the service"
        }
    }
}

/// What must be on the record before a decision is accepted.
public enum Documentation: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A structured review of the case (`record review structured`).
    case structuredReview = "structured-review"
    /// A stability plan with early warning signs, coping actions, re-access route and follow-up schedule.
    case stabilityPlan = "stability-plan"
    /// A safety plan.
    case safetyPlan = "safety-plan"
    /// A documented risk review (`record review risk`).
    case riskReview = "risk-review"
    /// A written reason given with the decision (`--reason`).
    case reason
    /// A supervisor's consultation on the case (`record review supervisor`).
    case supervisorConsult = "supervisor-consult"
    /// A step-up plan: safety actions, check-in schedule and step-down target.
    case stepUpPlan = "step-up-plan"
    /// A contact with the client: an attended contact, or an outreach attempt that reached them.
    case contact

    public var description: String { rawValue }

    /// How to supply it in the command language.
    public var howToSupply: String {
        switch self {
        case .structuredReview: "record review structured --as ROLE:NAME"
        case .stabilityPlan:
            "record plan stability --warning-signs TEXT --coping TEXT --reaccess TEXT --follow-up TEXT"
        case .safetyPlan: "record plan safety --summary TEXT"
        case .riskReview: "record review risk --as ROLE:NAME"
        case .reason: "add --reason TEXT to the command"
        case .supervisorConsult: "record review supervisor --as supervisor:NAME"
        case .stepUpPlan: "record plan step-up --safety-actions TEXT --check-ins TEXT --step-down-target TEXT"
        case .contact: "record attended, or record outreach METHOD --outcome reached"
        }
    }
}

/// Whether a role may take an action.
public enum Verdict: Sendable, Hashable, CustomStringConvertible {
    /// The role may act alone.
    case allowed
    /// The role may act when a different person in one of these roles co-signs.
    case needsCoSign(by: [Role])
    /// The role may not take the action.
    case denied

    /// As in the published table: `yes`, `no`, or `co-sign (supervisor or clinical-lead)`.
    public var description: String {
        switch self {
        case .allowed: "yes"
        case .denied: "no"
        case .needsCoSign(let roles): "co-sign (" + roles.map(\.id).joined(separator: " or ") + ")"
        }
    }
}

/// Which moves a decision right covers: every move, or moves into or out of particular tiers.
public struct TierScope: Sendable, Hashable, CustomStringConvertible {
    /// The tier moved from, or `nil` for any.
    public var from: String?
    /// The tier moved to, or `nil` for any.
    public var to: String?

    /// Creates a scope.
    public init(from: String? = nil, to: String? = nil) {
        self.from = from
        self.to = to
    }

    /// Every move.
    public static let any = TierScope()

    /// Whether a move from `from` to `to` is in scope.
    public func covers(from: String?, to: String?) -> Bool {
        (self.from == nil || self.from == from) && (self.to == nil || self.to == to)
    }

    /// How specific the scope is: rights with more specific scopes win.
    var specificity: Int { (from == nil ? 0 : 1) + (to == nil ? 0 : 1) }

    /// `any tier`, `to tier-3`, `from tier-3 to tier-2`.
    public var description: String {
        switch (from, to) {
        case (nil, nil): "any tier"
        case (let from?, nil): "from \(from)"
        case (nil, let to?): "to \(to)"
        case (let from?, let to?): "from \(from) to \(to)"
        }
    }
}

/// One row of a decision-rights table: a role, an action, the moves it covers, the verdict and what must be
/// documented.
public struct DecisionRight: Sendable, Hashable {
    /// Who.
    public var role: Role
    /// What.
    public var action: Action
    /// Which moves.
    public var scope: TierScope
    /// Allowed, needs co-sign, or denied.
    public var verdict: Verdict
    /// What must be on the record.
    public var documentation: [Documentation]
    /// Why, or a condition staff should know.
    public var note: String

    /// Creates a right.
    public init(
        _ role: Role, _ action: Action, _ verdict: Verdict, scope: TierScope = .any,
        documentation: [Documentation] = [],
        note: String = ""
    ) {
        self.role = role
        self.action = action
        self.scope = scope
        self.verdict = verdict
        self.documentation = documentation
        self.note = note
    }
}

/// A pathway's decision rights: role × action × scope → verdict and documentation.
///
/// A role and action with no matching row are denied, so the table only has to list what is allowed.
public struct DecisionRights: Sendable, Hashable {
    /// The rows, in published order.
    public var rights: [DecisionRight]

    /// Creates a table.
    public init(_ rights: [DecisionRight]) { self.rights = rights }

    /// The row that decides whether `role` may take `action` for a move from `from` to `to`: the most specific
    /// matching row, or `nil` (denied) when none matches.
    public func right(_ role: Role, _ action: Action, from: String? = nil, to: String? = nil) -> DecisionRight? {
        rights.filter { $0.role == role && $0.action == action && $0.scope.covers(from: from, to: to) }
            .max { $0.scope.specificity < $1.scope.specificity }
    }

    /// The verdict for `role` taking `action` on a move from `from` to `to`.
    public func verdict(_ role: Role, _ action: Action, from: String? = nil, to: String? = nil) -> Verdict {
        right(role, action, from: from, to: to)?.verdict ?? .denied
    }

    /// The rows for `action`, in published order.
    public func rows(for action: Action) -> [DecisionRight] { rights.filter { $0.action == action } }
}
