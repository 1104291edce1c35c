public import StepCareCore

/// The instruments of this module, for the generated registry.
public enum PHQ2Module: InstrumentModule {
    public static let instruments: [any Instrument] = [PHQ2Instrument()]
}

/// The Patient Health Questionnaire, 2 items (PHQ-2): a depression screener, items 1 and 2 of the PHQ-9.
///
/// Sources (`../shared/reference/instruments.md` §1.2, §8.1):
/// - items, options and summed scoring: Kroenke, Spitzer & Williams 2003;
/// - cut-offs, two named variants: ≥ 3 (Kroenke 2003; sensitivity 61%, specificity 92% in Arroll 2010) is the
///   default and decides the band; ≥ 2 (Arroll et al. 2010: sensitivity 86%, specificity 78%) is offered for
///   services that prefer sensitivity. Reports show both, each under its own name.
/// - LOINC panel 55757-9 and total 55758-7 are secondary-source codes [S]; items reuse the PHQ-9 item codes.
/// - Either item missing: not scored (reference §1.2).
public struct PHQ2Instrument: Instrument {
    public init() {}

    public let definition = InstrumentDefinition(
        id: "phq2", shortName: "PHQ-2", title: "Patient Health Questionnaire, 2 items",
        edition: "Kroenke, Spitzer & Williams 2003", kind: .screener, recallPeriod: "last 2 weeks",
        items: [
            Item(
                number: 1, text: "Little interest or pleasure in doing things", options: frequency,
                code: .loinc("44250-9")),
            Item(number: 2, text: "Feeling down, depressed, or hopeless", options: frequency, code: .loinc("44255-8")),
        ],
        scoreRange: 0...6,
        bands: [SeverityBand(0...2, "screen negative"), SeverityBand(3...6, "screen positive")],
        bandSource: "Kroenke, Spitzer & Williams 2003: ≥ 3 is a positive screen; follow with the PHQ-9",
        cutOffs: [
            CutOffRule(
                id: "kroenke-2003", name: "Positive screen (Kroenke 2003, default)", atLeast: 3,
                source: "Kroenke, Spitzer & Williams 2003, Med Care 41(11):1284–1292"),
            CutOffRule(
                id: "arroll-2010-sensitive", name: "Positive screen, higher sensitivity (Arroll 2010)", atLeast: 2,
                source: "Arroll et al. 2010, Ann Fam Med (PMC2906530): sensitivity 86%, specificity 78%"),
        ],
        missingItems: .noItemMayBeMissing(
            source: "the PHQ-2 is not scorable if either item is missing (reference §1.2)"),
        codes: [.loinc("55757-9", "PHQ-2 panel"), .loinc("55758-7", "PHQ-2 total score")],
        licence: Licence(
            .free,
            terms: "Copyright Pfizer Inc.; \"no permission is required to reproduce, translate, display or "
                + "distribute\" (PHQ screeners instructions)",
            attribution: "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
                + "with an educational grant from Pfizer Inc."),
        citations: [
            Citation(
                "Kroenke K, Spitzer RL, Williams JBW. The Patient Health Questionnaire-2: validity of a two-item "
                    + "depression screener. Med Care 2003;41(11):1284–1292.", year: 2003),
            Citation(
                "Arroll B, Goodyear-Smith F, Crengle S, et al. Validation of PHQ-2 and PHQ-9 to screen for major "
                    + "depression in the primary care population. Ann Fam Med 2010;8(4):348–353.", year: 2010),
        ],
        notes: ["A positive screen is followed by the full PHQ-9, which also asks the self-harm item."])
}

private let frequency = [
    ResponseOption(0, "Not at all", code: .loinc("LA6568-5")),
    ResponseOption(1, "Several days", code: .loinc("LA6569-3")),
    ResponseOption(2, "More than half the days", code: .loinc("LA6570-1")),
    ResponseOption(3, "Nearly every day", code: .loinc("LA6571-9")),
]
