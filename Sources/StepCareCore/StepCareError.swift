/// An error StepCare reports to a person: what went wrong and how to fix it.
///
/// Errors are values with an open set of codes, so later modules can add their own
/// (`extension StepCareError.Code { static let mine = Code("mine") }`) and callers can match on them.
/// The message never echoes client data.
public struct StepCareError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable identifier for the kind of error.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The identifier, e.g. `invalid-answer`.
        public let name: String

        /// Creates a code with the given identifier.
        public init(_ name: String) { self.name = name }

        public var description: String { name }
    }

    /// What kind of error this is.
    public var code: Code
    /// One sentence saying what is wrong.
    public var message: String
    /// How to fix it, when StepCare can say.
    public var hint: String?
    /// The 1-based item number the error is about, if it is about one item of an instrument.
    public var item: Int?
    /// The input at fault, when the error is about one: an option or argument name such as `at`, `as` or `tier`,
    /// so a front end can point at it (the console at the word, a server with a JSON pointer).
    public var field: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, hint: String? = nil, item: Int? = nil, field: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
        self.item = item
        self.field = field
    }

    /// The same error, blamed on `field` unless it already names one.
    public func blaming(_ field: String) -> StepCareError {
        var error = self
        if error.field == nil { error.field = field }
        return error
    }

    public var description: String {
        guard let hint else { return message }
        return "\(message)\nhint: \(hint)"
    }
}

extension StepCareError.Code {
    /// A required input (an argument, an option value, a field) is missing.
    public static let missingArgument = Self("missing-argument")
    /// An input's value is not one of the values it accepts.
    public static let invalidOption = Self("invalid-option")
    /// No instrument is registered under the given identifier.
    public static let unknownInstrument = Self("unknown-instrument")
    /// More or fewer answers than the instrument has items.
    public static let wrongAnswerCount = Self("wrong-answer-count")
    /// An answer that is not one of the item's response values.
    public static let invalidAnswer = Self("invalid-answer")
}

extension StepCareError.Code {
    /// The instrument has no variant with the given identifier.
    public static let unknownVariant = Self("unknown-variant")
    /// A named missing-item policy does not exist or cannot apply.
    public static let unknownPolicy = Self("unknown-policy")
}
