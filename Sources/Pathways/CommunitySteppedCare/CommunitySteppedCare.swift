public import StepCareCore

/// The default pathway: the three-tier community stepped-care model StepCare was designed from.
public enum CommunitySteppedCareModule: PathwayModule {
    public static var pathways: [Pathway] { [CommunitySteppedCare.pathway] }
}

/// The seed model as a ``Pathway``.
public enum CommunitySteppedCare {
    /// The pathway with its default values.
    public static let pathway = make(ParameterValues())

    /// The pathway with a service's parameter values.
    static func make(_ s: ParameterValues) -> Pathway {
        let tiers = Tiers(s: s)
        return Pathway(
            id: "community-stepped-care", name: "Community stepped care (three tiers)", version: 1,
            summary: "Tier 1 brief intervention and navigation, Tier 2 structured therapy with care coordination, "
                + "Tier 3 multidisciplinary support with psychiatry access. Clients are placed within 48 hours, reviewed "
                + "at session 3, stepped up on persisting symptoms, crises or deterioration, reviewed the same day for "
                + "any positive risk item, and stepped down from Tier 3 with a stability plan and two handover contacts.",
            source: Parameters.seed,
            tiers: [tiers.tier1, tiers.tier2, tiers.tier3], rules: tiers.rules.pathwayWide, rights: Rights.table,
            handoverContacts: [s[Parameters.handover1].span, s[Parameters.handover2].span],
            parameters: Parameters.all.map { s[$0] }, builder: PathwayBuilder { make(ParameterValues($0)) })
    }
}
