import StepCareCore

/// Every threshold the community stepped-care pathway uses, with where it comes from.
///
/// "Seed model" is the service-design document StepCare started from (summarised in DESIGN.md). Where the
/// seed gives a range or no number, the value is StepCare's choice, says so, and a service can change it here.
enum Parameters {
    static let seed = "Seed model (StepCare DESIGN.md, 'The seed model')"

    static let placementDeadline = PathwayParameter(
        "placement-deadline", .span(.hours(48)), meaning: "a referred client is placed within",
        source: seed + ": Tier 1 'assigned within 48 h of referral'")
    static let reviewSession = PathwayParameter(
        "tier-1-review-session", .count(3), meaning: "tier review when no reliable improvement by session",
        source: seed + ": 'No improvement by session 3 → tier review'")
    static let phq9ReliableChange = PathwayParameter(
        "phq9-reliable-change", .score(6), meaning: "PHQ-9 fall that counts as reliable improvement",
        source: "NHS Talking Therapies Manual (reliable change index 6 on PHQ-9)")
    static let phq9Caseness = PathwayParameter(
        "phq9-caseness", .score(10), meaning: "PHQ-9 total at or above which a client is a case",
        source: "NHS Talking Therapies Manual (caseness PHQ-9 ≥ 10)")
    static let gad7ReliableChange = PathwayParameter(
        "gad7-reliable-change", .score(4), meaning: "GAD-7 fall that counts as reliable improvement",
        source: "NHS Talking Therapies Manual (reliable change index 4 on GAD-7)")
    static let gad7Caseness = PathwayParameter(
        "gad7-caseness", .score(8), meaning: "GAD-7 total at or above which a client is a case",
        source: "NHS Talking Therapies Manual (caseness GAD-7 ≥ 8)")
    static let persistence = PathwayParameter(
        "symptom-persistence", .span(.weeks(4)), meaning: "symptoms at caseness for this long despite the intervention",
        source: seed + " gives '2–4 weeks'; StepCare's default is the upper end, 4 weeks; a service may set 2")
    static let crisisContacts = PathwayParameter(
        "step-up-crisis-contacts", .count(2), meaning: "crisis contacts within the window that trigger a step-up",
        source: seed + ": '2 crisis-line contacts and 1 ED visit within 30 days'")
    static let emergencyVisits = PathwayParameter(
        "step-up-ed-visits", .count(1),
        meaning: "ED visits within the window that (with the crisis contacts) trigger it",
        source: seed + ": '2 crisis-line contacts and 1 ED visit within 30 days'")
    static let crisisWindow = PathwayParameter(
        "step-up-window", .span(.days(30)), meaning: "the window for crisis contacts and ED visits, both ends included",
        source: seed + ": 'within 30 days'")
    static let stepUpDeadline = PathwayParameter(
        "step-up-deadline", .span(.days(7)), meaning: "a triggered step-up to Tier 3 happens within",
        source: "StepCare's choice: the seed requires a deadline ('must happen within its deadline') but gives none")
    static let reviewDeadline = PathwayParameter(
        "tier-review-deadline", .span(.days(7)), meaning: "a tier review happens within",
        source: "StepCare's choice: the seed names the review, not its deadline")
    static let urgentReviewDeadline = PathwayParameter(
        "urgent-review-deadline", .span(.hours(48)), meaning: "a review for no-shows with risk or a medication concern",
        source: "StepCare's choice: the seed lists these escalations without a deadline")
    static let noShows = PathwayParameter(
        "no-shows", .count(2), meaning: "no-shows within the no-show window that, with ongoing risk, trigger review",
        source: "StepCare's choice for the seed's 'repeated no-shows' (repeated = at least 2)")
    static let noShowWindow = PathwayParameter(
        "no-show-window", .span(.days(30)), meaning: "the window for counting no-shows",
        source: "StepCare's choice, matching the seed's 30-day crisis window")
    static let ongoingRiskWindow = PathwayParameter(
        "ongoing-risk-window", .span(.days(90)), meaning: "a risk flag raised within this long counts as ongoing risk",
        source: "StepCare's choice: a reviewed flag still means the risk is ongoing for this long")
    static let stepDownQuiet = PathwayParameter(
        "step-down-no-crisis", .span(.days(60)), meaning: "Tier 3 → Tier 2 after this long without crisis contacts",
        source: seed + ": 'Tier 3 → Tier 2 after no crisis contacts for 60 days'")
    static let engagementPercent = PathwayParameter(
        "engagement-attendance", .percent(75), meaning: "consistent engagement: share of contacts attended",
        source: "StepCare's choice for the seed's 'consistent engagement'")
    static let engagementContacts = PathwayParameter(
        "engagement-contacts", .count(4), meaning: "consistent engagement: at least this many contacts in the window",
        source: "StepCare's choice: weekly check-ins over 60 days give about 8; 4 allows for breaks")
    static let stepDownDeadline = PathwayParameter(
        "step-down-deadline", .span(.days(14)), meaning: "a step-down review happens within",
        source: "StepCare's choice")
    static let severeDepression = PathwayParameter(
        "tier-3-phq9", .score(20), meaning: "PHQ-9 at intake that indicates Tier 3",
        source: "Kroenke 2001 (PHQ-9 20–27 severe); StepCare's choice of tier for the band")
    static let moderatelySevere = PathwayParameter(
        "tier-2-phq9", .score(15), meaning: "PHQ-9 at intake that indicates Tier 2",
        source: "Kroenke 2001 (PHQ-9 15–19 moderately severe); StepCare's choice of tier for the band")
    static let severeAnxiety = PathwayParameter(
        "tier-2-gad7", .score(15), meaning: "GAD-7 at intake that indicates Tier 2",
        source: "Spitzer 2006 (GAD-7 15–21 severe); StepCare's choice of tier for the band")
    static let functionalImpairment = PathwayParameter(
        "tier-2-wsas", .score(21), meaning: "WSAS at intake that indicates Tier 2",
        source: "Mundt 2002 (WSAS above 20: moderately severe or worse); StepCare's choice of tier")
    static let highRiskLevel = PathwayParameter(
        "tier-3-cssrs-level", .score(3), meaning: "C-SSRS screener level (3 = high) that indicates Tier 3",
        source: "C-SSRS screener triage (high risk → immediate, intensive care); StepCare's choice of tier")
    static let alcoholDependence = PathwayParameter(
        "exclusion-audit", .score(20), meaning: "AUDIT total routing to a specialist alcohol service",
        source: "Babor 2001 WHO AUDIT manual: zone IV (20–40), referral to specialist for evaluation and treatment")
    static let drugProblems = PathwayParameter(
        "exclusion-dast10", .score(6), meaning: "DAST-10 total routing to a specialist drug service",
        source: "Skinner 1982 / DAST-10 guidance: 6–8 substantial, 9–10 severe; intensive assessment")
    static let handover1 = PathwayParameter(
        "handover-contact-1", .span(.days(7)), meaning: "first handover contact after a step-down, within",
        source: seed + " requires 'two handover contacts after the move'; the timing is StepCare's choice")
    static let handover2 = PathwayParameter(
        "handover-contact-2", .span(.days(14)), meaning: "second handover contact after a step-down, within",
        source: seed + " requires 'two handover contacts after the move'; the timing is StepCare's choice")

    static let crisisFollowUp = PathwayParameter(
        "crisis-follow-up", .span(.days(7)), meaning: "a follow-up contact after a crisis contact or ED visit, within",
        source: "NCQA HEDIS FUM (follow-up within 7 days of an ED visit for mental illness); applied to crisis "
            + "contacts too as StepCare's choice, for the seed's 'follow-up after transitions and crisis events'")
    static let checkInInterval = PathwayParameter(
        "tier-3-check-in", .span(.days(7)), meaning: "a Tier 3 client is seen at least this often (the check-in)",
        source: seed + ": Tier 3 'weekly check-ins'")
    static let continuedStay = PathwayParameter(
        "tier-3-continued-stay-review", .span(.weeks(12)),
        meaning: "a structured review of the reasons to stay in Tier 3, at least this often",
        source: "StepCare's choice for the payers' 'continued stay rationale' (reviewed at intervals); "
            + "about half the Tier 3 package's 26-week timeframe")
    static let stepUpPlanDeadline = PathwayParameter(
        "step-up-plan-deadline", .span(.days(3)),
        meaning: "a step-up plan is written within, after a step-up to Tier 3",
        source: seed + ": Tier 3 'safety plan … a documented step-down target'; the deadline is StepCare's choice")

    static let all: [PathwayParameter] = [
        placementDeadline, reviewSession, phq9ReliableChange, phq9Caseness, gad7ReliableChange, gad7Caseness,
        persistence, crisisContacts, emergencyVisits, crisisWindow, stepUpDeadline, reviewDeadline,
        urgentReviewDeadline, noShows, noShowWindow, ongoingRiskWindow, stepDownQuiet, engagementPercent,
        engagementContacts, stepDownDeadline, severeDepression, moderatelySevere, severeAnxiety, functionalImpairment,
        highRiskLevel, alcoholDependence, drugProblems, handover1, handover2, crisisFollowUp, checkInInterval,
        continuedStay, stepUpPlanDeadline,
    ]
}
