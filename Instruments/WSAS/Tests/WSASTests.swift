import StepCareCore
import StepCareTesting
import Testing
import WSAS

@Suite struct WSASTests {
    let instrument = WSASInstrument()

    @Test func passesTheConformanceKit() {
        #expect(Conformance.verify(instrument) == [])
    }

    /// Independent formula from Mundt 2002: five items scored 0–8, summed; below 10, 10 to 20, above 20.
    static func band(_ total: Int) -> String {
        if total < 10 { return "subclinical" }
        return total <= 20 ? "significant functional impairment" : "moderately severe or worse"
    }

    static func expected(_ answers: [Int]) -> Conformance.Expected {
        let total = answers.reduce(0, +)
        return Conformance.Expected(total: total, band: band(total), positiveCutOffs: [], firedRiskRules: [])
    }

    @Test func everyAnswerSetScoresAsTheIndependentFormulaSays() {
        let result = Conformance.enumerate(instrument, expected: Self.expected)
        #expect(result.count == 59_049)
        #expect(result.mismatches == [])
    }

    /// Item 1 not applicable (retired, or not working for reasons unrelated to the problem): every one of the
    /// 9^4 = 6,561 answer sets to items 2–5 is summed out of 32 (the CamCOPS convention, UNVERIFIED).
    @Test func everySetWithWorkNotApplicableIsSummedOutOfThirtyTwo() throws {
        var count = 0
        var failures: [String] = []
        for index in 0..<6_561 {
            let values = [index % 9, index / 9 % 9, index / 81 % 9, index / 729 % 9]
            let responses = [ItemResponse.notApplicable] + values.map(ItemResponse.answered)
            let report = try instrument.score(responses: responses)
            let total = values.reduce(0, +)
            count += 1
            let matches =
                report.total == Score(total) && report.band?.label == Self.band(total)
                && report.applicableMaximum == 32
            if !matches { failures.append("\(values): got \(report.total.map(\.description) ?? "none")") }
        }
        #expect(count == 6_561)
        #expect(failures.prefix(10) == [])
    }

    @Test(arguments: [
        (0, "subclinical"), (9, "subclinical"), (10, "significant functional impairment"),
        (20, "significant functional impairment"), (21, "moderately severe or worse"),
        (40, "moderately severe or worse"),
    ])
    func bandBoundaries(total: Int, band: String) throws {
        let values = try #require(AnswerSets.values(summingTo: total, in: instrument.definition))
        #expect(try instrument.score(values: values).band?.label == band)
    }

    @Test func everyValueFromZeroToEightIsAccepted() throws {
        #expect(instrument.definition.items.allSatisfy { $0.options.map(\.value) == Array(0...8) })
        #expect(try instrument.score(values: [1, 3, 5, 7, 0]).total == 16)
    }

    @Test func anUnansweredItemLeavesTheFormUnscored() throws {
        let responses: [ItemResponse] = [.answered(4), .answered(4), .notAnswered, .answered(4), .answered(4)]
        let report = try instrument.score(responses: responses)
        #expect(report.total == nil)
        #expect(report.notScoredReason?.contains("item 3 not answered") == true)
    }

    @Test func refusesOutOfRangeAnswersAndMisplacedNotApplicable() {
        #expect(throws: StepCareError.self) { try instrument.score(values: [0, 0, 0, 0, 9]) }
        #expect(throws: StepCareError.self) { try instrument.score(values: [0, 0, 0, 0]) }
        #expect(throws: StepCareError.self) {
            try instrument.score(responses: [.answered(0), .notApplicable, .answered(0), .answered(0), .answered(0)])
        }
    }

    @Test func shipsOnlyNeutralLabelsAndNoChangeThresholdOrCode() {
        let definition = instrument.definition
        #expect(definition.licence.status == .permissionRequired)
        #expect(definition.items.map(\.text).allSatisfy { $0.count <= 40 && !$0.contains("?") })
        #expect(definition.reliableChange == nil)
        #expect(definition.codes.isEmpty)
        #expect(definition.cutOffs.isEmpty)
    }
}
