import Foundation
import StepCareConsole
import StepCareCore
import StepCareDataDefined
import StepCareRegistry
import StepCareReports
import StepCareTesting
import Testing

@Suite struct DataDefinedInstrumentTests {
    static let examples = StepCareRoot.path + "/Examples/instruments"

    func definition(_ edit: (inout String) -> Void = { _ in }) throws -> String {
        var text = try ScriptFile.read(Self.examples + "/demo4.json")
        edit(&text)
        return text
    }

    func load(_ text: String) throws(StepCareError) -> DataDefinedInstrument {
        try DataDefinedInstrument(json: Array(text.utf8))
    }

    @Test func theJSONGAD7ScoresExactlyAsTheCompiledModuleOnEveryAnswerSet() throws {
        let json = try DefinitionFiles.load(Self.examples + "/gad7-data-defined.json")
        let compiled = try Registry.builtIn().instrument("gad7")
        #expect(Conformance.verify(json) == [])
        func summary(_ report: ScoreReport?) -> String {
            guard let report else { return "refused" }
            let positive = report.cutOffs.filter(\.isPositive).map(\.rule.id)
            return "\(report.total.map(\.description) ?? "-") \(report.band?.label ?? "-") \(positive)"
        }
        var count = 0
        var mismatches: [[Int]] = []
        AnswerSets.forEach(in: compiled.definition) { values in
            count += 1
            if summary(try? json.score(values: values)) != summary(try? compiled.score(values: values)) {
                mismatches.append(values)
            }
        }
        #expect(count == 16_384)
        #expect(mismatches.prefix(5) == [])
    }

    @Test func theTrainingExamplePassesTheKitAndReversesItsItem() throws {
        let demo = try load(definition())
        #expect(Conformance.verify(demo) == [])
        #expect(demo.definition.items[1].options.map(\.value) == [2, 1, 0])
        #expect(demo.definition.items[1].isReversed)
        let report = try demo.score(responses: [.answered(2), .notAnswered, .answered(1), .answered(2)])
        #expect(report.total == 7)  // round(5 / 3 × 4)
        #expect(report.flags.map(\.ruleID) == ["demo4-item4"])
    }

    @Test(arguments: [
        ("\"recallPeriod\"", "\"recallPeriode\"", "field recallPeriode is not a field of this object"),
        ("\"kind\": \"symptom\"", "\"kind\": \"mood\"", "field kind must be one of symptom, functional"),
        (
            "{\"value\": 2, \"label\": \"Often\"", "{\"value\": \"2\", \"label\": \"Often\"",
            "field options[2].value must be a whole number"
        ),
        (
            "\"urgency\": \"same-day\"", "\"urgency\": \"soon\"",
            "field riskItems[0].urgency must be one of routine, same-day, immediate"
        ),
        ("\"title\": \"Four-item training scale (not a clinical instrument)\",", "", "field title is required"),
        ("{\"min\": 3, \"max\": 5", "{\"min\": 5, \"max\": 3", "field bands[1].max must not be below min"),
        (
            "\"atLeast\": 4,", "\"atLeast\": 4, \"atMost\": 5,",
            "field cutOffs[0] needs exactly one of atLeast and atMost"
        ),
        (
            "\"format\": \"stepcare-instrument/1\"", "\"format\": \"v2\"",
            "field format must be \"stepcare-instrument/1\""
        ),
        ("\"items\": [", "\"items\": [,", "the definition is not valid JSON (line 14, column 13: expected a value"),
        (
            "\"key\": \"sometimes\"", "\"key\": \"NEVER\"",
            "field options[1].key is another option's key too (keys are compared ignoring case)"
        ),
    ])
    func aBadFieldIsNamed(original: String, replacement: String, message: String) throws {
        let text = try definition { $0 = $0.replacingOccurrences(of: original, with: replacement) }
        #expect(text != (try definition()), "the edit must change the file")
        let error = try #require(failure { () throws(StepCareError) in _ = try load(text) })
        #expect(error.message.hasPrefix(message), "got: \(error.message)")
        #expect(error.code == .invalidDefinition)
    }

    @Test func theRegistryRefusesOverlappingBandsAndDuplicateIDsNamingTheCheck() throws {
        let registry = try Registry.builtIn()
        let overlapping = try load(definition { $0 = $0.replacingOccurrences(of: "\"min\": 3", with: "\"min\": 2") })
        let overlap = try #require(
            failure { () throws(StepCareError) in _ = try DefinitionFiles.register([overlapping], in: registry) })
        #expect(overlap.message.contains("failed check bands-partition-range"))
        #expect(overlap.message.contains("overlap at 2"))
        let clash = try load(
            definition { $0 = $0.replacingOccurrences(of: "\"id\": \"demo4\"", with: "\"id\": \"phq9\"") })
        let duplicate = try #require(
            failure { () throws(StepCareError) in _ = try DefinitionFiles.register([clash], in: registry) })
        #expect(duplicate.message.contains("failed check unique-id"))
        let everyone = try load(
            definition {
                $0 = $0.replacingOccurrences(of: "\"item\": 4, \"atLeast\": 1", with: "\"item\": 4, \"atLeast\": 0")
            })
        let flagsAll = try #require(
            failure { () throws(StepCareError) in _ = try DefinitionFiles.register([everyone], in: registry) })
        #expect(flagsAll.message.contains("failed check risk-rules-reachable"), "\(flagsAll.message)")
        #expect(flagsAll.message.contains("would flag every client"))
    }
}

/// The error `body` throws, or `nil` when it succeeds.
func failure(_ body: () throws(StepCareError) -> Void) -> StepCareError? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}

/// The repository root, found from this file's path.
enum StepCareRoot {
    static let path: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()
}
