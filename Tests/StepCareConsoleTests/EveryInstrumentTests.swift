import StepCareConsole
import StepCareCore
import StepCareRegistry
import StepCareReports
import StepCareTesting
import Testing

/// `describe`, `score` and `administer` work for every registered instrument and variant, and the console
/// reports exactly what the instrument scores.
@Suite struct EveryInstrumentTests {
    static let registry: Registry = {
        do { return try Registry.builtIn() } catch { fatalError("\(error)") }
    }()
    static let cases: [String] = registry.instruments.map {
        $0.definition.id + ($0.definition.variant.map { " --variant \($0.id)" } ?? "")
    }

    func run(_ source: String, input: [String] = []) throws -> String {
        let output = StringOutput()
        let interpreter = Interpreter(registry: Self.registry, output: output, input: QueuedInput(input))
        try interpreter.run(try Parser.parse(source))
        return output.text
    }

    /// The answer sets tried: every item at its lowest option, and at its highest, with skipped items blank.
    func answerSets(_ definition: InstrumentDefinition) -> [[ItemResponse]] {
        let lowest = definition.items.map { $0.options.map(\.value).min() ?? 0 }
        let highest = definition.items.map { $0.options.map(\.value).max() ?? 0 }
        return [lowest, highest].map { AnswerSets.asked($0, in: definition) }
    }

    /// The word typed for `response` to `item`: its score, or, for an item typed as the form's column (CORE-10
    /// items 2 and 3), the column of the option with that score.
    func word(_ response: ItemResponse, _ item: Item) -> String {
        guard let value = response.value else { return "-" }
        guard item.typedAsColumn, let column = item.options.firstIndex(where: { $0.value == value }) else {
            return String(value)
        }
        return String(column)
    }

    /// The answers `administer` asks for, in order: an item a skip rule leaves out is not asked.
    func administered(_ responses: [ItemResponse], _ definition: InstrumentDefinition) -> [String] {
        var words: [String] = []
        for (index, response) in responses.enumerated() {
            let skipped = definition.skipRules.contains { rule in
                rule.skippedItems.contains(index + 1)
                    && rule.conditionItems.map { responses[$0 - 1].value ?? -1_000 }.reduce(0, +) == rule.conditionTotal
            }
            if !skipped { words.append(word(response, definition.items[index])) }
        }
        return words
    }

    @Test(arguments: cases)
    func describeShowsEveryItemAndTheLicence(command: String) throws {
        let instrument = try Self.registry.instrument(
            String(command.prefix { $0 != " " }),
            variant: command.split(separator: " ").dropFirst(2).first.map(String.init))
        let text = try run("describe \(command)")
        #expect(text.hasPrefix(instrument.definition.shortName + " — "))
        for item in instrument.definition.items { #expect(text.contains("\(item.number). \(item.text)")) }
        #expect(text.contains("Licence: \(instrument.definition.licence.status.rawValue)"))
    }

    @Test(arguments: cases)
    func scoreAndAdministerReportWhatTheInstrumentScores(command: String) throws {
        let instrument = try Self.registry.instrument(
            String(command.prefix { $0 != " " }),
            variant: command.split(separator: " ").dropFirst(2).first.map(String.init))
        for responses in answerSets(instrument.definition) {
            let words = zip(responses, instrument.definition.items).map { word($0, $1) }.joined(separator: " ")
            let expected = try instrument.score(responses: responses)
            let json = try run("score \(command) \(words) --json")
            let total = expected.total.map { "\"total\":\($0)," } ?? "\"total\":null,"
            #expect(json.contains(total), "\(command) \(words)")
            #expect(json.contains("\"band\":" + (expected.band.map { "\"\($0.label)\"" } ?? "null")))
            let text = try run("score \(command) \(words)")
            let administered = try run("administer \(command)", input: administered(responses, instrument.definition))
            let unrecorded = "Not recorded: no case is open (open one with case new, or give --case ID).\n"
            #expect(administered.hasSuffix("\n\n" + text + unrecorded), "administer \(command) with \(words)")
        }
    }
}
