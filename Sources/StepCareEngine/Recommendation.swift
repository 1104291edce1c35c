public import StepCareCore

/// What must happen for a client, by when, who may authorise it, and why.
public struct Recommendation: Sendable, Hashable {
    /// The rule that fired (or `handover-contacts` for a scheduled handover).
    public var ruleID: String
    /// The rule's version.
    public var ruleVersion: Int
    /// The rule's title.
    public var title: String
    /// What is recommended.
    public var kind: RecommendationKind
    /// When the rule fired.
    public var firedAt: Instant
    /// When it must be acted on by.
    public var deadline: Instant
    /// What must be documented when acting on it.
    public var documentation: [Documentation]
    /// Who may authorise it, as staff read it.
    public var authorisers: String
    /// The evidence and thresholds, one line each.
    public var trace: [String]
    /// Where the rule comes from.
    public var source: String
    /// The version of the service's configuration the rule fired under (0: the pathway module's defaults). A
    /// recommendation keeps it after a later configuration takes effect: what fired stands until acted on.
    public var configurationVersion = 0

    /// Creates a recommendation.
    public init(
        ruleID: String, ruleVersion: Int, title: String, kind: RecommendationKind, firedAt: Instant, deadline: Instant,
        documentation: [Documentation], authorisers: String, trace: [String], source: String
    ) {
        self.ruleID = ruleID
        self.ruleVersion = ruleVersion
        self.title = title
        self.kind = kind
        self.firedAt = firedAt
        self.deadline = deadline
        self.documentation = documentation
        self.authorisers = authorisers
        self.trace = trace
        self.source = source
    }

    /// Whether the deadline has passed as of `now`.
    public func isOverdue(asOf now: Instant) -> Bool { now > deadline }
}

/// A client who moved back up to a tier after stepping down from it.
public struct ReEscalation: Sendable, Hashable {
    /// The tier stepped down from and returned to.
    public var tier: String
    /// When they stepped down.
    public var steppedDownAt: Instant
    /// When they returned.
    public var returnedAt: Instant

    /// Creates a return.
    public init(tier: String, steppedDownAt: Instant, returnedAt: Instant) {
        self.tier = tier
        self.steppedDownAt = steppedDownAt
        self.returnedAt = returnedAt
    }

    /// Days between the step-down and the return.
    public var days: Int { (returnedAt - steppedDownAt).days }
}

/// Everything the engine says about one case as of a moment.
public struct Evaluation: Sendable {
    /// The case's state.
    public var state: CaseState
    /// Outstanding recommendations, most urgent deadline first.
    public var recommendations: [Recommendation]
    /// Where triage places the client, before placement.
    public var triage: Triage?
    /// Returns to a tier after a step-down from it.
    public var reEscalations: [ReEscalation]
}
