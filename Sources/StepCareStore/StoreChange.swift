public import StepCareCore

/// A member of staff who may act in a context, with their role.
public struct StaffUser: Sendable, Hashable {
    /// The staff id they log in with, e.g. `ana`.
    public var name: String
    /// The pathway role they act in.
    public var role: String

    /// Creates a user.
    public init(name: String, role: String) {
        self.name = name
        self.role = role
    }
}

/// A team's row: the team created (`user` nil), or a member of staff put in it.
public struct TeamMember: Sendable, Hashable {
    /// The team's id, e.g. `north`.
    public var team: String
    /// The member, or `nil` for the row that creates the team.
    public var user: String?

    /// Creates a row.
    public init(team: String, user: String?) {
        self.team = team
        self.user = user
    }
}

/// Time-limited emergency access: the user acts with the elevated role until `ends`.
public struct BreakGlassGrant: Sendable, Hashable {
    /// Who broke the glass.
    public var user: String
    /// The role they act in while it lasts.
    public var role: String
    /// Why; kept on the record and never printed in errors.
    public var reason: String
    /// When it began (the session clock).
    public var starts: Instant
    /// When it lapses.
    public var ends: Instant
    /// The audit entry that granted it.
    public var sequence: Int64

    /// Creates a grant.
    public init(user: String, role: String, reason: String, starts: Instant, ends: Instant, sequence: Int64 = 0) {
        self.user = user
        self.role = role
        self.reason = reason
        self.starts = starts
        self.ends = ends
        self.sequence = sequence
    }

    /// Whether the grant is in force at `now`.
    public func isActive(at now: Instant) -> Bool { starts <= now && now < ends }
}

/// A pathway or instrument definition kept in the caseload: the file as given, versioned per id.
public struct StoredDefinition: Sendable, Hashable {
    /// What it defines.
    public enum Kind: String, Sendable, Hashable {
        /// A pathway (`stepcare-pathway/1`).
        case pathway
        /// An instrument (`stepcare-instrument/1`).
        case instrument
    }

    /// What it defines.
    public var kind: Kind
    /// The pathway's or instrument's id.
    public var id: String
    /// 1 for the first kept under this id, then 2, 3, …
    public var version: Int
    /// The definition file's text, as given.
    public var body: String
    /// Why it was kept.
    public var reason: String
    /// The staff id of who kept it.
    public var by: String

    /// Creates a definition.
    public init(kind: Kind, id: String, version: Int, body: String, reason: String, by: String) {
        self.kind = kind
        self.id = id
        self.version = version
        self.body = body
        self.reason = reason
        self.by = by
    }
}

/// Everything one command writes: new cases, events appended to cases, users, grants, teams and configuration.
public struct StoreChange: Sendable {
    /// A case opened by the command.
    public struct OpenedCase: Sendable, Hashable {
        /// The pseudonymous id.
        public var id: String
        /// The pathway it was opened under.
        public var pathway: String
        /// Demographic fields, if any.
        public var demographics: [String: String]

        /// Creates an opened case.
        public init(id: String, pathway: String, demographics: [String: String] = [:]) {
            self.id = id
            self.pathway = pathway
            self.demographics = demographics
        }
    }

    /// Cases opened, in order.
    public var openedCases: [OpenedCase] = []
    /// Events appended, in order, with their case.
    public var events: [(caseID: String, event: CaseEvent)] = []
    /// Users added.
    public var users: [StaffUser] = []
    /// Break-glass grants made.
    public var grants: [BreakGlassGrant] = []
    /// Team rows written: a team created (no user) or a user put in a team.
    public var teamMembers: [TeamMember] = []
    /// Changes to the service's configuration.
    public var configurations: [ConfigurationChange] = []
    /// Pathway and instrument definitions kept.
    public var definitions: [StoredDefinition] = []

    /// Creates an empty change.
    public init() {}

    /// Whether the command wrote nothing.
    public var isEmpty: Bool {
        openedCases.isEmpty && events.isEmpty && users.isEmpty && grants.isEmpty && teamMembers.isEmpty
            && configurations.isEmpty && definitions.isEmpty
    }

    /// The client ids the change concerns, in first-seen order.
    public var clients: [String] {
        var seen: Set<String> = []
        var clients: [String] = []
        for id in openedCases.map(\.id) + events.map(\.caseID) where seen.insert(id).inserted { clients.append(id) }
        return clients
    }
}

/// What the audit entry for a change says about it, beside what the store fills in (sequence, time, hashes).
public struct AuditDraft: Sendable, Hashable {
    /// The staff id acting.
    public var user: String
    /// The role they act in.
    public var role: String
    /// The client concerned, when one.
    public var client: String?
    /// What was done.
    public var action: String
    /// A short description; no client free text.
    public var detail: String

    /// Creates a draft.
    public init(user: String, role: String, client: String?, action: String, detail: String) {
        self.user = user
        self.role = role
        self.client = client
        self.action = action
        self.detail = detail
    }
}
