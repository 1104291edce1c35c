import CSSRS
import StepCareCore
import StepCareTesting
import Testing

@Suite struct CSSRSTests {
    let instrument = CSSRSInstrument()
    static let levels = ["no risk identified", "low", "moderate", "high"]
    static let ruleIDs = [
        "cssrs-q1-wish-to-be-dead", "cssrs-q2-suicidal-thoughts", "cssrs-q3-method", "cssrs-q4-intent",
        "cssrs-q5-plan-and-intent", "cssrs-q6-behaviour-lifetime", "cssrs-q7-behaviour-past-3-months",
    ]

    /// Answers as typed at the prompt: 1 yes, 0 no, nil for a question left blank or not asked (`-`).
    static func responses(_ answers: [Int?]) -> [ItemResponse] {
        answers.map { $0.map(ItemResponse.answered) ?? .notAnswered }
    }

    @Test func passesTheRegistryChecks() throws {
        #expect(Conformance.staticFailures(instrument) == [])
        #expect(try Registry(instruments: CSSRSModule.instruments).ids == ["cssrs"])
    }

    @Test func passesTheConformanceKit() {
        #expect(Conformance.verify(instrument) == [])
    }

    /// Independent formula, written from reference §5.5 and not from the module: the most severe YES decides —
    /// high for question 4, 5 or 7 (behaviour in the past 3 months); moderate for question 3 or 6; low for 1 or 2;
    /// otherwise none. Every YES raises its question's flag; a question not asked raises none.
    static func expected(_ responses: [ItemResponse]) -> Conformance.Expected {
        let yes = responses.map { $0.value == 1 }
        let level: Int
        if yes[3] || yes[4] || yes[6] {
            level = 3
        } else if yes[2] || yes[5] {
            level = 2
        } else if yes[0] || yes[1] {
            level = 1
        } else {
            level = 0
        }
        let fired = Set(zip(ruleIDs, yes).filter { $0.1 }.map { $0.0 })
        return Conformance.Expected(total: level, band: levels[level], positiveCutOffs: [], firedRiskRules: fired)
    }

    @Test func everyPathScoresAsTheIndependentFormulaSays() {
        // 2 (Q1) × 9 (Q2 no, or Q2 yes with 8 patterns of Q3–5) × 3 (Q6 no, or Q6 yes with Q7 yes or no) = 54.
        let result = Conformance.enumeratePaths(instrument, expected: Self.expected)
        #expect(result.count == 54)
        #expect(result.mismatches == [])
    }

    @Test(
        arguments: [
            // Reference §10: Q1 Y, Q2 N, Q6 N → low.
            ([1, 0, nil, nil, nil, 0, nil], "low", ["cssrs-q1-wish-to-be-dead"]),
            // Q2 Y, Q3 Y, Q4 N, Q5 N, Q6 N → moderate.
            ([0, 1, 1, 0, 0, 0, nil], "moderate", ["cssrs-q3-method", "cssrs-q2-suicidal-thoughts"]),
            // Q2 Y, Q4 Y → high.
            ([0, 1, 0, 1, 0, 0, nil], "high", ["cssrs-q4-intent", "cssrs-q2-suicidal-thoughts"]),
            // Q2 N, Q6 Y, within 3 months N → moderate; Y → high.
            ([0, 0, nil, nil, nil, 1, 0], "moderate", ["cssrs-q6-behaviour-lifetime"]),
            (
                [0, 0, nil, nil, nil, 1, 1], "high",
                ["cssrs-q7-behaviour-past-3-months", "cssrs-q6-behaviour-lifetime"]
            ),
            ([0, 0, nil, nil, nil, 0, nil], "no risk identified", []),
        ] as [([Int?], String, [String])])
    func goldenVectors(answers: [Int?], level: String, flags: [String]) throws {
        let report = try instrument.score(responses: Self.responses(answers))
        #expect(report.band?.label == level)
        #expect(report.total == Score(Self.levels.firstIndex(of: level) ?? -1))
        #expect(report.flags.map(\.ruleID) == flags)
        #expect(report.notScoredReason == nil)
    }

    @Test func highRiskAnswersAreImmediate() throws {
        let report = try instrument.score(responses: Self.responses([1, 1, 1, 1, 1, 1, 1]))
        #expect(report.band?.label == "high")
        let urgencies: [Urgency] = [.immediate, .immediate, .immediate, .sameDay, .sameDay, .routine, .routine]
        #expect(report.flags.map(\.urgency) == urgencies)
        #expect(report.flags.prefix(3).map(\.item) == [4, 5, 7])
    }

    /// An answer to a question the branching skips is never discarded: a YES there is read (and raises its flag),
    /// and the report says the record is inconsistent.
    @Test func anAnswerToAQuestionThatIsNotAskedIsKeptAndRead() throws {
        // Q4 YES after NO to Q2: intent is high risk whatever the branching says.
        let intent = try instrument.score(responses: Self.responses([0, 0, nil, 1, nil, 0, nil]))
        #expect(intent.band?.label == "high")
        #expect(intent.flags.first.map { [$0.item] } == [4])
        #expect(intent.flags.first?.urgency == .immediate)
        #expect(intent.notes.contains { $0.hasPrefix("item 4 was answered although it is not asked here") })
        // Q7 YES after NO to Q6: behaviour in the past 3 months is high risk.
        let behaviour = try instrument.score(responses: Self.responses([0, 0, nil, nil, nil, 0, 1]))
        #expect(behaviour.band?.label == "high")
        #expect(behaviour.flags.map(\.item) == [7])
        // A stray NO does not make the record unreadable: Q6 and Q7 YES still give high with an immediate flag.
        let stray = try instrument.score(responses: Self.responses([0, 0, 0, 0, 0, 1, 1]))
        #expect(stray.band?.label == "high")
        #expect(stray.flags.first?.urgency == .immediate)
        #expect(stray.notes.count == 3)
    }

    /// What the kit's risk-rule check means to test, on answer sets that respect the branching: each rule fires for
    /// YES and not for NO, and an unanswered asked question raises its own flag.
    @Test func everyRiskRuleFiresForYesAndForAnUnansweredQuestion() throws {
        for (index, ruleID) in Self.ruleIDs.enumerated() {
            // Q2 and Q6 YES so that every question is asked; every other question NO.
            var answers: [Int?] = [0, 1, 0, 0, 0, 1, 0]
            for value in [0, 1] where !(value == 0 && (index == 1 || index == 5)) {
                answers[index] = value
                let report = try instrument.score(responses: Self.responses(answers))
                let fired = report.flags.contains { $0.ruleID == ruleID }
                #expect(fired == (value == 1), "\(ruleID) for \(value)")
            }
            answers[index] = nil
            let flag = try instrument.score(responses: Self.responses(answers)).flags.first { $0.ruleID == ruleID }
            #expect(flag?.reason == .notAnswered, "\(ruleID) when unanswered")
        }
        // Q2 and Q6 NO: they do not fire, and the questions they skip raise nothing.
        let report = try instrument.score(responses: Self.responses([0, 0, nil, nil, nil, 0, nil]))
        #expect(report.flags.isEmpty)
    }

    @Test func anUnansweredQuestion2LeavesQuestions3To5AskedAndFlagged() throws {
        let report = try instrument.score(responses: Self.responses([0, nil, nil, nil, nil, 0, nil]))
        #expect(report.total == nil)
        #expect(report.band == nil)
        #expect(
            report.flags.map(\.ruleID)
                == ["cssrs-q4-intent", "cssrs-q5-plan-and-intent", "cssrs-q3-method", "cssrs-q2-suicidal-thoughts"])
        #expect(report.flags.allSatisfy { $0.reason == .notAnswered })
        #expect(report.notScoredReason?.hasPrefix("items 2, 3, 4, 5 not answered") == true)
        #expect(report.notScoredReason?.contains("from \"no risk identified\" to \"high\"") == true)
    }

    @Test func anUnansweredFollowUpLeavesTheLevelBetweenModerateAndHigh() throws {
        let report = try instrument.score(responses: Self.responses([0, 0, nil, nil, nil, 1, nil]))
        #expect(report.total == nil)
        #expect(report.notScoredReason?.contains("from \"moderate\" to \"high\"") == true)
        #expect(report.flags.map(\.ruleID) == ["cssrs-q7-behaviour-past-3-months", "cssrs-q6-behaviour-lifetime"])
        #expect(report.flags.first?.reason == .notAnswered)
        #expect(report.flags.first?.urgency == .immediate)
    }

    @Test func aLevelNoUnansweredQuestionCouldChangeIsReported() throws {
        // Q1 blank, but Q4 YES makes the level high whatever Q1 would have been.
        let high = try instrument.score(responses: Self.responses([nil, 1, 0, 1, 0, 0, nil]))
        #expect(high.band?.label == "high")
        #expect(high.flags.contains { $0.ruleID == "cssrs-q1-wish-to-be-dead" && $0.reason == .notAnswered })
        #expect(high.notes.contains { $0.contains("item 1 not answered") })
        // Q1 blank, Q6 YES with behaviour more than 3 months ago: moderate, which Q1 cannot change.
        let moderate = try instrument.score(responses: Self.responses([nil, 0, nil, nil, nil, 1, 0]))
        #expect(moderate.band?.label == "moderate")
        // Q1 blank and everything else NO: could be none or low, so not scored.
        #expect(try instrument.score(responses: Self.responses([nil, 0, nil, nil, nil, 0, nil])).total == nil)
    }

    @Test func answersAreTypedAsYOrNAndCarryLOINCCodes() {
        let item = instrument.definition.items[0]
        #expect(item.option(answeredAs: "y")?.value == 1)
        #expect(item.option(answeredAs: "N")?.value == 0)
        #expect(item.option(answeredAs: "y")?.code == Code.loinc("LA33-6", "Yes"))
        #expect(
            instrument.definition.items.map { $0.code?.value } == [
                "93246-7", "93247-5", "93248-3", "93249-1", "93250-9", "93267-3", "93269-9",
            ])
        #expect(instrument.definition.licence.status == .permissionRequired)
        #expect(instrument.definition.items.allSatisfy { $0.text.count <= 40 && !$0.text.contains("?") })
    }
}
