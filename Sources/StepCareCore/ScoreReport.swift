/// The result of applying one cut-off rule to a total.
public struct CutOffResult: Sendable, Hashable {
    /// The rule applied.
    public var rule: CutOffRule
    /// Whether the total is at or above the rule's threshold.
    public var isPositive: Bool

    /// Creates a result.
    public init(rule: CutOffRule, isPositive: Bool) {
        self.rule = rule
        self.isPositive = isPositive
    }
}

/// Everything one scored administration says: total, band, cut-offs, risk flags and notes.
public struct ScoreReport: Sendable, Hashable {
    /// The instrument's identifier.
    public var instrumentID: String
    /// The responses scored.
    public var responses: [ItemResponse]
    /// The total, or `nil` when the administration could not be scored.
    public var total: Int?
    /// The instrument's score range.
    public var scoreRange: ClosedRange<Int>
    /// The severity band of the total.
    public var band: SeverityBand?
    /// Every cut-off rule of the instrument applied to the total.
    public var cutOffs: [CutOffResult]
    /// Risk flags raised, most urgent first. Present whether or not the total could be scored.
    public var flags: [RiskFlag]
    /// Why the administration was not scored, when `total` is `nil`.
    public var notScoredReason: String?
    /// Notes on how the score was reached.
    public var notes: [String]

    /// Creates a report.
    public init(
        instrumentID: String, responses: [ItemResponse], total: Int?, scoreRange: ClosedRange<Int>,
        band: SeverityBand?, cutOffs: [CutOffResult], flags: [RiskFlag], notScoredReason: String? = nil,
        notes: [String] = []
    ) {
        self.instrumentID = instrumentID
        self.responses = responses
        self.total = total
        self.scoreRange = scoreRange
        self.band = band
        self.cutOffs = cutOffs
        self.flags = flags
        self.notScoredReason = notScoredReason
        self.notes = notes
    }
}
