import StepCareCore
import StepCareTesting
import Testing
import WHO5

@Suite struct WHO5Tests {
    let instrument = WHO5Instrument()

    @Test func passesTheConformanceKit() {
        #expect(Conformance.verify(instrument) == [])
    }

    /// Independent formula from WHO 2024 / Topp 2015: five items 0–5 summed; below 13 is poor well-being; the
    /// unverified Topp rule is positive at 7 or below.
    static func expected(_ answers: [Int]) -> Conformance.Expected {
        let raw = answers.reduce(0, +)
        var positive: Set<String> = []
        if raw < 13 { positive.insert("poor-wellbeing") }
        if raw <= 7 { positive.insert("topp-2015-likely-depression") }
        return Conformance.Expected(
            total: raw, band: raw < 13 ? "poor well-being" : "not poor well-being", positiveCutOffs: positive,
            firedRiskRules: [])
    }

    @Test func everyAnswerSetScoresAsTheIndependentFormulaSays() {
        let result = Conformance.enumerate(instrument, expected: Self.expected)
        #expect(result.count == 7_776)
        #expect(result.mismatches == [])
    }

    @Test func thePercentageIsTheRawScoreTimesFour() throws {
        for raw in 0...25 {
            let values = try #require(AnswerSets.values(summingTo: raw, in: instrument.definition))
            let report = try instrument.score(values: values)
            #expect(report.transformed.map(\.transform.id) == ["percentage"])
            #expect(report.transformed.first?.value == Score(raw * 4))
        }
    }

    /// Reference §10: raw 12 → 48%, poor well-being; raw 13 → 52%, not poor.
    @Test func goldenVectors() throws {
        let cases = [(12, 48, "poor well-being", true), (13, 52, "not poor well-being", false)]
        for (raw, percentage, band, poor) in cases {
            let values = try #require(AnswerSets.values(summingTo: raw, in: instrument.definition))
            let report = try instrument.score(values: values)
            #expect(report.total == Score(raw))
            #expect(report.transformed.first?.value == Score(percentage))
            #expect(report.band?.label == band)
            #expect(report.cutOffs.first { $0.rule.id == "poor-wellbeing" }?.isPositive == poor)
        }
    }

    @Test(arguments: [(7, true), (8, false)])
    func theUnverifiedToppRuleBoundary(raw: Int, positive: Bool) throws {
        let values = try #require(AnswerSets.values(summingTo: raw, in: instrument.definition))
        let report = try instrument.score(values: values)
        let topp = report.cutOffs.first { $0.rule.id == "topp-2015-likely-depression" }
        #expect(topp?.isPositive == positive)
        #expect(topp?.rule.name.contains("UNVERIFIED") == true)
    }

    @Test func higherIsBetterAndAllOfTheTimeScoresFive() {
        let definition = instrument.definition
        #expect(definition.direction == .higherIsBetter)
        #expect(definition.kind == .wellbeing)
        #expect(definition.items.allSatisfy { $0.option(scoring: 5)?.label == "All of the time" })
        #expect(definition.items.allSatisfy { $0.option(scoring: 0)?.label == "At no time" })
        #expect(definition.items.first?.text == "I have felt cheerful and in good spirits")
        #expect(definition.codes.isEmpty)
    }

    @Test func anIncompleteFormIsNotScored() throws {
        let responses: [ItemResponse] = [.answered(5), .answered(5), .answered(5), .answered(5), .notAnswered]
        let report = try instrument.score(responses: responses)
        #expect(report.total == nil)
        #expect(report.transformed.isEmpty)
        #expect(report.notScoredReason?.contains("item 5 not answered") == true)
    }

    @Test func refusesOutOfRangeAnswers() {
        #expect(throws: StepCareError.self) { try instrument.score(values: [0, 0, 0, 0, 6]) }
        #expect(throws: StepCareError.self) { try instrument.score(values: [0, 0, 0, 0]) }
        #expect(throws: StepCareError.self) {
            try instrument.score(responses: [.notApplicable, .answered(0), .answered(0), .answered(0), .answered(0)])
        }
    }
}
