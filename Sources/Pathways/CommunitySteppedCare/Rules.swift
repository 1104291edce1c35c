import StepCareCore

/// The movement rules of the community stepped-care pathway. Every number comes from ``Parameters``.
struct Rules {
    typealias P = Parameters

    /// The service's parameter values.
    let s: ParameterValues

    /// Checked for every client: placement on time, and risk in every tier.
    var pathwayWide: [MovementRule] {
        [
            MovementRule(
                id: "placement-due", title: "Place a referred client within the access standard",
                scope: .beforePlacement, when: .notPlaced, recommend: .place,
                deadline: .within(s[P.placementDeadline].span), source: s[P.placementDeadline].source),
            MovementRule(
                id: "risk-same-day-review", title: "Any positive risk item: same-day safety review, whatever the tier",
                scope: .always, when: .openRiskFlag, recommend: .urgentSafetyReview, deadline: .sameDay,
                documentation: [.riskReview],
                source: P.seed + ": 'a positive risk item → same-day safety review whatever the tier'"),
            MovementRule(
                id: "no-shows-with-risk", title: "Repeated no-shows with ongoing risk: review and proactive outreach",
                scope: .everyTier,
                when: .all([
                    .eventsWithin(.noShow, count: s[P.noShows].number, window: s[P.noShowWindow].span),
                    .eventsWithin(.riskFlag, count: 1, window: s[P.ongoingRiskWindow].span),
                ]),
                recommend: .tierReview, deadline: .within(s[P.urgentReviewDeadline].span),
                documentation: [.structuredReview],
                source: P.seed + ": 'repeated no-shows with ongoing risk'; counts and windows: " + s[P.noShows].source),
            MovementRule(
                id: "medication-safety", title: "Medication safety concern: review with psychiatry access",
                scope: .everyTier, when: .eventsWithin(.medicationConcern, count: 1, window: s[P.crisisWindow].span),
                recommend: .tierReview, deadline: .within(s[P.urgentReviewDeadline].span),
                documentation: [.structuredReview],
                source: P.seed + ": 'medication safety concerns' escalate; a question for the prescriber does not"),
            MovementRule(
                id: "crisis-follow-up",
                title: "Crisis contact or ED visit: follow-up contact within \(inDays(s[P.crisisFollowUp].span))",
                scope: .always,
                when: .any([.recorded(.crisisContact), .recorded(.emergencyVisit)]),
                recommend: .followUpContact, deadline: .within(s[P.crisisFollowUp].span), documentation: [.contact],
                source: s[P.crisisFollowUp].source),
        ]
    }

    /// Tier 3: the weekly check-in, the continued-stay review, and the plan a step-up needs.
    var tier3: [MovementRule] {
        [
            MovementRule(
                id: "t3-weekly-check-in",
                title: s[P.checkInInterval].span == .weeks(1)
                    ? "Tier 3 weekly check-in: due once a week"
                    : "Tier 3 check-in: due every \(s[P.checkInInterval].span.spoken)",
                scope: .tiers(["tier-3"]), when: .recurring(.session, every: s[P.checkInInterval].span),
                recommend: .scheduledContact, deadline: .sameDay, documentation: [.contact],
                source: s[P.checkInInterval].source),
            MovementRule(
                id: "t3-continued-stay-review",
                title: "Tier 3 continued-stay review: why the client still needs Tier 3",
                scope: .tiers(["tier-3"]), when: .recurring(.structuredReview, every: s[P.continuedStay].span),
                recommend: .tierReview, deadline: .within(s[P.reviewDeadline].span), documentation: [.structuredReview],
                source: s[P.continuedStay].source),
            MovementRule(
                id: "t3-step-up-plan", title: "Stepped up to Tier 3: write the step-up plan",
                scope: .tiers(["tier-3"]), when: .enteredFrom(["tier-1", "tier-2"]), recommend: .stepUpPlan,
                deadline: .within(s[P.stepUpPlanDeadline].span), documentation: [.stepUpPlan],
                source: s[P.stepUpPlanDeadline].source),
        ]
    }

    /// Tier 1: the session-3 review, persisting symptoms, functional deterioration, the end of the package.
    var tier1: [MovementRule] {
        [
            MovementRule(
                id: "t1-session-review-phq9",
                title: "No reliable improvement on PHQ-9 by session \(s[P.reviewSession].number): tier review",
                scope: .tiers(["tier-1"]),
                when: .noReliableImprovement(
                    instrument: "phq9", threshold: s[P.phq9ReliableChange].number, caseness: s[P.phq9Caseness].number,
                    bySession: s[P.reviewSession].number),
                recommend: .tierReview, deadline: .within(s[P.reviewDeadline].span), documentation: [.structuredReview],
                source: s[P.reviewSession].source + "; reliable change: " + s[P.phq9ReliableChange].source),
            MovementRule(
                id: "t1-session-review-gad7",
                title: "No reliable improvement on GAD-7 by session \(s[P.reviewSession].number): tier review",
                scope: .tiers(["tier-1"]),
                when: .noReliableImprovement(
                    instrument: "gad7", threshold: s[P.gad7ReliableChange].number, caseness: s[P.gad7Caseness].number,
                    bySession: s[P.reviewSession].number),
                recommend: .tierReview, deadline: .within(s[P.reviewDeadline].span), documentation: [.structuredReview],
                source: s[P.reviewSession].source + "; reliable change: " + s[P.gad7ReliableChange].source),
            persisting("t1", in: "tier-1"),
            deteriorating("t1", in: "tier-1"),
            packageComplete("t1", in: "tier-1", sessions: Tiers.tier1Sessions.upperBound),
        ]
    }

    /// Tier 2: persisting symptoms and functional deterioration lead to review; crises lead to Tier 3.
    var tier2: [MovementRule] {
        [
            persisting("t2", in: "tier-2"),
            deteriorating("t2", in: "tier-2"),
            packageComplete("t2", in: "tier-2", sessions: Tiers.tier2Sessions.upperBound),
        ]
    }

    /// From Tier 1 or 2: crisis contacts and an ED visit within the window → step up to Tier 3.
    var crisisStepUp: MovementRule {
        MovementRule(
            id: "crisis-step-up",
            title: "Crisis contacts and an ED visit within \(inDays(s[P.crisisWindow].span)): step up to Tier 3",
            scope: .tiers(["tier-1", "tier-2"]),
            when: .all([
                .eventsWithin(.crisisContact, count: s[P.crisisContacts].number, window: s[P.crisisWindow].span),
                .eventsWithin(.emergencyVisit, count: s[P.emergencyVisits].number, window: s[P.crisisWindow].span),
            ]),
            recommend: .stepUp(to: "tier-3"), deadline: .within(s[P.stepUpDeadline].span),
            documentation: [.structuredReview, .supervisorConsult],
            source: s[P.crisisContacts].source + " → 'structured review, supervisor consult, step up to Tier 3'")
    }

    /// Tier 3 → Tier 2 after a quiet period with improved function and consistent engagement.
    var tier3StepDown: MovementRule {
        MovementRule(
            id: "t3-step-down", title: "Stable in Tier 3: structured review for a step-down to Tier 2",
            scope: .tiers(["tier-3"]),
            when: .all([
                .not(.openRiskFlag),
                .noEventsFor(.crisisContact, span: s[P.stepDownQuiet].span),
                .bandImproved(instrument: "wsas"),
                .attendance(
                    atLeastPercent: s[P.engagementPercent].number, window: s[P.stepDownQuiet].span,
                    minimumContacts: s[P.engagementContacts].number),
            ]),
            recommend: .stepDown(to: "tier-2"), deadline: .within(s[P.stepDownDeadline].span),
            documentation: [.structuredReview, .stabilityPlan],
            source: s[P.stepDownQuiet].source
                + ", 'improved functional scores and consistent engagement'; improved = a "
                + "less severe WSAS band (Mundt 2002) than at Tier 3 entry, StepCare's choice as WSAS has no published "
                + "reliable change")
    }

    private func persisting(_ prefix: String, in tier: String) -> MovementRule {
        MovementRule(
            id: "\(prefix)-symptoms-persist",
            title: "Symptoms at caseness for \(s[P.persistence].span.spoken) despite the intervention",
            scope: .tiers([tier]),
            when: .any([
                .persistsAtLeast(instrument: "phq9", threshold: s[P.phq9Caseness].number, span: s[P.persistence].span),
                .persistsAtLeast(instrument: "gad7", threshold: s[P.gad7Caseness].number, span: s[P.persistence].span),
            ]),
            recommend: .tierReview, deadline: .within(s[P.reviewDeadline].span), documentation: [.structuredReview],
            source: P.seed + ": 'symptoms persisting 2–4 weeks despite the intervention'; " + s[P.persistence].source)
    }

    private func deteriorating(_ prefix: String, in tier: String) -> MovementRule {
        MovementRule(
            id: "\(prefix)-functional-deterioration", title: "Functional deterioration on WSAS: tier review",
            scope: .tiers([tier]), when: .bandWorsened(instrument: "wsas"), recommend: .tierReview,
            deadline: .within(s[P.reviewDeadline].span), documentation: [.structuredReview],
            source: P.seed + ": 'functional deterioration'; deterioration = a more severe WSAS band (Mundt 2002) "
                + "than at tier entry, StepCare's choice as WSAS has no published reliable change")
    }

    private func packageComplete(_ prefix: String, in tier: String, sessions: Int) -> MovementRule {
        MovementRule(
            id: "\(prefix)-package-complete", title: "The package's sessions are used: review, step down or discharge",
            scope: .tiers([tier]), when: .sessions(atLeast: sessions), recommend: .tierReview,
            deadline: .within(s[P.reviewDeadline].span), documentation: [.structuredReview],
            source: "The tier package's session count (\(tier): \(sessions) sessions at most)")
    }

    /// A span as a title says it: in days when it is whole days (`7 days`, not `1 week`).
    private func inDays(_ span: TimeSpan) -> String {
        span.minutes % 1440 == 0 && span.days > 1 ? "\(span.days) days" : span.spoken
    }
}
