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
    /// Which published variant this is, when the instrument has several (K10 scoring conventions).
    public var variant: InstrumentVariant?
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
    /// Whether the result is a total, or a level the bands name (the C-SSRS risk level).
    public var result: ResultKind
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
    /// Rules that skip items depending on earlier answers.
    public var skipRules: [SkipRule]
    /// Named sums of some items, reported beside the total.
    public var subscales: [Subscale]
    /// Transforms of the total reported beside it (WHO-5 percentage).
    public var transforms: [Transform]
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
        id: String, shortName: String, title: String, edition: String, variant: InstrumentVariant? = nil,
        kind: InstrumentKind, recallPeriod: String, items: [Item], scoreRange: ClosedRange<Int>,
        direction: ScoreDirection = .higherIsWorse, result: ResultKind = .total, bands: [SeverityBand],
        bandSource: String, cutOffs: [CutOffRule] = [], reliableChange: ReliableChange? = nil,
        missingItems: MissingItemPolicy, skipRules: [SkipRule] = [], subscales: [Subscale] = [],
        transforms: [Transform] = [], riskRules: [RiskRule] = [], codes: [Code] = [], licence: Licence,
        citations: [Citation], notes: [String] = []
    ) {
        self.id = id
        self.shortName = shortName
        self.title = title
        self.edition = edition
        self.variant = variant
        self.kind = kind
        self.recallPeriod = recallPeriod
        self.items = items
        self.scoreRange = scoreRange
        self.direction = direction
        self.result = result
        self.bands = bands
        self.bandSource = bandSource
        self.cutOffs = cutOffs
        self.reliableChange = reliableChange
        self.missingItems = missingItems
        self.skipRules = skipRules
        self.subscales = subscales
        self.transforms = transforms
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

    /// The band containing `score`, if any; a fractional score belongs to the band below the next whole number.
    public func band(for score: Score) -> SeverityBand? {
        bands.first { score.isIn($0.range) }
    }

    /// The cut-off rule that decides caseness: `nhs-tt-caseness` where the instrument has it, else its first;
    /// `nil` when the first rule is for one population and another population has its own (AUDIT-C's men and
    /// women), since StepCare is not told which the person belongs to: every such rule is reported instead, and
    /// a caller picks one by name.
    public var casenessRule: CutOffRule? {
        if let nhs = cutOffs.first(where: { $0.id == "nhs-tt-caseness" }) { return nhs }
        guard let first = cutOffs.first else { return nil }
        if first.population != nil,
            cutOffs.contains(where: { $0.population != nil && $0.population != first.population })
        {
            return nil
        }
        return first
    }

    /// The id with the variant, as shown to staff: `k10` or `k10 (variant us-abs)`.
    public var displayID: String {
        variant.map { "\(id) (variant \($0.id))" } ?? id
    }
}

/// What an instrument's result is.
public enum ResultKind: String, Sendable, Hashable {
    /// A total score.
    case total
    /// A level: the "total" is the index of the band that names it (C-SSRS risk level).
    case level
}
