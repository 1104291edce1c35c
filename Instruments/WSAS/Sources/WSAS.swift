public import StepCareCore

/// The instruments of this module, for the generated registry.
public enum WSASModule: InstrumentModule {
    public static let instruments: [any Instrument] = [WSASInstrument()]
}

/// The Work and Social Adjustment Scale (WSAS): functional impairment. A data-collection shell without wording.
///
/// Sources (`../shared/reference/instruments.md` §2.1, §7, §8.2, §11):
/// - five domains (work, home management, social leisure, private leisure, close relationships), each 0–8 with
///   anchors at 0 not at all, 2 slightly, 4 definitely, 6 markedly, 8 very severely impaired, odd values allowed,
///   total 0–40 [V: CamCOPS wsas.py `MAX_PER_Q = 8`; Mundt 2002 summary pages]. Odd values carry no published
///   label, so StepCare shows the number alone;
/// - bands < 10, 10–20 and > 20 (10 and 20 both in the middle band) [S: Mundt et al. 2002, quoted text];
/// - item 1 may be marked not applicable for people who are retired or choose not to work for reasons unrelated
///   to the problem; items 2–5 are then summed out of 32, as CamCOPS does (`retired_etc`) [V that CamCOPS does
///   this]. No published rule was found: this is UNVERIFIED, and the Mundt bands are applied to the 4-item total
///   unchanged, which is also UNVERIFIED;
/// - no reliable-change threshold and no LOINC code were found (UNVERIFIED), so none is set; WSAS plays no part in
///   the NHS Talking Therapies recovery definitions [V: Clark 2018 Table 2];
/// - licence: © Isaac M. Marks, permission unclear [V that it is unclear]: item texts are neutral labels.
public struct WSASInstrument: Instrument {
    public init() {}

    public let definition = InstrumentDefinition(
        id: "wsas", shortName: "WSAS", title: "Work and Social Adjustment Scale",
        edition: "Mundt, Marks, Shear & Greist 2002 (data-collection shell, no item wording)", kind: .functional,
        recallPeriod: "not stated (reference §2.1)",
        items: zip(1..., domains).map { number, label in
            Item(number: number, text: label, options: impairment, notApplicableFor: number == 1 ? notWorking : nil)
        },
        scoreRange: 0...40,
        bands: [
            SeverityBand(0...9, "subclinical"), SeverityBand(10...20, "significant functional impairment"),
            SeverityBand(21...40, "moderately severe or worse"),
        ],
        bandSource: "Mundt et al. 2002: below 10 subclinical; 10–20 significant functional impairment; above 20 "
            + "moderately severe or worse psychopathology",
        missingItems: .notScoredWhenIncomplete(
            reason: "no missing-item rule is published for the WSAS (reference §11), so an incomplete form is not "
                + "scored; item 1 may instead be marked not applicable"),
        licence: Licence(
            .permissionRequired,
            terms: "Copyright © Isaac M. Marks (see Mundt 2002); permission to reproduce the scale text is not clear, "
                + "so StepCare ships no item wording (CamCOPS classes it as data collection only)",
            attribution: "Work and Social Adjustment Scale, © I. M. Marks; Mundt, Marks, Shear & Greist 2002"),
        citations: [
            Citation(
                "Mundt JC, Marks IM, Shear MK, Greist JH. The Work and Social Adjustment Scale: a simple measure of "
                    + "impairment in functioning. Br J Psychiatry 2002;180:461–464.", year: 2002)
        ],
        notes: [
            "Data-collection shell: items are neutral domain labels. A service that holds permission from the "
                + "copyright holder shows its own licensed wording on its forms and records the 0–8 answers here.",
            "Item 1 (work) not applicable: items 2–5 are summed out of 32 and read against the same bands. CamCOPS "
                + "does this; no published rule was found (UNVERIFIED).",
            "No reliable-change threshold is published for services (UNVERIFIED); WSAS is not part of recovery or "
                + "reliable improvement in NHS Talking Therapies.",
        ])
}

/// Numbers only: the anchor words belong to the © wording a licensed service supplies on its own forms.
private let impairment = (0...8).map { ResponseOption($0, $0 == 0 ? "0 (none)" : $0 == 8 ? "8 (most)" : String($0)) }

private let notWorking = "people who are retired or choose not to work for reasons unrelated to the problem"

private let domains = [
    "Work",
    "Home management",
    "Social leisure activities",
    "Private leisure activities",
    "Close relationships",
]
