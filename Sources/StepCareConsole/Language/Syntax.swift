import StepCareReports

/// A parsed script: statements in order.
public struct Script: Sendable, Hashable {
    /// The statements.
    public var statements: [Statement]
}

/// One statement of the command language.
public enum Statement: Sendable, Hashable {
    /// `NAME ARGUMENT…`: run a command.
    case command(CommandCall)
    /// `let NAME = WORD…`: set a variable to a list of words.
    case assignment(Assignment)
}

/// A command invocation, before variables are expanded or arguments bound.
public struct CommandCall: Sendable, Hashable {
    /// The command name word.
    public var name: Word
    /// The words after the name.
    public var arguments: [Word]
}

/// A `let` statement.
public struct Assignment: Sendable, Hashable {
    /// The variable name.
    public var name: String
    /// Where the name is.
    public var location: SourceLocation
    /// The value's words.
    public var value: [Word]
}

/// One word: literal text and `$variable` references, possibly quoted.
public struct Word: Sendable, Hashable {
    /// A piece of a word.
    public enum Part: Sendable, Hashable {
        /// Literal text.
        case literal(String)
        /// A `$name` or `${name}` reference.
        case variable(String)
    }

    /// The pieces, in order.
    public var parts: [Part]
    /// Whether any part was quoted; a quoted word is never an option and never splits.
    public var isQuoted: Bool
    /// Where the word starts.
    public var location: SourceLocation

    /// The word's text when it has no variable references.
    public var literal: String? {
        var text = ""
        for part in parts {
            guard case .literal(let piece) = part else { return nil }
            text += piece
        }
        return text
    }
}
