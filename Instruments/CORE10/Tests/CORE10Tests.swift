import CORE10
import StepCareCore
import StepCareTesting
import Testing

@Suite struct CORE10Tests {
    let bandsA = CORE10Instrument()
    let bandsB = CORE10BandSetBInstrument()
    static let riskRule = "core10-item6-plans-to-end-life"

    @Test func bothVariantsPassTheConformanceKit() {
        #expect(Conformance.verify(bandsA) == [])
        #expect(Conformance.verify(bandsB) == [])
    }

    @Test func bandSetAIsTheDefault() throws {
        let registry = try Registry(instruments: CORE10Module.instruments)
        #expect(registry.variants(of: "core10").compactMap(\.definition.variant?.id) == ["bands-a", "bands-b"])
        #expect(try registry.instrument("core10").definition.variant?.id == "bands-a")
    }

    /// Band set A (reference §3.3, [S]) on the clinical score; a fractional score belongs to its whole-number part.
    static func bandA(_ score: Double) -> String {
        switch score {
        case ..<6: "healthy"
        case ..<11: "low level"
        case ..<15: "mild"
        case ..<20: "moderate"
        case ..<25: "moderate-to-severe"
        default: "severe"
        }
    }

    /// Band set B (reference §3.3, [U]).
    static func bandB(_ score: Double) -> String {
        switch score {
        case ..<6: "healthy"
        case ..<11: "low"
        case ..<16: "mild"
        case ..<21: "moderate"
        case ..<26: "moderately severe"
        default: "severe"
        }
    }

    /// Independent formula from the CORE System Trust rule: ten times the mean of the answered items, not scored
    /// with two or more missing; ≥ 11 is the clinical range; item 6 above 0, or unanswered, raises the risk flag.
    static func expected(_ responses: [ItemResponse], band: (Double) -> String) -> Conformance.Expected {
        let values = responses.compactMap(\.value)
        let flagged = (responses[5].value ?? 1) > 0
        guard values.count >= 9 else {
            return Conformance.Expected(
                total: nil, band: "", positiveCutOffs: [], firedRiskRules: flagged ? [riskRule] : [])
        }
        let score = 10 * Double(values.reduce(0, +)) / Double(values.count)
        return Conformance.Expected(
            total: Score(exactly: score), band: band(score), positiveCutOffs: score >= 11 ? ["clinical-cut-off"] : [],
            firedRiskRules: flagged ? [riskRule] : [])
    }

    static func observed(_ report: ScoreReport) -> Conformance.Expected {
        Conformance.Expected(
            total: report.total, band: report.band?.label ?? "",
            positiveCutOffs: Set(report.cutOffs.filter(\.isPositive).map(\.rule.id)),
            firedRiskRules: Set(report.flags.map(\.ruleID)))
    }

    @Test func aStructuredAndRandomSampleScoresAsTheFormulaSays() {
        let sets = Self.sample()
        #expect(sets.count == 61_725)
        let variants: [(any Instrument, (Double) -> String)] = [(bandsA, Self.bandA), (bandsB, Self.bandB)]
        for (instrument, band) in variants {
            var failures: [String] = []
            for responses in sets where failures.count < 10 {
                guard let report = try? instrument.score(responses: responses) else {
                    failures.append("\(responses) was refused")
                    continue
                }
                let want = Self.expected(responses, band: band)
                if Self.observed(report) != want { failures.append("\(responses): got \(Self.observed(report))") }
            }
            #expect(failures == [], "\(instrument.definition.displayID)")
        }
    }

    @Test(arguments: [
        (0, "healthy"), (5, "healthy"), (6, "low level"), (10, "low level"), (11, "mild"), (14, "mild"),
        (15, "moderate"), (19, "moderate"), (20, "moderate-to-severe"), (24, "moderate-to-severe"), (25, "severe"),
        (40, "severe"),
    ])
    func bandSetABoundaries(total: Int, band: String) throws {
        let values = try #require(AnswerSets.values(summingTo: total, in: bandsA.definition))
        #expect(try bandsA.score(values: values).band?.label == band)
    }

    @Test(arguments: [
        (5, "healthy"), (6, "low"), (10, "low"), (11, "mild"), (15, "mild"), (16, "moderate"), (20, "moderate"),
        (21, "moderately severe"), (25, "moderately severe"), (26, "severe"),
    ])
    func bandSetBBoundaries(total: Int, band: String) throws {
        let values = try #require(AnswerSets.values(summingTo: total, in: bandsB.definition))
        #expect(try bandsB.score(values: values).band?.label == band)
    }

    @Test(arguments: [(10, false), (11, true)])
    func theClinicalCutOff(total: Int, positive: Bool) throws {
        let values = try #require(AnswerSets.values(summingTo: total, in: bandsA.definition))
        #expect(try bandsA.score(values: values).cutOffs.map(\.isPositive) == [positive])
    }

    /// Reference §10: one item missing and the other nine summing to 18 → 20.0, moderate-to-severe on set A.
    @Test func goldenVectorOneMissingIsTenTimesTheMean() throws {
        var responses = [ItemResponse](repeating: .answered(2), count: 10)
        responses[9] = .notAnswered
        let report = try bandsA.score(responses: responses)
        #expect(report.total == Score(exactly: 20.0))
        #expect(report.band?.label == "moderate-to-severe")
        #expect(report.cutOffs.map(\.isPositive) == [true])
        #expect(try bandsB.score(responses: responses).band?.label == "moderate")
    }

    @Test func twoMissingItemsAreNotScoredButTheRiskItemIsStillRead() throws {
        var responses = [ItemResponse](repeating: .answered(2), count: 10)
        responses[0] = .notAnswered
        responses[1] = .notAnswered
        let report = try bandsA.score(responses: responses)
        #expect(report.total == nil)
        #expect(report.notScoredReason?.contains("items 1, 2 not answered") == true)
        #expect(report.flags.map(\.ruleID) == [Self.riskRule])
        #expect(report.flags.first?.urgency == .immediate)
    }

    /// A prorated score is fractional: nine answers summing to 9 give 10.0 (below the cut-off), 10 give 11.1.
    @Test func fractionalScoresFallInTheBandOfTheirWholeNumberPart() throws {
        func prorated(_ sum: Int) throws -> ScoreReport {
            var values = [Int](repeating: 0, count: 10)
            var remaining = sum
            for index in [0, 3, 4, 6, 7, 8, 9, 1, 2] {
                values[index] = min(4, remaining)
                remaining -= values[index]
            }
            var responses = values.map(ItemResponse.answered)
            responses[5] = .notAnswered
            return try bandsA.score(responses: responses)
        }
        #expect(try prorated(9).total == 10)
        #expect(try prorated(9).cutOffs.map(\.isPositive) == [false])
        #expect(try prorated(10).total == Score(exactly: 100.0 / 9))
        #expect(try prorated(10).total?.description == "11.1")
        #expect(try prorated(10).band?.label == "mild")
        #expect(try prorated(10).cutOffs.map(\.isPositive) == [true])
        #expect(try prorated(13).band?.label == "mild")
        #expect(try prorated(14).band?.label == "moderate")
        // Item 6 (the risk item) was the missing one: the score stands and the item raises its own flag.
        #expect(try prorated(14).flags.map(\.reason) == [.notAnswered])
    }

    @Test func itemsTwoAndThreeAreReverseScored() throws {
        let items = bandsA.definition.items
        #expect(items.map(\.isReversed) == [false, true, true, false, false, false, false, false, false, false])
        #expect(items.allSatisfy { $0.options.map(\.label) == items[0].options.map(\.label) })
        #expect(items[0].options.map(\.value) == [0, 1, 2, 3, 4])
        #expect(items[1].options.map(\.value) == [4, 3, 2, 1, 0])
        #expect(items[2].option(scoring: 0)?.label == "Most or all of the time")
        // "Most or all of the time" to every item: 8 × 4, and 0 for the two positively worded items.
        let values = items.compactMap { item in item.options.first { $0.label == "Most or all of the time" }?.value }
        #expect(values.count == 10)
        #expect(try bandsA.score(values: values).total == 32)
    }

    @Test func theRiskItemFlagsAnyAnswerAboveZero() throws {
        var values = [Int](repeating: 0, count: 10)
        values[5] = 1
        let report = try bandsA.score(values: values)
        #expect(report.total == 1)
        #expect(report.flags.map(\.reason) == [.positiveAnswer(value: 1)])
        #expect(report.flags.first?.urgency == .immediate)
    }

    @Test func refusesOutOfRangeAnswersAndNotApplicable() {
        #expect(throws: StepCareError.self) { try bandsA.score(values: [Int](repeating: 0, count: 9) + [5]) }
        #expect(throws: StepCareError.self) { try bandsA.score(values: [0, 0, 0]) }
        var responses = [ItemResponse](repeating: .answered(0), count: 10)
        responses[5] = .notApplicable
        #expect(throws: StepCareError.self) { try bandsA.score(responses: responses) }
    }

    @Test func noUnverifiedChangeThresholdOrCodeIsSet() {
        #expect(bandsA.definition.reliableChange == nil)
        #expect(bandsA.definition.codes.isEmpty)
        #expect(bandsA.definition.licence.status == .freeWithConditions)
    }
}
