/// A named, documented parameter of a pathway, e.g. "crisis contacts for a step-up: 2".
///
/// Every threshold a pathway's rules use is one of these, so `describe-pathway` can list them with their
/// sources and a service can see exactly what it is running.
public struct PathwayParameter: Sendable, Hashable {
    /// A parameter's value.
    public enum Value: Sendable, Hashable, CustomStringConvertible {
        /// A count of events or sessions.
        case count(Int)
        /// A length of time.
        case span(TimeSpan)
        /// A total on an instrument.
        case score(Int)
        /// A percentage.
        case percent(Int)

        public var description: String {
            switch self {
            case .count(let n), .score(let n): String(n)
            case .span(let span): span.spoken
            case .percent(let n): "\(n)%"
            }
        }
    }

    /// A stable identifier, e.g. `step-up-crisis-contacts`.
    public var id: String
    /// What it means, as staff read it.
    public var meaning: String
    /// Its value.
    public var value: Value
    /// Where the value comes from, or why it was chosen.
    public var source: String

    /// Creates a parameter.
    public init(_ id: String, _ value: Value, meaning: String, source: String) {
        self.id = id
        self.value = value
        self.meaning = meaning
        self.source = source
    }

    /// The value as a number (count, score or percentage); 0 for a span.
    public var number: Int {
        switch value {
        case .count(let n), .score(let n), .percent(let n): n
        case .span: 0
        }
    }

    /// The value as a span; zero for a number.
    public var span: TimeSpan {
        if case .span(let span) = value { return span }
        return TimeSpan(minutes: 0)
    }
}

/// A service's whole stepped-care model: ordered tier packages, movement rules, decision rights and capacity.
///
/// Shipped as a Swift module under `Sources/Pathways/<Name>` that declares
/// `public enum <Name>Module: PathwayModule`.
public struct Pathway: Sendable, Hashable {
    /// The identifier typed in `use`, e.g. `community-stepped-care`.
    public var id: String
    /// The name shown to staff.
    public var name: String
    /// Bumped whenever a rule, threshold or right changes.
    public var version: Int
    /// One paragraph saying what the model is.
    public var summary: String
    /// Where the model comes from.
    public var source: String
    /// The tiers, least intensive first.
    public var tiers: [TierPackage]
    /// Rules checked in every tier (risk) or before placement (access).
    public var rules: [MovementRule]
    /// Who may do what.
    public var rights: DecisionRights
    /// The roles the rights name.
    public var roles: [Role]
    /// When handover contacts fall after a step-down, counted from the move.
    public var handoverContacts: [TimeSpan]
    /// Every threshold the rules use, with its source (and the service's value, when configured).
    public var parameters: [PathwayParameter]
    /// Rebuilds the pathway with other parameter values, so a service can configure it; `nil` for a pathway
    /// whose parameters cannot be changed.
    public var builder: PathwayBuilder?
    /// The version of the service's configuration applied (``configured(_:)``), 0 for the module's defaults.
    public var configurationVersion = 0

    /// Creates a pathway.
    public init(
        id: String, name: String, version: Int, summary: String, source: String, tiers: [TierPackage],
        rules: [MovementRule], rights: DecisionRights, roles: [Role] = Role.standard, handoverContacts: [TimeSpan],
        parameters: [PathwayParameter], builder: PathwayBuilder? = nil
    ) {
        self.id = id
        self.name = name
        self.version = version
        self.summary = summary
        self.source = source
        self.tiers = tiers
        self.rules = rules
        self.rights = rights
        self.roles = roles
        self.handoverContacts = handoverContacts
        self.parameters = parameters
        self.builder = builder
    }

    /// Every movement rule: the pathway-wide ones, then each tier's escalation and step-down rules.
    public var allRules: [MovementRule] {
        rules + tiers.flatMap { $0.escalationRules + $0.stepDownRules }
    }

    /// The tier called `id`, matching case-insensitively.
    public func tier(_ id: String) -> TierPackage? {
        tiers.first { $0.id.lowercased() == id.lowercased() }
    }

    /// The tier's position, 0 for the least intensive.
    public func rank(of tierID: String) -> Int? {
        tiers.firstIndex { $0.id == tierID }
    }

    /// The role called `id`.
    public func role(_ id: String) -> Role? {
        roles.first { $0.id == id.lowercased() }
    }
}

/// A group of pathways shipped as one Swift module.
///
/// Each module under `Sources/Pathways/<Name>` declares `public enum <Name>Module: PathwayModule`; the
/// registry plugin generates the list of modules the executable loads.
public protocol PathwayModule {
    /// The pathways the module provides.
    static var pathways: [Pathway] { get }
}
