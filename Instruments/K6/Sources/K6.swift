public import StepCareCore

/// The instruments of this module, for the generated registry.
public enum K6Module: InstrumentModule {
    public static let instruments: [any Instrument] = [K6Instrument()]
}

/// The Kessler Psychological Distress Scale, 6 items (K6), US scoring 0–4 per item.
///
/// Sources (`../shared/reference/instruments.md` §3.2):
/// - items, the 0–4 options ("None of the time" 0 … "All of the time" 4) and the 0–24 total: IPUMS NHIS/MEPS
///   variable documentation [V];
/// - the cut-off ≥ 13 for serious psychological distress: Kessler et al. 2003 via IPUMS and INSPQ [V].
///   The bands are the two sides of that cut-off; no other band set is verified. INSPQ reports that other
///   studies call 8–12 "moderate distress" [S]; that is noted, not implemented.
/// - Some Australian uses score 1–5 (total 6–30); this module is the 0–4 US version and says so in its edition.
/// - Licence: public domain with attribution [S: INSPQ]; the Harvard NCS page was not seen (reference §11).
/// - No missing-item rule is given in the reference, and no LOINC code is verified.
public struct K6Instrument: Instrument {
    public init() {}

    public let definition = InstrumentDefinition(
        id: "k6", shortName: "K6", title: "Kessler Psychological Distress Scale, 6 items",
        edition: "Kessler et al. 2003, US scoring (items 0–4, total 0–24)", kind: .symptom,
        recallPeriod: "past 30 days",
        items: zip(1..., wording).map { number, text in Item(number: number, text: text, options: frequency) },
        scoreRange: 0...24,
        bands: [
            SeverityBand(0...12, "below the serious-distress cut-off"),
            SeverityBand(13...24, "serious psychological distress"),
        ],
        bandSource: "Kessler et al. 2003: ≥ 13 indicates serious psychological distress",
        cutOffs: [
            CutOffRule(
                id: "kessler-2003-spd", name: "Serious psychological distress (Kessler 2003)", atLeast: 13,
                source: "Kessler et al. 2003, Arch Gen Psychiatry 60(2):184–189; IPUMS NHIS K6 documentation")
        ],
        missingItems: .notScoredWhenIncomplete(
            reason: "no missing-item rule is published for the K6 in the project reference"),
        licence: Licence(
            .freeWithConditions,
            terms: "Public domain; the source must be cited (INSPQ information sheet; the Harvard NCS page is the "
                + "primary source and was not seen)",
            attribution: "Kessler Psychological Distress Scale (K6), R. C. Kessler et al.; cite Kessler et al. 2003"),
        citations: [
            Citation(
                "Kessler RC, Barker PR, Colpe LJ, et al. Screening for serious mental illness in the general "
                    + "population. Arch Gen Psychiatry 2003;60(2):184–189.", year: 2003),
            Citation(
                "Kessler RC, Andrews G, Colpe LJ, et al. Short screening scales to monitor population prevalences "
                    + "and trends in non-specific psychological distress. Psychol Med 2002;32(6):959–976.", year: 2002),
        ],
        notes: [
            "Each item asks: during the past 30 days, about how often did you feel …",
            "Some studies use 8–12 for moderate distress (secondary source); not implemented as a rule.",
        ])
}

private let frequency = [
    ResponseOption(0, "None of the time"), ResponseOption(1, "A little of the time"),
    ResponseOption(2, "Some of the time"), ResponseOption(3, "Most of the time"), ResponseOption(4, "All of the time"),
]

private let wording = [
    "Nervous",
    "Hopeless",
    "Restless or fidgety",
    "So depressed that nothing could cheer you up",
    "That everything was an effort",
    "Worthless",
]
