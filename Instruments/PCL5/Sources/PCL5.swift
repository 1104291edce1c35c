public import StepCareCore

/// The instruments of this module, for the generated registry.
public enum PCL5Module: InstrumentModule {
    public static let instruments: [any Instrument] = [PCL5Instrument()]
}

/// The PTSD Checklist for DSM-5 (PCL-5): 20 items, past month, total 0–80.
///
/// Sources (`../shared/reference/instruments.md` §4.1, §8.2):
/// - items, the 0–4 options ("Not at all" … "Extremely"), the summed 0–80 total and the DSM-5 cluster subscales
///   B = items 1–5, C = 6–7, D = 8–14, E = 15–20 [V: CamCOPS pcl5.py; Awell pcl_5];
/// - the provisional PTSD diagnosis, reported as a finding: an item rated 2 ("Moderately") or more is a symptom,
///   and the DSM-5 rule needs at least 1 B, 1 C, 2 D and 2 E symptoms [V: Awell determine_ptss_indication.ts;
///   CamCOPS `ptsd()`];
/// - probable PTSD: the National Center for PTSD's "cutoff score between 31-33" [S: copies of "Using the PCL-5"].
///   StepCare's default rule is ≥ 33, the upper end of that range and the line CamCOPS draws as its
///   "preliminary cutoff" (pcl5.py); it sets the two bands. ≥ 31, the lower end, is a second named rule for
///   services that prefer sensitivity. Single-study cut-offs (34 clinical, 38 prevalence) are noted only.
/// - no reliable-change threshold: "a change of 5 to 10 points represents reliable change" [S] is a range, not a
///   threshold, and NHS Talking Therapies' PCL-5 RCI is UNVERIFIED; no LOINC code (both candidates UNVERIFIED);
/// - no missing-item rule in the reference: an incomplete form is not scored;
/// - licence: a work of the US Government, public domain in the US [S: CamCOPS pcl5.rst];
/// - wording: CamCOPS `extra_strings/pcl5.xml` and Awell `pcl_5_inputs.ts` agree word for word (checked with the
///   search tool); the National Center for PTSD form itself was not seen.
public struct PCL5Instrument: Instrument {
    public init() {}

    public let definition = InstrumentDefinition(
        id: "pcl5", shortName: "PCL-5", title: "PTSD Checklist for DSM-5",
        edition: "Weathers et al. 2013 (National Center for PTSD), past-month version, items 0–4, total 0–80",
        kind: .symptom, recallPeriod: "past month",
        items: zip(1..., pcl5Wording).map { number, text in Item(number: number, text: text, options: pcl5Options) },
        scoreRange: 0...80,
        bands: [
            SeverityBand(0...32, "below the probable-PTSD cut-off (33)"),
            SeverityBand(33...80, "probable PTSD (33 or more)"),
        ],
        bandSource: "StepCare: the two sides of the default cut-off ≥ 33, the upper end of the National Center for "
            + "PTSD's 31–33 [S]; the reference gives no severity bands for the PCL-5",
        cutOffs: [
            CutOffRule(
                id: "ncptsd-33", name: "Probable PTSD, 33 or more (upper end of NCPTSD 31–33; default)", atLeast: 33,
                source: "National Center for PTSD: \"a PCL-5 cutoff score between 31-33 is indicative of probable "
                    + "PTSD across samples\" [S: copies of \"Using the PCL-5\"]; 33 is CamCOPS's preliminary cutoff"),
            CutOffRule(
                id: "ncptsd-31", name: "Probable PTSD, 31 or more (lower end of NCPTSD 31–33; more sensitive)",
                atLeast: 31,
                source: "National Center for PTSD: \"a PCL-5 cutoff score between 31-33 is indicative of probable "
                    + "PTSD across samples\" [S: copies of \"Using the PCL-5\"]"),
        ],
        missingItems: .notScoredWhenIncomplete(
            reason: "no missing-item rule is published for the PCL-5 in the project reference, so an incomplete "
                + "form is not scored"),
        subscales: pcl5Clusters.map(\.subscale),
        licence: Licence(
            .free,
            terms: "A work of the US Government (National Center for PTSD, US Department of Veterans Affairs), "
                + "public domain in the US [S: CamCOPS pcl5.rst]",
            attribution: "PTSD Checklist for DSM-5 (PCL-5): Weathers, Litz, Keane, Palmieri, Marx & Schnurr, "
                + "National Center for PTSD, 2013"),
        citations: [
            Citation(
                "Weathers FW, Litz BT, Keane TM, Palmieri PA, Marx BP, Schnurr PP. The PTSD Checklist for DSM-5 "
                    + "(PCL-5). National Center for PTSD, 2013.", year: 2013),
            Citation(
                "Blevins CA, Weathers FW, Davis MT, Witte TK, Domino JL. J Trauma Stress 2015;28(6):489–498.",
                year: 2015),
        ],
        notes: [
            "Each item follows the stem: in the past month, how much were you bothered by …",
            "The provisional diagnosis counts the answered items: it is reported when they meet the DSM-5 rule, even "
                + "if other items are missing. It is provisional, not a diagnosis.",
            "Reliable change: \"a change of 5 to 10 points represents reliable change, 10 to 20 points clinically "
                + "meaningful\" (secondary sources); no single threshold is set. NHS Talking Therapies' PCL-5 RCI "
                + "is UNVERIFIED.",
            "Other cut-offs from single studies (34 for clinical samples, 38 for prevalence estimates; PMC12210402) "
                + "are not implemented.",
            "LOINC: two conflicting candidates (91006-2, 96762-0) are UNVERIFIED; no code is set.",
            "Item 16 asks about taking risks or doing things that could cause harm. No published rule makes it a "
                + "risk item, so it raises no flag: follow local risk policy for a high answer.",
        ])

    /// Sums the items like any summed scale, then adds the DSM-5 provisional-diagnosis finding.
    public func score(_ responses: CheckedResponses) -> ScoreReport {
        var report = SummedScale.score(responses, definition: definition)
        let met = pcl5Clusters.allSatisfy { cluster in
            let symptoms = cluster.subscale.items.filter {
                (responses.resolved[$0 - 1].value ?? 0) >= pcl5SymptomThreshold
            }
            return symptoms.count >= cluster.symptomsNeeded
        }
        let probable = report.cutOffs.first { $0.rule.id == "ncptsd-33" }?.isPositive
        if let probable, probable != met {
            // The two rules answer different questions, so a form can meet one and not the other.
            report.notes.append(
                "the two PCL-5 rules read the form differently: the provisional diagnosis needs the DSM-5 pattern "
                    + "(items rated 2 or more in every cluster), the probable-PTSD cut-off reads the total's "
                    + "severity; here "
                    + (met
                        ? "the pattern is met though the total is below 33"
                        : "the total reaches 33 though the pattern is not met")
                    + " (PCL-5 scoring, Weathers et al. 2013; "
                    + "NCPTSD \"Using the PCL-5\")")
        }
        if met {
            report.findings.append(provisionalPTSD)
        } else if !responses.missingItemNumbers.isEmpty {
            report.notes.append(
                "the answered items do not meet the DSM-5 provisional-diagnosis rule, but items are missing, so it "
                    + "cannot be ruled out")
        }
        return report
    }
}

private let provisionalPTSD = Finding(
    id: "pcl5-provisional-ptsd",
    text: "provisional PTSD diagnosis: items rated 2 (Moderately) or more include at least 1 of cluster B, 1 of C, "
        + "2 of D and 2 of E (DSM-5 rule)",
    source: "PCL-5 scoring, Weathers et al. 2013 [V: Awell determine_ptss_indication.ts; CamCOPS pcl5.py ptsd()]")
