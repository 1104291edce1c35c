/// The result of applying one cut-off rule to a total.
public struct CutOffResult: Sendable, Hashable {
    /// The rule applied.
    public var rule: CutOffRule
    /// Whether the total is on the rule's positive side.
    public var isPositive: Bool

    /// Creates a result.
    public init(rule: CutOffRule, isPositive: Bool) {
        self.rule = rule
        self.isPositive = isPositive
    }
}

/// A subscale's score in one administration.
public struct SubscaleScore: Sendable, Hashable {
    /// The subscale.
    public var subscale: Subscale
    /// Its sum, or `nil` when one of its items is missing.
    public var total: Int?

    /// Creates a subscale score.
    public init(subscale: Subscale, total: Int?) {
        self.subscale = subscale
        self.total = total
    }
}

/// A transformed total, e.g. the WHO-5 percentage.
public struct TransformedScore: Sendable, Hashable {
    /// The transform applied.
    public var transform: Transform
    /// The transformed value.
    public var value: Score

    /// Creates a transformed score.
    public init(transform: Transform, value: Score) {
        self.transform = transform
        self.value = value
    }
}

/// A positive finding beyond the total, with its source, e.g. "provisional PTSD diagnosis".
public struct Finding: Sendable, Hashable {
    /// A stable identifier, e.g. `pcl5-provisional-ptsd`.
    public var id: String
    /// What was found, as staff read it.
    public var text: String
    /// Where the rule comes from.
    public var source: String

    /// Creates a finding.
    public init(id: String, text: String, source: String) {
        self.id = id
        self.text = text
        self.source = source
    }
}

/// Everything one scored administration says: total, band, cut-offs, risk flags and notes.
public struct ScoreReport: Sendable, Hashable {
    /// The instrument's identifier.
    public var instrumentID: String
    /// The variant scored, when the instrument has variants.
    public var variantID: String?
    /// The responses scored.
    public var responses: [ItemResponse]
    /// The total, or `nil` when the administration could not be scored. For a level instrument
    /// (``ResultKind/level``) the index of the level's band.
    public var total: Score?
    /// The instrument's score range.
    public var scoreRange: ClosedRange<Int>
    /// The highest total possible for this person when items were not applicable, else `nil`.
    public var applicableMaximum: Int?
    /// The severity band of the total.
    public var band: SeverityBand?
    /// Every cut-off rule of the instrument applied to the total.
    public var cutOffs: [CutOffResult]
    /// Subscale scores, in the definition's order.
    public var subscales: [SubscaleScore]
    /// Transformed totals, in the definition's order.
    public var transformed: [TransformedScore]
    /// Positive findings beyond the total.
    public var findings: [Finding]
    /// Risk flags raised, most urgent first. Present whether or not the total could be scored.
    public var flags: [RiskFlag]
    /// Why the administration was not scored, when `total` is `nil`.
    public var notScoredReason: String?
    /// Notes on how the score was reached.
    public var notes: [String]

    /// Creates a report.
    public init(
        instrumentID: String, variantID: String? = nil, responses: [ItemResponse], total: Score?,
        scoreRange: ClosedRange<Int>, applicableMaximum: Int? = nil, band: SeverityBand?, cutOffs: [CutOffResult],
        subscales: [SubscaleScore] = [], transformed: [TransformedScore] = [], findings: [Finding] = [],
        flags: [RiskFlag], notScoredReason: String? = nil, notes: [String] = []
    ) {
        self.instrumentID = instrumentID
        self.variantID = variantID
        self.responses = responses
        self.total = total
        self.scoreRange = scoreRange
        self.applicableMaximum = applicableMaximum
        self.band = band
        self.cutOffs = cutOffs
        self.subscales = subscales
        self.transformed = transformed
        self.findings = findings
        self.flags = flags
        self.notScoredReason = notScoredReason
        self.notes = notes
    }
}
