import StepCareCore

/// The movement rules of the talking-therapies pathway. Every number comes from ``Parameters``.
enum Rules {
    typealias P = Parameters

    /// Checked for every client: placement within the access standard, and risk before placement and in
    /// every step.
    static let pathwayWide: [MovementRule] = [
        MovementRule(
            id: "placement-due", title: "Place a referred client within the access standard",
            scope: .beforePlacement, when: .notPlaced, recommend: .place,
            deadline: .within(P.accessStandard.span), source: P.accessStandard.source),
        MovementRule(
            id: "risk-same-day-review", title: "Any positive risk item: same-day safety review, whatever the step",
            scope: .always, when: .openRiskFlag, recommend: .urgentSafetyReview, deadline: .sameDay,
            documentation: [.riskReview],
            source: "StepCare safety standard: a risk flag (e.g. PHQ-9 item 9 ≥ 1, C-SSRS) is reviewed the same day, "
                + "including at assessment before a step is chosen"),
    ]

    /// Step 2: not on track on PHQ-9 or GAD-7 at the review session → step 3; the package used → review.
    static let step2: [MovementRule] = [
        notOnTrack("phq9", "PHQ-9", reliableChange: P.phq9ReliableChange, caseness: P.phq9Caseness),
        notOnTrack("gad7", "GAD-7", reliableChange: P.gad7ReliableChange, caseness: P.gad7Caseness),
        packageComplete(in: "step-2", sessions: P.step2Sessions),
    ]

    /// Step 3: the package used → end-of-treatment review (discharge, or a documented extension).
    static let step3: [MovementRule] = [packageComplete(in: "step-3", sessions: P.step3Sessions)]

    private static func notOnTrack(
        _ instrument: String, _ name: String, reliableChange: PathwayParameter, caseness: PathwayParameter
    ) -> MovementRule {
        MovementRule(
            id: "step-2-not-on-track-\(instrument)",
            title: "Not on track: no reliable improvement on \(name) by session \(P.notOnTrackSession.number), "
                + "step up to step 3",
            scope: .tiers(["step-2"]),
            when: .noReliableImprovement(
                instrument: instrument, threshold: reliableChange.number, caseness: caseness.number,
                bySession: P.notOnTrackSession.number),
            recommend: .stepUp(to: "step-3"), deadline: .within(P.stepUpDeadline.span),
            documentation: [.structuredReview],
            source: P.notOnTrackSession.source + "; " + reliableChange.source + "; " + caseness.source)
    }

    private static func packageComplete(in tier: String, sessions: PathwayParameter) -> MovementRule {
        MovementRule(
            id: "\(tier)-package-complete", title: "The package's sessions are used: review, then discharge or extend",
            scope: .tiers([tier]), when: .sessions(atLeast: sessions.number), recommend: .tierReview,
            deadline: .within(P.reviewDeadline.span), documentation: [.structuredReview],
            source: sessions.source)
    }
}
