import K6
import StepCareCore
import StepCareTesting
import Testing

@Suite struct K6Tests {
    let instrument = K6Instrument()

    @Test func passesTheConformanceKit() {
        #expect(Conformance.verify(instrument) == [])
    }

    /// Independent formula from Kessler 2003 / IPUMS: six items scored 0–4, summed; ≥ 13 is serious distress.
    static func expected(_ answers: [Int]) -> Conformance.Expected {
        let total = answers.reduce(0, +)
        let serious = total >= 13
        return Conformance.Expected(
            total: total, band: serious ? "serious psychological distress" : "below the serious-distress cut-off",
            positiveCutOffs: serious ? ["kessler-2003-spd"] : [], firedRiskRules: [])
    }

    @Test func everyAnswerSetScoresAsTheIndependentFormulaSays() {
        let result = Conformance.enumerate(instrument, expected: Self.expected)
        #expect(result.count == 15_625)
        #expect(result.mismatches == [])
    }

    @Test(arguments: [(12, false), (13, true)])
    func theCutOffBoundary(total: Int, positive: Bool) throws {
        let values = try #require(AnswerSets.values(summingTo: total, in: instrument.definition))
        #expect(try instrument.score(values: values).cutOffs.map(\.isPositive) == [positive])
    }

    @Test func itemsAreScoredNoneZeroToAllFour() {
        #expect(instrument.definition.items.allSatisfy { $0.options.map(\.value) == [0, 1, 2, 3, 4] })
        #expect(instrument.definition.items.first?.options.first?.label == "None of the time")
    }
}
