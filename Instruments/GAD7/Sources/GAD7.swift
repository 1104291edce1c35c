public import StepCareCore

/// The instruments of this module, for the generated registry.
public enum GAD7Module: InstrumentModule {
    public static let instruments: [any Instrument] = [GAD7Instrument()]
}

/// The Generalized Anxiety Disorder scale, 7 items (GAD-7): anxiety severity.
///
/// Sources (see `../shared/reference/instruments.md` §1.3, §7, §8.1):
/// - items, options, summed scoring, the 5/10/15 bands and the ≥ 10 screening cut-off: Spitzer et al. 2006;
/// - caseness GAD-7 ≥ 8 (published as "> 7") and reliable change ≥ 4: NHS Talking Therapies definitions
///   (MindStep, BMC Psychiatry 2018, Table 1). The two cut-offs are different named rules.
/// - LOINC: panel 69737-5, total 70274-6, item 1 69725-0 (MII PROMs IG). Other item codes are not verified
///   and are left out.
/// The 0 anchor is "Not at all" (Zorowitz et al. 2021 on mis-printed copies). The unscored tenth
/// "difficulty" item is not collected.
public struct GAD7Instrument: Instrument {
    public init() {}

    public let definition = InstrumentDefinition(
        id: "gad7", shortName: "GAD-7", title: "Generalized Anxiety Disorder scale, 7 items",
        edition: "Spitzer, Kroenke, Williams & Löwe 2006", kind: .symptom, recallPeriod: "last 2 weeks",
        items: zip(1..., wording).map { number, text in
            Item(number: number, text: text, options: frequency, code: number == 1 ? .loinc("69725-0") : nil)
        },
        scoreRange: 0...21,
        bands: [
            SeverityBand(0...4, "minimal"), SeverityBand(5...9, "mild"), SeverityBand(10...14, "moderate"),
            SeverityBand(15...21, "severe"),
        ],
        bandSource: "Spitzer, Kroenke, Williams & Löwe 2006",
        cutOffs: [
            CutOffRule(
                id: "nhs-tt-caseness", name: "NHS Talking Therapies caseness", atLeast: 8,
                source: "NHS Talking Therapies: GAD-7 > 7 (MindStep, BMC Psychiatry 2018, Table 1)"),
            CutOffRule(
                id: "spitzer-gad-screen", name: "Spitzer GAD screening cut-off", atLeast: 10,
                source: "Spitzer et al. 2006: ≥ 10 for generalized anxiety disorder (sensitivity 89%, specificity 82%)"),
        ],
        reliableChange: ReliableChange(
            threshold: 4, source: "NHS Talking Therapies: a change of ≥ 4 points (MindStep, BMC Psychiatry 2018)"),
        missingItems: .notScoredWhenIncomplete(
            reason: "no missing-item rule is published for the GAD-7, so an incomplete form is not scored"),
        codes: [.loinc("69737-5", "GAD-7 panel"), .loinc("70274-6", "GAD-7 total score")],
        licence: Licence(
            .free,
            terms: "Copyright Pfizer Inc.; \"no permission is required to reproduce, translate, display or "
                + "distribute\" (PHQ screeners instructions)",
            attribution: "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
                + "with an educational grant from Pfizer Inc."),
        citations: [
            Citation(
                "Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety "
                    + "disorder: the GAD-7. Arch Intern Med 2006;166(10):1092–1097.", year: 2006)
        ])
}

private let frequency = [
    ResponseOption(0, "Not at all", code: .loinc("LA6568-5")),
    ResponseOption(1, "Several days", code: .loinc("LA6569-3")),
    ResponseOption(2, "More than half the days", code: .loinc("LA6570-1")),
    ResponseOption(3, "Nearly every day", code: .loinc("LA6571-9")),
]

private let wording = [
    "Feeling nervous, anxious, or on edge",
    "Not being able to stop or control worrying",
    "Worrying too much about different things",
    "Trouble relaxing",
    "Being so restless that it is hard to sit still",
    "Becoming easily annoyed or irritable",
    "Feeling afraid, as if something awful might happen",
]
