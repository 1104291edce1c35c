import StepCareCore
import StepCareReports
import StepCareService

extension CommandSpec {
    /// `correct NUMBER --reason TEXT [score ID ANSWER…]`: mark a record entered in error.
    static let correct = CommandSpec(
        name: "correct", abstract: "Mark a record entered in error, with a reason, optionally replacing it",
        discussion: "NUMBER is the record's number in timeline. Nothing is erased: the record stays in the store "
            + "and the audit log, timeline shows it marked, and the rules, metrics and outcomes read the corrected "
            + "history. A replacement follows the number as record takes it (score ID ANSWER…, attended, no-show, "
            + "crisis, ed-visit, medication-concern) and keeps the original's date; it must be the same kind. "
            + "Decisions (the referral, moves, waitlisting, handovers, discharge, risk reviews) cannot be marked "
            + "in error: a decision is reversed by another decision. Withdrawing a record that raised a risk flag "
            + "needs the clear-risk-flag right.",
        arguments: [
            ArgumentSpec("NUMBER", "the record's number in timeline"),
            ArgumentSpec("REPLACEMENT", "what it should have said, as record takes it", arity: .zeroOrMore),
        ],
        options: [
            OptionSpec("reason", value: "TEXT", "Why it was entered in error (required)"),
            OptionSpec("case", value: "ID", "The case (default: the current case)", completion: .caseID),
            OptionSpec("as", value: "ROLE:ID", "Who corrects it (default: the logged-in user)", completion: .actor),
            OptionSpec("variant", value: "ID", "A named variant of the replacement's instrument (score)"),
        ],
        examples: [
            "correct 3 --reason \"scored the wrong client's form\"",
            "correct 3 --reason \"item 4 mistyped\" score gad7 1 1 1 0 1 1 1",
        ],
        writes: .records
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let numberWord = invocation.positionals[0]
        guard numberWord.text.allSatisfy({ ("0"..."9").contains($0) }), let number = Int(numberWord.text), number >= 1,
            number <= 1_000_000
        else {
            throw Diagnostic(
                .invalidOption, "a record number is a whole number from 1",
                hint: "give the number timeline shows, e.g. correct 3 --reason TEXT", at: numberWord.location)
        }
        let caseID = try interpreter.caseID(invocation)
        let actor = try interpreter.requiredActor(invocation)
        let words = Array(invocation.positionals.dropFirst())
        var replacement: CaseEventKind?
        if let kind = words.first {
            let simple: [String: CaseEventKind] = [
                "attended": .contact(attended: true), "no-show": .contact(attended: false), "crisis": .crisisContact(),
                "ed-visit": .emergencyVisit(), "medication-concern": .medicationConcern,
            ]
            if kind.text == "score" {
                replacement = try scoreEvent(Array(words.dropFirst()), invocation, interpreter)
            } else if let event = simple[kind.text], words.count == 1 {
                replacement = event
            } else {
                throw Diagnostic(
                    .invalidOption, "a replacement is score ID ANSWER… or a contact kind",
                    hint: "to replace another kind, mark the record in error and record the right one",
                    at: kind.location)
            }
        }
        var bound = invocation
        bound.values["number"] = numberWord
        if let first = words.first { bound.values["replacement"] = first }
        try interpreter.core(bound) { () throws(StepCareError) in
            try interpreter.workspace.correct(
                number, on: caseID, reason: invocation.values["reason"]?.text ?? "", replacement: replacement,
                by: actor)
        }
        interpreter.output.line(
            "\(caseID): record \(number) marked entered in error"
                + (replacement.map { "; replaced by: " + CareRendering.text($0) } ?? ""))
    }
}
