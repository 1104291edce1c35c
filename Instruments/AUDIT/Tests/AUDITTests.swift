import AUDIT
import StepCareCore
import StepCareTesting
import Testing

@Suite struct AUDITTests {
    let instrument = AUDITInstrument()

    @Test func passesTheConformanceKit() {
        #expect(Conformance.verify(instrument) == [])
    }

    @Test func registers() throws {
        #expect(try Registry(instruments: AUDITModule.instruments).ids == ["audit"])
    }

    /// What one answer set scores: total, zone, positive cut-offs, subscales and findings.
    struct Outcome: Equatable, CustomStringConvertible {
        var total: Int?
        var zone: String?
        var positiveCutOffs: Set<String>
        var subscales: [Int?]
        var findings: Set<String>

        var description: String {
            "total \(String(describing: total)), zone \(zone ?? "none"), cut-offs \(positiveCutOffs.sorted()), "
                + "subscales \(subscales), findings \(findings.sorted())"
        }
    }

    /// Independent formula, written from reference §5.1 and not from the module: the total is the sum; zones I
    /// 0–7, II 8–15, III 16–19, IV 20–40; ≥ 8 positive; subscales 1–3, 4–6, 7–10; possible dependence when
    /// questions 4–6 total 4 or more; the next-level rule when any of questions 4, 5, 6 is 2 or more, or question 9
    /// or 10 is 4.
    static func expected(_ answers: [Int]) -> Outcome {
        let total = answers.reduce(0, +)
        let zone: String
        switch total {
        case ..<8: zone = "zone I: alcohol education"
        case ..<16: zone = "zone II: simple advice"
        case ..<20: zone = "zone III: simple advice plus brief counselling and continued monitoring"
        default: zone = "zone IV: referral to a specialist for diagnostic evaluation and treatment"
        }
        let dependence = answers[3] + answers[4] + answers[5]
        var findings: Set<String> = []
        if dependence >= 4 { findings.insert("audit-possible-dependence") }
        if answers[3] >= 2 || answers[4] >= 2 || answers[5] >= 2 || answers[8] == 4 || answers[9] == 4 {
            findings.insert("audit-next-level-of-intervention")
        }
        return Outcome(
            total: total, zone: zone, positiveCutOffs: total >= 8 ? ["who-8"] : [],
            subscales: [answers[0] + answers[1] + answers[2], dependence, answers[6...].reduce(0, +)],
            findings: findings)
    }

    static func observed(_ report: ScoreReport) -> Outcome {
        Outcome(
            total: report.total?.integer, zone: report.band?.label,
            positiveCutOffs: Set(report.cutOffs.filter(\.isPositive).map(\.rule.id)),
            subscales: report.subscales.map(\.total), findings: Set(report.findings.map(\.id)))
    }

    /// Every answer pattern of questions 4–10, in option order.
    func patternsOfQuestions4To10() -> [[Int]] {
        var patterns: [[Int]] = [[]]
        for item in instrument.definition.items[3...] {
            patterns = patterns.flatMap { pattern in item.options.map { pattern + [$0.value] } }
        }
        return patterns
    }

    /// The 5⁸ × 3² = 3,515,625 complete answer sets are more than this suite enumerates. Totals, zones, cut-offs
    /// and the consumption subscale depend on questions 1–3 only through their sum, and the findings not at all,
    /// so every pattern of questions 4–10 (5⁵ × 3² = 28,125) is scored with one pattern of questions 1–3 for each
    /// consumption sum 0…12 (365,625 sets), and every pattern of questions 1–3 (125) with the lowest, highest and
    /// one mixed pattern of questions 4–10 (375 sets).
    @Test func everyPatternOfQuestions4To10AndEveryConsumptionSumScoresAsTheFormulaSays() throws {
        let tails = patternsOfQuestions4To10()
        #expect(tails.count == 28_125)
        var count = 0
        var mismatches: [String] = []
        func check(_ answers: [Int]) throws {
            count += 1
            let want = Self.expected(answers)
            let got = Self.observed(try instrument.score(values: answers))
            if got != want, mismatches.count < 10 { mismatches.append("\(answers): got \(got), expected \(want)") }
        }
        for sum in 0...12 {
            let head = [min(sum, 4), min(max(sum - 4, 0), 4), max(sum - 8, 0)]
            for tail in tails { try check(head + tail) }
        }
        let someTails = [[0, 0, 0, 0, 0, 0, 0], [4, 4, 4, 4, 4, 4, 4], [1, 2, 0, 3, 4, 2, 0]]
        for first in 0...4 {
            for second in 0...4 {
                for third in 0...4 {
                    for tail in someTails { try check([first, second, third] + tail) }
                }
            }
        }
        #expect(count == 365_625 + 375)
        #expect(mismatches == [])
    }

    @Test(arguments: [
        (0, "zone I: alcohol education"), (7, "zone I: alcohol education"), (8, "zone II: simple advice"),
        (15, "zone II: simple advice"),
        (16, "zone III: simple advice plus brief counselling and continued monitoring"),
        (19, "zone III: simple advice plus brief counselling and continued monitoring"),
        (20, "zone IV: referral to a specialist for diagnostic evaluation and treatment"),
        (40, "zone IV: referral to a specialist for diagnostic evaluation and treatment"),
    ])
    func zoneBoundaries(total: Int, zone: String) throws {
        let values = try #require(AnswerSets.values(summingTo: total, in: instrument.definition))
        let report = try instrument.score(values: values)
        #expect(report.total == Score(total))
        #expect(report.band?.label == zone)
        #expect(report.cutOffs.map(\.isPositive) == [total >= 8])
    }

    @Test func neverDrinkingSkipsQuestions2To8WhichScoreZero() throws {
        // Q1 = 0 (never): Q2–8 are not asked; Q9 = 2 (injury, not in the last year), Q10 = 0.
        var responses = [ItemResponse](repeating: .notAnswered, count: 10)
        responses[0] = .answered(0)
        responses[8] = .answered(2)
        responses[9] = .answered(0)
        let report = try instrument.score(responses: responses)
        #expect(report.total == 2)
        #expect(report.band?.label == "zone I: alcohol education")
        #expect(report.subscales.map(\.total) == [0, 0, 2])
        #expect(report.notScoredReason == nil)
    }

    @Test func zeroOnQuestions2And3SkipsQuestions4To8WhichScoreZero() throws {
        // Q1 = 2, Q2 = 0 (1 or 2 drinks), Q3 = 0: Q4–8 are not asked; Q9 = 0, Q10 = 4.
        var responses = [ItemResponse](repeating: .notAnswered, count: 10)
        for (index, value) in [(0, 2), (1, 0), (2, 0), (8, 0), (9, 4)] { responses[index] = .answered(value) }
        let report = try instrument.score(responses: responses)
        #expect(report.total == 6)
        #expect(report.subscales.map(\.total) == [2, 0, 4])
        #expect(report.findings.map(\.id) == ["audit-next-level-of-intervention"])
    }

    @Test func anUnansweredQuestionIsMissingWhenNoSkipApplies() throws {
        // Q2 + Q3 = 1, so questions 4–8 are asked; Q4 was not answered.
        var responses: [ItemResponse] = [2, 1, 0, 0, 0, 0, 0, 0, 0, 0].map(ItemResponse.answered)
        responses[3] = .notAnswered
        let report = try instrument.score(responses: responses)
        #expect(report.total == nil)
        #expect(report.notScoredReason?.contains("item 4 not answered") == true)
        #expect(report.subscales.map(\.total) == [3, nil, 0])
    }

    @Test func questions9And10AreAlwaysAskedAndAnUnansweredQuestion1SkipsNothing() throws {
        var responses = [ItemResponse](repeating: .notAnswered, count: 10)
        responses[0] = .answered(0)
        let report = try instrument.score(responses: responses)
        #expect(report.total == nil)
        #expect(report.notScoredReason?.contains("items 9, 10 not answered") == true)
        var unknownFrequency = [ItemResponse](repeating: .notAnswered, count: 10)
        unknownFrequency[8] = .answered(0)
        unknownFrequency[9] = .answered(0)
        #expect(try instrument.score(responses: unknownFrequency).total == nil)
    }

    @Test func anAnswerGivenToASkippedQuestionIsKept() throws {
        // Self-report form: Q1 = 0 but Q2 answered 1 anyway; Q3–8 left blank score 0.
        var responses = [ItemResponse](repeating: .notAnswered, count: 10)
        for (index, value) in [(0, 0), (1, 1), (8, 0), (9, 2)] { responses[index] = .answered(value) }
        #expect(try instrument.score(responses: responses).total == 3)
    }

    @Test func theNextLevelRuleReadsEachOfQuestions4To6NotTheirSum() throws {
        func findings(_ answers: [Int]) throws -> [String] { try instrument.score(values: answers).findings.map(\.id) }
        #expect(try findings([2, 1, 1, 1, 1, 1, 0, 0, 0, 0]) == [])
        #expect(try findings([2, 1, 1, 2, 0, 0, 0, 0, 0, 0]) == ["audit-next-level-of-intervention"])
        #expect(try findings([2, 1, 1, 0, 0, 0, 0, 0, 2, 2]) == [])
        #expect(try findings([2, 1, 1, 0, 0, 0, 0, 0, 0, 4]) == ["audit-next-level-of-intervention"])
        #expect(
            try findings([2, 1, 1, 1, 1, 2, 0, 0, 0, 0])
                == ["audit-possible-dependence", "audit-next-level-of-intervention"])
    }

    @Test func refusesAnswersQuestions9And10DoNotOffer() {
        for bad in [1, 3, 5] {
            var answers = [Int](repeating: 0, count: 10)
            answers[8] = bad
            #expect(throws: StepCareError.self) { try instrument.score(values: answers) }
        }
        do {
            _ = try instrument.score(values: [0, 0, 0, 0, 0, 0, 0, 0, 0, 3])
            Issue.record("question 10 accepted 3")
        } catch {
            #expect(error.item == 10)
            #expect(error.hint == "item 10 accepts 0, 2 or 4")
        }
        #expect(throws: StepCareError.self) { try instrument.score(values: [5, 0, 0, 0, 0, 0, 0, 0, 0, 0]) }
    }
}
