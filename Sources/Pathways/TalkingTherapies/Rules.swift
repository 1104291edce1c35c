import StepCareCore

/// The movement rules of the talking-therapies pathway. Every number comes from ``Parameters``.
struct Rules {
    typealias P = Parameters

    /// The service's parameter values.
    let s: ParameterValues

    /// Checked for every client: placement within the access standard, and risk before placement and in
    /// every step.
    var pathwayWide: [MovementRule] {
        [
            MovementRule(
                id: "placement-due", title: "Place a referred client within the access standard",
                scope: .beforePlacement, when: .notPlaced, recommend: .place,
                deadline: .within(s[P.accessStandard].span), source: s[P.accessStandard].source),
            MovementRule(
                id: "risk-same-day-review", title: "Any positive risk item: same-day safety review, whatever the step",
                scope: .always, when: .openRiskFlag, recommend: .urgentSafetyReview, deadline: .sameDay,
                documentation: [.riskReview],
                source:
                    "StepCare safety standard: a risk flag (e.g. PHQ-9 item 9 ≥ 1, C-SSRS) is reviewed the same day, "
                    + "including at assessment before a step is chosen"),
        ]
    }

    /// Step 2: not on track on PHQ-9 or GAD-7 at the review session → step 3; the package used → review.
    var step2: [MovementRule] {
        [
            notOnTrack("phq9", "PHQ-9", reliableChange: s[P.phq9ReliableChange], caseness: s[P.phq9Caseness]),
            notOnTrack("gad7", "GAD-7", reliableChange: s[P.gad7ReliableChange], caseness: s[P.gad7Caseness]),
            packageComplete(in: "step-2", sessions: s[P.step2Sessions]),
        ]
    }

    /// Step 3: the package used → end-of-treatment review (discharge, or a documented extension).
    var step3: [MovementRule] {
        [packageComplete(in: "step-3", sessions: s[P.step3Sessions])]
    }

    private func notOnTrack(
        _ instrument: String, _ name: String, reliableChange: PathwayParameter, caseness: PathwayParameter
    ) -> MovementRule {
        MovementRule(
            id: "step-2-not-on-track-\(instrument)",
            title: "Not on track: no reliable improvement on \(name) by session \(s[P.notOnTrackSession].number), "
                + "step up to step 3",
            scope: .tiers(["step-2"]),
            when: .noReliableImprovement(
                instrument: instrument, threshold: reliableChange.number, caseness: caseness.number,
                bySession: s[P.notOnTrackSession].number),
            recommend: .stepUp(to: "step-3"), deadline: .within(s[P.stepUpDeadline].span),
            documentation: [.structuredReview],
            source: s[P.notOnTrackSession].source + "; " + reliableChange.source + "; " + caseness.source)
    }

    private func packageComplete(in tier: String, sessions: PathwayParameter) -> MovementRule {
        MovementRule(
            id: "\(tier)-package-complete", title: "The package's sessions are used: review, then discharge or extend",
            scope: .tiers([tier]), when: .sessions(atLeast: sessions.number), recommend: .tierReview,
            deadline: .within(s[P.reviewDeadline].span), documentation: [.structuredReview],
            source: sessions.source)
    }
}
