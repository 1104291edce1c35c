public import StepCareCore
import StepCareEngine
public import StepCareReports
public import StepCareService

/// Runs command-language statements against a registry, writing results to an output.
///
/// One interpreter is one session: it holds the variables set with `let` and reads further input
/// (for `administer`) from its line editor. It is not thread-safe; use it from one task.
public final class Interpreter {
    /// The instruments available.
    public internal(set) var registry: Registry
    /// The commands available.
    public let commands: CommandTable
    /// Where results go. While a command that writes runs, its output is held until the write commits, so
    /// nothing is acknowledged before it is stored.
    public private(set) var output: any TextOutput
    /// The cases, clock and pathway the session works on: the session's own, or a sandbox while one is open.
    public private(set) var workspace: Workspace
    /// The session's own records, whatever sandbox is open.
    public let sessionWorkspace: Workspace
    /// Variables set with `let`: each holds a list of words.
    public private(set) var variables: [String: [String]] = [:]
    /// The bytes ``variables`` hold, kept within ``InputLimits/variableBytes``.
    private var variableBytes = 0
    /// Set by `quit`: the session should end.
    public internal(set) var isFinished = false
    /// How many lines have been read from ``input``, so scripts read from it report the right line numbers.
    public private(set) var linesRead = 0
    private let input: any LineEditor

    /// Creates an interpreter.
    ///
    /// - Parameter now: the session clock's starting time; scripts set it with `today`. It defaults to a fixed
    ///   date so that nothing in a session reads the system clock unless the caller passes it in.
    /// - Parameter workspace: the records to work on; by default a throw-away training caseload in memory.
    public init(
        registry: Registry, output: any TextOutput, input: any LineEditor, commands: CommandTable = .standard,
        now: Instant = Interpreter.defaultStart, workspace: Workspace? = nil
    ) {
        self.registry = registry
        let workspace = workspace ?? .memory(pathway: registry.pathways.first, now: now)
        self.workspace = workspace
        self.sessionWorkspace = workspace
        self.output = output
        self.input = input
        self.commands = commands
    }

    /// Whether commands run on a sandbox (`sandbox CASE`) rather than the session's records.
    public var isInSandbox: Bool { workspace !== sessionWorkspace }

    /// The REPL's prompt: `stepcare> `, or `sandbox C001> ` while a sandbox is open.
    public var prompt: String {
        isInSandbox ? "sandbox \(workspace.currentCase ?? "")> " : Session.prompt
    }

    /// Runs commands on `sandbox` until ``leaveSandbox()``.
    func enterSandbox(_ sandbox: Workspace) { workspace = sandbox }

    /// The commands a sandbox runs: the case's what-ifs, and reading them. Anything that would seem to change the
    /// service (users, configuration, kept definitions), write a file or touch other records is refused there,
    /// so nothing done in a sandbox can look as if it happened.
    static let sandboxCommands: Set<String> = [
        "help", "instruments", "describe", "score", "administer", "outcome", "pathways", "pathway", "rights",
        "who-can", "can", "case", "record", "correct", "timeline", "evaluate", "worklist", "assign", "appointment",
        "place", "step-up", "step-down", "override", "discharge", "capacity", "today", "advance", "say", "expect",
        "status", "sandbox", "quit",
    ]

    static func checkSandboxed(_ invocation: Invocation, at location: SourceLocation?) throws(Diagnostic) {
        let name = invocation.spec.name
        guard Self.sandboxCommands.contains(name), invocation.values["to"] == nil, invocation.values["html"] == nil
        else {
            throw Diagnostic(
                .invalidOption,
                "\(name) is not run in a sandbox: a sandbox tries what-ifs on one case, and nothing "
                    + "done there may look as if it happened",
                hint: "leave the sandbox first with: sandbox end", at: location)
        }
    }

    /// Drops the sandbox, and everything done in it; commands run on the session's records again.
    func leaveSandbox() { workspace = sessionWorkspace }

    /// The clock's start when none is given: 2026-01-01.
    public static let defaultStart = Instant(minutes: 29_453_760)

    /// Reads one line of input, counting it.
    public func readLine(prompt: String) -> LineRead {
        output.flush()
        let read = input.readLine(prompt: prompt)
        switch read {
        case .line, .tooLong: linesRead += 1
        case .interrupted, .endOfInput: break
        }
        return read
    }

    /// Adds a line to the input's history, when it keeps one.
    public func remember(_ line: String) {
        input.addHistory(line)
    }

    /// Runs every statement of `script` in order, stopping at the first error.
    public func run(_ script: Script) throws(Diagnostic) {
        for statement in script.statements where !isFinished {
            try execute(statement)
        }
    }

    /// Runs one statement.
    public func execute(_ statement: Statement) throws(Diagnostic) {
        defer { output.flush() }
        switch statement {
        case .assignment(let assignment):
            let value = try expand(assignment.value).map(\.text)
            let size = value.reduce(0) { $0 + $1.utf8.count + 1 }
            let others = variableBytes - (variables[assignment.name]?.reduce(0) { $0 + $1.utf8.count + 1 } ?? 0)
            guard others + size <= InputLimits.variableBytes else {
                throw Diagnostic(
                    .inputTooLarge,
                    "the session's variables would hold more than \(InputLimits.variableBytes >> 20) MiB",
                    hint: "reuse a variable name, or put long text in a file", at: assignment.location)
            }
            variables[assignment.name] = value
            variableBytes = others + size
        case .command(let call):
            let words = try expand([call.name])
            guard let name = words.first?.text, words.count == 1 else {
                throw Diagnostic(
                    .syntax, "a command name must be a single word", hint: "start the line with a command; try help",
                    at: call.name.location)
            }
            try execute(commandNamed: name, arguments: try expand(call.arguments), at: call.name.location)
        }
    }

    /// Runs the command `name` with already-expanded arguments.
    public func execute(
        commandNamed name: String, arguments: [CommandArgument], at location: SourceLocation? = nil
    )
        throws(Diagnostic)
    {
        guard let spec = commands.command(named: name) else {
            let near = Suggestions.nearest(to: name, in: commands.names)
            throw Diagnostic(
                .unknownCommand, "unknown command \"\(name)\"",
                hint: near.isEmpty
                    ? "type help to list the commands" : "did you mean \(near.joined(separator: " or "))?",
                at: location)
        }
        let invocation = try spec.bind(arguments, at: location)
        if isInSandbox { try Self.checkSandboxed(invocation, at: location) }
        guard spec.writes != .nothing else {
            do throws(StepCareError) {
                try workspace.refresh()  // the live clock, and what other sessions wrote
            } catch {
                throw Diagnostic(error, at: location)
            }
            try spec.run(invocation, self)
            return
        }
        try runWriting(invocation, at: location)
    }

    /// Runs a command that writes as one unit of work: the records it changes and one audit entry commit
    /// together after it succeeds; if it fails, or the commit does, the session's values are put back and
    /// nothing is stored. Its output is held until the commit, so nothing is acknowledged before it is stored.
    private func runWriting(_ invocation: Invocation, at location: SourceLocation?) throws(Diagnostic) {
        guard held == nil else {
            try invocation.spec.run(invocation, self)  // nested (e.g. `as USER COMMAND`): the outer one commits
            return
        }
        do throws(StepCareError) {
            try workspace.begin(
                Self.auditAction(invocation), requiresLogin: !["login", "user"].contains(invocation.spec.name))
        } catch {
            throw Diagnostic(error, at: location)
        }
        let visible = output
        let holding = StringOutput()
        held = (holding, visible)
        output = holding
        defer {
            output = visible
            held = nil
        }
        do throws(Diagnostic) {
            try invocation.spec.run(invocation, self)
            if rollsBackWrites {
                workspace.abandon()
            } else {
                try commitPending(at: location)
                do throws(StepCareError) { try workspace.finish() } catch { throw Diagnostic(error, at: location) }
            }
            visible.write(holding.text)
        } catch {
            workspace.abandon()
            visible.write(holding.text)
            // A refused attempt in live is audited too: who tried what, on which case, and the refusal's code.
            if !rollsBackWrites {
                let action = Self.auditAction(invocation)
                let client = invocation.values["case"]?.text ?? workspace.currentCase
                if let failure = workspace.recordRefusal(
                    action, StepCareError(error.code, error.message), client: client)
                {
                    visible.write("warning: the refused attempt could not be audited: \(failure.message)\n")
                }
            }
            throw error
        }
    }

    /// Commits what the running command has written so far and shows its held output; a command calls it
    /// itself when it must store something before it goes on (an export) or before it reports an error
    /// about the rest (an import without --all-or-nothing).
    func commitPending(at location: SourceLocation?) throws(Diagnostic) {
        guard let held else { return }
        do throws(StepCareError) {
            try workspace.checkpoint()
        } catch {
            held.output.clear()
            throw Diagnostic(error, at: location)
        }
        held.visible.write(held.output.text)
        held.output.clear()
    }

    /// How the audit log names what a command did: `step-up`, or `record score` for commands by kind.
    static func auditAction(_ invocation: Invocation) -> String {
        guard invocation.spec.writes == .recordsByKind, let word = invocation.positionals.first?.text,
            word.allSatisfy({ $0.isLetter || $0 == "-" })
        else { return invocation.spec.name }
        return invocation.spec.name + " " + word
    }

    /// The output of the writing command in progress, held until it commits, and where it then goes.
    private var held: (output: StringOutput, visible: any TextOutput)?
    /// Set while `expect refused` runs a command: whatever it writes is discarded, never committed.
    var rollsBackWrites = false

    /// Expands variables: an unquoted word that is exactly `$name` becomes the variable's words; any other
    /// word becomes one argument, with list variables joined by spaces.
    ///
    /// The expansion is counted as it grows and refused beyond ``InputLimits/expansionBytes``, so doubling a
    /// variable again and again stops with an error instead of exhausting memory.
    public func expand(_ words: [Word]) throws(Diagnostic) -> [CommandArgument] {
        var arguments: [CommandArgument] = []
        var size = 0
        func count(_ bytes: Int, at location: SourceLocation) throws(Diagnostic) {
            size += bytes
            guard size <= InputLimits.expansionBytes else {
                throw Diagnostic(
                    .inputTooLarge,
                    "the statement's words expand to more than \(InputLimits.expansionBytes >> 20) MiB",
                    hint: "a variable or a statement holds at most that much; put long text in a file", at: location)
            }
        }
        for word in words {
            if !word.isQuoted, word.parts.count == 1, case .variable(let name) = word.parts[0] {
                let value = try value(of: name, at: word.location)
                try count(value.reduce(0) { $0 + $1.utf8.count + 1 }, at: word.location)
                arguments += value.map { CommandArgument($0, at: word.location, isQuoted: true) }
                continue
            }
            var text = ""
            for part in word.parts {
                switch part {
                case .literal(let literal):
                    try count(literal.utf8.count, at: word.location)
                    text += literal
                case .variable(let name):
                    let value = try value(of: name, at: word.location)
                    try count(value.reduce(0) { $0 + $1.utf8.count + 1 }, at: word.location)
                    text += value.joined(separator: " ")
                }
            }
            arguments.append(CommandArgument(text, at: word.location, isQuoted: word.isQuoted || word.literal == nil))
        }
        return arguments
    }

    private func value(of name: String, at location: SourceLocation) throws(Diagnostic) -> [String] {
        if let value = variables[name] { return value }
        let near = Suggestions.nearest(to: name, in: variables.keys.sorted())
        throw Diagnostic(
            .undefinedVariable, "$\(name) is not set",
            hint: near.isEmpty ? "set it first with: let \(name) = VALUE" : "did you mean $\(near[0])?", at: location)
    }
}
