public import StepCareCore

/// A second, two-step pathway shaped like an NHS Talking Therapies service.
public enum TalkingTherapiesModule: PathwayModule {
    public static var pathways: [Pathway] { [TalkingTherapies.pathway] }
}

/// Low-intensity guided self-help (step 2) and high-intensity therapy (step 3), as a ``Pathway``.
///
/// Unlike the default community pathway it has no step-down: clients are discharged at the end of treatment,
/// so there are no handover contacts. Progress is judged by NHS Talking Therapies' caseness and reliable-change
/// values; the session at which "not on track" is judged, the deadlines and the step 3 entry cut-offs are
/// StepCare's documented choices, each listed with its source in the pathway's parameters.
public enum TalkingTherapies {
    /// The pathway with its default values.
    public static let pathway = make(ParameterValues())

    /// The pathway with a service's parameter values.
    static func make(_ s: ParameterValues) -> Pathway {
        let tiers = Tiers(s: s)
        return Pathway(
            id: "talking-therapies", name: "Talking therapies (steps 2 and 3)", version: 1, summary: summary(s),
            source: "NHS Talking Therapies stepped care (steps 2 and 3) and outcome definitions (instrument reference "
                + "§7); session counts from the StepCare issue; thresholds and their sources in the parameter list",
            tiers: [tiers.step2, tiers.step3], rules: tiers.rules.pathwayWide, rights: Rights.table,
            handoverContacts: [], parameters: Parameters.all.map { s[$0] },
            builder: PathwayBuilder { make(ParameterValues($0)) })
    }

    private typealias P = Parameters

    private static func summary(_ s: ParameterValues) -> String {
        "Step 2 low-intensity guided self-help (6–\(s[P.step2Sessions].number) sessions with a psychological wellbeing "
            + "practitioner) and step 3 high-intensity therapy (up to \(s[P.step3Sessions].number) sessions). Everyone "
            + "starts at step 2 unless severe depression (PHQ-9 ≥ \(s[P.severeDepression].number)) or probable PTSD "
            + "(PCL-5 ≥ \(s[P.probablePTSD].number)) indicates step 3. A client not on track at session "
            + "\(s[P.notOnTrackSession].number) (no reliable improvement on PHQ-9 or GAD-7 from a baseline at caseness) is "
            + "stepped up; any positive risk item gets a same-day safety review; there is no step-down: clients are "
            + "discharged at the end of treatment."
    }
}
