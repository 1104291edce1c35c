import StepCareCore

/// The definition shared by both band-set variants.
func core10Definition(variant: InstrumentVariant, bands: [SeverityBand], bandSource: String) -> InstrumentDefinition {
    InstrumentDefinition(
        id: "core10", shortName: "CORE-10", title: "Clinical Outcomes in Routine Evaluation, 10 items",
        edition: "Barkham et al. 2013", variant: variant, kind: .symptom, recallPeriod: "last week",
        items: zip(1..., labels).map { number, label in
            let reversed = number == 2 || number == 3
            let options = reversed ? reversedFrequency : frequency
            // Every item is typed as the form's column (0 = Not at all … 4 = Most or all of the time); the
            // instrument scores items 2 and 3 the other way.
            return Item(number: number, text: label, options: options, isReversed: reversed, typedAsColumn: reversed)
        },
        scoreRange: 0...40,
        bands: bands,
        bandSource: bandSource,
        cutOffs: [
            CutOffRule(
                id: "clinical-cut-off", name: "CORE-10 clinical range", atLeast: 11,
                source: "Barkham et al. 2013, per secondary sources (socasresourcehub; trybloom calculator) [S]")
        ],
        missingItems: MissingItemPolicy(
            id: "core10-one-missing", name: "one missing item: ten times the mean of the nine answered",
            maxMissing: 1, rounding: .none,
            source: "CORE System Trust, \"What's in a name (1): scoring CORE measures\": prorate when no more than "
                + "10% of items are missing"),
        riskRules: [
            RiskRule(
                id: "core10-item6-plans-to-end-life", item: 6, atLeast: 1, urgency: .immediate,
                action: "suicide-risk assessment now (e.g. C-SSRS): plans to end life, whatever the total",
                source: "CORE-10 item 6 (plans to end life) > 0 [S]; immediate urgency is a StepCare choice, in line "
                    + "with the C-SSRS, where a plan is a high-risk answer")
        ],
        licence: Licence(
            .freeWithConditions,
            terms: "CC BY-ND 4.0 (CORE System Trust, from 1 January 2015): free to reproduce in software and on "
                + "paper, attributed and unaltered: no rewording and no unofficial translation. Whether commercial "
                + "use is covered conflicts between sources; confirm with the CORE System Trust",
            attribution: "CORE-10 © CORE System Trust, https://www.coresystemtrust.org.uk; CC BY-ND 4.0"),
        citations: [
            Citation(
                "Barkham M, Bewick B, Mullin T, Gilbody S, Connell J, Cahill J, Mellor-Clark J, Richards D, "
                    + "Unsworth G, Evans C. The CORE-10: a short measure of psychological distress for routine use in "
                    + "the psychological therapies. Couns Psychother Res 2013;13(1):3–13.", year: 2013)
        ],
        notes: [
            "Items are StepCare's neutral labels, not the CORE-10 wording: no verbatim copy was found in a trustworthy "
                + "source. The licence allows the official wording only unaltered, so a service shows the official "
                + "form and records the 0–4 answers here.",
            "Items 2 and 3 are reverse-scored: \"Most or all of the time\" scores 0 and \"Not at all\" scores 4.",
            "With one item missing the score is ten times the mean of the nine answered and may be fractional, e.g. "
                + "21.1; it falls in the band of its whole-number part, so 10.6 is below the cut-off of 11.",
            "A reliable-change threshold of 6 appears on one calculator page only (UNVERIFIED): none is set. No LOINC "
                + "code is verified.",
        ])
}

private let frequency = [
    ResponseOption(0, "Not at all"), ResponseOption(1, "Only occasionally"), ResponseOption(2, "Sometimes"),
    ResponseOption(3, "Often"), ResponseOption(4, "Most or all of the time"),
]

/// Items 2 and 3: the same answers in the same order, scored the other way (4 … 0).
private let reversedFrequency = frequency.map { ResponseOption(4 - $0.value, $0.label) }

private let labels = [
    "Tension or anxiety",
    "Support",
    "Coping",
    "Talking feels too much",
    "Panic",
    "Plans to end life",
    "Sleep problems",
    "Despair or hopelessness",
    "Unhappiness",
    "Unwanted images",
]
