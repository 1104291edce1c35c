/// One answer a person may give to an item, and the points it scores.
public struct ResponseOption: Sendable, Hashable {
    /// The points this answer scores.
    public var value: Int
    /// The answer as shown to the person, e.g. "Several days".
    public var label: String
    /// A short word that may be typed instead of the value, e.g. `y` or `n`.
    public var key: String?
    /// A terminology code for the answer (LOINC answer code), if one is verified.
    public var code: Code?

    /// Creates a response option.
    public init(_ value: Int, _ label: String, key: String? = nil, code: Code? = nil) {
        self.value = value
        self.label = label
        self.key = key
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
    public var options: [ResponseOption] {
        didSet { acceptedValues = Item.mask(options) }
    }
    /// Bit `v` is set when an option scores `v` (values 0–63), so checking an answer allocates nothing.
    private var acceptedValues: UInt64
    /// A terminology code for the item (LOINC), if one is verified.
    public var code: Code?
    /// Whether the item is positively worded and its option values run the other way (CORE-10 items 2
    /// and 3, DAST-10 item 3). The values in ``options`` are already the scored values.
    public var isReversed: Bool
    /// When the item may be marked not applicable, who it does not apply to, e.g. "men" (PHQ-15 item 4).
    /// A not-applicable item is left out of the total and lowers the maximum; it is not missing.
    public var notApplicableFor: String?
    /// Whether a typed number is the answer's column on the form, counted from 0 in the order ``options``
    /// shows them, rather than its score: the instrument applies the reversal (CORE-10 items 2 and 3, whose
    /// columns read "Not at all" = 0 … "Most or all of the time" = 4 like every other item, and score 4 … 0).
    public var typedAsColumn: Bool

    /// Creates an item.
    public init(
        number: Int, text: String, options: [ResponseOption], code: Code? = nil, isReversed: Bool = false,
        notApplicableFor: String? = nil, typedAsColumn: Bool = false
    ) {
        self.typedAsColumn = typedAsColumn
        self.number = number
        self.text = text
        self.options = options
        self.acceptedValues = Item.mask(options)
        self.code = code
        self.isReversed = isReversed
        self.notApplicableFor = notApplicableFor
    }

    /// The lowest and highest points the item can score.
    public var valueRange: ClosedRange<Int>? {
        guard let low = options.map(\.value).min(), let high = options.map(\.value).max() else { return nil }
        return low...high
    }

    /// Whether an option scores `value`.
    public func accepts(value: Int) -> Bool {
        (0..<64).contains(value) ? acceptedValues & (1 << UInt64(value)) != 0 : option(scoring: value) != nil
    }

    private static func mask(_ options: [ResponseOption]) -> UInt64 {
        options.reduce(0) { mask, option in (0..<64).contains(option.value) ? mask | 1 << UInt64(option.value) : mask }
    }

    /// The option scoring `value`, if the item has one.
    public func option(scoring value: Int) -> ResponseOption? {
        options.first { $0.value == value }
    }

    /// The option chosen by `word`: its value, or its key ignoring case.
    public func option(answeredAs word: String) -> ResponseOption? {
        if let value = Int(word) { return option(scoring: value) }
        let lowered = word.lowercased()
        return options.first { $0.key?.lowercased() == lowered }
    }

    /// The item's values as a readable list, e.g. `0, 1, 2 or 3`, or `y (1) or n (0)` when options have keys.
    public var valueChoices: String {
        let values =
            typedAsColumn
            ? options.indices.map(String.init)
            : options.map { option in option.key.map { "\($0) (\(option.value))" } ?? String(option.value) }
        guard values.count > 1 else { return values.first ?? "" }
        return values.dropLast().joined(separator: ", ") + " or " + (values.last ?? "")
    }
}
