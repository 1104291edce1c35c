import StepCareCore
import StepCareEngine
import StepCareReports

extension CommandSpec {
    /// `rights [--markdown]`: the published decision-rights table.
    static let rights = CommandSpec(
        name: "rights", abstract: "Show the pathway's decision-rights table, as published to staff",
        discussion: "For every role and action: yes (may act alone), co-sign (may act when a different person in "
            + "one of the named roles co-signs) or no, with the moves where the verdict differs. --markdown prints "
            + "the published page, with what each right requires on record (docs/decision-rights.md).",
        options: [
            OptionSpec("markdown", "Print the published Markdown page"),
            OptionSpec("json", "Print the table as one line of JSON (schema/stepcare-pathway-1.schema.json)"),
        ],
        examples: ["rights", "rights --markdown", "rights --json"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let pathway = try interpreter.engine(at: invocation.location).pathway
        guard !invocation.flag("json") else { return interpreter.output.line(PathwayJSON.rights(pathway)) }
        interpreter.output.write(
            invocation.flag("markdown") ? RightsTable.markdown(pathway) : RightsTable.plain(pathway))
    }

    /// `who-can ACTION [from TIER] [to TIER]`.
    static let whoCan = CommandSpec(
        name: "who-can", abstract: "List the roles that may take an action, and what they must document",
        discussion: "ACTION is one of place, step-up, step-down, override, authorise-exception, discharge, "
            + "clear-risk-flag, break-glass. Add from TIER and/or to TIER to ask about a particular move.",
        arguments: [
            ArgumentSpec("ACTION", "the action", completion: .action),
            ArgumentSpec("MOVE", "from TIER and/or to TIER", arity: .zeroOrMore),
        ],
        options: [OptionSpec("json", "Print one line of JSON (schema/stepcare-pathway-1.schema.json)")],
        examples: ["who-can step-up to tier-3", "who-can override", "who-can step-down from tier-3 to tier-2"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let engine = try interpreter.engine(at: invocation.location)
        let action = try Interpreter.action(invocation.positionals[0])
        let (from, to) = try move(Array(invocation.positionals.dropFirst()), interpreter, engine.pathway)
        if invocation.flag("json") {
            return interpreter.output.line(PathwayJSON.whoCan(engine.pathway, action, from: from, to: to))
        }
        let scope = TierScope(from: from, to: to)
        interpreter.output.line("\(action.rawValue) (\(scope)):")
        var anyone = false
        for role in engine.pathway.roles {
            guard let right = engine.pathway.rights.right(role, action, from: from, to: to), right.verdict != .denied
            else { continue }
            anyone = true
            interpreter.output.line(
                "  \(role.id.padding(to: 17)) \(right.verdict)" + documents(right))
        }
        if !anyone { interpreter.output.line("  nobody") }
    }

    /// `can ROLE ACTION [from TIER] [to TIER]`.
    static let can = CommandSpec(
        name: "can", abstract: "Ask whether a role may take an action: yes, needs co-sign, or no — and why",
        arguments: [
            ArgumentSpec("ROLE", "the role, e.g. coach", completion: .role),
            ArgumentSpec("ACTION", "the action, e.g. step-up", completion: .action),
            ArgumentSpec("MOVE", "from TIER and/or to TIER", arity: .zeroOrMore),
        ],
        options: [OptionSpec("json", "Print one line of JSON (schema/stepcare-pathway-1.schema.json)")],
        examples: ["can coach step-up to tier-3", "can clinician override", "can supervisor step-down from tier-3"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let engine = try interpreter.engine(at: invocation.location)
        let role = try interpreter.role(invocation.positionals[0])
        let action = try Interpreter.action(invocation.positionals[1])
        let (from, to) = try move(Array(invocation.positionals.dropFirst(2)), interpreter, engine.pathway)
        if invocation.flag("json") {
            return interpreter.output.line(
                PathwayJSON.can(
                    engine.pathway, role, action, from: from, to: to,
                    authorisers: engine.authorisersText(action, from: from, to: to)))
        }
        let scope = TierScope(from: from, to: to)
        guard let right = engine.pathway.rights.right(role, action, from: from, to: to), right.verdict != .denied else {
            interpreter.output.line("no: a \(role.name) may not \(action.name) (\(scope))")
            interpreter.output.line("  who may: \(engine.authorisersText(action, from: from, to: to))")
            return
        }
        switch right.verdict {
        case .needsCoSign(let roles):
            interpreter.output.line(
                "needs co-sign: a \(role.name) may \(action.name) (\(scope)) when a different "
                    + roles.map(\.name).joined(separator: " or ") + " co-signs")
        default:
            interpreter.output.line("yes: a \(role.name) may \(action.name) (\(scope))")
        }
        if right.scope != .any { interpreter.output.line("  rule: the right for moves \(right.scope)") }
        if !right.note.isEmpty { interpreter.output.line("  note: \(right.note)") }
        for documentation in right.documentation {
            interpreter.output.line("  must document \(documentation.rawValue): \(documentation.howToSupply)")
        }
        if right.action == .stepDown || right.action == .discharge {
            interpreter.output.line("  and only with no open risk flag")
        }
    }

    private static func documents(_ right: DecisionRight) -> String {
        right.documentation.isEmpty ? "" : "; document: " + right.documentation.map(\.rawValue).joined(separator: ", ")
    }

    /// Reads `from TIER` and `to TIER` in either order.
    private static func move(
        _ words: [CommandArgument], _ interpreter: Interpreter, _ pathway: Pathway
    ) throws(Diagnostic) -> (String?, String?) {
        var from: String?
        var to: String?
        var index = 0
        while index < words.count {
            let keyword = words[index]
            guard keyword.text == "from" || keyword.text == "to", index + 1 < words.count else {
                throw Diagnostic(
                    .unexpectedArgument, "expected from TIER or to TIER here",
                    hint: "e.g. from tier-1 to tier-3", at: keyword.location)
            }
            let tier = try interpreter.tier(words[index + 1]).id
            if keyword.text == "from" { from = tier } else { to = tier }
            index += 2
        }
        return (from, to)
    }
}
