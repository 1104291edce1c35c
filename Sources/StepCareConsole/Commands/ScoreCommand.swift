import StepCareCore
import StepCareDataDefined
import StepCareJSON
import StepCareReports

extension CommandSpec {
    /// `score ID ANSWER…`: score one administration.
    static let score = CommandSpec(
        name: "score", abstract: "Score an instrument from its answers",
        discussion: "Give one answer per item, in item order: the points of the chosen option (or its key, such as "
            + "y or n), - for an item that was not answered, or n/a for an item that does not apply to the person "
            + "(only items that allow it, such as PHQ-15 item 4). Prints the total, the severity band, every named "
            + "cut-off rule, subscales and risk flags. Risk items are read even when the form is incomplete; an "
            + "unanswered risk item raises its own flag. --variant picks a published variant (see describe); "
            + "--missing picks a prorating policy a service has chosen for an instrument that publishes none. "
            + "--json prints one JSON object instead.",
        arguments: [
            ArgumentSpec("ID", "an instrument id, e.g. phq9", completion: .instrument),
            ArgumentSpec("ANSWER", "the answers, one per item", arity: .oneOrMore),
        ],
        options: [
            OptionSpec("variant", value: "VARIANT", "Score a named variant instead of the default"),
            OptionSpec("missing", value: "POLICY", "Use a service-chosen missing-item policy: prorate-one"),
            OptionSpec("json", "Print the report as one line of JSON"),
        ],
        examples: [
            "score phq9 1 2 1 0 0 1 2 1 0", "score gad7 3 3 2 2 1 1 0 --json", "score phq9 1 1 - 0 0 0 0 0 0",
            "score k10 --variant us-abs 1 1 2 0 0 1 3 0 1 2", "score dast10 n n y n n n n n n n",
        ]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let instrument = try interpreter.instrument(invocation.positionals[0], variant: invocation.values["variant"])
        let policy = try missingPolicy(invocation.values["missing"], for: instrument.definition)
        let answers = Array(invocation.positionals.dropFirst())
        let report = try scoreAnswers(
            instrument, answers, missingItems: policy, at: invocation.location, output: interpreter.output)
        if invocation.flag("json") {
            interpreter.output.line(ReportRendering.json(report).serialized)
        } else {
            interpreter.output.write(ReportRendering.text(report, definition: instrument.definition))
        }
    }

    /// The service-chosen policy named by `argument`, if any.
    static func missingPolicy(
        _ argument: CommandArgument?, for definition: InstrumentDefinition
    ) throws(Diagnostic) -> MissingItemPolicy? {
        guard let argument else { return nil }
        do {
            return try MissingItemPolicy.serviceChoice(argument.text, for: definition)
        } catch {
            throw Diagnostic(error, at: argument.location)
        }
    }

    /// Parses answer words into responses, locating any error at the offending word.
    static func responses(
        _ answers: [CommandArgument], for definition: InstrumentDefinition
    ) throws(Diagnostic) -> [ItemResponse] {
        do {
            return try Scoring.responses(answers.map(\.text), for: definition)
        } catch {
            throw Diagnostic(error.error, at: answers[error.index].location)
        }
    }

    /// Parses answer words and scores them, locating any error at the offending word.
    ///
    /// A form that cannot be scored still has its readable risk answers read: their flags are written to
    /// `output` before the error, and the error says so.
    static func scoreAnswers(
        _ instrument: any Instrument, _ answers: [CommandArgument], missingItems: MissingItemPolicy? = nil,
        at location: SourceLocation?, output: any TextOutput
    ) throws(Diagnostic) -> ScoreReport {
        do throws(Diagnostic) {
            let responses = try responses(answers, for: instrument.definition)
            do {
                return try instrument.score(responses: responses, missingItems: missingItems)
            } catch {
                let word = error.item.flatMap { answers.indices.contains($0 - 1) ? answers[$0 - 1] : nil }
                throw Diagnostic(error, at: word?.location ?? answers.last?.location ?? location)
            }
        } catch {
            let risk = Scoring.readableRiskText(answers.map(\.text), instrument: instrument)
            guard !risk.isEmpty else { throw error }
            output.write(risk)
            var refused = error
            refused.message += "; its readable risk answers still raise the flags shown above"
            throw refused
        }
    }
}
