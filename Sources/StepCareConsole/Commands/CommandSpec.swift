import StepCareCore
import StepCareReports

/// What can complete an argument or option value in the REPL.
public enum CompletionKind: String, Sendable, Hashable {
    /// Nothing is offered.
    case none
    /// Command names.
    case command
    /// Registered instrument ids.
    case instrument
    /// File paths.
    case file
    /// Tier ids of the registered pathways.
    case tier
    /// Role ids.
    case role
    /// `ROLE:` for an actor, e.g. `clinician:`.
    case actor
    /// Decision-right actions.
    case action
    /// Registered pathway ids.
    case pathway
    /// The ids of the session's cases (matched ignoring case).
    case caseID
}

/// A positional argument a command takes.
public struct ArgumentSpec: Sendable, Hashable {
    /// How many words the argument takes.
    public enum Arity: Sendable, Hashable {
        /// Exactly one word.
        case one
        /// Zero or one word.
        case optional
        /// One or more words.
        case oneOrMore
        /// Zero or more words.
        case zeroOrMore
    }

    /// The name shown in usage, e.g. `ID`.
    public var name: String
    /// One line saying what it is.
    public var abstract: String
    /// How many words it takes.
    public var arity: Arity
    /// What completes it.
    public var completion: CompletionKind

    /// Creates an argument.
    public init(_ name: String, _ abstract: String, arity: Arity = .one, completion: CompletionKind = .none) {
        self.name = name
        self.abstract = abstract
        self.arity = arity
        self.completion = completion
    }
}

/// An `--option` a command accepts: a flag, or an option with a value.
public struct OptionSpec: Sendable, Hashable {
    /// The name without dashes, e.g. `json`.
    public var name: String
    /// The value's name in usage, or `nil` for a flag.
    public var valueName: String?
    /// One line saying what it does.
    public var abstract: String
    /// What completes the option's value.
    public var completion: CompletionKind

    /// Creates an option.
    public init(_ name: String, value valueName: String? = nil, _ abstract: String, completion: CompletionKind = .none)
    {
        self.name = name
        self.valueName = valueName
        self.abstract = abstract
        self.completion = completion
    }
}

/// A command: its metadata and what it does.
///
/// This one description drives dispatch, argument checking, `help`, Tab completion and the generated
/// `docs/commands.md`.
public struct CommandSpec: Sendable {
    /// Whether a command changes stored records, and how its audit entry names the action.
    public enum Writes: Sendable, Hashable {
        /// Reads only, or changes only the session (the training clock, kept so the caseload reopens at it).
        case nothing
        /// Writes records (or must be audited); the action is the command's name.
        case records
        /// Writes records; the action is the name and the first word, e.g. `record score`.
        case recordsByKind
    }

    /// The name typed to run it.
    public var name: String
    /// Other names that run it.
    public var aliases: [String]
    /// One line saying what it does.
    public var abstract: String
    /// A longer explanation, shown by `help NAME`.
    public var discussion: String
    /// Positional arguments, in order.
    public var arguments: [ArgumentSpec]
    /// Options.
    public var options: [OptionSpec]
    /// Example invocations.
    public var examples: [String]
    /// Whether every word after the name is passed through as a positional, options included (for `expect
    /// refused COMMAND…`, which runs another command with its own options).
    public var passesOptionsThrough: Bool
    /// What the command writes to the store, and so how its audit entry is named.
    public var writes: Writes
    /// Runs the command.
    public var run: @Sendable (Invocation, Interpreter) throws(Diagnostic) -> Void

    /// Creates a command.
    public init(
        name: String, aliases: [String] = [], abstract: String, discussion: String = "", arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = [], examples: [String] = [], passesOptionsThrough: Bool = false,
        writes: Writes = .nothing, run: @escaping @Sendable (Invocation, Interpreter) throws(Diagnostic) -> Void
    ) {
        self.name = name
        self.aliases = aliases
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.examples = examples
        self.passesOptionsThrough = passesOptionsThrough
        self.writes = writes
        self.run = run
    }

    /// The usage line, e.g. `score ID ANSWER… [--json]`.
    public var usage: String {
        var parts = [name]
        for argument in arguments {
            switch argument.arity {
            case .one: parts.append(argument.name)
            case .optional: parts.append("[\(argument.name)]")
            case .oneOrMore: parts.append("\(argument.name)…")
            case .zeroOrMore: parts.append("[\(argument.name)…]")
            }
        }
        for option in options {
            parts.append("[--\(option.name)" + (option.valueName.map { " \($0)" } ?? "") + "]")
        }
        return parts.joined(separator: " ")
    }
}

/// A word after variable expansion, with where it came from.
public struct CommandArgument: Sendable, Hashable {
    /// The text.
    public var text: String
    /// Where its word starts in the script.
    public var location: SourceLocation?
    /// Whether it was quoted (a quoted word is never an option).
    public var isQuoted: Bool

    /// Creates an argument.
    public init(_ text: String, at location: SourceLocation? = nil, isQuoted: Bool = false) {
        self.text = text
        self.location = location
        self.isQuoted = isQuoted
    }
}

/// A command call with its arguments bound to the command's specification.
public struct Invocation: Sendable {
    /// The command being run.
    public var spec: CommandSpec
    /// Where the command name is.
    public var location: SourceLocation?
    /// Positional words, in order.
    public var positionals: [CommandArgument]
    /// Flags that were given.
    public var flags: Set<String>
    /// Option values that were given (the last, for an option given more than once).
    public var values: [String: CommandArgument]
    /// Every value of each option, in order, for options that may be repeated (`--set A=1 --set B=2`).
    public var repeatedValues: [String: [CommandArgument]] = [:]
    /// How many positional words came before `--`, when `--` was given.
    public var separatorIndex: Int?

    /// Whether the flag `name` was given.
    public func flag(_ name: String) -> Bool { flags.contains(name) }

    /// Where the input named `field` was written: the option's value, or the positional argument of that name
    /// (`tier` for `TIER`); the command itself when neither was given.
    public func location(of field: String?) -> SourceLocation? {
        guard let field else { return location }
        if let value = values[field] { return value.location }
        if let index = spec.arguments.firstIndex(where: { $0.name.lowercased() == field }),
            spec.arguments[..<index].allSatisfy({ $0.arity == .one }), positionals.indices.contains(index)
        {
            return positionals[index].location
        }
        return location
    }
}

extension Diagnostic {
    /// A use case's error, pointed at the word its ``StepCareError/field`` names.
    init(_ error: StepCareError, in invocation: Invocation) {
        self.init(error, at: invocation.location(of: error.field))
    }
}
