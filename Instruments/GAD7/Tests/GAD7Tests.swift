import GAD7
import StepCareCore
import StepCareTesting
import Testing

@Suite struct GAD7Tests {
    let gad7 = GAD7Instrument()

    @Test func passesTheConformanceKit() {
        #expect(Conformance.verify(gad7) == [])
    }

    /// Independent formula, written from Spitzer 2006 and the NHS Talking Therapies definitions, not from the module.
    static func expected(_ answers: [Int]) -> Conformance.Expected {
        let total = answers.reduce(0, +)
        let band = total >= 15 ? "severe" : total >= 10 ? "moderate" : total >= 5 ? "mild" : "minimal"
        var positive: Set<String> = []
        if total > 7 { positive.insert("nhs-tt-caseness") }
        if total >= 10 { positive.insert("spitzer-gad-screen") }
        return Conformance.Expected(total: total, band: band, positiveCutOffs: positive, firedRiskRules: [])
    }

    @Test func everyAnswerSetScoresAsTheIndependentFormulaSays() {
        let result = Conformance.enumerate(gad7, expected: Self.expected)
        #expect(result.count == 16_384)
        #expect(result.mismatches == [])
    }

    @Test(arguments: [
        (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"), (14, "moderate"),
        (15, "severe"), (21, "severe"),
    ])
    func bandBoundaries(total: Int, band: String) throws {
        let values = try #require(AnswerSets.values(summingTo: total, in: gad7.definition))
        #expect(try gad7.score(values: values).band?.label == band)
    }

    @Test func casenessRulesAreNamedAndDistinct() throws {
        // NHS TT caseness at 8, Spitzer's screening cut-off at 10: 7, 8, 9, 10 separate them.
        for (total, nhs, spitzer) in [(7, false, false), (8, true, false), (9, true, false), (10, true, true)] {
            let values = try #require(AnswerSets.values(summingTo: total, in: gad7.definition))
            let positive = Dictionary(
                uniqueKeysWithValues: try gad7.score(values: values).cutOffs.map { ($0.rule.id, $0.isPositive) })
            #expect(positive == ["nhs-tt-caseness": nhs, "spitzer-gad-screen": spitzer], "total \(total)")
        }
    }
}
