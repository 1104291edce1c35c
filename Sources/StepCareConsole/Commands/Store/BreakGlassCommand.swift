import StepCareCore
import StepCareEngine
import StepCareReports
import StepCareService
import StepCareStore

extension CommandSpec {
    /// `break-glass --reason TEXT [--for SPAN]`, `break-glass list`.
    static let breakGlass = CommandSpec(
        name: "break-glass",
        abstract:
            "Emergency access: act as clinical lead for a limited time, with a reason (break-glass list to review)",
        discussion: "For an emergency when nobody with the right is reachable. The logged-in user's role must have "
            + "the break-glass right in the pathway's decision rights. For --for (default 1h, at most 12h) their "
            + "decisions are checked as a clinical lead's; decisions that need a co-signer still need a second, "
            + "different person. The grant, its reason and every entry made under it are audited and listed by "
            + "break-glass list for review afterwards. The reason is kept on the record and never shown in errors.",
        arguments: [ArgumentSpec("WHAT", "list, to review grants", arity: .optional)],
        options: [
            OptionSpec("reason", value: "TEXT", "Why emergency access is needed"),
            OptionSpec("for", value: "SPAN", "How long the grant lasts (default 1h, at most 12h)"),
            OptionSpec("json", "list: one line of JSON per grant (schema/stepcare-session-1.schema.json)"),
        ],
        examples: ["break-glass --reason \"…\" --for 2h", "break-glass list"], writes: .records
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let workspace = interpreter.workspace
        if let what = invocation.positionals.first {
            guard what.text == "list" else {
                throw Diagnostic(
                    .invalidOption, "break-glass takes list, or --reason TEXT", at: what.location)
            }
            try listGrants(interpreter, json: invocation.flag("json"))
            return
        }
        let span = try invocation.values["for"].map { (argument) throws(Diagnostic) in try Interpreter.span(argument) }
        let grant = try interpreter.core(invocation) { () throws(StepCareError) in
            try workspace.breakGlass(
                reason: invocation.values["reason"]?.text ?? "", for: span ?? TimeSpan(minutes: 60))
        }
        interpreter.output.line(
            "break-glass: \(grant.user) acts as \(grant.role) until \(grant.ends); this is audited and will be reviewed"
        )
    }

    private static func listGrants(_ interpreter: Interpreter, json: Bool) throws(Diagnostic) {
        let workspace = interpreter.workspace
        guard !workspace.grants.isEmpty || json else {
            interpreter.output.line("no break-glass grants in the \(workspace.context) context")
            return
        }
        let review = try interpreter.fromStore { () throws(StepCareError) in try workspace.grantReview() }
        for (grant, under) in review {
            if json {
                interpreter.output.line(
                    SessionJSON.grant(grant, active: grant.isActive(at: workspace.now), entries: under))
                continue
            }
            let state = grant.isActive(at: workspace.now) ? "ACTIVE" : "ended"
            interpreter.output.line(
                "\(grant.user) as \(grant.role) from \(grant.starts) until \(grant.ends) [\(state)], entry "
                    + "\(grant.sequence)")
            interpreter.output.line("  reason: \(grant.reason)")
            interpreter.output.line(
                "  entries under it: \(under.isEmpty ? "none" : under.map { "\($0.sequence) \($0.action)" }.joined(separator: ", "))"
            )
        }
    }
}
