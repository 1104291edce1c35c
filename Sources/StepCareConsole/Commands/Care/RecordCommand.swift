import StepCareCore
import StepCareEngine
import StepCareReports
import StepCareService

extension CommandSpec {
    /// `record KIND …`: add an event to a case.
    static let record = CommandSpec(
        name: "record", abstract: "Record an event on a case: a score, contact, crisis, plan or review",
        discussion: "KIND is one of: score ID ANSWER… (scores the administration; risk flags go on the case), "
            + "attended, no-show, crisis [--channel CHANNEL] [--outcome OUTCOME], ed-visit [--outcome OUTCOME], "
            + "medication-concern (a safety concern: escalates), medication-question (a question for the "
            + "prescriber: does not), outreach METHOD --outcome OUTCOME (methods: "
            + OutreachMethod.allCases.map(\.rawValue).joined(separator: ", ") + "; outcomes: "
            + OutreachOutcome.allCases.map(\.rawValue).joined(separator: ", ") + "), plan stability (needs "
            + "--warning-signs, --coping, --reaccess and --follow-up), plan safety --summary TEXT, plan step-up "
            + "(needs --safety-actions, --check-ins and --step-down-target), review structured|supervisor "
            + "--as ROLE:ID, or review risk --as ROLE:ID (the documented risk review, the only thing that clears a "
            + "risk flag; the role must have the clear-risk-flag right), or note TEXT (a free-text note on the case; "
            + "--about contact for a session note). --summary on a review keeps its content as a note, and --note "
            + "on attended or no-show keeps a note on the contact. Notes are client data: shown in timeline, never "
            + "in logs, diagnostics or history. Events are dated by the session clock "
            + "unless --at is given, and must not be dated before the case's latest event. A refused record leaves "
            + "the case unchanged.",
        arguments: [
            ArgumentSpec("KIND", "what happened"),
            ArgumentSpec(
                "DETAIL", "for score: the instrument and answers; for plan and review: the kind", arity: .zeroOrMore),
        ],
        options: [
            OptionSpec("case", value: "ID", "The case (default: the current case)", completion: .caseID),
            OptionSpec("at", value: "DATE", "When it happened (default: the session clock)"),
            OptionSpec("variant", value: "ID", "A named variant of the instrument (score)"),
            OptionSpec("as", value: "ROLE:ID", "Who did it (review)", completion: .actor),
            OptionSpec(
                "cosign", value: "ROLE:ID", "A co-signer, where the rights need one (review risk)", completion: .actor),
            OptionSpec("warning-signs", value: "TEXT", "Stability plan: early warning signs"),
            OptionSpec("coping", value: "TEXT", "Stability plan: coping actions"),
            OptionSpec("reaccess", value: "TEXT", "Stability plan: how to re-access rapid support"),
            OptionSpec("follow-up", value: "TEXT", "Stability plan: the follow-up schedule"),
            OptionSpec("summary", value: "TEXT", "Safety plan: a summary; review: what it found (kept as a note)"),
            OptionSpec("note", value: "TEXT", "attended, no-show: a note on the contact"),
            OptionSpec("about", value: "SUBJECT", "note: general (default) or contact"),
            OptionSpec(
                "channel", value: "CHANNEL",
                "crisis: " + CrisisChannel.allCases.map(\.rawValue).joined(separator: ", ")),
            OptionSpec(
                "outcome", value: "OUTCOME",
                "crisis: " + CrisisOutcome.allCases.map(\.rawValue).joined(separator: ", ") + "; ed-visit: "
                    + EmergencyOutcome.allCases.map(\.rawValue).joined(separator: ", ") + "; outreach: "
                    + OutreachOutcome.allCases.map(\.rawValue).joined(separator: ", ")),
            OptionSpec("safety-actions", value: "TEXT", "Step-up plan: the specific safety actions"),
            OptionSpec("check-ins", value: "TEXT", "Step-up plan: the check-in schedule"),
            OptionSpec("step-down-target", value: "TEXT", "Step-up plan: what would allow a step-down"),
        ],
        examples: [
            "record score phq9 2 2 2 2 1 1 1 1 0", "record attended", "record crisis --at 2026-01-10",
            "record crisis --channel phone-line --outcome follow-up-arranged",
            "record outreach phone --outcome reached",
            "record review risk --as clinician:ana --summary \"…\"", "record note \"phoned; will attend Monday\"",
            "record plan stability --warning-signs \"…\" --coping \"…\" --reaccess \"…\" --follow-up \"…\"",
        ],
        writes: .recordsByKind
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let caseID = try interpreter.caseID(invocation)
        let at = try interpreter.time(invocation)
        let kindWord = invocation.positionals[0]
        let detail = Array(invocation.positionals.dropFirst())
        let simple: [String: CaseEventKind] = [
            "attended": .contact(attended: true), "no-show": .contact(attended: false), "crisis": .crisisContact(),
            "ed-visit": .emergencyVisit(), "medication-concern": .medicationConcern,
            "medication-question": .prescriberQuestion,
        ]
        // Options that carry text go only with the kinds that keep it: none is ever silently dropped.
        let keeps: [String: Set<String>] = [
            "note": ["attended", "no-show"], "summary": ["plan", "review"], "about": ["note"],
            "warning-signs": ["plan"], "coping": ["plan"], "reaccess": ["plan"], "follow-up": ["plan"],
            "safety-actions": ["plan"], "check-ins": ["plan"], "step-down-target": ["plan"], "channel": ["crisis"],
            "outcome": ["crisis", "ed-visit", "outreach"],
        ]
        for (option, kinds) in keeps.sorted(by: { $0.key < $1.key })
        where invocation.values[option] != nil && !kinds.contains(kindWord.text) {
            throw Diagnostic(
                .invalidOption, "--\(option) does not go with record \(kindWord.text); it would be lost",
                hint: "--\(option) goes with record " + kinds.sorted().joined(separator: " or "),
                at: invocation.values[option]?.location)
        }
        var events: [CaseEventKind] = []  // recorded in order, in this command's one unit of work
        switch kindWord.text {
        case let word where simple[word] != nil:
            if let extra = detail.first {
                throw Diagnostic(.unexpectedArgument, "record \(word) takes no more words", at: extra.location)
            }
            switch word {
            case "crisis":
                events.append(
                    .crisisContact(
                        CrisisDetail(
                            channel: try Interpreter.code(
                                invocation.values["channel"], CrisisChannel.self, option: "channel"),
                            outcome: try Interpreter.code(
                                invocation.values["outcome"], CrisisOutcome.self, option: "outcome"))))
            case "ed-visit":
                events.append(
                    .emergencyVisit(
                        outcome: try Interpreter.code(
                            invocation.values["outcome"], EmergencyOutcome.self, option: "outcome")))
            default:
                events.append(simple[word] ?? .medicationConcern)
            }
            if word == "attended" || word == "no-show" {
                events += try note(invocation, option: "note", about: .contact)
            }
        case "score":
            events.append(try scoreEvent(detail, invocation, interpreter))
        case "plan":
            events.append(try planEvent(detail, invocation))
        case "outreach":
            events.append(try outreachEvent(detail, invocation, interpreter))
        case "review":
            if let review = try reviewEvent(detail, invocation, interpreter, caseID: caseID, at: at) {
                events.append(review)
            }
            if let kind = detail.first.flatMap({ ReviewKind(rawValue: $0.text) }) {
                events += try note(invocation, option: "summary", about: CaseNote.subject(of: kind))
            }
        case "note":
            let about = try invocation.values["about"].map { (word) throws(Diagnostic) in
                guard let subject = CaseNote.Subject(rawValue: word.text), [.general, .contact].contains(subject)
                else {
                    throw Diagnostic(
                        .invalidOption, "--about takes general or contact",
                        hint: "a review's content goes with the review: record review KIND --summary TEXT",
                        at: word.location)
                }
                return subject
            }
            guard !detail.isEmpty else {
                throw Diagnostic(
                    .missingArgument, "record note needs its text", hint: "e.g. record note \"phoned; will attend\"",
                    at: invocation.location)
            }
            let text = detail.map(\.text).joined(separator: " ")
            events.append(
                .note(
                    try interpreter.core(invocation) { () throws(StepCareError) in
                        try CaseNote(about ?? .general, text: text)
                    }))
        default:
            throw Diagnostic(
                .invalidOption, "that is not a record kind",
                hint: "kinds: score, attended, no-show, crisis, ed-visit, medication-concern, medication-question, "
                    + "outreach, plan, review, note",
                at: kindWord.location)
        }
        for event in events {
            try interpreter.core(invocation) { () throws(StepCareError) in
                try interpreter.workspace.record(event, on: caseID, at: at)
            }
            interpreter.output.line("\(caseID) \(at): \(CareRendering.text(event))")
            if case .note = event, interpreter.workspace.monitor(caseID)?.state.isDischarged == true {
                interpreter.output.line("  the case is discharged: the note is kept on its closed record")
            }
        }
    }

    /// The note an option carries (`--note`, `--summary`), if given.
    private static func note(
        _ invocation: Invocation, option: String, about subject: CaseNote.Subject
    ) throws(Diagnostic) -> [CaseEventKind] {
        guard let word = invocation.values[option] else { return [] }
        do throws(StepCareError) { return [.note(try CaseNote(subject, text: word.text))] } catch {
            throw Diagnostic(error, at: word.location)
        }
    }

    static func scoreEvent(
        _ detail: [CommandArgument], _ invocation: Invocation, _ interpreter: Interpreter
    ) throws(Diagnostic) -> CaseEventKind {
        guard let id = detail.first else {
            throw Diagnostic(
                .missingArgument, "record score needs an instrument and its answers",
                hint: "e.g. record score phq9 1 2 1 0 0 1 2 1 0", at: invocation.location)
        }
        let instrument = try interpreter.instrument(id, variant: invocation.values["variant"])
        let report = try scoreAnswers(
            instrument, Array(detail.dropFirst()), at: id.location, output: interpreter.output)
        return .administration(AdministrationRecord(report, definition: instrument.definition))
    }

    private static func planEvent(
        _ detail: [CommandArgument], _ invocation: Invocation
    ) throws(Diagnostic) -> CaseEventKind {
        func text(_ option: String) -> String { invocation.values[option]?.text ?? "" }
        if detail.count > 1 {
            throw Diagnostic(
                .unexpectedArgument, "record plan takes its text in options, not as more words",
                hint: "quote the text: --summary \"…\"", at: detail[1].location)
        }
        // Each plan takes its own parts; a part of another plan would be lost, so it is refused.
        let parts: [String: [String]] = [
            "stability": ["warning-signs", "coping", "reaccess", "follow-up"], "safety": ["summary"],
            "step-up": ["safety-actions", "check-ins", "step-down-target"],
        ]
        if let kind = detail.first?.text, let own = parts[kind] {
            for option in parts.values.flatMap({ $0 }).sorted() where !own.contains(option) {
                guard let argument = invocation.values[option] else { continue }
                throw Diagnostic(
                    .invalidOption, "--\(option) does not go with record plan \(kind); it would be lost",
                    hint: "record plan \(kind) takes " + own.map { "--" + $0 }.joined(separator: ", "),
                    at: argument.location)
            }
        }
        switch detail.first?.text {
        case "stability":
            let plan = StabilityPlan(
                earlyWarningSigns: text("warning-signs"), copingActions: text("coping"),
                reaccessRoute: text("reaccess"), followUpSchedule: text("follow-up"))
            guard plan.missingParts.isEmpty else {
                throw Diagnostic(
                    .missingDocumentation,
                    "the stability plan is missing: " + plan.missingParts.joined(separator: ", "),
                    hint: Documentation.stabilityPlan.howToSupply, at: detail.first?.location)
            }
            return .plan(.stability(plan))
        case "safety":
            guard !text("summary").allSatisfy(\.isWhitespace) else {
                throw Diagnostic(
                    .missingDocumentation, "the safety plan needs a summary",
                    hint: Documentation.safetyPlan.howToSupply,
                    at: detail.first?.location)
            }
            return .plan(.safety(summary: text("summary")))
        case "step-up":
            let plan = StepUpPlan(
                safetyActions: text("safety-actions"), checkIns: text("check-ins"),
                stepDownTarget: text("step-down-target"))
            guard plan.missingParts.isEmpty else {
                throw Diagnostic(
                    .missingDocumentation, "the step-up plan is missing: " + plan.missingParts.joined(separator: ", "),
                    hint: Documentation.stepUpPlan.howToSupply, at: detail.first?.location)
            }
            return .plan(.stepUp(plan))
        default:
            throw Diagnostic(
                .invalidOption, "record plan takes stability, safety or step-up",
                hint: "e.g. record plan safety --summary TEXT",
                at: detail.first?.location ?? invocation.location)
        }
    }

    /// An outreach attempt: `outreach METHOD --outcome OUTCOME`, by the acting user.
    private static func outreachEvent(
        _ detail: [CommandArgument], _ invocation: Invocation, _ interpreter: Interpreter
    ) throws(Diagnostic) -> CaseEventKind {
        let methods = OutreachMethod.allCases.map(\.rawValue).joined(separator: ", ")
        guard let word = detail.first else {
            throw Diagnostic(
                .missingArgument, "record outreach needs its method (\(methods))",
                hint: "e.g. record outreach phone --outcome reached", at: invocation.location)
        }
        if detail.count > 1 {
            throw Diagnostic(.unexpectedArgument, "record outreach takes one method", at: detail[1].location)
        }
        guard let method = try Interpreter.code(word, OutreachMethod.self, option: "method") else {
            preconditionFailure("a method word was given")
        }
        guard let outcome = try Interpreter.code(invocation.values["outcome"], OutreachOutcome.self, option: "outcome")
        else {
            throw Diagnostic(
                .missingArgument, "record outreach needs --outcome OUTCOME",
                hint: "outcomes: " + OutreachOutcome.allCases.map(\.rawValue).joined(separator: ", "),
                at: invocation.location)
        }
        return .outreach(method: method, outcome: outcome, by: try interpreter.requiredActor(invocation))
    }

    /// A structured or supervisor review event; a risk review goes through the engine (rights) and is stored
    /// there, so `nil` comes back.
    private static func reviewEvent(
        _ detail: [CommandArgument], _ invocation: Invocation, _ interpreter: Interpreter, caseID: String, at: Instant
    ) throws(Diagnostic) -> CaseEventKind? {
        guard let word = detail.first, let kind = ReviewKind(rawValue: word.text) else {
            throw Diagnostic(
                .invalidOption, "record review takes structured, supervisor or risk",
                hint: "e.g. record review risk --as clinician:ana", at: detail.first?.location ?? invocation.location)
        }
        let actor = try interpreter.requiredActor(invocation)
        guard kind == .risk else { return .review(kind, by: actor) }
        let request = MoveRequest(
            .clearRiskFlag, by: actor, coSigner: try interpreter.actor(invocation, option: "cosign"), at: at)
        let outcome = try interpreter.core(invocation) { () throws(StepCareError) in
            try interpreter.workspace.decide(request, on: caseID)
        }
        interpreter.output.line("\(caseID) \(at): risk review by \(actor)")
        outcome.trace.forEach { interpreter.output.line("  \($0)") }
        return nil
    }
}
