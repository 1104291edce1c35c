public import StepCareCore

/// The instruments of this module, for the generated registry.
public enum GAD2Module: InstrumentModule {
    public static let instruments: [any Instrument] = [GAD2Instrument()]
}

/// The Generalized Anxiety Disorder scale, 2 items (GAD-2): an anxiety screener, items 1 and 2 of the GAD-7.
///
/// Sources (`../shared/reference/instruments.md` §1.4, §8.1):
/// - items, options, summed scoring and the ≥ 3 cut-off (sensitivity 86%, specificity 83%): Kroenke et al.
///   2007 [S]. This is the default and decides the band.
/// - ≥ 2 is offered as a named higher-sensitivity variant, mirroring the PHQ-2. Its performance for the GAD-2
///   is **not verified** in the project's reference, and the rule's source says so.
/// - The "1–2 mild, 3–4 moderate, 5–6 severe" bands seen in one implementation are not from Kroenke 2007
///   (reference: UNVERIFIED) and are not used.
/// - No LOINC code is verified for the GAD-2 total; none is given. Item 1 reuses the GAD-7 item 1 code only
///   as an item code.
public struct GAD2Instrument: Instrument {
    public init() {}

    public let definition = InstrumentDefinition(
        id: "gad2", shortName: "GAD-2", title: "Generalized Anxiety Disorder scale, 2 items",
        edition: "Kroenke, Spitzer, Williams, Monahan & Löwe 2007", kind: .screener, recallPeriod: "last 2 weeks",
        items: [
            Item(number: 1, text: "Feeling nervous, anxious, or on edge", options: frequency, code: .loinc("69725-0")),
            Item(number: 2, text: "Not being able to stop or control worrying", options: frequency),
        ],
        scoreRange: 0...6,
        bands: [SeverityBand(0...2, "screen negative"), SeverityBand(3...6, "screen positive")],
        bandSource: "Kroenke et al. 2007: ≥ 3 is a positive screen; follow with the GAD-7",
        cutOffs: [
            CutOffRule(
                id: "kroenke-2007", name: "Positive screen (Kroenke 2007, default)", atLeast: 3,
                source: "Kroenke et al. 2007, Ann Intern Med 146(5):317–325: sensitivity 86%, specificity 83%"),
            CutOffRule(
                id: "sensitive-2", name: "Positive screen, higher sensitivity (service choice)", atLeast: 2,
                source: "Offered to mirror the PHQ-2 ≥ 2 option; its accuracy for the GAD-2 is UNVERIFIED in the "
                    + "project reference and must be checked before a service relies on it"),
        ],
        missingItems: .noItemMayBeMissing(
            source: "StepCare applies the PHQ-2's rule (not scorable if either item is missing, reference §1.2) to its "
                + "sibling screener: no rule was found for the GAD-2 itself (reference §1.4), and a total "
                + "prorated from one of two items would be the doubled item"),
        licence: Licence(
            .free,
            terms: "Copyright Pfizer Inc.; \"no permission is required to reproduce, translate, display or "
                + "distribute\" (PHQ screeners instructions)",
            attribution: "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
                + "with an educational grant from Pfizer Inc."),
        citations: [
            Citation(
                "Kroenke K, Spitzer RL, Williams JBW, Monahan PO, Löwe B. Anxiety disorders in primary care: "
                    + "prevalence, impairment, comorbidity, and detection. Ann Intern Med 2007;146(5):317–325.",
                year: 2007)
        ],
        notes: ["A positive screen is followed by the full GAD-7."])
}

private let frequency = [
    ResponseOption(0, "Not at all", code: .loinc("LA6568-5")),
    ResponseOption(1, "Several days", code: .loinc("LA6569-3")),
    ResponseOption(2, "More than half the days", code: .loinc("LA6570-1")),
    ResponseOption(3, "Nearly every day", code: .loinc("LA6571-9")),
]
