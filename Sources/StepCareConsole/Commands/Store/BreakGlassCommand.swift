import StepCareCore
import StepCareEngine
import StepCareReports
import StepCareStore

extension CommandSpec {
    /// The longest a break-glass grant may last.
    static let longestGrant = TimeSpan(minutes: 12 * 60)

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
        let pathway = try interpreter.engine(at: invocation.location).pathway
        guard let user = workspace.currentUser else {
            throw Diagnostic(
                .notAuthorised, "break-glass needs a logged-in user", hint: "log in first: login NAME",
                at: invocation.location)
        }
        guard let reason = invocation.values["reason"]?.text, !reason.allSatisfy(\.isWhitespace) else {
            throw Diagnostic(
                .missingDocumentation, "break-glass needs a reason", hint: "add --reason TEXT",
                at: invocation.location)
        }
        let span =
            try invocation.values["for"].map { (argument) throws(Diagnostic) in
                let span = try Interpreter.span(argument)
                guard span.minutes > 0, span <= longestGrant else {
                    throw Diagnostic(
                        .invalidOption, "a break-glass grant lasts from 1 minute to 12 hours",
                        hint: "e.g. --for 2h",
                        at: argument.location)
                }
                return span
            } ?? TimeSpan(minutes: 60)
        guard let role = pathway.role(user.role) else {
            throw Diagnostic(
                .unknownRole, "\(user.name)'s role is not a role of \(pathway.id)", at: invocation.location)
        }
        guard pathway.rights.verdict(role, .breakGlass) == .allowed else {
            throw Diagnostic(
                .notAuthorised, "\(role.id) may not break glass in \(pathway.id)",
                hint: "ask someone with the right: who-can break-glass", at: invocation.location)
        }
        guard pathway.role(Role.clinicalLead.id) != nil else {
            throw Diagnostic(
                .unknownRole, "\(pathway.id) has no clinical-lead role to grant", at: invocation.location)
        }
        guard role.id != Role.clinicalLead.id else {
            throw Diagnostic(
                .invalidOption, "a clinical lead already has the rights break-glass would grant",
                hint: "act as yourself; nothing needs to be unlocked", at: invocation.location)
        }
        let grant = BreakGlassGrant(
            user: user.name, role: Role.clinicalLead.id, reason: reason, starts: workspace.now,
            ends: workspace.now + span)
        workspace.add(grant)
        workspace.actedAs = Actor(name: user.name, role: role)
        interpreter.output.line(
            "break-glass: \(user.name) acts as \(grant.role) until \(grant.ends); this is audited and will be reviewed")
    }

    private static func listGrants(_ interpreter: Interpreter, json: Bool) throws(Diagnostic) {
        let workspace = interpreter.workspace
        guard !workspace.grants.isEmpty || json else {
            interpreter.output.line("no break-glass grants in the \(workspace.context) context")
            return
        }
        let entries = try interpreter.fromStore { () throws(StepCareError) in
            try workspace.store.auditEntries(AuditFilter(context: workspace.context))
        }
        for (index, grant) in workspace.grants.enumerated() {
            let next = workspace.grants[(index + 1)...].first { $0.user == grant.user }?.sequence ?? .max
            let under = entries.filter {
                $0.user == grant.user && $0.role.hasSuffix("(break-glass)") && $0.sequence > grant.sequence
                    && $0.sequence < next
            }
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
