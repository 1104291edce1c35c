import StepCareCore

/// The two steps: low-intensity guided self-help (step 2) and high-intensity therapy (step 3).
///
/// The capacities are illustrative; a service sets them to its commissioned caseloads.
struct Tiers {
    typealias P = Parameters

    /// The service's parameter values.
    let s: ParameterValues

    /// The movement rules, with the same values.
    var rules: Rules { Rules(s: s) }

    /// Routed elsewhere from either step: the service treats common mental health problems, and sends
    /// probable dependence to a specialist service first.
    var exclusions: [Exclusion] {
        [
            Exclusion(
                id: "alcohol-dependence",
                when: .scoreAtLeast(instrument: "audit", threshold: s[P.alcoholDependence].number),
                routeTo: "specialist alcohol service", source: s[P.alcoholDependence].source),
            Exclusion(
                id: "drug-problems", when: .scoreAtLeast(instrument: "dast10", threshold: s[P.drugProblems].number),
                routeTo: "specialist drug service", source: s[P.drugProblems].source),
        ]
    }

    /// Step 2: open to everyone the service accepts; a psychological wellbeing practitioner (coach role) guides it.
    var step2: TierPackage {
        TierPackage(
            id: "step-2", name: "Step 2 — low-intensity guided self-help",
            components: [
                "guided self-help based on CBT, by a psychological wellbeing practitioner", "behavioural activation",
                "psychoeducation", "supported digital CBT", "PHQ-9 and GAD-7 at every session",
                "weekly case-management supervision",
            ],
            sessions: 6...s[P.step2Sessions].number, timeframe: .weeks(12),
            documentationStandard: "PHQ-9 and GAD-7 at every session; WSAS at the start and end; progress reviewed in "
                + "case-management supervision; not-on-track review at session \(s[P.notOnTrackSession].number)",
            accessStandard: s[P.accessStandard].span, entryCriteria: .always, exclusions: exclusions,
            escalationRules: rules.step2, capacity: Capacity(standardSlots: 120))
    }

    /// Step 3: severe depression or probable PTSD at assessment, or stepped up from step 2; a high-intensity
    /// therapist (clinician role) delivers it.
    var step3: TierPackage {
        TierPackage(
            id: "step-3", name: "Step 3 — high-intensity psychological therapy",
            components: [
                "CBT, interpersonal therapy or counselling for depression, by a high-intensity therapist",
                "trauma-focused CBT or EMDR for PTSD", "problem-specific measure (e.g. PCL-5) with PHQ-9 and GAD-7",
                "clinical supervision",
            ],
            // 8–20 spans NICE's usual courses (trauma-focused CBT 8–12 sessions, CBT for depression 16–20).
            sessions: 8...s[P.step3Sessions].number, timeframe: .weeks(26),
            documentationStandard: "PHQ-9, GAD-7 and the problem-specific measure at every session; WSAS at the start "
                + "and end; end-of-treatment review before discharge",
            accessStandard: s[P.accessStandard].span,
            entryCriteria: .any([
                .scoreAtLeast(instrument: "phq9", threshold: s[P.severeDepression].number),
                .scoreAtLeast(instrument: "pcl5", threshold: s[P.probablePTSD].number),
            ]),
            exclusions: exclusions, escalationRules: rules.step3,
            capacity: Capacity(standardSlots: 60, rapidAccessSlots: 6))
    }
}
