public import StepCareCore
import StepCareReports

extension CommandSpec {
    /// `today [DATE]`: show or set the session clock.
    static let today = CommandSpec(
        name: "today", abstract: "Show the session clock, or set it (training and scripts)",
        discussion: "Records and evaluations are dated by the session clock unless given --at. Scenarios set it "
            + "first so that they run the same on every day.",
        arguments: [ArgumentSpec("DATE", "YYYY-MM-DD or YYYY-MM-DDTHH:MM", arity: .optional)],
        examples: ["today", "today 2026-01-05", "today 2026-01-05T09:30"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        if let argument = invocation.positionals.first {
            try interpreter.requireSettableClock(at: argument.location)
            interpreter.workspace.now = try Interpreter.instant(argument)
        }
        interpreter.output.line("today: \(interpreter.workspace.now)")
    }

    /// `advance SPAN`: move the session clock forward.
    static let advance = CommandSpec(
        name: "advance", abstract: "Move the session clock forward, e.g. advance 14d",
        arguments: [ArgumentSpec("SPAN", "a whole number and a unit: 30m, 48h, 14d or 4w")],
        examples: ["advance 14d", "advance 48h"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        try interpreter.requireSettableClock(at: invocation.location)
        let span = try Interpreter.span(invocation.positionals[0])
        interpreter.workspace.now = interpreter.workspace.now + span
        interpreter.output.line("today: \(interpreter.workspace.now) (+\(span.spoken))")
    }

    /// `say TEXT…`: print a line of narration.
    static let say = CommandSpec(
        name: "say", abstract: "Print a line of narration (for trainer scenarios)",
        arguments: [ArgumentSpec("TEXT", "the words to print", arity: .zeroOrMore)],
        examples: ["say \"Week 3: the client reports no change.\""]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        interpreter.output.line("# " + invocation.positionals.map(\.text).joined(separator: " "))
    }
}

extension Interpreter {
    /// Refuses to move the clock of a live session: live records are dated by the real clock.
    func requireSettableClock(at location: SourceLocation?) throws(Diagnostic) {
        guard workspace.clockIsSettable else {
            throw Diagnostic(
                .liveClock, "the clock of a live session cannot be set: live records are dated by the real clock",
                hint: "give a record's date with --at, or practise in a training session (--context training)",
                at: location)
        }
    }
}

extension StepCareError.Code {
    /// `today DATE` or `advance` in a live session.
    public static let liveClock = Self("live-clock")
}
