import StepCareJSON

/// Reads typed fields out of a JSON object, naming the field in every error and refusing unknown fields.
struct JSONReader {
    /// The field path, e.g. `items[3].options`.
    let path: String
    private let members: [(String, JSONValue)]

    /// A reader over `value`, which must be an object.
    init(_ value: JSONValue, path: String) throws(FieldError) {
        guard case .object(let members) = value else { throw FieldError(path, "must be an object") }
        var seen = Set<String>()
        for (name, _) in members where !seen.insert(name).inserted {
            throw FieldError(Self.join(path, name), "appears twice")
        }
        self.path = path
        self.members = members
    }

    /// Throws when the object has a field not in `known`.
    func refuseUnknown(_ known: [String]) throws(FieldError) {
        for (name, _) in members where !known.contains(name) {
            let near = known.filter { $0.lowercased() == name.lowercased() }
            throw FieldError(
                Self.join(path, name),
                "is not a field of this object"
                    + (near.isEmpty ? "; fields: \(known.joined(separator: ", "))" : "; did you mean \(near[0])?"))
        }
    }

    func value(_ name: String) -> JSONValue? { members.first { $0.0 == name }?.1 }

    func string(_ name: String) throws(FieldError) -> String {
        guard let value = value(name) else { throw FieldError(Self.join(path, name), "is required") }
        guard case .string(let text) = value, !text.isEmpty else {
            throw FieldError(Self.join(path, name), "must be a non-empty string")
        }
        try Self.refuseControls(text, Self.join(path, name))
        return text
    }

    /// Refuses terminal controls (ESC and the other C0 and C1 codes but a line break) and the invisible
    /// direction and joiner marks that can make one text look like another when it is printed.
    static func refuseControls(_ text: String, _ field: String) throws(FieldError) {
        for scalar in text.unicodeScalars where scalar != "\n" {
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                throw FieldError(
                    field,
                    "contains an invisible or control character (U+\(String(scalar.value, radix: 16, uppercase: true)))"
                )
            }
        }
    }

    func optionalString(_ name: String) throws(FieldError) -> String? {
        guard value(name) != nil else { return nil }
        return try string(name)
    }

    /// The largest magnitude of any whole number in a definition. Totals of up to
    /// ``DataDefinedInstrument/mostItems`` such values cannot overflow, so later arithmetic needs no checks.
    static let largestNumber = 1_000_000

    func int(_ name: String) throws(FieldError) -> Int {
        guard let value = value(name) else { throw FieldError(Self.join(path, name), "is required") }
        guard case .int(let number) = value else { throw FieldError(Self.join(path, name), "must be a whole number") }
        guard (-Self.largestNumber...Self.largestNumber).contains(number) else {
            throw FieldError(
                Self.join(path, name), "must be between -\(Self.largestNumber) and \(Self.largestNumber)")
        }
        return number
    }

    func optionalInt(_ name: String) throws(FieldError) -> Int? {
        guard value(name) != nil else { return nil }
        return try int(name)
    }

    func bool(_ name: String, default fallback: Bool) throws(FieldError) -> Bool {
        guard let value = value(name) else { return fallback }
        guard case .bool(let flag) = value else { throw FieldError(Self.join(path, name), "must be true or false") }
        return flag
    }

    /// The elements of an array field, each with its path.
    func array(_ name: String, required: Bool = true) throws(FieldError) -> [(path: String, value: JSONValue)] {
        guard let value = value(name) else {
            if required { throw FieldError(Self.join(path, name), "is required") }
            return []
        }
        guard case .array(let values) = value else { throw FieldError(Self.join(path, name), "must be an array") }
        return values.enumerated().map { ("\(Self.join(path, name))[\($0.offset)]", $0.element) }
    }

    func object(_ name: String) throws(FieldError) -> JSONReader? {
        guard let value = value(name) else { return nil }
        return try JSONReader(value, path: Self.join(path, name))
    }

    /// One of `choices`, by its raw value.
    func choice<Choice: RawRepresentable & CaseIterable>(
        _ name: String, default fallback: Choice? = nil
    ) throws(FieldError) -> Choice where Choice.RawValue == String {
        let names = Choice.allCases.map(\.rawValue).joined(separator: ", ")
        guard value(name) != nil else {
            if let fallback { return fallback }
            throw FieldError(Self.join(path, name), "is required; one of \(names)")
        }
        let text = try string(name)
        guard let choice = Choice(rawValue: text) else {
            throw FieldError(Self.join(path, name), "must be one of \(names)")
        }
        return choice
    }

    static func join(_ path: String, _ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }
}

/// A problem with one field of a definition file.
struct FieldError: Error {
    var field: String
    var message: String

    init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }
}
