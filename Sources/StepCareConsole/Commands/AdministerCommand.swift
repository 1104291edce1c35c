import StepCareCore
import StepCareEngine
import StepCareReports
import StepCareService

extension CommandSpec {
    /// `administer ID`: ask the items one by one.
    static let administer = CommandSpec(
        name: "administer", abstract: "Ask an instrument's items one by one, score them and record them on the case",
        discussion: "Shows each item with its options and reads the answer: the option's points or key (such as y "
            + "or n), - to leave the item unanswered, n/a where the item allows it, or < to go back to the previous "
            + "item. Skip rules are followed (C-SSRS questions 3–5 only after a yes to question 2; the AUDIT "
            + "interview skips). An invalid answer is explained and the item asked again. With a case open (or "
            + "--case ID) the administration is recorded on it exactly as record score would, risk flags included, "
            + "in one transaction; with no case, or with --score-only, it is scored and nothing is recorded, and "
            + "the report says so. Ctrl-C discards the form: nothing is scored or recorded.",
        arguments: [ArgumentSpec("ID", "an instrument id, e.g. gad7", completion: .instrument)],
        options: [
            OptionSpec("variant", value: "VARIANT", "Administer a named variant instead of the default"),
            OptionSpec("case", value: "ID", "The case to record it on (default: the current case)"),
            OptionSpec("at", value: "DATE", "When it was administered (default: the session clock)"),
            OptionSpec("score-only", "Score the answers without recording them"),
        ],
        examples: ["administer phq9", "administer cssrs --case C004", "administer gad7 --score-only"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let instrument = try interpreter.instrument(invocation.positionals[0], variant: invocation.values["variant"])
        let definition = instrument.definition
        // Where it goes is settled before the first item, so a wrong case or date costs no retyping.
        let recordOn: (caseID: String, at: Instant)? =
            invocation.flag("score-only")
                || (invocation.values["case"] == nil && interpreter.workspace.currentCase == nil)
            ? nil : (try interpreter.caseID(invocation), try interpreter.time(invocation))
        if let recordOn {
            try interpreter.core(invocation) { () throws(StepCareError) in
                try interpreter.workspace.requireLoginToChange()
                // A form dated before the case's latest event would be refused after every item was asked.
                if let last = interpreter.workspace.caseload.cases[recordOn.caseID]?.lastEventAt, recordOn.at < last {
                    throw StepCareError(
                        .datesOutOfOrder,
                        "the form would be dated \(recordOn.at), before the case's latest event (\(last))",
                        hint: "leave out --at, or give \(last) or later", field: "at")
                }
            }
        }
        interpreter.output.line(
            "\(definition.shortName): \(definition.title). Recall period: \(definition.recallPeriod)."
                + (recordOn.map { " Recording on \($0.caseID)." } ?? " Scoring only: nothing will be recorded."))
        guard let responses = try askItems(definition, invocation, interpreter) else {
            interpreter.output.line(
                "Administration cancelled; nothing was " + (recordOn == nil ? "scored." : "scored or recorded."))
            return
        }
        interpreter.output.line()
        let report: ScoreReport
        do throws(StepCareError) {
            report = try instrument.score(responses: responses)
        } catch {
            throw Diagnostic(error, at: invocation.location)
        }
        guard let recordOn else {
            interpreter.output.write(ReportRendering.text(report, definition: definition))
            interpreter.output.line(
                invocation.flag("score-only")
                    ? "Not recorded (--score-only)."
                    : "Not recorded: no case is open (open one with case new, or give --case ID).")
            return
        }
        let event = CaseEventKind.administration(AdministrationRecord(report, definition: definition))
        try interpreter.core(invocation) { () throws(StepCareError) in
            try interpreter.workspace.record(event, on: recordOn.caseID, at: recordOn.at)
        }
        interpreter.output.write(ReportRendering.text(report, definition: definition))
        interpreter.output.line("Recorded on \(recordOn.caseID) at \(recordOn.at).")
    }

    /// Asks every item in order, following skip rules; `<` goes back to the previous item asked.
    ///
    /// - Returns: the responses, or `nil` when the form was cancelled with Ctrl-C.
    private static func askItems(
        _ definition: InstrumentDefinition, _ invocation: Invocation, _ interpreter: Interpreter
    ) throws(Diagnostic) -> [ItemResponse]? {
        let riskItems = Set(definition.riskRules.map(\.item))
        var responses: [ItemResponse] = []
        var asked: [Int] = []  // the numbers of the items asked (not skipped), in order
        var showItem = true  // false while the same item is asked again after an invalid answer
        while responses.count < definition.items.count {
            let item = definition.items[responses.count]
            if showItem {
                interpreter.output.line()
                if let rule = skipping(item.number, definition: definition, answers: responses) {
                    interpreter.output.line("\(item.number)/\(definition.items.count). Skipped: \(rule.text)")
                    responses.append(.notAnswered)
                    continue
                }
                interpreter.output.line("\(item.number)/\(definition.items.count). \(item.text)")
                interpreter.output.line("   " + InstrumentSheet.describeAnswers(item))
                if let who = item.notApplicableFor { interpreter.output.line("   n/a if it does not apply (\(who))") }
            }
            showItem = true
            switch interpreter.readLine(prompt: "answer> ") {
            case .interrupted:
                return nil
            case .endOfInput:
                throw Diagnostic(
                    .missingArgument,
                    "the input ended during administer after \(responses.count) of \(definition.items.count) items; "
                        + "nothing was scored or recorded",
                    hint: "answer every item, using - for one that was not answered", at: invocation.location)
            case .tooLong:
                interpreter.output.line(
                    "   That line was too long. Please answer \(item.answerChoices), or < to go back.")
                showItem = false
            case .line(let raw):
                let word = raw.trimmingWhitespace()
                if word == "<" {
                    guard let previous = asked.popLast() else {
                        interpreter.output.line("   This is the first item.")
                        showItem = false
                        continue
                    }
                    responses.removeSubrange((previous - 1)...)  // back to it, undoing any skips after it
                    continue
                }
                guard let response = ItemResponse(word: word, item: item), item.accepts(response) else {
                    interpreter.output.line("   Please answer \(item.answerChoices), or < to go back.")
                    showItem = false
                    continue
                }
                if response == .notAnswered, riskItems.contains(item.number) {
                    interpreter.output.line(
                        "   Item \(item.number) is a risk item: leaving it unanswered raises a risk flag.")
                }
                responses.append(response)
                asked.append(item.number)
            }
        }
        return responses
    }

    /// The skip rule that skips `item`, given the answers so far, if any.
    static func skipping(_ item: Int, definition: InstrumentDefinition, answers: [ItemResponse]) -> SkipRule? {
        definition.skipRules.first { rule in
            guard rule.skippedItems.contains(item) else { return false }
            var total = 0
            for number in rule.conditionItems {
                guard answers.indices.contains(number - 1), let value = answers[number - 1].value else { return false }
                total += value
            }
            return total == rule.conditionTotal
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and carriage returns.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
