import ArgumentParser
import StepCareConsole
import StepCareCore
import StepCareRegistry

#if canImport(Glibc)
    import Glibc
#endif

@main
struct StepCare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stepcare",
        abstract: "Stepped-care operating system: score instruments, apply pathway rules, plan capacity.",
        discussion: """
            With no subcommand, starts the REPL on a terminal, or runs standard input as a script when it is piped.
            Type help in the REPL for the command language.
            """,
        version: StepCareVersion.current,
        subcommands: [Repl.self, Run.self, Score.self],
        defaultSubcommand: Repl.self)
}

/// Starts the REPL, or runs piped standard input as a script.
struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start the interactive REPL (the default); with piped input, run it as a script.")

    func run() throws {
        let registry = try loadRegistry()
        let status: Int32
        if Terminal.isInteractiveTerminal() {
            let completer = Completer(commands: .standard, instrumentIDs: registry.ids)
            let editor = EditLineEditor(
                programName: "stepcare", historyFile: HistoryFile.path(), completer: completer.complete)
            let interpreter = Interpreter(registry: registry, output: FileDescriptorOutput(), input: editor)
            FileDescriptorOutput().line("StepCare \(StepCareVersion.current). Type help for commands, Ctrl-D to quit.")
            status = Session.interactive(interpreter, errors: FileDescriptorOutput(descriptor: 2))
        } else {
            let interpreter = Interpreter(registry: registry, output: FileDescriptorOutput(), input: PlainLineEditor())
            status = Session.script(interpreter, file: "<stdin>", errors: FileDescriptorOutput(descriptor: 2))
        }
        guard status == 0 else { throw ExitCode(status) }
    }
}

/// Runs script files.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run script files in order, stopping at the first error with file:line:column and exit status 1.")

    @Argument(help: "Script files to run.", completion: .file())
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one script file") }
    }

    func run() throws {
        let registry = try loadRegistry()
        let input: any LineEditor = PlainLineEditor()
        let interpreter = Interpreter(registry: registry, output: FileDescriptorOutput(), input: input)
        let errors = FileDescriptorOutput(descriptor: 2)
        for file in files where !interpreter.isFinished {
            guard let source = ScriptFile.read(file) else {
                errors.line("\(file): error: cannot read the file")
                errors.line("hint: check the path and that the file is readable")
                throw ExitCode(1)
            }
            let status = Session.file(interpreter, name: file, source: source, errors: errors)
            guard status == 0 else { throw ExitCode(status) }
        }
    }
}

/// Scores one administration and exits.
struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score one administration: stepcare score phq9 1 2 1 0 0 1 2 1 0 [--json]")

    @Argument(help: "The instrument id, e.g. phq9.")
    var instrument: String

    @Argument(help: "One answer per item: the option's points, or - if not answered.")
    var answers: [String] = []

    @Flag(help: "Print the report as one line of JSON.")
    var json = false

    func run() throws {
        let registry = try loadRegistry()
        let interpreter = Interpreter(registry: registry, output: FileDescriptorOutput(), input: PlainLineEditor())
        let arguments =
            ([instrument] + answers).map { CommandArgument($0, isQuoted: true) }
            + (json ? [CommandArgument("--json")] : [])
        do {
            try interpreter.execute(commandNamed: "score", arguments: arguments)
            interpreter.output.flush()
        } catch {
            let errors = FileDescriptorOutput(descriptor: 2)
            errors.write(error.rendered(file: "stepcare score", source: ""))
            errors.flush()
            throw ExitCode(1)
        }
    }
}

/// Builds the registry of built-in instruments, or stops with the failed check.
func loadRegistry() throws -> Registry {
    do {
        return try Registry.builtIn()
    } catch {
        let errors = FileDescriptorOutput(descriptor: 2)
        errors.line("stepcare: a built-in instrument is invalid: \(error)")
        errors.flush()
        throw ExitCode(70)
    }
}
