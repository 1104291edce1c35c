import PHQ9
import StepCareCore
import StepCareTesting
import Testing

@Suite struct PHQ9Tests {
    let phq9 = PHQ9Instrument()

    @Test func passesTheConformanceKit() {
        #expect(Conformance.verify(phq9) == [])
    }

    /// Independent formula, written from Kroenke 2001 and the NHS Talking Therapies definitions, not from the module.
    static func expected(_ answers: [Int]) -> Conformance.Expected {
        let total = answers.reduce(0, +)
        let band =
            total >= 20
            ? "severe"
            : total >= 15
                ? "moderately severe"
                : total >= 10
                    ? "moderate"
                    : total >= 5 ? "mild" : "none-minimal"
        return Conformance.Expected(
            total: total, band: band, positiveCutOffs: total > 9 ? ["nhs-tt-caseness"] : [],
            firedRiskRules: answers[8] > 0 ? ["phq9-item9-self-harm-thoughts"] : [])
    }

    @Test func everyAnswerSetScoresAsTheIndependentFormulaSays() {
        let result = Conformance.enumerate(phq9, expected: Self.expected)
        #expect(result.count == 262_144)
        #expect(result.mismatches == [])
    }

    @Test(arguments: [
        (4, "none-minimal"), (5, "mild"), (9, "mild"), (10, "moderate"), (14, "moderate"),
        (15, "moderately severe"), (19, "moderately severe"), (20, "severe"), (27, "severe"),
    ])
    func bandBoundaries(total: Int, band: String) throws {
        let values = try #require(AnswerSets.values(summingTo: total, in: phq9.definition))
        #expect(try phq9.score(values: values).band?.label == band)
    }

    @Test func goldenVector() throws {
        // instruments.md §10: [0,0,0,1,2,1,3,2,1] → 10, moderate, item 9 = 1 raises the risk flag.
        let report = try phq9.score(values: [0, 0, 0, 1, 2, 1, 3, 2, 1])
        #expect(report.total == 10)
        #expect(report.band?.label == "moderate")
        #expect(report.cutOffs.map(\.isPositive) == [true])
        #expect(report.flags.map(\.reason) == [.positiveAnswer(value: 1)])
        #expect(report.flags.first?.urgency == .sameDay)
    }

    @Test func anIncompleteFormIsNotScoredButItsRiskItemIsStillRead() throws {
        var responses = [ItemResponse](repeating: .answered(0), count: 9)
        responses[2] = .notAnswered
        responses[8] = .answered(2)
        let report = try phq9.score(responses: responses)
        #expect(report.total == nil)
        #expect(report.notScoredReason?.contains("item 3 not answered") == true)
        #expect(report.flags.map(\.ruleID) == ["phq9-item9-self-harm-thoughts"])
    }

    @Test func anUnansweredRiskItemRaisesItsOwnFlag() throws {
        var responses = [ItemResponse](repeating: .answered(0), count: 9)
        responses[8] = .notAnswered
        let report = try phq9.score(responses: responses)
        #expect(report.total == nil)
        #expect(report.flags.map(\.reason) == [.notAnswered])
    }

    @Test func refusesOutOfRangeAndWrongCounts() {
        #expect(throws: StepCareError.self) { try phq9.score(values: [0, 0, 0, 0, 0, 0, 0, 0, 4]) }
        #expect(throws: StepCareError.self) { try phq9.score(values: [0, 0, 0]) }
        do {
            _ = try phq9.score(values: [0, 0, 0, 0, 0, 0, 0, 0, 4])
        } catch {
            #expect(error.item == 9)
            #expect(error.hint == "item 9 accepts 0, 1, 2 or 3")
        }
    }
}
