public import StepCareCore
import StepCareJSON

/// A summed-scale instrument defined by a JSON file instead of a Swift module, for implementers who
/// cannot rebuild StepCare.
///
/// The format (`"format": "stepcare-instrument/1"`) is documented in `docs/implementing-an-instrument.md`.
/// Loading checks every field by name and refuses unknown ones; the registry then applies the same
/// ``DefinitionCheck``s as for a compiled module.
public struct DataDefinedInstrument: Instrument {
    public let definition: InstrumentDefinition

    /// The format identifier this version reads.
    public static let format = "stepcare-instrument/1"
    /// The most items a definition may have.
    public static let mostItems = 500
    /// The most answer options an item may have.
    public static let mostOptions = 100
    /// The largest definition file, in bytes.
    public static let largestFile = 1 << 20

    /// Reads a definition from JSON text.
    ///
    /// - Throws: ``StepCareError`` with code `invalidDefinition`, naming the field and what it must be.
    public init(json: [UInt8]) throws(StepCareError) {
        guard json.count <= Self.largestFile else {
            throw StepCareError(
                .invalidDefinition, "the definition is larger than \(Self.largestFile >> 20) MiB",
                hint: "an instrument definition is a few kilobytes; check that this is the right file")
        }
        let root: JSONValue
        do {
            root = try JSONParser.parse(json)
        } catch {
            throw StepCareError(
                .invalidDefinition, "the definition is not valid JSON (\(error))", hint: "fix the JSON syntax there")
        }
        do {
            definition = try Self.read(root)
        } catch {
            throw StepCareError(
                .invalidDefinition, "field \(error.field) \(error.message)",
                hint: "see docs/implementing-an-instrument.md for the definition format")
        }
    }

    private static let fields = [
        "format", "id", "shortName", "title", "edition", "kind", "recallPeriod", "direction", "options", "items",
        "bands", "bandSource", "cutOffs", "reliableChange", "missingItems", "riskItems", "licence", "citations",
        "notes",
    ]

    private static func read(_ root: JSONValue) throws(FieldError) -> InstrumentDefinition {
        let object = try JSONReader(root, path: "")
        try object.refuseUnknown(fields)
        guard try object.string("format") == format else { throw FieldError("format", "must be \"\(format)\"") }
        let shared = try object.value("options") == nil ? nil : options(object.array("options"))
        var items: [Item] = []
        let itemEntries = try object.array("items")
        guard itemEntries.count <= mostItems else { throw FieldError("items", "must list at most \(mostItems) items") }
        for (number, entry) in itemEntries.enumerated() {
            items.append(try item(entry.value, number: number + 1, path: entry.path, shared: shared))
        }
        let low = items.compactMap(\.valueRange?.lowerBound).reduce(0, +)
        let high = items.compactMap(\.valueRange?.upperBound).reduce(0, +)
        return InstrumentDefinition(
            id: try object.string("id"), shortName: try object.string("shortName"), title: try object.string("title"),
            edition: try object.string("edition"), kind: try object.choice("kind"),
            recallPeriod: try object.string("recallPeriod"), items: items, scoreRange: low...high,
            direction: try object.choice("direction", default: .higherIsWorse), bands: try bands(object),
            bandSource: try object.string("bandSource"), cutOffs: try cutOffs(object),
            reliableChange: try reliableChange(object), missingItems: try missingItems(object, items: items.count),
            riskRules: try riskRules(object), licence: try licence(object), citations: try citations(object),
            notes: try object.array("notes", required: false).map { entry throws(FieldError) in
                guard case .string(let note) = entry.value else { throw FieldError(entry.path, "must be a string") }
                return note
            })
    }

    private static func options(_ entries: [(path: String, value: JSONValue)]) throws(FieldError) -> [ResponseOption] {
        guard !entries.isEmpty else { throw FieldError("options", "must list at least one option") }
        guard entries.count <= mostOptions else {
            throw FieldError("options", "must list at most \(mostOptions) options")
        }
        var options: [ResponseOption] = []
        for entry in entries {
            let option = try JSONReader(entry.value, path: entry.path)
            try option.refuseUnknown(["value", "label", "key"])
            let key = try option.optionalString("key")
            // A key is typed instead of the value: it may not be a word answers already mean (not answered, not
            // applicable, back) or a number, which would read as another option's value.
            if let key, ["-", "n/a", "<"].contains(key.lowercased()) || Int(key) != nil {
                throw FieldError("\(entry.path).key", "must not be -, n/a, < or a number, which answers already use")
            }
            // Two options with one key would leave an answer typed by key meaning either.
            if let key, options.contains(where: { $0.key?.lowercased() == key.lowercased() }) {
                throw FieldError("\(entry.path).key", "is another option's key too (keys are compared ignoring case)")
            }
            options.append(ResponseOption(try option.int("value"), try option.string("label"), key: key))
        }
        return options
    }

    private static func item(
        _ value: JSONValue, number: Int, path: String, shared: [ResponseOption]?
    ) throws(FieldError) -> Item {
        let item = try JSONReader(value, path: path)
        try item.refuseUnknown(["text", "options", "reversed"])
        var options: [ResponseOption]
        if item.value("options") != nil {
            options = try Self.options(item.array("options"))
        } else if let shared {
            options = shared
        } else {
            throw FieldError("\(path).options", "is required when the definition has no shared options")
        }
        let reversed = try item.bool("reversed", default: false)
        if reversed {
            // The same answers in the same order, scored from the other end: the lowest value becomes the highest.
            let values = options.map(\.value)
            let total = (values.min() ?? 0) + (values.max() ?? 0)
            options = options.map { ResponseOption(total - $0.value, $0.label, key: $0.key) }
        }
        return Item(number: number, text: try item.string("text"), options: options, isReversed: reversed)
    }

    private static func bands(_ object: JSONReader) throws(FieldError) -> [SeverityBand] {
        var bands: [SeverityBand] = []
        for entry in try object.array("bands") {
            let band = try JSONReader(entry.value, path: entry.path)
            try band.refuseUnknown(["min", "max", "label"])
            let low = try band.int("min")
            let high = try band.int("max")
            guard low <= high else { throw FieldError("\(entry.path).max", "must not be below min") }
            bands.append(SeverityBand(low...high, try band.string("label")))
        }
        return bands
    }

    private static func cutOffs(_ object: JSONReader) throws(FieldError) -> [CutOffRule] {
        var rules: [CutOffRule] = []
        for entry in try object.array("cutOffs", required: false) {
            let rule = try JSONReader(entry.value, path: entry.path)
            try rule.refuseUnknown(["id", "name", "atLeast", "atMost", "source"])
            let (id, name, source) = (try rule.string("id"), try rule.string("name"), try rule.string("source"))
            switch (try rule.optionalInt("atLeast"), try rule.optionalInt("atMost")) {
            case (let low?, nil): rules.append(CutOffRule(id: id, name: name, atLeast: low, source: source))
            case (nil, let high?): rules.append(CutOffRule(id: id, name: name, atMost: high, source: source))
            default: throw FieldError(entry.path, "needs exactly one of atLeast and atMost")
            }
        }
        return rules
    }

    private static func reliableChange(_ object: JSONReader) throws(FieldError) -> ReliableChange? {
        guard let change = try object.object("reliableChange") else { return nil }
        try change.refuseUnknown(["threshold", "source"])
        return ReliableChange(threshold: try change.int("threshold"), source: try change.string("source"))
    }

    private static func missingItems(_ object: JSONReader, items: Int) throws(FieldError) -> MissingItemPolicy {
        guard let policy = try object.object("missingItems") else {
            throw FieldError("missingItems", "is required: {\"maxMissing\": 0, \"source\": \"…why…\"} at least")
        }
        try policy.refuseUnknown(["maxMissing", "rounding", "source"])
        let maxMissing = try policy.int("maxMissing")
        guard maxMissing >= 0 else { throw FieldError("missingItems.maxMissing", "must be 0 or more") }
        // Prorating from no answers at all would score a blank form.
        guard maxMissing < items else {
            throw FieldError("missingItems.maxMissing", "must be fewer than the number of items (\(items))")
        }
        let source = try policy.string("source")
        guard maxMissing > 0 else { return .notScoredWhenIncomplete(reason: source) }
        let rounding: MissingItemPolicy.Rounding = try policy.choice("rounding")
        return MissingItemPolicy(
            id: "prorate-\(maxMissing)", name: "prorate up to \(maxMissing) missing", maxMissing: maxMissing,
            rounding: rounding, source: source)
    }

    private static func riskRules(_ object: JSONReader) throws(FieldError) -> [RiskRule] {
        var rules: [RiskRule] = []
        for entry in try object.array("riskItems", required: false) {
            let rule = try JSONReader(entry.value, path: entry.path)
            try rule.refuseUnknown(["id", "item", "atLeast", "urgency", "action", "source"])
            let urgencyName = try rule.string("urgency")
            guard let urgency = Urgency.allCases.first(where: { $0.identifier == urgencyName }) else {
                throw FieldError(
                    "\(entry.path).urgency",
                    "must be one of " + Urgency.allCases.map(\.identifier).joined(separator: ", "))
            }
            rules.append(
                RiskRule(
                    id: try rule.string("id"), item: try rule.int("item"), atLeast: try rule.int("atLeast"),
                    urgency: urgency, action: try rule.string("action"), source: try rule.string("source")))
        }
        return rules
    }

    private static func licence(_ object: JSONReader) throws(FieldError) -> Licence {
        guard let licence = try object.object("licence") else { throw FieldError("licence", "is required") }
        try licence.refuseUnknown(["status", "terms", "attribution"])
        return Licence(
            try licence.choice("status"), terms: try licence.string("terms"),
            attribution: try licence.string("attribution"))
    }

    private static func citations(_ object: JSONReader) throws(FieldError) -> [Citation] {
        var citations: [Citation] = []
        for entry in try object.array("citations") {
            let citation = try JSONReader(entry.value, path: entry.path)
            try citation.refuseUnknown(["text", "year"])
            citations.append(Citation(try citation.string("text"), year: try citation.int("year")))
        }
        return citations
    }
}
