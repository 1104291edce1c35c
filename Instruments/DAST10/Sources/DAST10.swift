public import StepCareCore

/// The instruments of this module, for the generated registry.
public enum DAST10Module: InstrumentModule {
    public static let instruments: [any Instrument] = [DAST10Instrument()]
}

/// The Drug Abuse Screening Test, 10 items (DAST-10): problems from drug use in the past 12 months, total 0–10.
///
/// Sources (`../shared/reference/instruments.md` §5.3, §8.2):
/// - ten yes/no items, one point for each "yes" except item 3 ("Are you always able to stop using drugs when you
///   want to?"), where "no" scores 1 [V: Awell dast_10 README]. Item 3 lists its options with the reversed values
///   and is marked reversed (Awell expects callers to invert it first; here the options do it);
/// - bands 0 no problems reported, 1–2 low, 3–5 moderate, 6–8 substantial, 9–10 severe (Skinner) [V: Awell
///   interpretation table]; the reference names no cut-off, so none is set;
/// - missing items: Awell scores them as 0, which is not a published rule (UNVERIFIED): an incomplete form is not
///   scored;
/// - LOINC panel 82666-9 and total 82667-7 [S], set because the reference gives them as its reading; one
///   third-party file uses 82666-9 as the total, so verify on loinc.org before export;
/// - licence: non-commercial use with credit to the author (Skinner / CAMH) [V: quoted in CamCOPS dast.rst];
/// - wording: Awell `src/scores/dast_10/definition/dast_10_inputs.ts`, checked against other public copies found
///   with the search tool (they agree on the ten questions; only Awell's and some others carry the answering
///   instructions on items 3 and 5). The CAMH form itself was not seen. This is not the DAST-28 (CamCOPS dast.py).
public struct DAST10Instrument: Instrument {
    public init() {}

    public let definition = InstrumentDefinition(
        id: "dast10", shortName: "DAST-10", title: "Drug Abuse Screening Test, 10 items",
        edition: "Skinner 1982, 10-item version (yes/no; item 3 reversed)", kind: .symptom,
        recallPeriod: "past 12 months",
        items: zip(1..., wording).map { number, text in
            number == 3
                ? Item(number: number, text: text, options: noScoresOne, isReversed: true)
                : Item(number: number, text: text, options: yesScoresOne)
        },
        scoreRange: 0...10,
        bands: [
            SeverityBand(0...0, "no problems reported"), SeverityBand(1...2, "low level"),
            SeverityBand(3...5, "moderate level"), SeverityBand(6...8, "substantial level"),
            SeverityBand(9...10, "severe level"),
        ],
        bandSource: "Skinner, degree of problems related to drug abuse [V: Awell dast_10 interpretation table]",
        missingItems: .notScoredWhenIncomplete(
            reason: "no missing-item rule is published for the DAST-10 (scoring a missing item as 0, as Awell does, "
                + "is not a published rule), so an incomplete form is not scored"),
        codes: [.loinc("82666-9", "DAST-10 panel"), .loinc("82667-7", "Total score [DAST-10]")],
        licence: Licence(
            .nonCommercial,
            terms: "\"Copyright 1982 by Harvey A. Skinner, PhD, and the Centre for Addiction and Mental Health, "
                + "Toronto, Canada. You may reproduce this instrument for non-commercial use (clinical, research, "
                + "training purposes) as long as you credit the author\" [V: quoted in CamCOPS dast.rst]; commercial "
                + "use needs permission",
            attribution: "DAST-10 © 1982 Harvey A. Skinner, PhD, and the Centre for Addiction and Mental Health, "
                + "Toronto, Canada"),
        citations: [
            Citation("Skinner HA. The Drug Abuse Screening Test. Addict Behav 1982;7(4):363–371.", year: 1982),
            Citation(
                "Yudko E, Lozhkina O, Fouts A. J Subst Abuse Treat 2007;32:189–198 (a review of the DAST).",
                year: 2007),
        ],
        notes: [
            "The questions concern drugs other than alcohol and tobacco, in the past 12 months.",
            "Item 3 is reversed: \"no\" scores 1 and \"yes\" scores 0. Type y or n, or the score.",
            "LOINC 82666-9 (panel) and 82667-7 (total) are secondary-source codes; one third-party file uses 82666-9 "
                + "as the total. Verify on loinc.org before exporting.",
            "No cut-off is published in the project reference; the bands describe the degree of problems.",
        ])
}

/// "Yes" scores 1 (items 1, 2, 4–10).
private let yesScoresOne = [ResponseOption(0, "No", key: "n"), ResponseOption(1, "Yes", key: "y")]

/// Item 3: "No" scores 1.
private let noScoresOne = [ResponseOption(1, "No", key: "n"), ResponseOption(0, "Yes", key: "y")]

/// The items as Awell gives them (`dast_10_inputs.ts`), including its answering instructions on items 3 and 5.
private let wording = [
    "Have you used drugs other than those required for medical reasons?",
    "Do you abuse more than one drug at a time?",
    "Are you always able to stop using drugs when you want to? (If never use drugs, answer “Yes.”)",
    "Have you had \"blackouts\" or \"flashbacks\" as a result of drug use?",
    "Do you ever feel bad or guilty about your drug use? If never use drugs, choose “No.”",
    "Does your spouse (or parents) ever complain about your involvement with drugs?",
    "Have you neglected your family because of your use of drugs?",
    "Have you engaged in illegal activities in order to obtain drugs?",
    "Have you ever experienced withdrawal symptoms (felt sick) when you stopped taking drugs?",
    "Have you had medical problems as a result of your drug use (e.g., memory loss, hepatitis, convulsions, "
        + "bleeding, etc.)?",
]
