import StepCareCore
public import StepCareEngine

extension ReferenceEngine {
    /// Triage from intake, replayed: the most intensive tier whose entry criteria hold, unless one of its exclusions
    /// routes the client elsewhere; then the client's stated preference, honoured where safe.
    ///
    /// A preference for a less intensive tier than indicated is not honoured once any risk flag has been
    /// raised on the referral (reviewed or not) or after a crisis contact in the last 30 days; nor is any
    /// preference for a tier that excludes the client. An honoured preference that differs from the
    /// indicated tier is recorded as a documented deviation.
    public func triage(_ state: ReplayState) -> Triage {
        var trace: [String] = []
        var indicated: String?
        var exclusions: [Exclusion] = []
        for tier in pathway.tiers.reversed() where indicated == nil {
            let entry = state.evaluate(tier.entryCriteria)
            guard entry.holds else {
                trace.append("\(tier.id): entry criteria not met (\(tier.entryCriteria.summary))")
                continue
            }
            let excluded = tier.exclusions.filter { state.evaluate($0.condition).holds }
            if excluded.isEmpty {
                indicated = tier.id
                trace.append("\(tier.id): entry criteria met (\(tier.entryCriteria.summary))")
                trace += entry.evidence.map { "  \($0)" }
            } else {
                exclusions += excluded.filter { !exclusions.contains($0) }
                trace.append(
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
            let excluded = preferredTier.exclusions.filter { state.evaluate($0.condition).holds }
            let recentCrisis = state.indices(of: .crisisContact).contains {
                state.events[$0].at >= state.now - .days(30)
            }
            if lower, !state.indices(of: .riskFlag).isEmpty || recentCrisis {
                trace.append(
                    "preference \(preferred) not honoured: a risk flag was raised on this referral or a crisis "
                        + "contact came in the last 30 days, so a less intensive tier than indicated is unsafe")
            } else if !excluded.isEmpty {
                trace.append(
                    "preference \(preferred) not honoured: excluded by \(excluded.map(\.id).joined(separator: ", "))")
            } else {
                placement = preferredTier.id
                deviation = "client preference: placed in \(preferredTier.id), indicated \(indicatedTier)"
                trace.append("preference \(preferred) honoured (no open risk flag); documented as a deviation")
            }
        } else if let preferred = state.preference, preferred == indicated {
            trace.append("preference \(preferred) matches the indicated tier")
        }
        return Triage(
            indicated: indicated, placement: placement, exclusions: exclusions, deviation: deviation, trace: trace)
    }
}
