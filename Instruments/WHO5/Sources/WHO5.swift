public import StepCareCore

/// The instruments of this module, for the generated registry.
public enum WHO5Module: InstrumentModule {
    public static let instruments: [any Instrument] = [WHO5Instrument()]
}

/// The World Health Organization Five Well-Being Index (WHO-5). Higher is better.
///
/// Sources (`../shared/reference/instruments.md` §3.4, §8.2, §10, §11):
/// - five positively worded items about the last two weeks, "At no time" 0 … "All of the time" 5
///   [V: Awell who_5 README, citing WHO 2024];
/// - raw score = sum, 0–25; percentage = raw × 4, 0–100 [V: Awell]. "(raw − 5) × 4", seen online, is wrong;
/// - raw < 13 (percentage ≤ 48, i.e. below 50%) is poor well-being and an indication to assess for depression
///   [V: Valant help page; Awell README]: the cut-off and the two bands;
/// - Topp et al. 2015 describe ≤ 28% (raw ≤ 7) as likely depression: UNVERIFIED here, so it is a rule whose
///   name says so, and no band;
/// - a 10-point change in the percentage counts as significant [V: Valant]; not a whole raw-score threshold
///   (2.5 raw points), so no reliable-change rule is set;
/// - missing items: not scored, as Awell requires all five [V];
/// - LOINC 89708-7 comes from one weak source: UNVERIFIED, not set;
/// - licence: © WHO 2024, CC BY-NC-SA 3.0 IGO, WHO/UCN/MSD/MHE/2024.01 [S: Awell README; the WHO document was
///   not seen]; commercial use needs WHO permission.
/// Item wording is WHO's, checked word for word against Awell's who_5 inputs (`awell-health/awell-score`,
/// citing WHO 2024); other public copies (e.g. `nivlab/jspsych-demos`) agree.
public struct WHO5Instrument: Instrument {
    public init() {}

    public let definition = InstrumentDefinition(
        id: "who5", shortName: "WHO-5", title: "World Health Organization Five Well-Being Index",
        edition: "WHO 2024 (WHO/UCN/MSD/MHE/2024.01); first published 1998 (DepCare project)", kind: .wellbeing,
        recallPeriod: "last 2 weeks",
        items: zip(1..., wording).map { number, text in Item(number: number, text: text, options: frequency) },
        scoreRange: 0...25, direction: .higherIsBetter,
        bands: [SeverityBand(0...12, "poor well-being"), SeverityBand(13...25, "not poor well-being")],
        bandSource: "raw < 13 (below 50%) is poor well-being and an indication to assess for depression (WHO 2024 "
            + "and Topp et al. 2015 via the Awell who_5 README; Valant WHO-5 help page)",
        cutOffs: [
            CutOffRule(
                id: "poor-wellbeing", name: "Poor well-being: assess for depression (raw < 13, below 50%)",
                atMost: 12, source: "Topp et al. 2015 via Awell who_5 README and Valant WHO-5 help page [V]"),
            CutOffRule(
                id: "topp-2015-likely-depression", name: "Likely depression, ≤ 28% (Topp 2015; UNVERIFIED)",
                atMost: 7,
                source: "Topp et al. 2015 as summarised in the project reference; not checked against the paper "
                    + "(reference §3.4, §11 item 5)"),
        ],
        missingItems: .noItemMayBeMissing(
            source: "the WHO-5 is scored only when all five items are answered (Awell who_5 [V], reference §3.4)"),
        transforms: [
            Transform(
                id: "percentage", name: "percentage score", multiplier: 4, unit: "%",
                source: "raw score × 4, 0–100 (WHO 2024 via Awell who_5 README)")
        ],
        licence: Licence(
            .nonCommercial,
            terms: "© World Health Organization 2024, CC BY-NC-SA 3.0 IGO (WHO/UCN/MSD/MHE/2024.01): non-commercial "
                + "use with citation; adaptations carry the same licence; commercial use requires WHO permission",
            attribution: "World Health Organization. The World Health Organization-Five Well-Being Index (WHO-5). "
                + "Geneva: World Health Organization; 2024. Licence: CC BY-NC-SA 3.0 IGO."),
        citations: [
            Citation(
                "World Health Organization. The World Health Organization-Five Well-Being Index (WHO-5). Geneva: "
                    + "World Health Organization; 2024 (WHO/UCN/MSD/MHE/2024.01).", year: 2024),
            Citation(
                "Topp CW, Østergaard SD, Søndergaard S, Bech P. The WHO-5 Well-Being Index: a systematic review of "
                    + "the literature. Psychother Psychosom 2015;84(3):167–176.", year: 2015),
            Citation(
                "WHO Regional Office for Europe. Wellbeing measures in primary health care / the DepCare Project: "
                    + "report on a WHO meeting, Stockholm, Sweden, 12–13 February 1998. Copenhagen: WHO Regional "
                    + "Office for Europe; 1998.", year: 1998),
        ],
        notes: [
            "Higher is better: each item asks how much of the time over the last two weeks the statement was true.",
            "The percentage (raw × 4) moves in steps of 4, so \"below 50%\" and \"≤ 48%\" select the same people.",
            "A 10-point change in the percentage is described as significant (Valant); no rule is set.",
            "The LOINC code 89708-7 appears in one weak source only (UNVERIFIED) and is not set.",
            "Commercial services need WHO's permission to use the WHO-5 (CC BY-NC-SA 3.0 IGO).",
        ])
}

private let frequency = [
    ResponseOption(0, "At no time"), ResponseOption(1, "Some of the time"),
    ResponseOption(2, "Less than half of the time"), ResponseOption(3, "More than half of the time"),
    ResponseOption(4, "Most of the time"), ResponseOption(5, "All of the time"),
]

private let wording = [
    "I have felt cheerful and in good spirits",
    "I have felt calm and relaxed",
    "I have felt active and vigorous",
    "I woke up feeling fresh and rested",
    "My daily life has been filled with things that interest me",
]
