public import StepCareCore

/// The instruments of this module, for the generated registry.
public enum AUDITModule: InstrumentModule {
    public static let instruments: [any Instrument] = [AUDITInstrument()]
}

/// The Alcohol Use Disorders Identification Test (AUDIT), WHO, 10 items, total 0–40.
///
/// Sources (`../shared/reference/instruments.md` §5.1, §8.2):
/// - items 1–8 scored 0–4 and items 9–10 scored 0, 2 or 4 [V: Awell audit_inputs.ts; WHO manual copies];
/// - the interview skip rules: a 0 on question 1 skips to questions 9 and 10, and so does a total of 0 on
///   questions 2 and 3; skipped questions score 0, not missing [S: skyscape copy of the WHO interview version];
/// - subscales consumption 1–3, dependence 4–6, harm 7–10 [V: Awell audit];
/// - zones I 0–7, II 8–15, III 16–19, IV 20–40 with their interventions (Babor et al. 2001) [V:
///   comorbidityguidelines.org.au citing WHO 2001]; the cut-off ≥ 8 is the start of zone II;
/// - findings: "possible dependence" when questions 4–6 total 4 or more [S: Awell README]; and the WHO's "Provide
///   the next highest level of intervention to patients who score 2 or more on Questions 4, 5 and 6, or 4 on
///   Questions 9 or 10" (WHO text quoted in reference §5.1), read as 2 or more on ANY ONE of questions 4, 5
///   or 6 (parallel to "4 on Questions 9 or 10", item by item; this reading flags every case the stricter "all
///   three" reading would, and a summed reading would duplicate the dependence finding);
/// - LOINC panel 72110-0 and total 75624-7 [S], set because the reference's reading comes from a LOINC value-set
///   translation; one third-party file swaps the AUDIT and AUDIT-C totals, so verify on loinc.org before export;
/// - no missing-item rule is published: an incomplete form is not scored (skipped questions are not missing);
/// - licence: WHO, free to reproduce "but not for sale or for use in conjunction with commercial purposes" [V];
/// - wording: the WHO interview version as reproduced in CamCOPS `extra_strings/audit.xml` (see AUDITItems.swift).
public struct AUDITInstrument: Instrument {
    public init() {}

    public let definition = InstrumentDefinition(
        id: "audit", shortName: "AUDIT", title: "Alcohol Use Disorders Identification Test",
        edition: "WHO, Babor et al. 2001 (2nd edition), interview version with its skip rules", kind: .symptom,
        recallPeriod: "last year (questions 9 and 10: ever, and whether during the last year)",
        items: zip(1..., auditItems).map { number, item in
            Item(number: number, text: item.text, options: item.options)
        },
        scoreRange: 0...40,
        bands: [
            SeverityBand(0...7, "zone I: alcohol education"),
            SeverityBand(8...15, "zone II: simple advice"),
            SeverityBand(16...19, "zone III: simple advice plus brief counselling and continued monitoring"),
            SeverityBand(20...40, "zone IV: referral to a specialist for diagnostic evaluation and treatment"),
        ],
        bandSource: "Babor et al. 2001 (WHO AUDIT manual), zones I–IV [V: comorbidityguidelines.org.au citing WHO "
            + "2001]; the manual says cut-offs may vary with country and standard-drink size",
        cutOffs: [
            CutOffRule(
                id: "who-8", name: "Hazardous or harmful drinking: 8 or more (WHO zone II and above)", atLeast: 8,
                source: "Babor et al. 2001 (WHO AUDIT manual): zone II starts at 8; CamCOPS's \"standard cut-off "
                    + "(8 or more)\"")
        ],
        missingItems: .notScoredWhenIncomplete(
            reason: "no missing-item rule is published for the AUDIT, so an incomplete form is not scored (questions "
                + "skipped by the interview rules score 0 and are not missing)"),
        skipRules: [
            SkipRule(
                id: "audit-q1-never", when: [1], total: 0, skip: [2, 3, 4, 5, 6, 7, 8], effect: .scoresAs(0),
                text: "if the score for question 1 is 0, skip to questions 9 and 10; questions 2–8 score 0",
                source: "WHO AUDIT interview version (Babor et al. 2001) [S: skyscape copy, reference §5.1]"),
            SkipRule(
                id: "audit-q2-q3-zero", when: [2, 3], total: 0, skip: [4, 5, 6, 7, 8], effect: .scoresAs(0),
                text:
                    "if the total score for questions 2 and 3 is 0, skip to questions 9 and 10; questions 4–8 score 0",
                source: "WHO AUDIT interview version (Babor et al. 2001) [S: skyscape copy, reference §5.1]"),
        ],
        subscales: [
            Subscale(id: "consumption", name: "Consumption (questions 1–3)", items: [1, 2, 3]),
            Subscale(id: "dependence", name: "Dependence symptoms (questions 4–6)", items: [4, 5, 6]),
            Subscale(id: "harm", name: "Alcohol-related harm (questions 7–10)", items: [7, 8, 9, 10]),
        ],
        codes: [.loinc("72110-0", "AUDIT panel"), .loinc("75624-7", "Total score [AUDIT]")],
        licence: Licence(
            .nonCommercial,
            terms: "© World Health Organization 2001. The manual \"may, however, be freely reviewed, abstracted, "
                + "reproduced, and translated, in part or in whole but not for sale or for use in conjunction with "
                + "commercial purposes\" [V: quoted in CamCOPS audit.rst]; a commercial service needs WHO permission",
            attribution: "AUDIT: The Alcohol Use Disorders Identification Test. Copyright © World Health "
                + "Organization (Babor, Higgins-Biddle, Saunders & Monteiro 2001)"),
        citations: [
            Citation(
                "Babor TF, Higgins-Biddle JC, Saunders JB, Monteiro MG. AUDIT: The Alcohol Use Disorders "
                    + "Identification Test. Guidelines for Use in Primary Care, 2nd ed. WHO/MSD/MSB/01.6a. Geneva: "
                    + "World Health Organization, 2001.", year: 2001),
            Citation(
                "Saunders JB, Aasland OG, Babor TF, de la Fuente JR, Grant M. Development of the Alcohol Use "
                    + "Disorders Identification Test (AUDIT) … Addiction 1993;88(6):791–804.", year: 1993),
        ],
        notes: [
            "Questions 9 and 10 score 0, 2 or 4 only.",
            "Interview skip rules: a 0 on question 1 scores questions 2–8 as 0; a total of 0 on questions 2 and 3 "
                + "scores questions 4–8 as 0. Questions 9 and 10 are always asked. An answer given anyway to a "
                + "skipped question (self-report form) is kept.",
            "Answers count standard drinks; the WHO manual says cut-offs may vary with country and drink size.",
            "UK wording of the same zones: 0–7 lower risk, 8–15 increasing risk, 16–19 higher risk, 20+ possible "
                + "dependence (secondary sources).",
            "Findings beside the zone: possible dependence (questions 4–6 total 4 or more, secondary source) and the "
                + "WHO's next-highest-level rule, read as 2 or more on any one of questions 4, 5 or 6, or 4 on "
                + "question 9 or 10. Both count answered questions, so they are reported even on an unscored form.",
            "LOINC 72110-0 (panel) and 75624-7 (total) are secondary-source codes; one third-party file swaps the "
                + "AUDIT and AUDIT-C totals. Verify on loinc.org before exporting.",
        ])

    /// Sums the items like any summed scale (skip rules already applied), then adds the two findings.
    public func score(_ responses: CheckedResponses) -> ScoreReport {
        var report = SummedScale.score(responses, definition: definition)
        let value = { (item: Int) -> Int in responses.resolved[item - 1].value ?? 0 }
        if value(4) + value(5) + value(6) >= 4 {
            report.findings.append(possibleDependence)
        }
        if [4, 5, 6].contains(where: { value($0) >= 2 }) || [9, 10].contains(where: { value($0) == 4 }) {
            report.findings.append(nextLevelOfIntervention)
        }
        return report
    }
}

private let possibleDependence = Finding(
    id: "audit-possible-dependence",
    text: "possible alcohol dependence: questions 4–6 (dependence subscale) total 4 or more",
    source: "Awell AUDIT README [S: reference §5.1]")

private let nextLevelOfIntervention = Finding(
    id: "audit-next-level-of-intervention",
    text: "provide the next highest level of intervention than the zone gives: 2 or more on question 4, 5 or 6, or "
        + "4 on question 9 or 10",
    source: "WHO (Babor et al. 2001): \"Provide the next highest level of intervention to patients who score 2 or "
        + "more on Questions 4, 5 and 6, or 4 on Questions 9 or 10\"; StepCare reads \"Questions 4, 5 and 6\" as "
        + "any one of them")
