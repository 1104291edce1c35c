import StepCareCore

/// The movement rules of the community stepped-care pathway. Every number comes from ``Parameters``.
enum Rules {
    typealias P = Parameters

    /// Checked for every client: placement on time, and risk in every tier.
    static let pathwayWide: [MovementRule] = [
        MovementRule(
            id: "placement-due", title: "Place a referred client within the access standard",
            scope: .beforePlacement, when: .notPlaced, recommend: .place,
            deadline: .within(P.placementDeadline.span), source: P.placementDeadline.source),
        MovementRule(
            id: "risk-same-day-review", title: "Any positive risk item: same-day safety review, whatever the tier",
            scope: .always, when: .openRiskFlag, recommend: .urgentSafetyReview, deadline: .sameDay,
            documentation: [.riskReview],
            source: P.seed + ": 'a positive risk item → same-day safety review whatever the tier'"),
        MovementRule(
            id: "no-shows-with-risk", title: "Repeated no-shows with ongoing risk: review and proactive outreach",
            scope: .everyTier,
            when: .all([
                .eventsWithin(.noShow, count: P.noShows.number, window: P.noShowWindow.span),
                .eventsWithin(.riskFlag, count: 1, window: P.ongoingRiskWindow.span),
            ]),
            recommend: .tierReview, deadline: .within(P.urgentReviewDeadline.span), documentation: [.structuredReview],
            source: P.seed + ": 'repeated no-shows with ongoing risk'; counts and windows: " + P.noShows.source),
        MovementRule(
            id: "medication-safety", title: "Medication safety concern: review with psychiatry access",
            scope: .everyTier, when: .eventsWithin(.medicationConcern, count: 1, window: P.crisisWindow.span),
            recommend: .tierReview, deadline: .within(P.urgentReviewDeadline.span), documentation: [.structuredReview],
            source: P.seed + ": 'medication safety concerns' escalate; a question for the prescriber does not"),
        MovementRule(
            id: "crisis-follow-up", title: "Crisis contact or ED visit: follow-up contact within 7 days",
            scope: .always,
            when: .any([.recorded(.crisisContact), .recorded(.emergencyVisit)]),
            recommend: .followUpContact, deadline: .within(P.crisisFollowUp.span), documentation: [.contact],
            source: P.crisisFollowUp.source),
    ]

    /// Tier 3: the weekly check-in, the continued-stay review, and the plan a step-up needs.
    static let tier3: [MovementRule] = [
        MovementRule(
            id: "t3-weekly-check-in", title: "Tier 3 weekly check-in: due once a week",
            scope: .tiers(["tier-3"]), when: .recurring(.session, every: P.checkInInterval.span),
            recommend: .scheduledContact, deadline: .sameDay, documentation: [.contact],
            source: P.checkInInterval.source),
        MovementRule(
            id: "t3-continued-stay-review", title: "Tier 3 continued-stay review: why the client still needs Tier 3",
            scope: .tiers(["tier-3"]), when: .recurring(.structuredReview, every: P.continuedStay.span),
            recommend: .tierReview, deadline: .within(P.reviewDeadline.span), documentation: [.structuredReview],
            source: P.continuedStay.source),
        MovementRule(
            id: "t3-step-up-plan", title: "Stepped up to Tier 3: write the step-up plan",
            scope: .tiers(["tier-3"]), when: .enteredFrom(["tier-1", "tier-2"]), recommend: .stepUpPlan,
            deadline: .within(P.stepUpPlanDeadline.span), documentation: [.stepUpPlan],
            source: P.stepUpPlanDeadline.source),
    ]

    /// Tier 1: the session-3 review, persisting symptoms, functional deterioration, the end of the package.
    static let tier1: [MovementRule] = [
        MovementRule(
            id: "t1-session-review-phq9", title: "No reliable improvement on PHQ-9 by session 3: tier review",
            scope: .tiers(["tier-1"]),
            when: .noReliableImprovement(
                instrument: "phq9", threshold: P.phq9ReliableChange.number, caseness: P.phq9Caseness.number,
                bySession: P.reviewSession.number),
            recommend: .tierReview, deadline: .within(P.reviewDeadline.span), documentation: [.structuredReview],
            source: P.reviewSession.source + "; reliable change: " + P.phq9ReliableChange.source),
        MovementRule(
            id: "t1-session-review-gad7", title: "No reliable improvement on GAD-7 by session 3: tier review",
            scope: .tiers(["tier-1"]),
            when: .noReliableImprovement(
                instrument: "gad7", threshold: P.gad7ReliableChange.number, caseness: P.gad7Caseness.number,
                bySession: P.reviewSession.number),
            recommend: .tierReview, deadline: .within(P.reviewDeadline.span), documentation: [.structuredReview],
            source: P.reviewSession.source + "; reliable change: " + P.gad7ReliableChange.source),
        persisting("t1", in: "tier-1"),
        deteriorating("t1", in: "tier-1"),
        packageComplete("t1", in: "tier-1", sessions: Tiers.tier1Sessions.upperBound),
    ]

    /// Tier 2: persisting symptoms and functional deterioration lead to review; crises lead to Tier 3.
    static let tier2: [MovementRule] = [
        persisting("t2", in: "tier-2"),
        deteriorating("t2", in: "tier-2"),
        packageComplete("t2", in: "tier-2", sessions: Tiers.tier2Sessions.upperBound),
    ]

    /// From Tier 1 or 2: crisis contacts and an ED visit within the window → step up to Tier 3.
    static let crisisStepUp = MovementRule(
        id: "crisis-step-up", title: "Crisis contacts and an ED visit within 30 days: step up to Tier 3",
        scope: .tiers(["tier-1", "tier-2"]),
        when: .all([
            .eventsWithin(.crisisContact, count: P.crisisContacts.number, window: P.crisisWindow.span),
            .eventsWithin(.emergencyVisit, count: P.emergencyVisits.number, window: P.crisisWindow.span),
        ]),
        recommend: .stepUp(to: "tier-3"), deadline: .within(P.stepUpDeadline.span),
        documentation: [.structuredReview, .supervisorConsult],
        source: P.crisisContacts.source + " → 'structured review, supervisor consult, step up to Tier 3'")

    /// Tier 3 → Tier 2 after a quiet period with improved function and consistent engagement.
    static let tier3StepDown = MovementRule(
        id: "t3-step-down", title: "Stable in Tier 3: structured review for a step-down to Tier 2",
        scope: .tiers(["tier-3"]),
        when: .all([
            .not(.openRiskFlag),
            .noEventsFor(.crisisContact, span: P.stepDownQuiet.span),
            .bandImproved(instrument: "wsas"),
            .attendance(
                atLeastPercent: P.engagementPercent.number, window: P.stepDownQuiet.span,
                minimumContacts: P.engagementContacts.number),
        ]),
        recommend: .stepDown(to: "tier-2"), deadline: .within(P.stepDownDeadline.span),
        documentation: [.structuredReview, .stabilityPlan],
        source: P.stepDownQuiet.source + ", 'improved functional scores and consistent engagement'; improved = a "
            + "less severe WSAS band (Mundt 2002) than at Tier 3 entry, StepCare's choice as WSAS has no published "
            + "reliable change")

    private static func persisting(_ prefix: String, in tier: String) -> MovementRule {
        MovementRule(
            id: "\(prefix)-symptoms-persist", title: "Symptoms at caseness for 4 weeks despite the intervention",
            scope: .tiers([tier]),
            when: .any([
                .persistsAtLeast(instrument: "phq9", threshold: P.phq9Caseness.number, span: P.persistence.span),
                .persistsAtLeast(instrument: "gad7", threshold: P.gad7Caseness.number, span: P.persistence.span),
            ]),
            recommend: .tierReview, deadline: .within(P.reviewDeadline.span), documentation: [.structuredReview],
            source: P.seed + ": 'symptoms persisting 2–4 weeks despite the intervention'; " + P.persistence.source)
    }

    private static func deteriorating(_ prefix: String, in tier: String) -> MovementRule {
        MovementRule(
            id: "\(prefix)-functional-deterioration", title: "Functional deterioration on WSAS: tier review",
            scope: .tiers([tier]), when: .bandWorsened(instrument: "wsas"), recommend: .tierReview,
            deadline: .within(P.reviewDeadline.span), documentation: [.structuredReview],
            source: P.seed + ": 'functional deterioration'; deterioration = a more severe WSAS band (Mundt 2002) "
                + "than at tier entry, StepCare's choice as WSAS has no published reliable change")
    }

    private static func packageComplete(_ prefix: String, in tier: String, sessions: Int) -> MovementRule {
        MovementRule(
            id: "\(prefix)-package-complete", title: "The package's sessions are used: review, step down or discharge",
            scope: .tiers([tier]), when: .sessions(atLeast: sessions), recommend: .tierReview,
            deadline: .within(P.reviewDeadline.span), documentation: [.structuredReview],
            source: "The tier package's session count (\(tier): \(sessions) sessions at most)")
    }
}
