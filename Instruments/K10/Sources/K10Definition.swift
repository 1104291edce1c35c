import StepCareCore

/// How each K10 item is scored.
enum K10Scoring {
    /// 1–5 per item, total 10–50 (ABS, PMHC-MDS K10+).
    case australian
    /// 0–4 per item, total 0–40 (US surveys).
    case us
}

/// Which published band set names the totals.
enum K10BandSet {
    /// ABS psychological distress levels.
    case abs
    /// Andrews & Slade 2001 likelihood of having a mental disorder.
    case andrewsSlade
}

/// The definition shared by the four K10 variants.
func k10Definition(_ scoring: K10Scoring, _ bandSet: K10BandSet) -> InstrumentDefinition {
    let australian = scoring == .australian
    let absBands = bandSet == .abs
    let lowest = australian ? 1 : 0
    let options = zip(lowest..., frequency).map { ResponseOption($0, $1) }
    // A US total is the Australian total minus 10, so the Australian bands shift down by 10.
    let shift = australian ? 0 : -10
    let bands = (absBands ? absLevels : andrewsSladeBands).map {
        SeverityBand(($0.range.lowerBound + shift)...($0.range.upperBound + shift), $0.label)
    }
    let scoringName = australian ? "Australian scoring (items 1–5, total 10–50)" : "US scoring (items 0–4, total 0–40)"
    let bandName = absBands ? "ABS distress levels" : "Andrews & Slade 2001 likelihood of disorder"
    let recall = australian ? "past 4 weeks" : "past 30 days"
    let variantID: String = (australian ? "au-" : "us-") + (absBands ? "abs" : "andrews-slade")
    let variantName: String = scoringName + ", " + bandName
    let variantSource = australian ? australianSource : usSource
    let bandSource: String = (absBands ? absSource : andrewsSladeSource) + (australian ? "" : derivation)
    let missingSource: String = prorationSource + (australian ? "" : usProration)
    let range = australian ? 10...50 : 0...40
    return InstrumentDefinition(
        id: "k10", shortName: "K10", title: "Kessler Psychological Distress Scale, 10 items",
        edition: "Kessler et al. 2002, \(scoringName)",
        variant: InstrumentVariant(id: variantID, name: variantName, source: variantSource),
        kind: .symptom, recallPeriod: recall,
        items: zip(1..., wording).map { number, text in Item(number: number, text: text, options: options) },
        scoreRange: range,
        bands: bands,
        bandSource: bandSource,
        missingItems: MissingItemPolicy(
            id: "k10-one-missing", name: "one missing item prorated (PMHC-MDS K10+ rule)", maxMissing: 1,
            rounding: .nearestWholeNumber, source: missingSource),
        licence: Licence(
            .freeWithConditions,
            terms: "Public domain; the source must be cited (INSPQ information sheet, quoted for the K6; the Harvard "
                + "NCS page is the primary source and was not seen)",
            attribution: "Kessler Psychological Distress Scale (K10), R. C. Kessler et al.; cite Kessler et al. 2002"),
        citations: [
            Citation(
                "Kessler RC, Andrews G, Colpe LJ, Hiripi E, Mroczek DK, Normand SLT, Walters EE, Zaslavsky AM. Short "
                    + "screening scales to monitor population prevalences and trends in non-specific psychological "
                    + "distress. Psychol Med 2002;32(6):959–976.", year: 2002),
            Citation(
                "Andrews G, Slade T. Interpreting scores on the Kessler Psychological Distress Scale (K10). Aust N Z "
                    + "J Public Health 2001;25(6):494–497.", year: 2001),
        ],
        notes: [
            "Each item completes the question \"… how often did you feel\", asked about the \(recall).",
            "ABS: \"no universally agreed categories or groupings exist\"; reports name the band set: \(bandName).",
            "K10+ items 11–14 (days out of role, visits, physical cause) are separate and not collected here.",
            "No reliable-change threshold or LOINC code is verified (UNVERIFIED); none is set.",
        ])
}

private let australianSource = "ABS 4817.0.55.001 K10 scoring page; PMHC-MDS K10+ (1–5 scoring)"

private let usSource = "US 0–4 scoring (ABS 4817.0.55.001); bands shifted down by 10 (StepCare derivation)"

private let absSource = "ABS 4817.0.55.001 (from CRUfAD / Andrews & Slade 2001)"

private let andrewsSladeSource = "Andrews & Slade 2001, Aust N Z J Public Health 25(6):494–497"

private let derivation =
    "; shifted down by 10 for 0–4 scoring (StepCare derivation: each US answer is one lower, so a US total plus "
    + "10 is the Australian total; not a separately published band set)"

private let prorationSource =
    "PMHC-MDS specification, K10+ score: round(sum of valid items / 9 × 10) when one of items 1–10 is missing, "
    + "invalid when more are (AMHOCN NOCC overview p.58)"

private let usProration = "; on 0–4 scoring the same arithmetic gives exactly the Australian prorated total minus 10"

private let absLevels = [
    SeverityBand(10...15, "low"), SeverityBand(16...21, "moderate"), SeverityBand(22...29, "high"),
    SeverityBand(30...50, "very high"),
]

private let andrewsSladeBands = [
    SeverityBand(10...19, "likely to be well"), SeverityBand(20...24, "mild disorder"),
    SeverityBand(25...29, "moderate disorder"), SeverityBand(30...50, "severe disorder"),
]

private let frequency = [
    "None of the time", "A little of the time", "Some of the time", "Most of the time", "All of the time",
]

private let wording = [
    "Tired out for no good reason",
    "Nervous",
    "So nervous that nothing could calm you down",
    "Hopeless",
    "Restless or fidgety",
    "So restless you could not sit still",
    "Depressed",
    "That everything was an effort",
    "So sad that nothing could cheer you up",
    "Worthless",
]
