import StepCareConsole
import StepCareCore
import StepCareReports
import StepCareService
import StepCareStore

/// The command language on a fresh training caseload in memory.
enum CommandFuzzing {
    /// Commands left out because they touch files or run for long by design: the fuzzer must not write the
    /// machine's files, and `simulate`'s sizes are checked by the `simulation` target instead.
    static let skipped: Set<String> = ["import", "import-scores", "load-instrument", "simulate"]
    /// Options that name a file to write.
    static let fileOptions: Set<String> = ["--html", "--to"]

    /// Parses `source` and runs each statement; every refusal must be explained and leave the records as they
    /// were.
    static func check(_ source: String) {
        let script: Script
        do {
            script = try Parser.parse(source)
        } catch {
            FuzzTarget.requireExplained(StepCareError(error.code, error.message), "parser")
            return
        }
        let interpreter = Interpreter(registry: FuzzTarget.registry, output: StringOutput(), input: NoInput())
        let workspace = interpreter.workspace
        for statement in script.statements.prefix(64) where !interpreter.isFinished {
            guard let before = try? workspace.store.lastSequence() else {
                preconditionFailure("interpreter: the in-memory caseload cannot be read")
            }
            do {
                try run(statement, in: interpreter)
            } catch {
                FuzzTarget.requireExplained(StepCareError(error.code, error.message), "interpreter")
                FuzzTarget.requireUnchanged(workspace, since: before, "interpreter")
            }
        }
    }

    private static func run(_ statement: Statement, in interpreter: Interpreter) throws(Diagnostic) {
        guard case .command(let call) = statement else {
            try interpreter.execute(statement)
            return
        }
        let name = try interpreter.expand([call.name])
        let arguments = try interpreter.expand(call.arguments)
        guard name.count == 1, !skipped.contains(name[0].text),
            !arguments.contains(where: { argument in
                fileOptions.contains { argument.text == $0 || argument.text.hasPrefix($0 + "=") }
            })
        else { return }
        try interpreter.execute(commandNamed: name[0].text, arguments: arguments, at: call.name.location)
    }
}

/// No terminal: `administer` sees the end of input at once.
final class NoInput: LineEditor {
    func readLine(prompt: String) -> LineRead { .endOfInput }
    func addHistory(_ line: String) {}
}
