public import StepCareCore
import StepCareDataDefined
import StepCareJSON

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
        let report = try scoreAnswers(instrument, answers, missingItems: policy, at: invocation.location)
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
    static func scoreAnswers(
        _ instrument: any Instrument, _ answers: [CommandArgument], missingItems: MissingItemPolicy? = nil,
        at location: SourceLocation?
    ) throws(Diagnostic) -> ScoreReport {
        let responses = try responses(answers, for: instrument.definition)
        do {
            return try instrument.score(responses: responses, missingItems: missingItems)
        } catch {
            let word = error.item.flatMap { answers.indices.contains($0 - 1) ? answers[$0 - 1] : nil }
            throw Diagnostic(error, at: word?.location ?? answers.last?.location ?? location)
        }
    }
}

extension ItemResponse {
    /// The response a typed word stands for: `-` not answered, `n/a` not applicable, a value or an option key.
    ///
    /// A number is taken as given, so a value the item does not offer is reported by the instrument check.
    init?(word: String, item: Item?) {
        if let value = Int(word) {
            self = .answered(value)
            return
        }
        switch word.lowercased() {
        case "-": self = .notAnswered
        case "n/a", "na": self = .notApplicable
        default:
            guard let option = item?.option(answeredAs: word) else { return nil }
            self = .answered(option.value)
        }
    }
}

extension Item {
    /// What may be typed for the item, e.g. `0, 1, 2 or 3, or - if not answered`.
    var answerChoices: String {
        valueChoices + (notApplicableFor.map { ", n/a if it does not apply (\($0))" } ?? "")
            + ", or - if not answered"
    }
}

/// Scoring as a use case for any front end: typed answer words to a report, with no session and no database.
public enum Scoring {
    /// An answer word that is not an answer, with its position.
    public struct BadAnswer: Error {
        /// The 0-based position of the word.
        public var index: Int
        /// What is wrong with it.
        public var error: StepCareError
    }

    /// The responses the words stand for.
    ///
    /// - Throws: ``BadAnswer`` naming the first word that is not a number, `-`, `n/a` or an option's key.
    public static func responses(
        _ words: [String], for definition: InstrumentDefinition
    ) throws(BadAnswer)
        -> [ItemResponse]
    {
        var responses: [ItemResponse] = []
        for (index, word) in words.enumerated() {
            let item = definition.items.indices.contains(index) ? definition.items[index] : nil
            guard let response = ItemResponse(word: word, item: item) else {
                throw BadAnswer(
                    index: index,
                    error: StepCareError(
                        .invalidAnswer, "answer \(index + 1) is not a number or an option's key",
                        hint: item.map { "item \($0.number) accepts \($0.answerChoices)" }
                            ?? "answers are numbers, or - for an item that was not answered"))
            }
            responses.append(response)
        }
        return responses
    }

    /// Scores `answers` on the instrument `id` (its `variant`, with a service-chosen `missing` policy).
    public static func score(
        _ id: String, variant: String?, missing: String?, answers: [String], registry: Registry
    ) throws(StepCareError) -> (report: ScoreReport, definition: InstrumentDefinition) {
        let instrument = try registry.instrument(id, variant: variant)
        let policy = try missing.map { (name: String) throws(StepCareError) in
            try MissingItemPolicy.serviceChoice(name, for: instrument.definition)
        }
        let responses: [ItemResponse]
        do { responses = try Self.responses(answers, for: instrument.definition) } catch { throw error.error }
        return (try instrument.score(responses: responses, missingItems: policy), instrument.definition)
    }

    /// The report as the REPL prints it, or as one line of JSON.
    public static func rendered(_ report: ScoreReport, definition: InstrumentDefinition, json: Bool) -> String {
        json ? ReportRendering.json(report).serialized + "\n" : ReportRendering.text(report, definition: definition)
    }
}
