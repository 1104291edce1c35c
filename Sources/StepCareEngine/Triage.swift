public import StepCareCore

/// Where triage places a referred client, and why.
public struct Triage: Sendable, Hashable {
    /// The most intensive tier whose entry criteria hold and that excludes nobody, or `nil` when every
    /// candidate tier excludes the client.
    public var indicated: String?
    /// The tier to place in: the indicated tier, or the client's preference when it is honoured.
    public var placement: String?
    /// Exclusions that apply, with where they route the client.
    public var exclusions: [Exclusion]
    /// The documented deviation from the indicated tier, when the client's preference is honoured.
    public var deviation: String?
    /// One line per tier considered, and the preference decision.
    public var trace: [String]

    /// Creates a triage result.
    public init(indicated: String?, placement: String?, exclusions: [Exclusion], deviation: String?, trace: [String]) {
        self.indicated = indicated
        self.placement = placement
        self.exclusions = exclusions
        self.deviation = deviation
        self.trace = trace
    }
}

extension Engine {
    /// Triage from intake: the most intensive tier whose entry criteria hold, unless one of its exclusions
    /// routes the client elsewhere; then the client's stated preference, honoured where safe.
    ///
    /// A preference for a less intensive tier than indicated is not honoured once any risk flag has been
    /// raised on the referral (reviewed or not) or after a crisis contact in the last 30 days; nor is any
    /// preference for a tier that excludes the client. An honoured preference that differs from the
    /// indicated tier is recorded as a documented deviation.
    ///
    /// - Parameter explain: whether to write the trace; without it the placement, exclusions and deviation are
    ///   the same and the trace is empty (for callers that need only where the client goes).
    public func triage(_ state: CaseState, explain: Bool = true) -> Triage {
        var trace: [String] = []
        func note(_ line: @autoclosure () -> String) { if explain { trace.append(line()) } }
        var indicated: String?
        var exclusions: [Exclusion] = []
        for tier in pathway.tiers.reversed() where indicated == nil {
            let entry = state.evaluate(tier.entryCriteria, explain: explain)
            guard entry.holds else {
                note("\(tier.id): entry criteria not met (\(tier.entryCriteria.summary))")
                continue
            }
            let excluded = tier.exclusions.filter { state.evaluate($0.condition, explain: false).holds }
            if excluded.isEmpty {
                indicated = tier.id
                note("\(tier.id): entry criteria met (\(tier.entryCriteria.summary))")
                if explain { trace += entry.evidence.map { "  \($0)" } }
            } else {
                exclusions += excluded.filter { !exclusions.contains($0) }
                note(
                    "\(tier.id): entry criteria met but excluded: "
                        + excluded.map { "\($0.id) → \($0.routeTo)" }.joined(separator: "; "))
            }
        }
        var placement = indicated
        var deviation: String?
        if let preferred = state.preference, let indicatedTier = indicated, preferred != indicatedTier,
            let preferredTier = pathway.tier(preferred)
        {
            let lower = (pathway.rank(of: preferredTier.id) ?? 0) < (pathway.rank(of: indicatedTier) ?? 0)
            let excluded = preferredTier.exclusions.filter { state.evaluate($0.condition, explain: false).holds }
            let recentCrisis = !state.indices(of: .crisisContact, from: state.now - .days(30)).isEmpty
            if lower, !state.indices(of: .riskFlag).isEmpty || recentCrisis {
                note(
                    "preference \(preferred) not honoured: a risk flag was raised on this referral or a crisis "
                        + "contact came in the last 30 days, so a less intensive tier than indicated is unsafe")
            } else if !excluded.isEmpty {
                note(
                    "preference \(preferred) not honoured: excluded by \(excluded.map(\.id).joined(separator: ", "))")
            } else {
                placement = preferredTier.id
                deviation = "client preference: placed in \(preferredTier.id), indicated \(indicatedTier)"
                note("preference \(preferred) honoured (no open risk flag); documented as a deviation")
            }
        } else if let preferred = state.preference, preferred == indicated {
            note("preference \(preferred) matches the indicated tier")
        }
        return Triage(
            indicated: indicated, placement: placement, exclusions: exclusions, deviation: deviation, trace: trace)
    }
}
