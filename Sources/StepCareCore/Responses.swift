/// A person's response to one item, as recorded.
public enum ItemResponse: Sendable, Hashable {
    /// The item was answered with an option scoring `value`.
    case answered(Int)
    /// The item was not answered.
    case notAnswered
    /// The item does not apply to the person (see ``Item/notApplicableFor``).
    case notApplicable

    /// The answer's value, if the item was answered.
    public var value: Int? {
        if case .answered(let value) = self { return value }
        return nil
    }
}

/// What an item's response means once the instrument's rules are applied.
public enum ResolvedResponse: Sendable, Hashable {
    /// The item counts with this value: answered, or skipped by a rule that scores it (AUDIT).
    case value(Int)
    /// The item should have been answered and was not.
    case notAnswered
    /// The item does not apply to the person.
    case notApplicable
    /// A skip rule says the item is not asked (C-SSRS questions 3–5 after a "no" to question 2).
    case notAsked

    /// The value, if the item counts.
    public var value: Int? {
        if case .value(let value) = self { return value }
        return nil
    }
}

/// Responses checked against an instrument definition: one per item, each an option the item offers,
/// with skip rules and not-applicable items resolved.
///
/// Scoring code only ever sees checked responses, so an out-of-range or missing value can never be
/// scored silently as a number.
public struct CheckedResponses: Sendable, Hashable {
    /// One response per item, in item order, as recorded.
    public let responses: [ItemResponse]
    /// One response per item after skip rules: what scoring reads.
    public let resolved: [ResolvedResponse]
    /// The missing-item policy in force: the definition's own, or one a service chose.
    public let missingItems: MissingItemPolicy
    /// Answers given to items a skip rule says are not asked, kept and described here for the report.
    public let inconsistencies: [String]

    /// Checks `responses` against `definition`.
    ///
    /// - Parameter missingItems: a policy a service chose instead of the definition's own.
    /// - Throws: ``StepCareError`` with code `wrongAnswerCount` or `invalidAnswer` naming the item and
    ///   the valid choices. An answer to an item a skip rule does not ask is not an error: it is kept.
    public init(
        _ responses: [ItemResponse], for definition: InstrumentDefinition, missingItems: MissingItemPolicy? = nil
    ) throws(StepCareError) {
        let expected = definition.items.count
        guard responses.count == expected else {
            throw StepCareError(
                .wrongAnswerCount,
                "\(definition.shortName) has \(expected) items, but \(responses.count) "
                    + (responses.count == 1 ? "answer was" : "answers were") + " given",
                hint: "give one answer per item, in item order; use - for an item that was not answered")
        }
        var resolved: [ResolvedResponse] = []
        resolved.reserveCapacity(expected)
        for index in responses.indices {
            switch responses[index] {
            case .answered(let value):
                // The message names the item and the valid choices but never repeats the answer given.
                guard definition.items[index].accepts(value: value) else {
                    let item = definition.items[index]
                    throw StepCareError(
                        .invalidAnswer,
                        "\(definition.shortName) item \(item.number): the answer is not one of the item's options",
                        hint: "item \(item.number) accepts \(item.valueChoices)", item: item.number)
                }
                resolved.append(.value(value))
            case .notAnswered:
                resolved.append(.notAnswered)
            case .notApplicable:
                guard definition.items[index].notApplicableFor != nil else {
                    let item = definition.items[index]
                    throw StepCareError(
                        .invalidAnswer, "\(definition.shortName) item \(item.number) cannot be marked not applicable",
                        hint: "answer \(item.valueChoices), or - if it was not answered", item: item.number)
                }
                resolved.append(.notApplicable)
            }
        }
        var inconsistencies: [String] = []
        for rule in definition.skipRules {
            Self.apply(rule, to: &resolved, inconsistencies: &inconsistencies)
        }
        self.responses = responses
        self.resolved = resolved
        self.inconsistencies = inconsistencies
        self.missingItems = missingItems ?? definition.missingItems
    }

    private static func apply(
        _ rule: SkipRule, to resolved: inout [ResolvedResponse], inconsistencies: inout [String]
    ) {
        var total = 0
        for item in rule.conditionItems {
            guard let value = resolved[item - 1].value else { return }
            total += value
        }
        guard total == rule.conditionTotal else { return }
        for item in rule.skippedItems {
            switch (rule.effect, resolved[item - 1]) {
            case (.scoresAs(let value), .notAnswered):
                resolved[item - 1] = .value(value)
            case (.scoresAs, _):
                continue
            case (.notAsked, .value):
                // Never discard an answer, least of all a positive risk answer: keep it and say so.
                inconsistencies.append(
                    "item \(item) was answered although it is not asked here (\(rule.text)); the answer is kept "
                        + "and read, and the record should be checked")
            case (.notAsked, _):
                resolved[item - 1] = .notAsked
            }
        }
    }

    /// The items that were not answered and should have been, in order.
    public var missingItemNumbers: [Int] {
        resolved.indices.filter { resolved[$0] == .notAnswered }.map { $0 + 1 }
    }

    /// The values, or `nil` if any item is not a value (unanswered, not applicable or not asked).
    public var completeValues: [Int]? {
        var values: [Int] = []
        values.reserveCapacity(resolved.count)
        for response in resolved {
            guard let value = response.value else { return nil }
            values.append(value)
        }
        return values
    }
}
