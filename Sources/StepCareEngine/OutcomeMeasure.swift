public import StepCareCore

/// One instrument as an outcome measure: the total that makes a person a "case", and the change that is
/// reliable.
public struct OutcomeMeasure: Sendable, Hashable {
    /// The instrument's id, e.g. `phq9`.
    public var instrumentID: String
    /// The short name shown to staff, e.g. "PHQ-9".
    public var shortName: String
    /// The cut-off rule that decides caseness, if the instrument has one.
    public var caseness: CutOffRule?
    /// The published reliable-change threshold, if there is one.
    public var reliableChange: ReliableChange?
    /// Whether a higher total is worse or better.
    public var direction: ScoreDirection

    /// The measures NHS Talking Therapies defines recovery and reliable change on, of those registered: PHQ-9
    /// for depression with GAD-7 for anxiety (Clark et al., Lancet 2018, Table 2 [V: reference §6]). The
    /// anxiety-disorder-specific measures that replace GAD-7 for some problems are not registered, and the
    /// current Manual's list is unverified (reference §6).
    public static let talkingTherapiesInstruments: Set<String> = ["phq9", "gad7"]

    /// Whether NHS Talking Therapies defines its outcome metrics on this measure; on any other the same rules
    /// give an indication only.
    public var isTalkingTherapiesMeasure: Bool { Self.talkingTherapiesInstruments.contains(instrumentID) }

    /// The measure an instrument makes, with caseness from the named cut-off rule.
    ///
    /// Without a name, the definition's ``InstrumentDefinition/casenessRule``.
    /// - Throws: ``StepCareError`` with code `unknownRule` when the instrument has no rule of that name.
    public init(_ definition: InstrumentDefinition, casenessRule: String? = nil) throws(StepCareError) {
        instrumentID = definition.id
        shortName = definition.shortName
        reliableChange = definition.reliableChange
        direction = definition.direction
        if let casenessRule {
            guard let rule = definition.cutOffs.first(where: { $0.id == casenessRule }) else {
                throw StepCareError(
                    .unknownRule, "\(definition.shortName) has no cut-off rule \"\(casenessRule)\"",
                    hint: definition.cutOffs.isEmpty
                        ? "\(definition.shortName) has no cut-off rules"
                        : "rules: " + definition.cutOffs.map(\.id).joined(separator: ", "))
            }
            caseness = rule
        } else {
            caseness = definition.casenessRule
        }
    }

    /// Whether `total` is at caseness; `nil` when the measure has no caseness rule.
    public func isCase(_ total: Score) -> Bool? { caseness?.isPositive(total) }

    /// The change from `first` to `last` in the improving direction: positive when the person got better.
    public func improvement(from first: Score, to last: Score) -> Double {
        direction == .higherIsWorse ? first.value - last.value : last.value - first.value
    }
}

extension StepCareError.Code {
    /// A named rule does not exist.
    public static let unknownRule = Self("unknown-rule")
}
