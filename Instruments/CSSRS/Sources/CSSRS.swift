public import StepCareCore

/// The instruments of this module, for the generated registry.
public enum CSSRSModule: InstrumentModule {
    public static let instruments: [any Instrument] = [CSSRSInstrument()]
}

/// The Columbia-Suicide Severity Rating Scale screener (C-SSRS, screen version, recent): a risk level, not a total.
///
/// Sources (`../shared/reference/instruments.md` §5.5, §8.2, §10):
/// - six yes/no questions plus the follow-up to question 6 ("within the past 3 months?") as item 7, and the
///   branching: "If YES to 2, ask questions 3, 4, 5, and 6. If NO to 2, go directly to question 6"; the follow-up
///   only after YES to 6. Skipped questions are recorded as not asked, never as "no" [V: LOINC 93373-9 form
///   exported by LHC-Forms].
/// - levels, the most severe positive answer deciding: high for YES to 4 or 5, or behaviour in the past 3 months
///   [V: Columbia triage guideline]; moderate for YES to 3, or behaviour more than 3 months ago; low for YES to 1
///   and/or 2 only [S: triage-point colour coding as implemented by third parties]; none when every asked question
///   is NO. The level is the report's "total" (the band index 0–3).
/// - risk flags: questions 4, 5 and 7 are immediate, because the triage guideline says these answers "require
///   patient safety precautions until a mental health professional can evaluate the individual" [V]. Questions 3
///   and 6 are same day and questions 1 and 2 routine: StepCare defaults for the moderate and low levels, which
///   Columbia's setting-specific versions act on differently [S]; a service ties them to its local risk policy.
/// - unanswered questions: each raises its own flag. The level is reported only when no answer to them could
///   change it (see ``score(_:)``); otherwise the report is not scored and says between which levels it lies.
/// - LOINC: panel 93373-9, items 93246-7, 93247-5, 93248-3, 93249-1, 93250-9, 93267-3, 93269-9, answers LA33-6
///   Yes and LA32-8 No [S: LHC-exported form]; there is no LOINC code for the level.
/// - licence: © The Research Foundation for Mental Hygiene; the terms for open-source use are UNVERIFIED, so this
///   is a data-collection shell with neutral labels.
public struct CSSRSInstrument: Instrument {
    public init() {}

    public let definition = InstrumentDefinition(
        id: "cssrs", shortName: "C-SSRS screener", title: "Columbia-Suicide Severity Rating Scale, screener (recent)",
        edition: "Columbia Protocol screen version, recent (LOINC 93373-9); data-collection shell without wording",
        kind: .risk,
        recallPeriod: "past month (questions 1–5); lifetime, then the past 3 months (question 6 and its follow-up)",
        items: zip(1..., cssrsQuestions).map { number, question in
            Item(number: number, text: question.label, options: cssrsYesNo, code: .loinc(question.loinc))
        },
        scoreRange: 0...3, result: .level,
        bands: [
            SeverityBand(0...0, "no risk identified"), SeverityBand(1...1, "low"), SeverityBand(2...2, "moderate"),
            SeverityBand(3...3, "high"),
        ],
        bandSource: "Columbia triage: high [V: Clinical Triage and Workflow Guidelines for the C-SSRS]; moderate and "
            + "low [S: screen-with-triage-points colour coding as implemented by third parties]",
        missingItems: .notScoredWhenIncomplete(
            reason: "the level is not reported while an unanswered question could change it; every unanswered "
                + "question raises its own risk flag"),
        skipRules: [
            SkipRule(
                id: "cssrs-q2-no", when: [2], total: 0, skip: [3, 4, 5], effect: .notAsked,
                text: "if NO to question 2, go directly to question 6 (questions 3–5 are not asked)",
                source: "C-SSRS screener branching [V: LOINC 93373-9 form via LHC-Forms]"),
            SkipRule(
                id: "cssrs-q6-no", when: [6], total: 0, skip: [7], effect: .notAsked,
                text: "ask whether it was within the past 3 months only after YES to question 6",
                source: "C-SSRS screener branching [V: LOINC 93373-9 form via LHC-Forms]"),
        ],
        riskRules: cssrsRiskRules,
        codes: [.loinc("93373-9", "Columbia - suicide severity rating scale screener - recent [C-SSRS]")],
        licence: Licence(
            .permissionRequired,
            terms: "© 2008 The Research Foundation for Mental Hygiene, Inc. Third parties say the C-SSRS is free for "
                + "clinical and community use and that electronic or commercial embedding needs permission; the "
                + "primary terms were not seen (UNVERIFIED). Get written terms from the Columbia Lighthouse Project "
                + "before shipping item wording.",
            attribution: "Columbia-Suicide Severity Rating Scale (C-SSRS), Posner et al.; © The Research Foundation "
                + "for Mental Hygiene, Inc."),
        citations: [
            Citation(
                "Posner K, Brown GK, Stanley B, Brent DA, Yershova KV, Oquendo MA, et al. The Columbia-Suicide "
                    + "Severity Rating Scale: initial validity and internal consistency findings from three multisite "
                    + "studies with adolescents and adults. Am J Psychiatry 2011;168(12):1266–1277.", year: 2011)
        ],
        notes: [
            "Data-collection shell: a service that holds Columbia's terms asks the questions from its own licensed "
                + "form and enters each answer here by item number (y or n).",
            "Question 6 is always asked; questions 3–5 only after YES to question 2; item 7 (within the past 3 "
                + "months) only after YES to question 6. Leave a question that was not asked unanswered (-).",
            "When question 2 (or 6) is unanswered, StepCare cannot know that questions 3–5 (or 7) were not to be "
                + "asked: they count as asked, and each unanswered one raises its own flag.",
            "The urgencies of the moderate (same day) and low (routine) flags are StepCare defaults: tie them to the "
                + "local risk policy.",
        ])

    /// The risk level, the most severe positive answer, reported only when the unanswered questions cannot change it.
    ///
    /// Every positive or unanswered asked question raises its risk flag first. A "yes" never lowers the level, so
    /// the level is determined exactly when treating every unanswered question as "no" and as "yes" gives the same
    /// level (a high level, for example, stands whatever an unanswered question 1 would have said).
    public func score(_ responses: CheckedResponses) -> ScoreReport {
        var report = ScoreReport(
            instrumentID: definition.id, responses: responses.responses, total: nil,
            scoreRange: definition.scoreRange, band: nil, cutOffs: [],
            flags: SummedScale.riskFlags(responses.resolved, rules: definition.riskRules),
            notes: responses.inconsistencies)
        let lowest = Self.level(responses.resolved, unansweredIsYes: false)
        let highest = Self.level(responses.resolved, unansweredIsYes: true)
        let missing = SummedScale.itemList(responses.missingItemNumbers)
        guard lowest == highest else {
            report.notScoredReason =
                "\(missing) not answered, so the level is undetermined: from \"\(label(lowest))\" to "
                + "\"\(label(highest))\" depending on the answers; ask the unanswered questions"
            return report
        }
        if !responses.missingItemNumbers.isEmpty {
            report.notes.append("\(missing) not answered; no answer to them could change the level")
        }
        return SummedScale.finish(report, total: Score(lowest), definition: definition)
    }

    /// The level (0 none … 3 high) with every unanswered question read as `unansweredIsYes`; not asked is "no".
    private static func level(_ resolved: [ResolvedResponse], unansweredIsYes: Bool) -> Int {
        let yes = resolved.map { response -> Bool in
            switch response {
            case .value(let value): value >= 1
            case .notAnswered: unansweredIsYes
            case .notAsked, .notApplicable: false
            }
        }
        if yes[3] || yes[4] || yes[6] { return 3 }
        if yes[2] || yes[5] { return 2 }
        if yes[0] || yes[1] { return 1 }
        return 0
    }

    private func label(_ level: Int) -> String {
        definition.band(for: level)?.label ?? String(level)
    }

}
