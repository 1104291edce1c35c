/// A tier's capacity: ordinary slots plus reserved rapid-access slots.
public struct Capacity: Sendable, Hashable {
    /// Slots for ordinary placements.
    public var standardSlots: Int
    /// Slots kept free for step-ups and crises.
    public var rapidAccessSlots: Int

    /// Creates a capacity.
    public init(standardSlots: Int, rapidAccessSlots: Int = 0) {
        self.standardSlots = standardSlots
        self.rapidAccessSlots = rapidAccessSlots
    }
}

/// A criterion that routes a client away from a tier, to another service.
public struct Exclusion: Sendable, Hashable {
    /// A stable identifier, e.g. `alcohol-dependence`.
    public var id: String
    /// When it applies.
    public var condition: Condition
    /// Where the client is routed instead, e.g. "specialist alcohol service".
    public var routeTo: String
    /// Where the criterion comes from.
    public var source: String

    /// Creates an exclusion.
    public init(id: String, when condition: Condition, routeTo: String, source: String) {
        self.id = id
        self.condition = condition
        self.routeTo = routeTo
        self.source = source
    }
}

/// One tier as a service package: what it offers, who it is for, and when people move on.
public struct TierPackage: Sendable, Hashable {
    /// The identifier typed in commands, e.g. `tier-1`.
    public var id: String
    /// The name shown to staff, e.g. "Tier 1 — brief intervention and navigation".
    public var name: String
    /// The named components delivered, e.g. "skills practice".
    public var components: [String]
    /// How many sessions the package offers.
    public var sessions: ClosedRange<Int>
    /// How long the package normally runs.
    public var timeframe: TimeSpan
    /// What must be documented while in the tier, as staff read it.
    public var documentationStandard: String
    /// How soon a referred client must be placed in the tier, when it has an access standard.
    public var accessStandard: TimeSpan?
    /// Who the tier is for: triage places a client in the most intensive tier whose criteria hold.
    public var entryCriteria: Condition
    /// Who must be routed elsewhere instead.
    public var exclusions: [Exclusion]
    /// Rules that move clients up from this tier.
    public var escalationRules: [MovementRule]
    /// Rules that move clients down from this tier.
    public var stepDownRules: [MovementRule]
    /// The tier's capacity.
    public var capacity: Capacity

    /// Creates a tier package.
    public init(
        id: String, name: String, components: [String], sessions: ClosedRange<Int>, timeframe: TimeSpan,
        documentationStandard: String, accessStandard: TimeSpan? = nil, entryCriteria: Condition,
        exclusions: [Exclusion] = [], escalationRules: [MovementRule] = [], stepDownRules: [MovementRule] = [],
        capacity: Capacity
    ) {
        self.id = id
        self.name = name
        self.components = components
        self.sessions = sessions
        self.timeframe = timeframe
        self.documentationStandard = documentationStandard
        self.accessStandard = accessStandard
        self.entryCriteria = entryCriteria
        self.exclusions = exclusions
        self.escalationRules = escalationRules
        self.stepDownRules = stepDownRules
        self.capacity = capacity
    }
}
