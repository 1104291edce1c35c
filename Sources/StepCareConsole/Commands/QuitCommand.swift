import StepCareReports

extension CommandSpec {
    /// `quit`: end the session.
    static let quit = CommandSpec(
        name: "quit", aliases: ["exit"], abstract: "End the session",
        discussion: "Ends the REPL or the script with exit status 0. Ctrl-D on an empty line does the same.",
        examples: ["quit"]
    ) { (_: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        interpreter.isFinished = true
    }
}
