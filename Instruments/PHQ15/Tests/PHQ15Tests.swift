import PHQ15
import StepCareCore
import StepCareTesting
import Testing

@Suite struct PHQ15Tests {
    let instrument = PHQ15Instrument()

    @Test func passesTheConformanceKit() {
        #expect(Conformance.verify(instrument) == [])
    }

    /// Independent formula from Kroenke 2002 and CamCOPS: fifteen items scored 0–2, summed (item 4 left out when
    /// not applicable); ≥ 15 high, ≥ 10 medium, ≥ 5 low, else minimal; three or more 2s is the somatoform finding.
    static func band(_ total: Int) -> String {
        switch total {
        case 15...: "high"
        case 10...: "medium"
        case 5...: "low"
        default: "minimal"
        }
    }

    /// Compares one administration with the formula; `nil` when it matches.
    func mismatch(_ responses: [ItemResponse]) -> String? {
        let values = responses.compactMap(\.value)
        let total = values.reduce(0, +)
        let finding = values.filter { $0 == 2 }.count >= 3
        let maximum = responses[3] == .notApplicable ? 28 : nil
        guard let report = try? instrument.score(responses: responses) else { return "\(responses) was refused" }
        let ok =
            report.total == Score(total) && report.band?.label == Self.band(total) && report.flags.isEmpty
            && report.findings.map(\.id) == (finding ? ["phq15-somatoform-indication"] : [])
            && report.applicableMaximum == maximum
        return ok ? nil : "\(responses): got \(report.total.map(\.description) ?? "none"), \(report.findings)"
    }

    /// A structured sample: items 1–8 take every value and items 9–15 are all 0, all 1 or all 2 (19,683 sets),
    /// each scored once as answered and once with item 4 not applicable.
    @Test func aStructuredSampleScoresAsTheFormulaSays() {
        var count = 0
        var failures: [String] = []
        for index in 0..<19_683 {
            var rest = index
            var responses: [ItemResponse] = []
            for _ in 0..<8 {
                responses.append(.answered(rest % 3))
                rest /= 3
            }
            responses += [ItemResponse](repeating: .answered(rest % 3), count: 7)
            var withoutItem4 = responses
            withoutItem4[3] = .notApplicable
            for answers in [responses, withoutItem4] {
                count += 1
                if let failure = mismatch(answers), failures.count < 10 { failures.append(failure) }
            }
        }
        #expect(count == 39_366)
        #expect(failures == [])
    }

    /// Every single-item variation from all-lowest and all-highest, and 100,000 seeded pseudo-random sets of all
    /// 3^15 = 14,348,907 (too many to enumerate), a fifth of them with item 4 not applicable.
    @Test func singleItemVariationsAndASeededRandomSample() {
        var sets: [[ItemResponse]] = []
        for base in [0, 2] {
            for item in 0..<15 {
                for value in 0...2 {
                    var values = [Int](repeating: base, count: 15)
                    values[item] = value
                    sets.append(values.map(ItemResponse.answered))
                }
            }
        }
        var random = SplitMix64(seed: 15)
        for _ in 0..<100_000 {
            var responses = (0..<15).map { _ in ItemResponse.answered(random.next(below: 3)) }
            if random.next(below: 5) == 0 { responses[3] = .notApplicable }
            sets.append(responses)
        }
        let failures = sets.compactMap(mismatch).prefix(10)
        #expect(sets.count == 100_090)
        #expect(Array(failures) == [])
    }

    @Test(arguments: [
        (0, "minimal"), (4, "minimal"), (5, "low"), (9, "low"), (10, "medium"), (14, "medium"), (15, "high"),
        (30, "high"),
    ])
    func bandBoundaries(total: Int, band: String) throws {
        let values = try #require(AnswerSets.values(summingTo: total, in: instrument.definition))
        #expect(try instrument.score(values: values).band?.label == band)
    }

    @Test func itemFourNotApplicableLowersTheMaximumToTwentyEight() throws {
        var responses = [ItemResponse](repeating: .answered(2), count: 15)
        responses[3] = .notApplicable
        let report = try instrument.score(responses: responses)
        #expect(report.total == 28)
        #expect(report.applicableMaximum == 28)
        #expect(report.band?.label == "high")
        #expect(try instrument.score(values: [Int](repeating: 2, count: 15)).applicableMaximum == nil)
    }

    @Test func threeItemsBotheredALotGiveTheSomatoformFinding() throws {
        let two = try instrument.score(values: [2, 2] + [Int](repeating: 0, count: 13))
        #expect(two.findings.isEmpty)
        #expect(two.total == 4)
        let three = try instrument.score(values: [2, 2, 2] + [Int](repeating: 0, count: 12))
        #expect(three.findings.map(\.id) == ["phq15-somatoform-indication"])
        #expect(three.band?.label == "low")
        // Fourteen items at 1 is medium severity with no item bothering a lot: no finding.
        let ones = try instrument.score(values: [Int](repeating: 1, count: 14) + [0])
        #expect(ones.band?.label == "medium")
        #expect(ones.findings.isEmpty)
    }

    @Test func anIncompleteFormIsNotScoredButTheFindingStillShows() throws {
        var responses = [ItemResponse](repeating: .answered(2), count: 15)
        responses[0] = .notAnswered
        let report = try instrument.score(responses: responses)
        #expect(report.total == nil)
        #expect(report.notScoredReason?.contains("item 1 not answered") == true)
        #expect(report.findings.map(\.id) == ["phq15-somatoform-indication"])
    }

    @Test func refusesOutOfRangeAnswersAndMisplacedNotApplicable() {
        #expect(throws: StepCareError.self) { try instrument.score(values: [Int](repeating: 0, count: 14) + [3]) }
        #expect(throws: StepCareError.self) { try instrument.score(values: [0, 0, 0]) }
        var responses = [ItemResponse](repeating: .answered(0), count: 15)
        responses[4] = .notApplicable
        #expect(throws: StepCareError.self) { try instrument.score(responses: responses) }
    }

    @Test func theWordingAndCodesAreThePublishedOnes() {
        let definition = instrument.definition
        #expect(definition.items.count == 15)
        #expect(definition.items[3].text == "Menstrual cramps or other problems with your periods")
        #expect(definition.items[3].notApplicableFor == "men")
        #expect(definition.items.filter { $0.notApplicableFor != nil }.count == 1)
        #expect(definition.codes.map(\.value) == ["69728-4", "70273-8"])
    }
}
