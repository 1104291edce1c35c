/// Everything that describes an instrument: items, scoring range, bands, rules, codes and provenance.
///
/// A definition is plain data. The registry validates it when the instrument is registered
/// (see ``DefinitionCheck``), so code that scores can rely on its invariants.
public struct InstrumentDefinition: Sendable, Hashable {
    /// The fields, in one immutable box: copying a definition (every scoring call reads it through the
    /// instrument) costs one reference count, not one per field.
    private var box: Box

    private struct Values: Sendable, Hashable {
        var id: String
        var shortName: String
        var title: String
        var edition: String
        var variant: InstrumentVariant?
        var kind: InstrumentKind
        var recallPeriod: String
        var items: [Item]
        var scoreRange: ClosedRange<Int>
        var direction: ScoreDirection
        var result: ResultKind
        var bands: [SeverityBand]
        var bandSource: String
        var cutOffs: [CutOffRule]
        var reliableChange: ReliableChange?
        var missingItems: MissingItemPolicy
        var skipRules: [SkipRule]
        var subscales: [Subscale]
        var transforms: [Transform]
        var riskRules: [RiskRule]
        var codes: [Code]
        var licence: Licence
        var citations: [Citation]
        var notes: [String]
    }

    private final class Box: Sendable {
        let values: Values
        init(_ values: Values) { self.values = values }
    }

    /// Changes one field: the box is shared, so the values are copied into a new one.
    private mutating func update(_ change: (inout Values) -> Void) {
        var values = box.values
        change(&values)
        box = Box(values)
    }

    public static func == (lhs: InstrumentDefinition, rhs: InstrumentDefinition) -> Bool {
        lhs.box === rhs.box || lhs.box.values == rhs.box.values
    }

    public func hash(into hasher: inout Hasher) { box.values.hash(into: &hasher) }

    /// The identifier used in commands, lower case letters and digits, e.g. `phq9`.
    public var id: String {
        get { box.values.id }
        set { update { $0.id = newValue } }
    }
    /// The short name, e.g. "PHQ-9".
    public var shortName: String {
        get { box.values.shortName }
        set { update { $0.shortName = newValue } }
    }
    /// The full title.
    public var title: String {
        get { box.values.title }
        set { update { $0.title = newValue } }
    }
    /// The edition or version implemented, e.g. "2001 (Kroenke, Spitzer and Williams)".
    public var edition: String {
        get { box.values.edition }
        set { update { $0.edition = newValue } }
    }
    /// Which published variant this is, when the instrument has several (K10 scoring conventions).
    public var variant: InstrumentVariant? {
        get { box.values.variant }
        set { update { $0.variant = newValue } }
    }
    /// What the instrument measures.
    public var kind: InstrumentKind {
        get { box.values.kind }
        set { update { $0.kind = newValue } }
    }
    /// The period the questions ask about, e.g. "last 2 weeks".
    public var recallPeriod: String {
        get { box.values.recallPeriod }
        set { update { $0.recallPeriod = newValue } }
    }
    /// The scored items, numbered from 1.
    public var items: [Item] {
        get { box.values.items }
        set { update { $0.items = newValue } }
    }
    /// The lowest and highest total.
    public var scoreRange: ClosedRange<Int> {
        get { box.values.scoreRange }
        set { update { $0.scoreRange = newValue } }
    }
    /// Whether a higher total is worse or better.
    public var direction: ScoreDirection {
        get { box.values.direction }
        set { update { $0.direction = newValue } }
    }
    /// Whether the result is a total, or a level the bands name (the C-SSRS risk level).
    public var result: ResultKind {
        get { box.values.result }
        set { update { $0.result = newValue } }
    }
    /// Severity bands partitioning `scoreRange`.
    public var bands: [SeverityBand] {
        get { box.values.bands }
        set { update { $0.bands = newValue } }
    }
    /// Where the bands come from.
    public var bandSource: String {
        get { box.values.bandSource }
        set { update { $0.bandSource = newValue } }
    }
    /// Named cut-off (caseness) rules.
    public var cutOffs: [CutOffRule] {
        get { box.values.cutOffs }
        set { update { $0.cutOffs = newValue } }
    }
    /// The published reliable-change threshold, if there is one.
    public var reliableChange: ReliableChange? {
        get { box.values.reliableChange }
        set { update { $0.reliableChange = newValue } }
    }
    /// What happens when items are not answered.
    public var missingItems: MissingItemPolicy {
        get { box.values.missingItems }
        set { update { $0.missingItems = newValue } }
    }
    /// Rules that skip items depending on earlier answers.
    public var skipRules: [SkipRule] {
        get { box.values.skipRules }
        set { update { $0.skipRules = newValue } }
    }
    /// Named sums of some items, reported beside the total.
    public var subscales: [Subscale] {
        get { box.values.subscales }
        set { update { $0.subscales = newValue } }
    }
    /// Transforms of the total reported beside it (WHO-5 percentage).
    public var transforms: [Transform] {
        get { box.values.transforms }
        set { update { $0.transforms = newValue } }
    }
    /// Rules that raise risk flags from single items.
    public var riskRules: [RiskRule] {
        get { box.values.riskRules }
        set { update { $0.riskRules = newValue } }
    }
    /// Terminology codes for the instrument: panel and total score.
    public var codes: [Code] {
        get { box.values.codes }
        set { update { $0.codes = newValue } }
    }
    /// Licence status and attribution.
    public var licence: Licence {
        get { box.values.licence }
        set { update { $0.licence = newValue } }
    }
    /// Published sources, the primary one first.
    public var citations: [Citation] {
        get { box.values.citations }
        set { update { $0.citations = newValue } }
    }
    /// Anything else staff should know when reading a score.
    public var notes: [String] {
        get { box.values.notes }
        set { update { $0.notes = newValue } }
    }

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
        box = Box(
            Values(
                id: id, shortName: shortName, title: title, edition: edition, variant: variant, kind: kind,
                recallPeriod: recallPeriod, items: items, scoreRange: scoreRange, direction: direction, result: result,
                bands: bands, bandSource: bandSource, cutOffs: cutOffs, reliableChange: reliableChange,
                missingItems: missingItems, skipRules: skipRules, subscales: subscales, transforms: transforms,
                riskRules: riskRules, codes: codes, licence: licence, citations: citations, notes: notes))
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
