public import StepCareCore

/// The instruments of this module, for the generated registry.
public enum PHQ15Module: InstrumentModule {
    public static let instruments: [any Instrument] = [PHQ15Instrument()]
}

/// The Patient Health Questionnaire, 15 items (PHQ-15): somatic symptom severity.
///
/// Sources (`../shared/reference/instruments.md` §1.5, §8.1):
/// - items, the 0–2 options ("Not bothered" 0, "Bothered a little" 1, "Bothered a lot" 2), the "past 4 weeks"
///   recall and the 0–30 total: Kroenke, Spitzer & Williams 2002 [V: LOINC item names];
/// - item 4 (menstrual problems) is asked of women only; marked not applicable it is left out and the total is
///   out of 28 [V: CamCOPS phq15.py, "In males, maximum score is actually 28"];
/// - bands ≥ 15 high, ≥ 10 medium, ≥ 5 low, else minimal [V: CamCOPS `severity()`];
/// - three or more items scored 2 ("bothered a lot") suggest a somatoform disorder, sensitivity 78%, specificity
///   71% [V: CamCOPS phq15.rst, citing Kroenke et al. 2010]; reported as a finding, not as a band;
/// - LOINC panel 69728-4 and total 70273-8 [S/V: MII PROMs IG, connectathon FSH]; item 1 69671-6 [V]. The other
///   item codes and the answer codes are not in the reference and are left out;
/// - licence: free, Pfizer "no permission required" [V, §8.1].
/// Item wording is the public PHQ-15 wording, checked word for word against two FHIR questionnaires built from
/// LOINC panel 69728-4 (the LHC-Forms export in `glow-mdsol/vulcan-soa-connectathon-37`, and the MII PROMs
/// PHQ-15). Item order is the original form's (CamCOPS phq15.py: menstrual problems 4th, sexual intercourse
/// 11th); LOINC's panel lists the sexual-intercourse item 5th. No missing-item rule is published.
public struct PHQ15Instrument: Instrument {
    public init() {}

    public let definition = InstrumentDefinition(
        id: "phq15", shortName: "PHQ-15", title: "Patient Health Questionnaire, 15 items (somatic symptoms)",
        edition: "Kroenke, Spitzer & Williams 2002", kind: .symptom, recallPeriod: "past 4 weeks",
        items: zip(1..., wording).map { number, text in
            Item(
                number: number, text: text, options: bother, code: number == 1 ? .loinc("69671-6") : nil,
                notApplicableFor: number == 4 ? "men" : nil)
        },
        scoreRange: 0...30,
        bands: [
            SeverityBand(0...4, "minimal"), SeverityBand(5...9, "low"), SeverityBand(10...14, "medium"),
            SeverityBand(15...30, "high"),
        ],
        bandSource: "Kroenke, Spitzer & Williams 2002 cut-points 5, 10 and 15 (CamCOPS `severity()`)",
        missingItems: .notScoredWhenIncomplete(
            reason: "no missing-item rule is published for the PHQ-15, so an incomplete form is not scored "
                + "(item 4 may instead be marked not applicable for men)"),
        codes: [
            .loinc("69728-4", "Patient Health Questionnaire 15 item (PHQ-15) [Reported]"),
            .loinc("70273-8", "Patient Health Questionnaire 15 item (PHQ-15) total score [Reported]"),
        ],
        licence: Licence(
            .free,
            terms: "Copyright Pfizer Inc.; \"no permission is required to reproduce, translate, display or "
                + "distribute\" (PHQ screeners instructions)",
            attribution: "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
                + "with an educational grant from Pfizer Inc."),
        citations: [
            Citation(
                "Kroenke K, Spitzer RL, Williams JBW. The PHQ-15: validity of a new measure for evaluating the "
                    + "severity of somatic symptoms. Psychosom Med 2002;64(2):258–266.", year: 2002),
            Citation(
                "Kroenke K, Spitzer RL, Williams JBW, Löwe B. The Patient Health Questionnaire Somatic, Anxiety, "
                    + "and Depressive Symptom Scales: a systematic review. Gen Hosp Psychiatry 2010;32(4):345–359.",
                year: 2010),
        ],
        notes: [
            "Each item asks: during the past 4 weeks, how much have you been bothered by …",
            "Item 4 is for women only: for men answer n/a, and the total is then out of 28.",
            "Three or more items scored 2 are reported as a finding (possible somatoform disorder); a clinical "
                + "assessment decides.",
        ])

    /// The summed score, plus the somatoform finding when three or more answered items score 2.
    ///
    /// The finding is reported even when the form is incomplete: unanswered items cannot lower the count.
    public func score(_ responses: CheckedResponses) -> ScoreReport {
        var report = SummedScale.score(responses, definition: definition)
        let botheredALot = responses.resolved.filter { $0.value == 2 }.count
        if botheredALot >= 3 {
            report.findings.append(
                Finding(
                    id: "phq15-somatoform-indication",
                    text: "\(botheredALot) symptoms bothered a lot: 3 or more suggest a somatoform disorder "
                        + "(sensitivity 78%, specificity 71%); assess clinically",
                    source: "Kroenke et al. 2010, via CamCOPS PHQ-15 documentation"))
        }
        return report
    }
}

private let bother = [
    ResponseOption(0, "Not bothered"), ResponseOption(1, "Bothered a little"), ResponseOption(2, "Bothered a lot"),
]

private let wording = [
    "Stomach pain",
    "Back pain",
    "Pain in your arms, legs, or joints (knees, hips, etc.)",
    "Menstrual cramps or other problems with your periods",
    "Headaches",
    "Chest pain",
    "Dizziness",
    "Fainting spells",
    "Feeling your heart pound or race",
    "Shortness of breath",
    "Pain or problems during sexual intercourse",
    "Constipation, loose bowels, or diarrhea",
    "Nausea, gas, or indigestion",
    "Feeling tired or having low energy",
    "Trouble sleeping",
]
