public import StepCareCore
public import StepCareJSON

/// A record that does not follow the schema, naming the field at fault as a JSON pointer (`/events/3/at`),
/// so a console can point at a line and a server at a member.
public struct SchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The JSON pointer of the field at fault; empty for the record as a whole.
    public var field: String
    /// What is wrong, never quoting client data.
    public var message: String

    /// Creates an error.
    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    /// A scanner failure at `field`.
    public init(field: String, _ failure: JSONScanner.Failure) {
        self.init(field: field, failure.message)
    }

    public var description: String { field.isEmpty ? message : "\(field): \(message)" }

    /// The error as StepCare reports it, with `code`.
    public func reported(_ code: StepCareError.Code, hint: String? = nil) -> StepCareError {
        StepCareError(code, description, hint: hint)
    }
}

extension StepCareError.Code {
    /// An import file or line cannot be used.
    public static let invalidImport = Self("invalid-import")
}
