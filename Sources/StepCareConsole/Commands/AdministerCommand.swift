import StepCareCore

extension CommandSpec {
    /// `administer ID`: ask the items one by one.
    static let administer = CommandSpec(
        name: "administer", abstract: "Ask an instrument's items one by one, then score them",
        discussion: "Shows each item with its options and reads the answer: the option's points, or - to leave "
            + "the item unanswered. An invalid answer is explained and the item asked again. Ctrl-C cancels the "
            + "administration and nothing is scored. The report is the same as score's.",
        arguments: [ArgumentSpec("ID", "an instrument id, e.g. gad7", completion: .instrument)],
        examples: ["administer phq9"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let instrument = try interpreter.instrument(invocation.positionals[0])
        let definition = instrument.definition
        let riskItems = Set(definition.riskRules.map(\.item))
        interpreter.output.line("\(definition.shortName): \(definition.title). Over the \(definition.recallPeriod):")
        var responses: [ItemResponse] = []
        for item in definition.items {
            interpreter.output.line()
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
                    let text = raw.trimmingWhitespace()
                    if text == "-" {
                        if riskItems.contains(item.number) {
                            interpreter.output.line(
                                "   Item \(item.number) is a risk item: leaving it unanswered raises a risk flag.")
                        }
                        responses.append(.notAnswered)
                        break asking
                    }
                    if let value = Int(text), item.option(scoring: value) != nil {
                        responses.append(.answered(value))
                        break asking
                    }
                    interpreter.output.line("   Please answer \(item.valueChoices), or - if not answered.")
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
