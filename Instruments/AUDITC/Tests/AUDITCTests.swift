import AUDITC
import StepCareCore
import StepCareTesting
import Testing

@Suite struct AUDITCTests {
    let us = AUDITCUSInstrument()
    let uk = AUDITCUKInstrument()

    @Test func bothVariantsPassTheConformanceKit() {
        #expect(Conformance.verify(us) == [])
        #expect(Conformance.verify(uk) == [])
    }

    @Test func theVariantsShareOneIDAndUSIsTheDefault() throws {
        let registry = try Registry(instruments: AUDITCModule.instruments)
        #expect(registry.ids == ["auditc"])
        #expect(registry.variants(of: "auditc").compactMap(\.definition.variant?.id) == ["us", "uk"])
        #expect(try registry.instrument("AUDIT-C").definition.variant?.id == "us")
        #expect(try registry.instrument("auditc", variant: "uk").definition.variant?.id == "uk")
    }

    /// Independent formula for the US form, from reference §5.2: three items 0–4 summed; positive at ≥ 4 for men
    /// and ≥ 3 for women; the bands split the total at those two thresholds.
    static func expectedUS(_ answers: [Int]) -> Conformance.Expected {
        let total = answers.reduce(0, +)
        var positive: Set<String> = []
        if total >= 4 { positive.insert("bush-1998-men") }
        if total >= 3 { positive.insert("bush-1998-women") }
        let band: String
        switch total {
        case 0...2: band = "negative: below both cut-offs"
        case 3: band = "positive under the women's cut-off only"
        default: band = "positive: at or above both cut-offs"
        }
        return Conformance.Expected(total: total, band: band, positiveCutOffs: positive, firedRiskRules: [])
    }

    /// Independent formula for the UK form, from reference §5.2: "a score of 5 or more is AUDIT-C positive".
    static func expectedUK(_ answers: [Int]) -> Conformance.Expected {
        let total = answers.reduce(0, +)
        return Conformance.Expected(
            total: total,
            band: total >= 5 ? "screen positive: increasing or higher risk" : "screen negative (below 5)",
            positiveCutOffs: total >= 5 ? ["uk-positive-5"] : [], firedRiskRules: [])
    }

    @Test func everyUSAnswerSetScoresAsTheIndependentFormulaSays() {
        let result = Conformance.enumerate(us, expected: Self.expectedUS)
        #expect(result.count == 125)
        #expect(result.mismatches == [])
    }

    @Test func everyUKAnswerSetScoresAsTheIndependentFormulaSays() {
        let result = Conformance.enumerate(uk, expected: Self.expectedUK)
        #expect(result.count == 125)
        #expect(result.mismatches == [])
    }

    @Test func theUSCutOffsNameTheirPopulationAndThreeIsPositiveForWomenOnly() throws {
        let report = try us.score(values: [1, 1, 1])
        #expect(report.total == 3)
        let results = Dictionary(uniqueKeysWithValues: report.cutOffs.map { ($0.rule.id, $0) })
        #expect(results["bush-1998-men"]?.isPositive == false)
        #expect(results["bush-1998-men"]?.rule.population == "men")
        #expect(results["bush-1998-women"]?.isPositive == true)
        #expect(results["bush-1998-women"]?.rule.population == "women")
        #expect(try us.score(values: [2, 0, 0]).cutOffs.map(\.isPositive) == [false, false])
        #expect(try us.score(values: [2, 1, 1]).cutOffs.map(\.isPositive) == [true, true])
    }

    @Test(arguments: [(4, false), (5, true)])
    func theUKCutOffBoundary(total: Int, positive: Bool) throws {
        let values = try #require(AnswerSets.values(summingTo: total, in: uk.definition))
        #expect(try uk.score(values: values).cutOffs.map(\.isPositive) == [positive])
    }

    @Test func theUKShellShipsNoWording() {
        #expect(uk.definition.licence.status == .permissionRequired)
        #expect(uk.definition.items.allSatisfy { $0.text.count <= 40 && !$0.text.contains("?") })
        #expect(uk.definition.codes.isEmpty)
        #expect(us.definition.licence.status == .free)
        #expect(us.definition.items[0].text == "How often did you have a drink containing alcohol in the past year?")
    }

    @Test func anIncompleteFormIsNotScored() throws {
        for instrument in [us, uk] as [any Instrument] {
            let report = try instrument.score(responses: [.answered(4), .notAnswered, .answered(4)])
            #expect(report.total == nil)
            #expect(report.notScoredReason?.contains("item 2 not answered") == true)
        }
    }

    @Test func refusesOutOfRangeAnswers() {
        #expect(throws: StepCareError.self) { try us.score(values: [0, 5, 0]) }
        #expect(throws: StepCareError.self) { try uk.score(values: [0, 0, 5]) }
        #expect(throws: StepCareError.self) { try uk.score(values: [0, 0]) }
    }
}
