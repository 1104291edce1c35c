/// One static check the registry applies to every instrument definition before registering it.
///
/// Checks are an open set: a later module can add `extension DefinitionCheck { static let mine = … }`
/// and pass it to ``Registry/init(instruments:checks:)``.
public struct DefinitionCheck: Sendable {
    /// The check's name, shown in the error when it fails, e.g. `bands-partition-range`.
    public let name: String
    /// Returns one message per problem found; empty when the definition passes.
    public let problems: @Sendable (InstrumentDefinition) -> [String]

    /// Creates a check.
    public init(_ name: String, problems: @escaping @Sendable (InstrumentDefinition) -> [String]) {
        self.name = name
        self.problems = problems
    }

    /// Every built-in check, in the order the registry applies them.
    public static let all: [DefinitionCheck] = [
        .identifier, .itemsNumbered, .optionValues, .scoreRangeMatchesItems, .bandsPartitionRange, .cutOffsInRange,
        .riskRulesReachable, .reliableChangeInRange, .metadataComplete, .rulesReadItems, .noWordingWithoutLicence,
    ]
}

extension DefinitionCheck {
    /// The id is 1–32 lower-case letters and digits, starting with a letter.
    public static let identifier = DefinitionCheck("identifier") { definition in
        let id = definition.id
        let valid =
            !id.isEmpty && id.count <= 32 && id.first?.isLetter == true
            && id.allSatisfy { ($0.isLetter && $0.isLowercase && $0.isASCII) || ($0.isNumber && $0.isASCII) }
        return valid ? [] : ["id \"\(id)\" must be 1–32 lower-case ASCII letters and digits, starting with a letter"]
    }

    /// There is at least one item, and items are numbered 1, 2, 3, … in order.
    public static let itemsNumbered = DefinitionCheck("items-numbered") { definition in
        if definition.items.isEmpty { return ["the instrument has no items"] }
        return definition.items.enumerated().compactMap { index, item in
            item.number == index + 1 ? nil : "item at position \(index + 1) is numbered \(item.number)"
        }
    }

    /// Every item has options, with distinct, non-negative values and non-empty labels.
    public static let optionValues = DefinitionCheck("option-values") { definition in
        definition.items.flatMap { item -> [String] in
            var problems: [String] = []
            if item.options.isEmpty { problems.append("item \(item.number) has no response options") }
            let values = item.options.map(\.value)
            if Set(values).count != values.count { problems.append("item \(item.number) repeats an option value") }
            if values.contains(where: { $0 < 0 }) { problems.append("item \(item.number) has a negative value") }
            if item.options.contains(where: { $0.label.isEmpty }) {
                problems.append("item \(item.number) has an option without a label")
            }
            if item.text.isEmpty { problems.append("item \(item.number) has no text or label") }
            return problems
        }
    }

    /// The score range is exactly the sum of the items' lowest values to the sum of their highest.
    /// A level instrument's range is the span of its level indices instead, checked with the bands.
    public static let scoreRangeMatchesItems = DefinitionCheck("score-range-matches-items") { definition in
        guard definition.result == .total else { return [] }
        let ranges = definition.items.compactMap(\.valueRange)
        guard ranges.count == definition.items.count else { return [] }  // reported by option-values
        let low = ranges.map(\.lowerBound).reduce(0, +)
        let high = ranges.map(\.upperBound).reduce(0, +)
        guard definition.scoreRange != low...high else { return [] }
        return ["score range \(format(definition.scoreRange)) does not match the items, which give \(low)–\(high)"]
    }

    /// The bands cover every total in the score range exactly once: no gap, no overlap.
    public static let bandsPartitionRange = DefinitionCheck("bands-partition-range") { definition in
        let range = definition.scoreRange
        let bands = definition.bands.sorted { $0.range.lowerBound < $1.range.lowerBound }
        guard let first = bands.first, let last = bands.last else { return ["there are no severity bands"] }
        var problems: [String] = []
        if first.range.lowerBound != range.lowerBound {
            problems.append("the lowest band starts at \(first.range.lowerBound), not at \(range.lowerBound)")
        }
        if last.range.upperBound != range.upperBound {
            problems.append("the highest band ends at \(last.range.upperBound), not at \(range.upperBound)")
        }
        for (lower, upper) in zip(bands, bands.dropFirst()) {
            let next = lower.range.upperBound + 1
            if upper.range.lowerBound > next {
                problems.append("gap between \"\(lower.label)\" and \"\(upper.label)\": \(next) is in no band")
            } else if upper.range.lowerBound < next {
                problems.append("\"\(lower.label)\" and \"\(upper.label)\" overlap at \(upper.range.lowerBound)")
            }
        }
        if Set(bands.map(\.label)).count != bands.count { problems.append("two bands share a label") }
        return problems
    }

    /// Every cut-off threshold lies inside the score range, and rule ids are distinct.
    public static let cutOffsInRange = DefinitionCheck("cut-offs-in-range") { definition in
        var problems = definition.cutOffs.compactMap { rule in
            definition.scoreRange.contains(rule.threshold)
                ? nil : "cut-off \"\(rule.id)\" threshold \(rule.threshold) is outside \(format(definition.scoreRange))"
        }
        if Set(definition.cutOffs.map(\.id)).count != definition.cutOffs.count {
            problems.append("two cut-off rules share an id")
        }
        return problems
    }

    /// Every risk rule reads an existing item, can fire for at least one of its options, and leaves the lowest
    /// answer unflagged.
    public static let riskRulesReachable = DefinitionCheck("risk-rules-reachable") { definition in
        definition.riskRules.compactMap { rule in
            guard definition.items.indices.contains(rule.item - 1) else {
                return "risk rule \"\(rule.id)\" reads item \(rule.item), which does not exist"
            }
            let values = definition.items[rule.item - 1].options.map(\.value)
            guard values.contains(where: { $0 >= rule.minimumValue }) else {
                return "risk rule \"\(rule.id)\" needs item \(rule.item) ≥ \(rule.minimumValue), which no option scores"
            }
            // A rule every answer meets flags every client, so it tells nobody apart.
            return values.allSatisfy { $0 >= rule.minimumValue }
                ? "risk rule \"\(rule.id)\" is met by every answer to item \(rule.item) (≥ \(rule.minimumValue)): it "
                    + "would flag every client; it must leave the lowest answer unflagged"
                : nil
        }
    }

    /// A reliable-change threshold is positive and smaller than the width of the score range.
    public static let reliableChangeInRange = DefinitionCheck("reliable-change-in-range") { definition in
        guard let change = definition.reliableChange else { return [] }
        let width = definition.scoreRange.upperBound - definition.scoreRange.lowerBound
        return (1...max(1, width)).contains(change.threshold)
            ? [] : ["reliable-change threshold \(change.threshold) must be between 1 and \(width)"]
    }

    /// Title, short name, edition, recall period, band source, licence and a dated citation are present.
    public static let metadataComplete = DefinitionCheck("metadata-complete") { definition in
        let fields: [(String, String)] = [
            ("short name", definition.shortName), ("title", definition.title), ("edition", definition.edition),
            ("recall period", definition.recallPeriod), ("band source", definition.bandSource),
            ("licence terms", definition.licence.terms), ("licence attribution", definition.licence.attribution),
        ]
        var problems = fields.filter { $0.1.isEmpty }.map { "\($0.0) is empty" }
        if definition.citations.isEmpty { problems.append("there is no citation") }
        problems += definition.citations.filter { $0.text.isEmpty || $0.year < 1900 }.map {
            "citation \"\($0.text.prefix(40))\" needs text and a year"
        }
        return problems
    }
}

extension DefinitionCheck {
    /// Skip rules, subscales and not-applicable markers read existing items; a risk item can never be
    /// marked not applicable or scored by a skip; a variant id is well formed.
    public static let rulesReadItems = DefinitionCheck("rules-read-items") { definition in
        let numbers = Set(definition.items.map(\.number))
        let riskItems = Set(definition.riskRules.map(\.item))
        var problems: [String] = []
        for rule in definition.skipRules {
            let read = rule.conditionItems + rule.skippedItems
            if let bad = read.first(where: { !numbers.contains($0) }) {
                problems.append("skip rule \"\(rule.id)\" reads item \(bad), which does not exist")
            }
            if case .scoresAs = rule.effect, let risk = rule.skippedItems.first(where: riskItems.contains) {
                problems.append("skip rule \"\(rule.id)\" would score risk item \(risk) without asking it")
            }
        }
        for subscale in definition.subscales {
            if subscale.items.isEmpty || subscale.items.contains(where: { !numbers.contains($0) }) {
                problems.append("subscale \"\(subscale.id)\" must read existing items")
            }
        }
        for item in definition.items where item.notApplicableFor != nil && riskItems.contains(item.number) {
            problems.append("risk item \(item.number) cannot be marked not applicable")
        }
        if let variant = definition.variant,
            variant.id.isEmpty || !variant.id.allSatisfy({ $0 == "-" || (($0.isLetter || $0.isNumber) && $0.isASCII) })
                || variant.id != variant.id.lowercased()
        {
            problems.append("variant id \"\(variant.id)\" must be lower-case ASCII letters, digits and hyphens")
        }
        return problems
    }

    /// Where the licence does not allow the wording to ship, item texts are short neutral labels:
    /// at most 40 characters and not a question.
    public static let noWordingWithoutLicence = DefinitionCheck("no-wording-without-licence") { definition in
        guard !definition.licence.status.allowsWording else { return [] }
        return definition.items.compactMap { item in
            item.text.count <= 40 && !item.text.contains("?")
                ? nil
                : "item \(item.number) looks like item wording, which the licence does not let StepCare ship; "
                    + "use a short neutral label"
        }
    }
}

private func format(_ range: ClosedRange<Int>) -> String { "\(range.lowerBound)–\(range.upperBound)" }
