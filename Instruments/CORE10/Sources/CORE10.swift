public import StepCareCore

/// The instruments of this module, for the generated registry: band set A is the default.
public enum CORE10Module: InstrumentModule {
    public static let instruments: [any Instrument] = [CORE10Instrument(), CORE10BandSetBInstrument()]
}

/// Clinical Outcomes in Routine Evaluation, 10 items (CORE-10): psychological distress, band set A (default,
/// variant `bands-a`).
///
/// Sources (`../shared/reference/instruments.md` §3.3, §8.2, §10, §11):
/// - ten items about the last week, 0–4 ("Not at all" … "Most or all of the time"); items 2 (support) and 3
///   (coping) are positively worded and reverse-scored, 4 … 0 [V: CamCOPS core10.py];
/// - clinical score = 10 × the mean item score, 0–40, the sum when complete; with at most one item missing
///   (10%), 10 × the mean of the nine answered, unrounded; with two or more, no score [V: CORE System Trust,
///   "What's in a name (1): scoring CORE measures"]. CamCOPS prorates over any number missing; not copied;
/// - item 6 (plans to end life) is the risk item: any answer above 0 raises a flag whatever the total
///   [S: item list; CamCOPS "Q6 (suicidality)"]. The urgency, immediate, is StepCare's choice (a plan is a
///   high-risk answer on the C-SSRS); no urgency is published;
/// - clinical cut-off ≥ 11 [S: socasresourcehub and trybloom pages, citing Barkham et al. 2013];
/// - band set A: 0–5 healthy, 6–10 low level, 11–14 mild, 15–19 moderate, 20–24 moderate-to-severe, 25–40
///   severe [S: socasresourcehub, CORE-OM-style bands matching the cut-off of 11]; band set B is the other
///   variant ([U]);
/// - a reliable-change threshold of 6 appears on one calculator page only: UNVERIFIED, so none is set; no LOINC
///   code was found (UNVERIFIED);
/// - licence: CC BY-ND 4.0, verbatim only [V, via CamCOPS core10.rst]. No verbatim item wording was found in a
///   trustworthy source, so item texts are StepCare's neutral domain labels (after CamCOPS's column comments),
///   not the instrument's wording; a service shows the official CORE-10 form wording unaltered.
public struct CORE10Instrument: Instrument {
    public init() {}

    public let definition = core10Definition(
        variant: InstrumentVariant(
            id: "bands-a", name: "Band set A: CORE-OM-style bands, 11 clinical cut-off (recommended)",
            source: "socasresourcehub \"Scoring the CORE-10\" page [S]"),
        bands: [
            SeverityBand(0...5, "healthy"), SeverityBand(6...10, "low level"), SeverityBand(11...14, "mild"),
            SeverityBand(15...19, "moderate"), SeverityBand(20...24, "moderate-to-severe"),
            SeverityBand(25...40, "severe"),
        ],
        bandSource: "Band set A, secondary source (socasresourcehub \"Scoring the CORE-10\"; CORE-OM-style bands); "
            + "to be checked against the CORE System Trust CORE-10 PDF and Barkham et al. 2013")
}

/// CORE-10 with band set B (variant `bands-b`): 0–5 healthy, 6–10 low, 11–15 mild, 16–20 moderate, 21–25
/// moderately severe, 26–40 severe. UNVERIFIED [U: one web page, helpineedsomebody.org]; offered only so that
/// scores reported elsewhere under these bands can be read. Everything else as ``CORE10Instrument``.
public struct CORE10BandSetBInstrument: Instrument {
    public init() {}

    public let definition = core10Definition(
        variant: InstrumentVariant(
            id: "bands-b", name: "Band set B (UNVERIFIED: one web page only)",
            source: "helpineedsomebody.org [U]; conflicts with band set A"),
        bands: [
            SeverityBand(0...5, "healthy"), SeverityBand(6...10, "low"), SeverityBand(11...15, "mild"),
            SeverityBand(16...20, "moderate"), SeverityBand(21...25, "moderately severe"),
            SeverityBand(26...40, "severe"),
        ],
        bandSource: "Band set B (UNVERIFIED: a single web page, helpineedsomebody.org; conflicts with band set A)")
}
