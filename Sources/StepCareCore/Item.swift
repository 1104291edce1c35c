/// One answer a person may give to an item, and the points it scores.
public struct ResponseOption: Sendable, Hashable {
    /// The points this answer scores.
    public var value: Int
    /// The answer as shown to the person, e.g. "Several days".
    public var label: String
    /// A terminology code for the answer (LOINC answer code), if one is verified.
    public var code: Code?

    /// Creates a response option.
    public init(_ value: Int, _ label: String, code: Code? = nil) {
        self.value = value
        self.label = label
        self.code = code
    }
}

/// One question of an instrument.
public struct Item: Sendable, Hashable {
    /// The item's 1-based position in the instrument.
    public var number: Int
    /// The item wording where its licence allows shipping it; otherwise a short neutral label.
    public var text: String
    /// The answers the item accepts, in the order they are shown.
    public var options: [ResponseOption]
    /// A terminology code for the item (LOINC), if one is verified.
    public var code: Code?

    /// Creates an item.
    public init(number: Int, text: String, options: [ResponseOption], code: Code? = nil) {
        self.number = number
        self.text = text
        self.options = options
        self.code = code
    }

    /// The lowest and highest points the item can score.
    public var valueRange: ClosedRange<Int>? {
        guard let low = options.map(\.value).min(), let high = options.map(\.value).max() else { return nil }
        return low...high
    }

    /// The option scoring `value`, if the item has one.
    public func option(scoring value: Int) -> ResponseOption? {
        options.first { $0.value == value }
    }

    /// The item's values as a readable list, e.g. `0, 1, 2 or 3`.
    public var valueChoices: String {
        let values = options.map { String($0.value) }
        guard values.count > 1 else { return values.first ?? "" }
        return values.dropLast().joined(separator: ", ") + " or " + (values.last ?? "")
    }
}
