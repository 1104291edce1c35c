import StepCareCore
import StepCareEngine
import StepCareReports
import StepCareService

extension CommandSpec {
    private static let moveOptions = [
        OptionSpec("as", value: "ROLE:ID", "Who decides, e.g. clinician:ana", completion: .actor),
        OptionSpec(
            "cosign", value: "ROLE:ID", "A different person who co-signs, where the rights need one", completion: .actor
        ),
        OptionSpec("reason", value: "TEXT", "The reason (required for an override)"),
        OptionSpec("exception", "Place over capacity if the tier is full (needs an authorised exception)"),
        OptionSpec("case", value: "ID", "The case (default: the current case)", completion: .caseID),
        OptionSpec("at", value: "DATE", "When (default: the session clock)"),
        OptionSpec(
            "hand-over-to", value: "STAFF",
            "Hand the case to this clinician with the move (a recorded handover; the team is kept)"),
    ]

    private static let moveDiscussion =
        "The decision is checked against the pathway's decision rights (use can or who-can to ask first), "
        + "against safety (no step-down or discharge with an open risk flag), against the documentation the "
        + "rights require, and against capacity: an ordinary slot, a reserved rapid-access slot for step-ups and "
        + "clients with an open risk flag, an authorised exception with --exception, or else the waitlist, with "
        + "any step-up deadline and its breach reported. --hand-over-to STAFF records the handover to the "
        + "receiving clinician in the same command. A refused decision leaves the case unchanged."

    /// `place [TIER]`: initial placement by triage.
    static let place = move(
        .place, name: "place", abstract: "Place a referred client in the tier triage indicates",
        discussion: "Triage picks the most intensive tier whose entry criteria hold, routes the client elsewhere "
            + "when an exclusion applies, and honours the client's stated preference where safe (documented as a "
            + "deviation). Naming a different tier is refused: use override.",
        tierArity: .optional, example: "place --as coach:kim")

    /// `step-up [TIER]`.
    static let stepUp = move(
        .stepUp, name: "step-up", abstract: "Move a client to a more intensive tier (default: the next one up)",
        discussion: "", tierArity: .optional, example: "step-up tier-3 --as clinician:ana --cosign supervisor:lee")

    /// `step-down [TIER]`.
    static let stepDown = move(
        .stepDown, name: "step-down", abstract: "Move a client to a less intensive tier (default: the next one down)",
        discussion: "A step-down needs a stability plan on record and schedules the pathway's handover contacts. An "
            + "override to a less intensive tier is held to the same safeguards.",
        tierArity: .optional, example: "step-down --as clinician:ana --cosign supervisor:lee")

    /// `override TIER --reason TEXT`.
    static let override = move(
        .overridePlacement, name: "override",
        abstract: "Place or move a client somewhere the rules do not indicate (reason and co-signer required)",
        discussion: "An override always needs a written reason and a second, different person to co-sign.",
        tierArity: .one, example: "override tier-2 --reason \"…\" --as clinician:ana --cosign clinical-lead:raj")

    /// `discharge`.
    static let discharge = move(
        .discharge, name: "discharge", abstract: "Discharge a client from the service",
        discussion: "Discharge is checked against the decision rights and the documentation they require, and is "
            + "refused while a risk flag is open. A refused discharge leaves the case unchanged.", tierArity: nil,
        example: "discharge --as clinician:ana")

    private static func move(
        _ action: Action, name: String, abstract: String, discussion: String, tierArity: ArgumentSpec.Arity?,
        example: String
    ) -> CommandSpec {
        CommandSpec(
            name: name, abstract: abstract,
            discussion: action == .discharge
                ? discussion : [discussion, moveDiscussion].filter { !$0.isEmpty }.joined(separator: " "),
            arguments: tierArity.map { [ArgumentSpec("TIER", "the tier to move to", arity: $0, completion: .tier)] }
                ?? [],
            options: moveOptions, examples: [example], writes: .records
        ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
            let caseID = try interpreter.caseID(invocation)
            let tier = try invocation.positionals.first.map { (argument) throws(Diagnostic) in
                try interpreter.tier(argument).id
            }
            let request = MoveRequest(
                action, tier: tier, by: try interpreter.requiredActor(invocation),
                coSigner: try interpreter.actor(invocation, option: "cosign"),
                reason: invocation.values["reason"]?.text, exception: invocation.flag("exception"),
                at: try interpreter.time(invocation))
            let workspace = interpreter.workspace
            // What a discharge closes, named before it does.
            var closing: [WorkItem] = []
            if action == .discharge, let monitor = workspace.monitor(caseID) {
                let asOf = max(request.at, monitor.lastEventAt ?? request.at)
                closing = monitor.workItems(caseID: caseID, asOf: asOf, appointmentsUntil: .latest)
            }
            let outcome = try interpreter.core(invocation) { () throws(StepCareError) in
                try workspace.decide(request, on: caseID)
            }
            // The handover goes in the same command, so a refused one leaves the move unmade and nothing printed.
            if let receiver = invocation.values["hand-over-to"] {
                var bound = invocation
                bound.values["to"] = receiver
                try interpreter.core(bound) { () throws(StepCareError) in
                    try workspace.assign(
                        caseID, clinician: receiver.text, by: invocation.values["as"]?.text, at: request.at)
                }
            }
            interpreter.output.line("\(caseID) \(request.at): " + describe(outcome.result))
            outcome.trace.forEach { interpreter.output.line("  \($0)") }
            if invocation.values["hand-over-to"] != nil, let last = workspace.caseload.cases[caseID]?.events.last {
                interpreter.output.line("\(caseID) \(last.at): \(CareRendering.text(last.kind))")
            }
            for item in closing where outcome.result == .discharged {
                interpreter.output.line("  closed by the discharge: \(item.task(asOf: request.at)) (\(item.ruleID))")
            }
        }
    }

    private static func describe(_ result: MoveResult) -> String {
        switch result {
        case .moved(let placement): CareRendering.text(placement)
        case .waitlisted(let tier, let position): "waitlisted for \(tier) at position \(position)"
        case .riskReviewed(let cleared): "risk review documented (\(cleared) flag(s) cleared)"
        case .discharged: "discharged"
        }
    }
}
