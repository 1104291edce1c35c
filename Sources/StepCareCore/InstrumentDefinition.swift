/// Everything that describes an instrument: items, scoring range, bands, rules, codes and provenance.
///
/// A definition is plain data. The registry validates it when the instrument is registered
/// (see ``DefinitionCheck``), so code that scores can rely on its invariants.
public struct InstrumentDefinition: Sendable, Hashable {
    /// The identifier used in commands, lower case letters and digits, e.g. `phq9`.
    public var id: String
    /// The short name, e.g. "PHQ-9".
    public var shortName: String
    /// The full title.
    public var title: String
    /// The edition or version implemented, e.g. "2001 (Kroenke, Spitzer and Williams)".
    public var edition: String
    /// What the instrument measures.
    public var kind: InstrumentKind
    /// The period the questions ask about, e.g. "last 2 weeks".
    public var recallPeriod: String
    /// The scored items, numbered from 1.
    public var items: [Item]
    /// The lowest and highest total.
    public var scoreRange: ClosedRange<Int>
    /// Whether a higher total is worse or better.
    public var direction: ScoreDirection
    /// Severity bands partitioning `scoreRange`.
    public var bands: [SeverityBand]
    /// Where the bands come from.
    public var bandSource: String
    /// Named cut-off (caseness) rules.
    public var cutOffs: [CutOffRule]
    /// The published reliable-change threshold, if there is one.
    public var reliableChange: ReliableChange?
    /// What happens when items are not answered.
    public var missingItems: MissingItemPolicy
    /// Rules that raise risk flags from single items.
    public var riskRules: [RiskRule]
    /// Terminology codes for the instrument: panel and total score.
    public var codes: [Code]
    /// Licence status and attribution.
    public var licence: Licence
    /// Published sources, the primary one first.
    public var citations: [Citation]
    /// Anything else staff should know when reading a score.
    public var notes: [String]

    /// Creates a definition.
    public init(
        id: String, shortName: String, title: String, edition: String, kind: InstrumentKind, recallPeriod: String,
        items: [Item], scoreRange: ClosedRange<Int>, direction: ScoreDirection = .higherIsWorse,
        bands: [SeverityBand], bandSource: String, cutOffs: [CutOffRule] = [], reliableChange: ReliableChange? = nil,
        missingItems: MissingItemPolicy, riskRules: [RiskRule] = [], codes: [Code] = [], licence: Licence,
        citations: [Citation], notes: [String] = []
    ) {
        self.id = id
        self.shortName = shortName
        self.title = title
        self.edition = edition
        self.kind = kind
        self.recallPeriod = recallPeriod
        self.items = items
        self.scoreRange = scoreRange
        self.direction = direction
        self.bands = bands
        self.bandSource = bandSource
        self.cutOffs = cutOffs
        self.reliableChange = reliableChange
        self.missingItems = missingItems
        self.riskRules = riskRules
        self.codes = codes
        self.licence = licence
        self.citations = citations
        self.notes = notes
    }

    /// The band containing `total`, if any.
    public func band(for total: Int) -> SeverityBand? {
        bands.first { $0.range.contains(total) }
    }
}
