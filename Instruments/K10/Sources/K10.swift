public import StepCareCore

/// The instruments of this module, for the generated registry: four K10 variants, the first the default.
public enum K10Module: InstrumentModule {
    public static let instruments: [any Instrument] = [
        K10AustralianABSInstrument(), K10AustralianAndrewsSladeInstrument(), K10USABSInstrument(),
        K10USAndrewsSladeInstrument(),
    ]
}

/// The Kessler Psychological Distress Scale, 10 items (K10): Australian scoring with the ABS distress levels.
/// The default variant, `au-abs`.
///
/// Sources (`../shared/reference/instruments.md` §3.1, §8.2, §10, §11):
/// - ten items, options "None of the time" … "All of the time": Kessler et al. 2002;
/// - Australian scoring 1–5 per item, total 10–50 (ABS, and the PMHC-MDS K10+); US scoring 0–4, total 0–40
///   [V: ABS 4817.0.55.001, K10 scoring page];
/// - ABS levels 10–15 low, 16–21 moderate, 22–29 high, 30–50 very high [V: ABS, from CRUfAD / Andrews & Slade
///   2001]; Andrews & Slade 2001 likelihood of disorder 10–19, 20–24, 25–29, 30–50 [V]. ABS: "no universally
///   agreed categories or groupings exist", so each band set is a named variant;
/// - missing items: with one of items 1–10 missing the total is round(sum / 9 × 10); with more it is invalid
///   [V: PMHC-MDS specification `table/measure/k10p/score.rst`, citing AMHOCN's NOCC overview p.58];
/// - the US variants' bands are StepCare's derivation, not a published band set: a US answer is one lower than
///   the Australian answer to the same item, so a US total plus 10 is the Australian total and the bands shifted
///   down by 10 select exactly the same people. The prorated totals correspond the same way;
/// - licence: public domain with attribution [S: INSPQ, quoted for the K6]; the Harvard NCS page was not seen;
/// - no reliable-change threshold and no LOINC code were found (UNVERIFIED), so none is set.
/// Item wording: the feeling each item asks about, checked word for word against the PMHC-MDS K10+ data element
/// definitions (`logicly-au/pmhc-mds-spec`) and US "during the last 30 days" survey copies; the question stem is
/// in the notes, because Australian and US forms word it differently.
public struct K10AustralianABSInstrument: Instrument {
    public init() {}

    public let definition = k10Definition(.australian, .abs)
}

/// K10, Australian scoring (items 1–5, total 10–50) with the Andrews & Slade 2001 likelihood-of-disorder bands:
/// variant `au-andrews-slade`. Sources as for ``K10AustralianABSInstrument``; bands [V] (reference §3.1).
public struct K10AustralianAndrewsSladeInstrument: Instrument {
    public init() {}

    public let definition = k10Definition(.australian, .andrewsSlade)
}

/// K10, US scoring (items 0–4, total 0–40) with the ABS levels shifted down by 10: variant `us-abs`.
/// Sources as for ``K10AustralianABSInstrument``; the shifted bands are StepCare's derivation (reference §3.1 gives
/// the scoring conventions [V], not a US band set), exactly equivalent to the Australian ABS levels.
public struct K10USABSInstrument: Instrument {
    public init() {}

    public let definition = k10Definition(.us, .abs)
}

/// K10, US scoring (items 0–4, total 0–40) with the Andrews & Slade bands shifted down by 10: variant
/// `us-andrews-slade`. Sources as for ``K10AustralianABSInstrument``; the shifted bands are StepCare's derivation,
/// exactly equivalent to the Australian Andrews & Slade bands.
public struct K10USAndrewsSladeInstrument: Instrument {
    public init() {}

    public let definition = k10Definition(.us, .andrewsSlade)
}
