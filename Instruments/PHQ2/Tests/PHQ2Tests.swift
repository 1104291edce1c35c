import PHQ2
import StepCareCore
import StepCareTesting
import Testing

@Suite struct PHQ2Tests {
    let instrument = PHQ2Instrument()

    @Test func passesTheConformanceKit() {
        #expect(Conformance.verify(instrument) == [])
    }

    /// Independent formula from the primary sources: sum of two 0–3 items; ≥ 3 positive (default), ≥ 2 variant.
    static func expected(_ answers: [Int]) -> Conformance.Expected {
        let total = answers[0] + answers[1]
        var positive: Set<String> = []
        if total > 2 { positive.insert("kroenke-2003") }
        if total > 1 { positive.insert("arroll-2010-sensitive") }
        return Conformance.Expected(
            total: total, band: total > 2 ? "screen positive" : "screen negative", positiveCutOffs: positive,
            firedRiskRules: [])
    }

    @Test func everyAnswerSetScoresAsTheIndependentFormulaSays() {
        let result = Conformance.enumerate(instrument, expected: Self.expected)
        #expect(result.count == 16)
        #expect(result.mismatches == [])
    }

    @Test func theTwoCutOffVariantsSeparateAtTwoAndThree() throws {
        func positives(_ values: [Int]) throws -> [String: Bool] {
            Dictionary(
                uniqueKeysWithValues: try instrument.score(values: values).cutOffs.map { ($0.rule.id, $0.isPositive) })
        }
        #expect(try positives([1, 0]) == ["kroenke-2003": false, "arroll-2010-sensitive": false])
        #expect(try positives([1, 1]) == ["kroenke-2003": false, "arroll-2010-sensitive": true])
        #expect(try positives([2, 1]) == ["kroenke-2003": true, "arroll-2010-sensitive": true])
    }

    @Test func eitherItemMissingIsNotScored() throws {
        #expect(try instrument.score(responses: [.answered(3), .notAnswered]).total == nil)
        #expect(try instrument.score(responses: [.notAnswered, .answered(3)]).total == nil)
    }
}
