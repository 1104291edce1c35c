import StepCareCore
import StepCareReports
import StepCareService

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
            let instant = try Interpreter.instant(argument)
            do throws(StepCareError) { try interpreter.workspace.setClock(to: instant) } catch {
                throw Diagnostic(error, at: argument.location)
            }
        }
        interpreter.output.line("today: \(interpreter.workspace.now)")
    }

    /// `advance SPAN`: move the session clock forward.
    static let advance = CommandSpec(
        name: "advance", abstract: "Move the session clock forward, e.g. advance 14d",
        arguments: [ArgumentSpec("SPAN", "a whole number and a unit: 30m, 48h, 14d or 4w")],
        examples: ["advance 14d", "advance 48h"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let span = try Interpreter.span(invocation.positionals[0])
        do throws(StepCareError) { try interpreter.workspace.setClock(to: interpreter.workspace.now + span) } catch {
            throw Diagnostic(error, at: invocation.location)
        }
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
