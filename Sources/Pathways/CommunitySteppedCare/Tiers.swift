import StepCareCore

/// The three tier packages of the seed model.
enum Tiers {
    typealias P = Parameters

    static let tier1Sessions = 4...6
    static let tier2Sessions = 8...12

    /// Routed elsewhere from Tiers 1 and 2; Tier 3's multidisciplinary team can hold co-occurring use.
    static let substanceExclusions = [
        Exclusion(
            id: "alcohol-dependence", when: .scoreAtLeast(instrument: "audit", threshold: P.alcoholDependence.number),
            routeTo: "specialist alcohol service", source: P.alcoholDependence.source),
        Exclusion(
            id: "drug-problems", when: .scoreAtLeast(instrument: "dast10", threshold: P.drugProblems.number),
            routeTo: "specialist drug service", source: P.drugProblems.source),
    ]

    static let tier1 = TierPackage(
        id: "tier-1", name: "Tier 1 — brief intervention and navigation",
        components: [
            "structured 4–6 session intervention by a coach", "skills practice", "sleep routine",
            "brief CBT-informed tools", "symptom scores at every contact",
            "coordination with the primary-care prescriber",
        ],
        sessions: tier1Sessions, timeframe: .weeks(8),
        documentationStandard: "PHQ-9 and GAD-7 at every contact; session notes; tier review at session 3",
        accessStandard: P.placementDeadline.span, entryCriteria: .always, exclusions: substanceExclusions,
        escalationRules: Rules.tier1 + [Rules.crisisStepUp],
        capacity: Capacity(standardSlots: 40, rapidAccessSlots: 0))

    static let tier2 = TierPackage(
        id: "tier-2", name: "Tier 2 — structured therapy plus care coordination",
        components: ["structured psychological therapy", "care coordination", "outcome measures every session"],
        sessions: tier2Sessions, timeframe: .weeks(16),
        documentationStandard: "PHQ-9, GAD-7 and WSAS each session; care plan; review at the end of the package",
        entryCriteria: .any([
            .scoreAtLeast(instrument: "phq9", threshold: P.moderatelySevere.number),
            .scoreAtLeast(instrument: "gad7", threshold: P.severeAnxiety.number),
            .scoreAtLeast(instrument: "wsas", threshold: P.functionalImpairment.number),
        ]),
        exclusions: substanceExclusions, escalationRules: Rules.tier2,
        capacity: Capacity(standardSlots: 20, rapidAccessSlots: 2))

    static let tier3 = TierPackage(
        id: "tier-3", name: "Tier 3 — multidisciplinary support with psychiatry access",
        components: [
            "weekly check-ins", "safety plan", "medication review access", "high-touch proactive outreach",
            "added care coordination", "a documented step-down target",
        ],
        sessions: 12...26, timeframe: .weeks(26),
        documentationStandard: "safety plan; weekly contact notes; WSAS monthly; documented step-down target",
        entryCriteria: .any([
            .scoreAtLeast(instrument: "phq9", threshold: P.severeDepression.number),
            .scoreAtLeast(instrument: "cssrs", threshold: P.highRiskLevel.number),
            .eventsWithin(.crisisContact, count: P.crisisContacts.number, window: P.crisisWindow.span),
        ]),
        escalationRules: Rules.tier3, stepDownRules: [Rules.tier3StepDown],
        capacity: Capacity(standardSlots: 8, rapidAccessSlots: 2))
}
