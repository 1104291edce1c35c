/// A person's response to one item.
public enum ItemResponse: Sendable, Hashable {
    /// The item was answered with an option scoring `value`.
    case answered(Int)
    /// The item was not answered.
    case notAnswered

    /// The answer's value, if the item was answered.
    public var value: Int? {
        if case .answered(let value) = self { return value }
        return nil
    }
}

/// Responses checked against an instrument definition: one per item, each an option the item offers.
///
/// Scoring code only ever sees checked responses, so an out-of-range or missing value can never be
/// scored silently as a number.
public struct CheckedResponses: Sendable, Hashable {
    /// One response per item, in item order.
    public let responses: [ItemResponse]

    /// Checks `responses` against `definition`.
    ///
    /// - Throws: ``StepCareError`` with code `wrongAnswerCount` or `invalidAnswer` naming the item and
    ///   the valid choices.
    public init(_ responses: [ItemResponse], for definition: InstrumentDefinition) throws(StepCareError) {
        let expected = definition.items.count
        guard responses.count == expected else {
            throw StepCareError(
                .wrongAnswerCount,
                "\(definition.shortName) has \(expected) items, but \(responses.count) "
                    + (responses.count == 1 ? "answer was" : "answers were") + " given",
                hint: "give one answer per item, in item order; use - for an item that was not answered")
        }
        for (item, response) in zip(definition.items, responses) {
            guard case .answered(let value) = response, item.option(scoring: value) == nil else { continue }
            // The message names the item and the valid choices but never repeats the answer given.
            throw StepCareError(
                .invalidAnswer,
                "\(definition.shortName) item \(item.number): the answer is not one of the item's options",
                hint: "item \(item.number) accepts \(item.valueChoices)", item: item.number)
        }
        self.responses = responses
    }

    /// The answered values, or `nil` if any item is unanswered.
    public var completeValues: [Int]? {
        var values: [Int] = []
        values.reserveCapacity(responses.count)
        for response in responses {
            guard let value = response.value else { return nil }
            values.append(value)
        }
        return values
    }
}
