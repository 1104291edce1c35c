public import StepCareCore
import StepCareJSON

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

    /// Each answer word read against its item; `nil` for a word that is no answer.
    public static func answers(_ words: [String], for definition: InstrumentDefinition) -> [ItemResponse?] {
        words.enumerated().map { index, word in
            ItemResponse(word: word, item: definition.items.indices.contains(index) ? definition.items[index] : nil)
        }
    }

    /// The risk flags that the readable answers among `words` raise when the form cannot be scored, as
    /// `RISK FLAG` lines under a heading that says why; empty when there are none.
    public static func readableRiskText(_ words: [String], instrument: any Instrument) -> String {
        let definition = instrument.definition
        let flags = instrument.readableRiskFlags(answers(words, for: definition))
        guard !flags.isEmpty else { return "" }
        return "\(definition.shortName) NOT SCORED (see the error); its readable risk answers still raise:\n"
            + ReportRendering.flagLines(flags, definition: definition).joined(separator: "\n") + "\n"
    }

    /// The report as the REPL prints it, or as one line of JSON.
    public static func rendered(_ report: ScoreReport, definition: InstrumentDefinition, json: Bool) -> String {
        json ? ReportRendering.json(report).serialized + "\n" : ReportRendering.text(report, definition: definition)
    }
}

extension ItemResponse {
    /// The response a typed word stands for: `-` not answered, `n/a` not applicable, a value or an option key.
    ///
    /// A number is taken as given, so a value the item does not offer is reported by the instrument check.
    package init?(word: String, item: Item?) {
        if let value = Int(word) {
            if let item, item.typedAsColumn {
                // The column on the form, counted from 0; the option there carries the score.
                guard item.options.indices.contains(value) else { return nil }
                self = .answered(item.options[value].value)
            } else {
                self = .answered(value)
            }
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
    package var answerChoices: String {
        valueChoices + (notApplicableFor.map { ", n/a if it does not apply (\($0))" } ?? "")
            + ", or - if not answered"
    }
}
