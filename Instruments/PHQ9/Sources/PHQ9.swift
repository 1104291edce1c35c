public import StepCareCore

/// The instruments of this module, for the generated registry.
public enum PHQ9Module: InstrumentModule {
    public static let instruments: [any Instrument] = [PHQ9Instrument()]
}

/// The Patient Health Questionnaire, 9 items (PHQ-9): depression severity.
///
/// Sources (see `../shared/reference/instruments.md` §1.1, §7, §8.1):
/// - items, options, summed scoring and the 5/10/15/20 bands: Kroenke, Spitzer & Williams 2001;
/// - caseness PHQ-9 ≥ 10 (published as "> 9") and reliable change ≥ 6: NHS Talking Therapies
///   definitions (MindStep, BMC Psychiatry 2018, Table 1; NHS Digital outcome pages);
/// - item 9 ≥ 1 triggers a suicide-risk assessment whatever the total;
/// - LOINC codes: HL7 SDC example and LHC-Forms test data.
/// The unscored tenth "difficulty" item is not collected.
public struct PHQ9Instrument: Instrument {
    public init() {}

    public let definition = InstrumentDefinition(
        id: "phq9", shortName: "PHQ-9", title: "Patient Health Questionnaire, 9 items",
        edition: "Kroenke, Spitzer & Williams 2001", kind: .symptom, recallPeriod: "last 2 weeks",
        items: zip(1..., wording).map { number, item in
            Item(number: number, text: item.text, options: frequency, code: .loinc(item.loinc))
        },
        scoreRange: 0...27,
        bands: [
            SeverityBand(0...4, "none-minimal"), SeverityBand(5...9, "mild"), SeverityBand(10...14, "moderate"),
            SeverityBand(15...19, "moderately severe"), SeverityBand(20...27, "severe"),
        ],
        bandSource: "Kroenke, Spitzer & Williams 2001",
        cutOffs: [
            CutOffRule(
                id: "nhs-tt-caseness", name: "NHS Talking Therapies caseness", atLeast: 10,
                source: "NHS Talking Therapies: PHQ-9 > 9 (MindStep, BMC Psychiatry 2018, Table 1)")
        ],
        reliableChange: ReliableChange(
            threshold: 6, source: "NHS Talking Therapies: a change of ≥ 6 points (MindStep, BMC Psychiatry 2018)"),
        missingItems: .notScoredWhenIncomplete(
            reason: "no missing-item rule is published for the PHQ-9, so an incomplete form is not scored"),
        riskRules: [
            RiskRule(
                id: "phq9-item9-self-harm-thoughts", item: 9, atLeast: 1, urgency: .sameDay,
                action: "suicide-risk assessment (e.g. C-SSRS) the same day, whatever the total",
                source: "PHQ-9 item 9 > 0 prompts a suicide-risk assessment (Kroenke 2001; service guidance)")
        ],
        codes: [.loinc("44249-1", "PHQ-9 quick depression assessment panel"), .loinc("44261-6", "PHQ-9 total score")],
        licence: Licence(
            .free,
            terms: "Copyright Pfizer Inc.; \"no permission is required to reproduce, translate, display or "
                + "distribute\" (PHQ screeners instructions)",
            attribution: "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
                + "with an educational grant from Pfizer Inc."),
        citations: [
            Citation(
                "Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. "
                    + "J Gen Intern Med 2001;16(9):606–613.", year: 2001),
            Citation(
                "Spitzer RL, Kroenke K, Williams JBW. Validation and utility of a self-report version of PRIME-MD: "
                    + "the PHQ primary care study. JAMA 1999;282:1737–1744.", year: 1999),
        ],
        notes: ["Item 9 asks about thoughts of death or self-harm: any answer above 0 raises a risk flag."])
}

private let frequency = [
    ResponseOption(0, "Not at all", code: .loinc("LA6568-5")),
    ResponseOption(1, "Several days", code: .loinc("LA6569-3")),
    ResponseOption(2, "More than half the days", code: .loinc("LA6570-1")),
    ResponseOption(3, "Nearly every day", code: .loinc("LA6571-9")),
]

private let wording: [(text: String, loinc: String)] = [
    ("Little interest or pleasure in doing things", "44250-9"),
    ("Feeling down, depressed, or hopeless", "44255-8"),
    ("Trouble falling or staying asleep, or sleeping too much", "44259-0"),
    ("Feeling tired or having little energy", "44254-1"),
    ("Poor appetite or overeating", "44251-7"),
    ("Feeling bad about yourself — or that you are a failure or have let yourself or your family down", "44258-2"),
    ("Trouble concentrating on things, such as reading the newspaper or watching television", "44252-5"),
    (
        "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety "
            + "or restless that you have been moving around a lot more than usual", "44253-3"
    ),
    ("Thoughts that you would be better off dead or of hurting yourself in some way", "44260-8"),
]
