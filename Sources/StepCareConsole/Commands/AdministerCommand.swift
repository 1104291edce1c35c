import StepCareCore
import StepCareReports

extension CommandSpec {
    /// `administer ID`: ask the items one by one.
    static let administer = CommandSpec(
        name: "administer", abstract: "Ask an instrument's items one by one, then score them",
        discussion: "Shows each item with its options and reads the answer: the option's points or key (such as y "
            + "or n), - to leave the item unanswered, or n/a where the item allows it. Skip rules are followed "
            + "(C-SSRS questions 3–5 only after a yes to question 2; the AUDIT interview skips). An invalid answer "
            + "is explained and the item asked again. Ctrl-C cancels the administration and nothing is scored. The "
            + "report is the same as score's.",
        arguments: [ArgumentSpec("ID", "an instrument id, e.g. gad7", completion: .instrument)],
        options: [OptionSpec("variant", value: "VARIANT", "Administer a named variant instead of the default")],
        examples: ["administer phq9", "administer cssrs"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let instrument = try interpreter.instrument(invocation.positionals[0], variant: invocation.values["variant"])
        let definition = instrument.definition
        let riskItems = Set(definition.riskRules.map(\.item))
        interpreter.output.line(
            "\(definition.shortName): \(definition.title). Recall period: \(definition.recallPeriod).")
        var responses: [ItemResponse] = []
        for item in definition.items {
            interpreter.output.line()
            if let rule = skipping(item.number, definition: definition, answers: responses) {
                interpreter.output.line("\(item.number)/\(definition.items.count). Skipped: \(rule.text)")
                responses.append(.notAnswered)
                continue
            }
            interpreter.output.line("\(item.number)/\(definition.items.count). \(item.text)")
            interpreter.output.line("   " + InstrumentSheet.describeOptions(item.options))
            asking: while true {
                switch interpreter.readLine(prompt: "answer> ") {
                case .interrupted:
                    interpreter.output.line("Administration cancelled; nothing was scored.")
                    return
                case .endOfInput:
                    throw Diagnostic(
                        .missingArgument,
                        "the input ended during administer after \(responses.count) of \(definition.items.count) items; "
                            + "nothing was scored",
                        hint: "answer every item, using - for one that was not answered", at: invocation.location)
                case .line(let raw):
                    guard let response = ItemResponse(word: raw.trimmingWhitespace(), item: item),
                        item.accepts(response)
                    else {
                        interpreter.output.line("   Please answer \(item.answerChoices).")
                        continue asking
                    }
                    if response == .notAnswered, riskItems.contains(item.number) {
                        interpreter.output.line(
                            "   Item \(item.number) is a risk item: leaving it unanswered raises a risk flag.")
                    }
                    responses.append(response)
                    break asking
                }
            }
        }
        interpreter.output.line()
        let report: ScoreReport
        do throws(StepCareError) {
            report = try instrument.score(responses: responses)
        } catch {
            throw Diagnostic(error, at: invocation.location)
        }
        interpreter.output.write(ReportRendering.text(report, definition: definition))
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

extension Item {
    /// Whether `response` is one this item can take.
    func accepts(_ response: ItemResponse) -> Bool {
        switch response {
        case .answered(let value): option(scoring: value) != nil
        case .notAnswered: true
        case .notApplicable: notApplicableFor != nil
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
