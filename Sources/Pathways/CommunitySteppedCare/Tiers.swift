import StepCareCore

/// The three tier packages of the seed model.
struct Tiers {
    typealias P = Parameters

    /// The service's parameter values.
    let s: ParameterValues

    /// The movement rules, with the same values.
    var rules: Rules { Rules(s: s) }

    static let tier1Sessions = 4...6
    static let tier2Sessions = 8...12

    /// Routed elsewhere from Tiers 1 and 2; Tier 3's multidisciplinary team can hold co-occurring use.
    var substanceExclusions: [Exclusion] {
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

    var tier1: TierPackage {
        TierPackage(
            id: "tier-1", name: "Tier 1 — brief intervention and navigation",
            components: [
                "structured 4–6 session intervention by a coach", "skills practice", "sleep routine",
                "brief CBT-informed tools", "symptom scores at every contact",
                "coordination with the primary-care prescriber",
            ],
            sessions: Self.tier1Sessions, timeframe: .weeks(8),
            documentationStandard: "PHQ-9 and GAD-7 at every contact; session notes; tier review at session 3",
            accessStandard: s[P.placementDeadline].span, entryCriteria: .always, exclusions: substanceExclusions,
            escalationRules: rules.tier1 + [rules.crisisStepUp],
            capacity: Capacity(standardSlots: 40, rapidAccessSlots: 0))
    }

    var tier2: TierPackage {
        TierPackage(
            id: "tier-2", name: "Tier 2 — structured therapy plus care coordination",
            components: ["structured psychological therapy", "care coordination", "outcome measures every session"],
            sessions: Self.tier2Sessions, timeframe: .weeks(16),
            documentationStandard: "PHQ-9, GAD-7 and WSAS each session; care plan; review at the end of the package",
            entryCriteria: .any([
                .scoreAtLeast(instrument: "phq9", threshold: s[P.moderatelySevere].number),
                .scoreAtLeast(instrument: "gad7", threshold: s[P.severeAnxiety].number),
                .scoreAtLeast(instrument: "wsas", threshold: s[P.functionalImpairment].number),
            ]),
            exclusions: substanceExclusions, escalationRules: rules.tier2,
            capacity: Capacity(standardSlots: 20, rapidAccessSlots: 2))
    }

    var tier3: TierPackage {
        TierPackage(
            id: "tier-3", name: "Tier 3 — multidisciplinary support with psychiatry access",
            components: [
                "weekly check-ins", "safety plan", "medication review access", "high-touch proactive outreach",
                "added care coordination", "a documented step-down target",
            ],
            sessions: 12...26, timeframe: .weeks(26),
            documentationStandard: "safety plan; weekly contact notes; WSAS monthly; documented step-down target",
            entryCriteria: .any([
                .scoreAtLeast(instrument: "phq9", threshold: s[P.severeDepression].number),
                .scoreAtLeast(instrument: "cssrs", threshold: s[P.highRiskLevel].number),
                .eventsWithin(.crisisContact, count: s[P.crisisContacts].number, window: s[P.crisisWindow].span),
            ]),
            escalationRules: rules.tier3, stepDownRules: [rules.tier3StepDown],
            capacity: Capacity(standardSlots: 8, rapidAccessSlots: 2))
    }
}
