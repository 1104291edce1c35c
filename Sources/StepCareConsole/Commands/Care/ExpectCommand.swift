import StepCareCore
import StepCareEngine
import StepCareReports
import StepCareService

extension CommandSpec {
    /// `expect …`: an assertion that fails a script with a clear message.
    static let expect = CommandSpec(
        name: "expect", abstract: "Check something about the current case; a failed check stops the script",
        discussion: "Forms: expect tier TIER (or none); expect recommends KIND; expect not-recommends KIND; expect "
            + "overdue KIND; expect flag open (or none); expect slot standard|rapid-access|exception; expect "
            + "waitlist TIER COUNT; expect refused COMMAND… (runs the command and passes only if it is refused, "
            + "printing why; a command that cannot run as written, such as a misspelt role, fails the check). KIND "
            + "is place, tier-review, step-up, step-down, safety-review, route-elsewhere, handover, follow-up, "
            + "check-in or step-up-plan. Checks read the current case as of the session clock.",
        arguments: [ArgumentSpec("CHECK", "what to check, and its arguments", arity: .oneOrMore)],
        examples: [
            "expect tier tier-3", "expect recommends step-up", "expect flag none",
            "expect refused override tier-2 --reason \"…\" --as coach:kim",
        ],
        passesOptionsThrough: true
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let words = invocation.positionals
        let check = words[0]
        let rest = Array(words.dropFirst())
        if check.text == "refused" {
            try expectRefused(rest, at: check.location, interpreter)
            return
        }
        // A word a check does not read (a misspelt option, an extra value) would let it pass for the wrong reason.
        let takes = [
            "tier": 1, "recommends": 1, "not-recommends": 1, "overdue": 1, "flag": 1, "slot": 1, "waitlist": 2,
        ]
        if let count = takes[check.text], rest.count > count {
            throw Diagnostic(
                .unexpectedArgument,
                "expect \(check.text) takes \(count) word(s); \"\(rest[count].text)\" would be ignored",
                hint: "write the check alone, e.g. expect \(check.text) " + (count == 2 ? "tier-3 1" : "…"),
                at: rest[count].location)
        }
        let engine = try interpreter.engine(at: invocation.location)
        var bound = invocation
        bound.values = [:]
        let caseID = try interpreter.caseID(bound)
        try interpreter.recordAccess(invocation, client: caseID)
        guard let evaluation = interpreter.workspace.monitor(caseID)?.evaluation(asOf: interpreter.workspace.now)
        else { return }
        let state = evaluation.state
        func argument(_ index: Int, _ name: String) throws(Diagnostic) -> CommandArgument {
            guard rest.indices.contains(index) else {
                throw Diagnostic(.missingArgument, "expect \(check.text) needs \(name)", at: check.location)
            }
            return rest[index]
        }
        let actual: String
        let wanted: String
        let passed: Bool
        switch check.text {
        case "tier":
            wanted = try argument(0, "a tier, or none").text
            actual = state.tier ?? "none"
            passed = actual == wanted
        case "recommends", "not-recommends", "overdue":
            let word = try argument(0, "a recommendation kind")
            wanted = word.text
            // A misspelt kind would make `not-recommends` pass for the wrong reason.
            guard RecommendationKind.words.contains(wanted) else {
                throw Diagnostic(
                    .invalidOption, "\"\(wanted)\" is not a recommendation kind",
                    hint: "kinds: " + RecommendationKind.words.joined(separator: ", "), at: word.location)
            }
            let matching = evaluation.recommendations.filter { $0.kind.word == wanted }
            let kinds = evaluation.recommendations.map(\.kind.word)
            actual = kinds.isEmpty ? "no recommendations" : "recommendations: " + kinds.joined(separator: ", ")
            switch check.text {
            case "recommends": passed = !matching.isEmpty
            case "not-recommends": passed = matching.isEmpty
            default: passed = matching.contains { $0.isOverdue(asOf: state.now) }
            }
        case "flag":
            wanted = try argument(0, "open or none").text
            actual = state.openFlags.isEmpty ? "none" : "open"
            passed = actual == wanted
        case "slot":
            wanted = try argument(0, "a slot kind").text
            actual = state.placement?.slot.rawValue ?? "no placement"
            passed = actual == wanted
        case "waitlist":
            let tier = try interpreter.tier(try argument(0, "a tier"))
            wanted = try argument(1, "a count").text
            let statuses = engine.capacity(interpreter.workspace.caseload, asOf: state.now)
            actual = String(statuses.first { $0.tier.id == tier.id }?.waitlist.count ?? 0)
            passed = actual == wanted
        default:
            throw Diagnostic(
                .invalidOption, "there is no check \"\(check.text)\"",
                hint: "checks: tier, recommends, not-recommends, overdue, flag, slot, waitlist, refused",
                at: check.location)
        }
        guard passed else {
            throw Diagnostic(
                .expectationFailed, "expected \(check.text) \(wanted), but case \(caseID) has \(actual)",
                hint: "evaluate shows the case as the engine sees it", at: check.location)
        }
        interpreter.output.line("ok: \(check.text) \(wanted)")
    }

    /// Errors in how a command was written, which `expect refused` reports instead of counting as refusals.
    private static let inputErrors: Set<StepCareError.Code> = [
        .syntax, .unknownCommand, .unknownOption, .missingArgument, .unexpectedArgument, .undefinedVariable,
        .unknownRole, .unknownTier, .unknownCase, .unknownAction, .invalidOption, .unknownInstrument, .unknownVariant,
        .unknownPathway,
    ]

    private static func expectRefused(
        _ words: [CommandArgument], at location: SourceLocation?, _ interpreter: Interpreter
    ) throws(Diagnostic) {
        guard let name = words.first else {
            throw Diagnostic(.missingArgument, "expect refused needs a command to run", at: location)
        }
        do {
            // Never kept: a command that should have been refused but was accepted is rolled back.
            interpreter.rollsBackWrites = true
            defer { interpreter.rollsBackWrites = false }
            try interpreter.execute(commandNamed: name.text, arguments: Array(words.dropFirst()), at: name.location)
        } catch {
            // A typo is not a refusal: the command must run and be turned down on its merits.
            guard !inputErrors.contains(error.code) else { throw error }
            interpreter.output.line("refused as expected: \(error.message)")
            if let hint = error.hint { interpreter.output.line("  hint: \(hint)") }
            return
        }
        throw Diagnostic(
            .expectationFailed, "expected \(name.text) to be refused, but it was accepted",
            hint: "check the roles, documentation and case state the scenario sets up", at: name.location)
    }
}
