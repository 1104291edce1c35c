import DAST10
import StepCareCore
import StepCareTesting
import Testing

@Suite struct DAST10Tests {
    let instrument = DAST10Instrument()

    @Test func passesTheConformanceKit() {
        #expect(Conformance.verify(instrument) == [])
    }

    @Test func registers() throws {
        #expect(try Registry(instruments: DAST10Module.instruments).ids == ["dast10"])
    }

    /// Skinner's bands (reference §5.3).
    static func band(_ total: Int) -> String {
        switch total {
        case 0: "no problems reported"
        case 1...2: "low level"
        case 3...5: "moderate level"
        case 6...8: "substantial level"
        default: "severe level"
        }
    }

    /// Independent formula over scored values: the total is their sum.
    static func expected(_ values: [Int]) -> Conformance.Expected {
        let total = values.reduce(0, +)
        return Conformance.Expected(total: total, band: band(total), positiveCutOffs: [], firedRiskRules: [])
    }

    @Test func everyAnswerSetScoresAsTheIndependentFormulaSays() {
        let result = Conformance.enumerate(instrument, expected: Self.expected)
        #expect(result.count == 1_024)
        #expect(result.mismatches == [])
    }

    /// Every pattern of yes and no answers, typed as y or n, against the reference's rule written independently:
    /// one point per "yes", except item 3, where "no" scores 1.
    @Test func everyYesNoPatternScoresByTheReferenceRule() throws {
        var mismatches: [String] = []
        for pattern in 0..<1_024 {
            let yes = (0..<10).map { pattern & (1 << $0) != 0 }
            var values: [Int] = []
            for (item, answer) in zip(instrument.definition.items, yes) {
                values.append(try #require(item.option(answeredAs: answer ? "y" : "n")).value)
            }
            let total = yes.enumerated().filter { $0.offset == 2 ? !$0.element : $0.element }.count
            let report = try instrument.score(values: values)
            if report.total != Score(total) || report.band?.label != Self.band(total), mismatches.count < 10 {
                mismatches.append("\(yes): got \(String(describing: report.total)), expected \(total)")
            }
        }
        #expect(mismatches == [])
    }

    @Test func item3IsReversed() throws {
        let item3 = instrument.definition.items[2]
        #expect(item3.isReversed)
        #expect(item3.option(answeredAs: "n")?.value == 1)
        #expect(item3.option(answeredAs: "Y")?.value == 0)
        #expect(instrument.definition.items.filter(\.isReversed).map(\.number) == [3])
        // Someone who uses no drugs: "no" to every item except "yes" to item 3 scores 0.
        var values = [Int](repeating: 0, count: 10)
        values[2] = try #require(item3.option(answeredAs: "y")).value
        #expect(try instrument.score(values: values).total == 0)
    }

    @Test(arguments: [
        (0, "no problems reported"), (1, "low level"), (2, "low level"), (3, "moderate level"), (5, "moderate level"),
        (6, "substantial level"), (8, "substantial level"), (9, "severe level"), (10, "severe level"),
    ])
    func bandBoundaries(total: Int, band: String) throws {
        let values = try #require(AnswerSets.values(summingTo: total, in: instrument.definition))
        let report = try instrument.score(values: values)
        #expect(report.total == Score(total))
        #expect(report.band?.label == band)
    }

    @Test func anIncompleteFormIsNotScoredNotCountedAsZero() throws {
        var responses = [ItemResponse](repeating: .answered(1), count: 10)
        responses[4] = .notAnswered
        let report = try instrument.score(responses: responses)
        #expect(report.total == nil)
        #expect(report.band == nil)
        #expect(report.notScoredReason?.contains("item 5 not answered") == true)
    }

    @Test func refusesAnswersOtherThanYesOrNo() {
        var values = [Int](repeating: 0, count: 10)
        values[0] = 2
        #expect(throws: StepCareError.self) { try instrument.score(values: values) }
        do {
            _ = try instrument.score(values: values)
        } catch {
            #expect(error.item == 1)
            #expect(error.hint == "item 1 accepts n (0) or y (1)")
        }
        #expect(throws: StepCareError.self) { try instrument.score(values: [0, 0, 0]) }
    }
}
