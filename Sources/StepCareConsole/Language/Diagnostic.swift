public import StepCareCore
import StepCareReports

/// A position in a script: 1-based line and column (in characters).
public struct SourceLocation: Sendable, Hashable, Comparable {
    /// The line, from 1.
    public var line: Int
    /// The column, from 1.
    public var column: Int

    /// Creates a location.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// An error in a script or command, with where it happened and how to fix it.
public struct Diagnostic: Error, Sendable, Hashable {
    /// What kind of error this is.
    public var code: StepCareError.Code
    /// One sentence saying what is wrong. Never echoes client data.
    public var message: String
    /// How to fix it.
    public var hint: String?
    /// Where in the script it happened, if it is tied to a place.
    public var location: SourceLocation?

    /// Creates a diagnostic.
    public init(_ code: StepCareError.Code, _ message: String, hint: String? = nil, at location: SourceLocation? = nil)
    {
        self.code = code
        self.message = message
        self.hint = hint
        self.location = location
    }

    /// Wraps a core error, placing it at `location`.
    public init(_ error: StepCareError, at location: SourceLocation?) {
        self.init(error.code, error.message, hint: error.hint, at: location)
    }

    /// Whether the input ended in the middle of a statement, so more lines may complete it.
    public var isIncompleteInput: Bool { code == .incompleteInput }

    /// The diagnostic as printed: `file:line:column: error: message`, the source line, a caret, and the hint.
    public func rendered(file: String, source: String) -> String {
        var text = ""
        if let location {
            text += "\(file):\(location.line):\(location.column): error: \(message)\n"
            let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.indices.contains(location.line - 1) {
                let line = lines[location.line - 1]
                let shown = ClientData.mayCarry(line) ? ClientData.masked(line) : Self.masked(line)
                text += "  \(shown)\n  " + String(repeating: " ", count: max(0, location.column - 1)) + "^\n"
            }
        } else {
            text += "\(file): error: \(message)\n"
        }
        if let hint { text += "hint: \(hint)\n" }
        return text
    }
}

extension Diagnostic {
    /// `line` with the text inside quotes replaced by `*`, one for one so the caret still lines up: quoted
    /// words carry free text (reasons, plans) that may describe a client and must not reach error output.
    static func masked(_ line: some StringProtocol) -> String {
        var quote: Character?
        var escaped = false
        return String(
            line.map { character -> Character in
                if let open = quote {
                    if escaped {
                        escaped = false
                        return "*"
                    }
                    if character == "\\", open == "\"" {
                        escaped = true
                        return "*"
                    }
                    if character == open { quote = nil }
                    return character == open ? character : "*"
                }
                if character == "\"" || character == "'" { quote = character }
                return character
            })
    }
}

extension StepCareError.Code {
    /// The input ended inside a string, after a line-continuation backslash, or similar.
    public static let incompleteInput = Self("incomplete-input")
    /// The input is not valid command language.
    public static let syntax = Self("syntax")
    /// No command has the given name.
    public static let unknownCommand = Self("unknown-command")
    /// The command has no option with the given name.
    public static let unknownOption = Self("unknown-option")
    /// More arguments were given than the command takes.
    public static let unexpectedArgument = Self("unexpected-argument")
    /// A `$name` refers to a variable that was never set with `let`.
    public static let undefinedVariable = Self("undefined-variable")
}
