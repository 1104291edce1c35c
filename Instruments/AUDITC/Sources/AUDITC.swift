public import StepCareCore

/// The instruments of this module, for the generated registry: the US version first (the default), then the UK.
public enum AUDITCModule: InstrumentModule {
    public static let instruments: [any Instrument] = [AUDITCUSInstrument(), AUDITCUKInstrument()]
}

/// AUDIT-C, US version (standard drinks): the AUDIT's three consumption questions, total 0–12.
///
/// Sources (`../shared/reference/instruments.md` §5.2, §8.2):
/// - three items scored 0–4, total 0–12 [V: CamCOPS audit.py `AuditC`];
/// - cut-offs ≥ 4 for men and ≥ 3 for women (Bush 1998; Bradley 2003/2007) [S], two named rules with their
///   population. Bands may not depend on sex, so they partition the total by those two rules: 0–2 below both,
///   3 positive under the women's rule only, 4–12 at or above both (a StepCare choice; the reference has no bands);
/// - LOINC panel 72109-2 and total 75626-2 [S]; the item codes 68518-0, 68519-8, 68520-6 are UNVERIFIED (one
///   source) and are not set;
/// - no missing-item rule: an incomplete form is not scored;
/// - licence: "AUDIT-C is available for use in the public domain" (SAMHSA tool sheet, quoted in CamCOPS audit.rst)
///   [S]. An older CamCOPS release "presumed" the AUDIT's non-commercial terms; noted.
/// - wording: the Bush et al. 1998 / SAMHSA phrasing as reproduced in CamCOPS `extra_strings/audit.xml`
///   (`c_q1_question` … `c_q3_question`; question 2's first answer "0, 1, or 2"; the other answers are the AUDIT's).
public struct AUDITCUSInstrument: Instrument {
    public init() {}

    public let definition = InstrumentDefinition(
        id: "auditc", shortName: "AUDIT-C", title: "AUDIT Alcohol Consumption Questions",
        edition: "Bush et al. 1998, US standard-drink wording (SAMHSA tool sheet)",
        variant: InstrumentVariant(
            id: "us", name: "US standard drinks; positive at 4 or more for men, 3 or more for women",
            source: "Bush et al. 1998; Bradley et al. 2003 and 2007 [S: reference §5.2]"),
        kind: .screener, recallPeriod: "past year",
        items: [
            Item(
                number: 1, text: "How often did you have a drink containing alcohol in the past year?",
                options: drinkingFrequency),
            Item(
                number: 2,
                text: "How many drinks did you have on a typical day when you were drinking in the past year?",
                options: [
                    ResponseOption(0, "0, 1, or 2"), ResponseOption(1, "3 or 4"), ResponseOption(2, "5 or 6"),
                    ResponseOption(3, "7, 8, or 9"), ResponseOption(4, "10 or more"),
                ]),
            Item(
                number: 3, text: "How often did you have 6 or more drinks on one occasion in the past year?",
                options: frequency),
        ],
        scoreRange: 0...12,
        bands: [
            SeverityBand(0...2, "negative: below both cut-offs"),
            SeverityBand(3...3, "positive under the women's cut-off only"),
            SeverityBand(4...12, "positive: at or above both cut-offs"),
        ],
        bandSource: "StepCare: the totals split by the two sex-specific cut-offs (≥ 4 men, ≥ 3 women; Bush 1998, "
            + "Bradley 2003/2007 [S]), so the band does not depend on sex; read the rule for the person's population",
        cutOffs: [
            CutOffRule(
                id: "bush-1998-men", name: "Positive screen, men: 4 or more", atLeast: 4, population: "men",
                source: "Bush et al. 1998, Arch Intern Med 158(16):1789–1795 [S: reference §5.2]"),
            CutOffRule(
                id: "bush-1998-women", name: "Positive screen, women: 3 or more", atLeast: 3, population: "women",
                source: "Bradley et al. 2003 and 2007 (sex-specific thresholds), cited with Bush 1998 [S: reference "
                    + "§5.2]"),
        ],
        missingItems: .notScoredWhenIncomplete(
            reason: "no missing-item rule is published for the AUDIT-C, so an incomplete form is not scored"),
        codes: [
            .loinc("72109-2", "Alcohol Use Disorder Identification Test - Consumption [AUDIT-C]"),
            .loinc("75626-2", "Total score [AUDIT-C]"),
        ],
        licence: Licence(
            .free,
            terms: "\"AUDIT-C is available for use in the public domain\" (SAMHSA AUDIT-C tool sheet, quoted in "
                + "CamCOPS audit.rst) [S]; derived from the WHO AUDIT",
            attribution: "AUDIT-C: Bush, Kivlahan, McDonell, Fihn & Bradley 1998, from the WHO AUDIT"),
        citations: [bush1998, bradley2003, bradley2007],
        notes: [
            "A drink is \"a can or bottle of beer, a glass of wine, a wine cooler, or one cocktail or a shot of hard "
                + "liquor (like scotch, gin, or vodka)\" (the instruction in CamCOPS's copy).",
            "Positive at 4 or more for men and 3 or more for women: a total of 3 is positive for women only.",
            "The US and UK forms differ in wording and threshold: store the variant with each response and do not "
                + "compare their totals.",
            "Item LOINC codes 68518-0, 68519-8 and 68520-6 come from one source (UNVERIFIED) and are not set. The "
                + "panel and total codes are secondary-source; verify them on loinc.org before exporting.",
            "An older CamCOPS release presumed the AUDIT-C shares the AUDIT's non-commercial terms; the reference's "
                + "reading (public domain, SAMHSA) is used here.",
        ])
}

/// AUDIT-C, UK version (units): a data-collection shell without wording, total 0–12, positive at 5 or more.
///
/// Sources (`../shared/reference/instruments.md` §5.2, §11 item 9):
/// - question 2 asks about units (1–2, 3–4, 5–6, 7–9, 10+) and question 3 about 6 or more units (women) or 8 or
///   more (men) on a single occasion in the last year; "a score of 5 or more is AUDIT-C positive" ("increasing or
///   higher risk drinking") and the remaining seven AUDIT questions are then asked [V: NHS / Alcohol Learning
///   Centre form copies]. The bands are the two sides of that cut-off.
/// - licence: the reuse terms of this UK government adaptation were not found (UNVERIFIED), so no wording ships:
///   items have neutral labels and answers are entered by their score as printed on the service's own form;
/// - no LOINC code: whether the AUDIT-C codes cover the UK units form is not verified; no missing-item rule: an
///   incomplete form is not scored.
public struct AUDITCUKInstrument: Instrument {
    public init() {}

    public let definition = InstrumentDefinition(
        id: "auditc", shortName: "AUDIT-C", title: "AUDIT Alcohol Consumption Questions",
        edition: "UK units version (UK government adaptation); data-collection shell without wording",
        variant: InstrumentVariant(
            id: "uk", name: "UK units; positive at 5 or more",
            source: "NHS / Alcohol Learning Centre AUDIT-C form copies [V: reference §5.2]"),
        kind: .screener, recallPeriod: "last year",
        items: zip(1..., ukLabels).map { number, label in Item(number: number, text: label, options: scoreOnly) },
        scoreRange: 0...12,
        bands: [
            SeverityBand(0...4, "screen negative (below 5)"),
            SeverityBand(5...12, "screen positive: increasing or higher risk"),
        ],
        bandSource: "UK AUDIT-C form: \"a score of 5 or more is AUDIT-C positive\" (increasing or higher risk "
            + "drinking) [V: reference §5.2]; the bands are the two sides of that cut-off",
        cutOffs: [
            CutOffRule(
                id: "uk-positive-5",
                name: "AUDIT-C positive: increasing or higher risk; ask the remaining AUDIT questions", atLeast: 5,
                source: "NHS / Alcohol Learning Centre AUDIT-C form copies [V: reference §5.2]")
        ],
        missingItems: .notScoredWhenIncomplete(
            reason: "no missing-item rule is published for the AUDIT-C, so an incomplete form is not scored"),
        licence: Licence(
            .permissionRequired,
            terms: "A UK government adaptation of the AUDIT-C; its reuse terms were not found (UNVERIFIED: reference "
                + "§5.2, §11 item 9). StepCare ships no wording for it.",
            attribution: "AUDIT-C (UK units version), adapted from the WHO AUDIT and Bush et al. 1998"),
        citations: [bush1998, babor2001],
        notes: [
            "Data-collection shell: a service licensed to use the UK form asks the questions from its own copy and "
                + "enters each answer's score (0–4) here by item number.",
            "Question 3 asks about 6 or more units for women and 8 or more for men on a single occasion, so one "
                + "cut-off (5 or more) applies to everyone.",
            "A positive screen is followed by the remaining seven AUDIT questions (the audit instrument).",
            "The US and UK forms differ in wording and threshold: store the variant with each response and do not "
                + "compare their totals.",
        ])
}

/// Neutral labels for the UK shell: no wording ships (at most 40 characters, not questions).
private let ukLabels = ["Drinking frequency", "Units on a typical drinking day", "Heavy single occasions"]

/// The UK shell's answers, entered by the score printed on the service's own form.
private let scoreOnly = (0...4).map { ResponseOption($0, "answer scoring \($0)") }

private let drinkingFrequency = [
    ResponseOption(0, "Never"), ResponseOption(1, "Monthly or less"), ResponseOption(2, "2 to 4 times a month"),
    ResponseOption(3, "2 to 3 times a week"), ResponseOption(4, "4 or more times a week"),
]

private let frequency = [
    ResponseOption(0, "Never"), ResponseOption(1, "Less than monthly"), ResponseOption(2, "Monthly"),
    ResponseOption(3, "Weekly"), ResponseOption(4, "Daily or almost daily"),
]

private let bush1998 = Citation(
    "Bush K, Kivlahan DR, McDonell MB, Fihn SD, Bradley KA. The AUDIT alcohol consumption questions (AUDIT-C): an "
        + "effective brief screening test for problem drinking. Arch Intern Med 1998;158(16):1789–1795.", year: 1998)

private let bradley2003 = Citation(
    "Bradley KA, Bush KR, Epler AJ, et al. Two brief alcohol-screening tests from the Alcohol Use Disorders "
        + "Identification Test (AUDIT): validation in a female Veterans Affairs patient population. Arch Intern Med "
        + "2003;163:821–829.", year: 2003)

private let bradley2007 = Citation(
    "Bradley KA, DeBenedetti AF, Volk RJ, Williams EC, Frank D, Kivlahan DR. AUDIT-C as a brief screen for alcohol "
        + "misuse in primary care. Alcohol Clin Exp Res 2007;31(7):1208–1217.", year: 2007)

private let babor2001 = Citation(
    "Babor TF, Higgins-Biddle JC, Saunders JB, Monteiro MG. AUDIT: The Alcohol Use Disorders Identification Test. "
        + "Guidelines for Use in Primary Care, 2nd ed. WHO/MSD/MSB/01.6a. World Health Organization, 2001.",
    year: 2001)
