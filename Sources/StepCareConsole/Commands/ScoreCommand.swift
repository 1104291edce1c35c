import StepCareCore

extension CommandSpec {
    /// `score ID ANSWER…`: score one administration.
    static let score = CommandSpec(
        name: "score", abstract: "Score an instrument from its answers",
        discussion: "Give one answer per item, in item order: the points of the chosen option, or - for an item "
            + "that was not answered. Prints the total, the severity band, every named cut-off rule, and risk "
            + "flags. Risk items are read even when the form is incomplete; an unanswered risk item raises its own "
            + "flag. --json prints one JSON object instead.",
        arguments: [
            ArgumentSpec("ID", "an instrument id, e.g. phq9", completion: .instrument),
            ArgumentSpec("ANSWER", "the answers, one per item", arity: .oneOrMore),
        ],
        options: [OptionSpec("json", "Print the report as one line of JSON")],
        examples: ["score phq9 1 2 1 0 0 1 2 1 0", "score gad7 3 3 2 2 1 1 0 --json", "score phq9 1 1 - 0 0 0 0 0 0"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let instrument = try interpreter.instrument(invocation.positionals[0])
        let answers = Array(invocation.positionals.dropFirst())
        let report = try scoreAnswers(instrument, answers, at: invocation.location)
        if invocation.flag("json") {
            interpreter.output.line(ReportRendering.json(report).serialized)
        } else {
            interpreter.output.write(ReportRendering.text(report, definition: instrument.definition))
        }
    }

    /// Parses answer words and scores them, locating any error at the offending word.
    static func scoreAnswers(
        _ instrument: any Instrument, _ answers: [CommandArgument], at location: SourceLocation?
    )
        throws(Diagnostic) -> ScoreReport
    {
        let definition = instrument.definition
        var responses: [ItemResponse] = []
        for (index, answer) in answers.enumerated() {
            if answer.text == "-" {
                responses.append(.notAnswered)
            } else if let value = Int(answer.text) {
                responses.append(.answered(value))
            } else {
                let item = definition.items.indices.contains(index) ? definition.items[index] : nil
                throw Diagnostic(
                    .invalidAnswer, "answer \(index + 1) is not a number",
                    hint: item.map { "item \($0.number) accepts \($0.valueChoices), or - if not answered" }
                        ?? "answers are numbers, or - for an item that was not answered",
                    at: answer.location)
            }
        }
        do {
            return try instrument.score(responses: responses)
        } catch {
            let word = error.item.flatMap { answers.indices.contains($0 - 1) ? answers[$0 - 1] : nil }
            throw Diagnostic(error, at: word?.location ?? answers.last?.location ?? location)
        }
    }
}
