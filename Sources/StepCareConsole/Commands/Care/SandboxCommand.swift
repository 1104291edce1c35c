import StepCareCore
import StepCareReports
import StepCareService

extension CommandSpec {
    /// `sandbox [CASE] | sandbox end`: try hypothetical events on a copy of one case.
    static let sandbox = CommandSpec(
        name: "sandbox",
        abstract: "Try what-ifs on a copy of one case: add hypothetical events, advance its clock, see what follows",
        discussion: "sandbox CASE copies the case (the current one if none is named) into a throw-away training "
            + "caseload in memory, under the same pathway and configuration, and runs every later command there: "
            + "record events that have not happened, move the clock with today or advance, and evaluate to see "
            + "what the engine would demand and by when. The prompt shows sandbox CASE> while it is open. sandbox "
            + "end drops it and everything done in it; nothing done in a sandbox is ever written to the caseload. "
            + "In live, copying the case is an audited read.",
        arguments: [ArgumentSpec("CASE", "the case to copy, or end", arity: .optional, completion: .caseID)],
        examples: ["sandbox C001", "sandbox end"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let word = invocation.positionals.first
        if word?.text == "end" {
            guard interpreter.isInSandbox else {
                throw Diagnostic(
                    .invalidOption, "no sandbox is open", hint: "open one with: sandbox CASE", at: word?.location)
            }
            let id = interpreter.workspace.currentCase ?? ""
            interpreter.leaveSandbox()
            interpreter.output.line("sandbox of \(id) dropped: nothing in it was saved")
            return
        }
        guard !interpreter.isInSandbox else {
            throw Diagnostic(
                .invalidOption, "a sandbox is already open", hint: "leave it first with: sandbox end",
                at: word?.location ?? invocation.location)
        }
        var bound = invocation
        if let word { bound.values["case"] = word }
        let sandbox = try interpreter.core(bound) { () throws(StepCareError) in
            try interpreter.workspace.sandbox(word?.text)
        }
        interpreter.enterSandbox(sandbox)
        let id = sandbox.currentCase ?? ""
        interpreter.output.line(
            "sandbox of \(id) as of \(sandbox.now): a throw-away copy; record what-ifs, move the clock with today or "
                + "advance, and evaluate. sandbox end drops it.")
    }
}
