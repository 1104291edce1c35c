import StepCareCore

/// Every threshold the talking-therapies pathway uses, with where it comes from.
///
/// The caseness and reliable-change values are NHS Talking Therapies' own (instrument reference §7). The review
/// session, deadlines and entry cut-offs are choices a service makes: each says so, and a service changes it here.
enum Parameters {
    static let nhsTT = "NHS Talking Therapies (MindStep, BMC Psychiatry 2018, Table 1; instrument reference §7)"
    static let localChoice = "a service choice, not an NHS Talking Therapies rule"

    static let accessStandard = PathwayParameter(
        "access-standard", .span(.weeks(6)), meaning: "a referred client is placed in a step within",
        source: "NHS Talking Therapies waiting-time standard (NHS England, from 2015): 75% of referrals start "
            + "treatment within 6 weeks and 95% within 18; StepCare applies the 6-week target to every referral")
    static let phq9Caseness = PathwayParameter(
        "phq9-caseness", .score(10), meaning: "PHQ-9 total at or above which a client is a case",
        source: nhsTT + ": caseness PHQ-9 ≥ 10 ('> 9')")
    static let phq9ReliableChange = PathwayParameter(
        "phq9-reliable-change", .score(6), meaning: "PHQ-9 fall that counts as reliable improvement",
        source: nhsTT + ": reliable change is a change of ≥ 6 on PHQ-9")
    static let gad7Caseness = PathwayParameter(
        "gad7-caseness", .score(8), meaning: "GAD-7 total at or above which a client is a case",
        source: nhsTT + ": caseness GAD-7 ≥ 8 ('> 7'), not Spitzer's screening 10")
    static let gad7ReliableChange = PathwayParameter(
        "gad7-reliable-change", .score(4), meaning: "GAD-7 fall that counts as reliable improvement",
        source: nhsTT + ": reliable change is a change of ≥ 4 on GAD-7")
    static let notOnTrackSession = PathwayParameter(
        "not-on-track-session", .count(4),
        meaning: "step 2 → step 3 when no reliable improvement by this session",
        source: "StepCare's example (from the issue): 'not on track' at session 4 of guided self-help; "
            + localChoice)
    static let stepUpDeadline = PathwayParameter(
        "step-up-deadline", .span(.days(14)), meaning: "a triggered step-up to step 3 happens within",
        source: "StepCare's choice, " + localChoice + ": a stepped-up client should not wait as long as a new referral")
    static let reviewDeadline = PathwayParameter(
        "tier-review-deadline", .span(.days(7)), meaning: "a tier review happens within",
        source: "StepCare's choice, " + localChoice + ": by the next weekly case-management supervision")
    static let step2Sessions = PathwayParameter(
        "step-2-sessions", .count(8), meaning: "step 2 sessions after which the package is reviewed",
        source: "The issue's step 2 package: low-intensity guided self-help, 6–8 sessions (the upper end)")
    static let step3Sessions = PathwayParameter(
        "step-3-sessions", .count(20), meaning: "step 3 sessions after which the package is reviewed",
        source: "The issue's step 3 package: high-intensity therapy, up to 20 sessions (NICE CG90: CBT for "
            + "depression typically 16–20 sessions)")
    static let severeDepression = PathwayParameter(
        "step-3-phq9", .score(20), meaning: "PHQ-9 at assessment that indicates step 3",
        source: "Kroenke 2001 (PHQ-9 20–27 severe); StepCare's documented choice to start severe depression at step 3")
    static let probablePTSD = PathwayParameter(
        "step-3-pcl5", .score(33), meaning: "PCL-5 at assessment that indicates step 3 (trauma-focused therapy)",
        source: "National Center for PTSD: 31–33 indicates probable PTSD (33, the PCL-5 module's default cut-off); "
            + "StepCare's documented choice: trauma-focused therapy is a step 3 (high-intensity) treatment")
    static let alcoholDependence = PathwayParameter(
        "exclusion-audit", .score(20), meaning: "AUDIT total routing to a specialist alcohol service",
        source: "Babor 2001 WHO AUDIT manual: zone IV (20–40), 'referral to a specialist for diagnostic evaluation "
            + "and treatment'")
    static let drugProblems = PathwayParameter(
        "exclusion-dast10", .score(6), meaning: "DAST-10 total routing to a specialist drug service",
        source: "Skinner 1982 (DAST-10 bands: 6–8 substantial, 9–10 severe); StepCare's choice to route 6 or more")

    static let all: [PathwayParameter] = [
        accessStandard, phq9Caseness, phq9ReliableChange, gad7Caseness, gad7ReliableChange, notOnTrackSession,
        stepUpDeadline, reviewDeadline, step2Sessions, step3Sessions, severeDepression, probablePTSD,
        alcoholDependence, drugProblems,
    ]
}
