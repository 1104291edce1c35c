import StepCareCore

/// Neutral labels (the licence does not let StepCare ship the wording) and LOINC item codes [S: reference §5.5,
/// LHC-exported LOINC 93373-9 form]. Item 7 is question 6's follow-up.
let cssrsQuestions: [(label: String, loinc: String)] = [
    ("Wish to be dead", "93246-7"),
    ("Suicidal thoughts", "93247-5"),
    ("Thoughts of method", "93248-3"),
    ("Intent", "93249-1"),
    ("Plan and intent", "93250-9"),
    ("Suicidal behaviour (lifetime)", "93267-3"),
    ("Behaviour in past 3 months", "93269-9"),
]

/// Yes scores 1 and No 0, with their LOINC answer codes [S: reference §5.5].
let cssrsYesNo = [
    ResponseOption(1, "Yes", key: "y", code: .loinc("LA33-6", "Yes")),
    ResponseOption(0, "No", key: "n", code: .loinc("LA32-8", "No")),
]

private let highRisk =
    "safety precautions until a mental-health professional evaluates the person (this answer alone: C-SSRS high risk)"
private let triage =
    "Columbia \"Clinical Triage and Workflow Guidelines for the C-SSRS\": a yes to items 4 or 5 in the past month "
    + "or any behaviour in the past 3 months \"require patient safety precautions until a mental health "
    + "professional can evaluate the individual\" [V: reference §5.5]"
private let moderateSource =
    "StepCare default for the moderate level (Columbia screen-with-triage-points colour coding as implemented by "
    + "third parties [S: reference §5.5]); tie it to the local risk policy"
private let lowSource =
    "Columbia triage guideline: \"Other answers on the Columbia only require referral to outpatient providers and "
    + "crisis hotlines\" [V: reference §5.5]; the routine urgency is a StepCare default for the low level"

/// One rule per question: every positive answer raises a flag, and so does every unanswered asked question. Each
/// flag says the level its answer alone calls for ("this answer alone: C-SSRS low risk"); the screen's own
/// level, which can be higher, is the report's headline, so a flag never seems to grade the whole screen.
let cssrsRiskRules = [
    RiskRule(
        id: "cssrs-q1-wish-to-be-dead", item: 1, atLeast: 1, urgency: .routine,
        action: "refer to outpatient care and give crisis-line details (this answer alone: C-SSRS low risk)",
        source: lowSource),
    RiskRule(
        id: "cssrs-q2-suicidal-thoughts", item: 2, atLeast: 1, urgency: .routine,
        action: "refer to outpatient care and give crisis-line details (this answer alone: C-SSRS low risk)",
        source: lowSource),
    RiskRule(
        id: "cssrs-q3-method", item: 3, atLeast: 1, urgency: .sameDay,
        action: "suicide-risk review by a clinician the same day (this answer alone: C-SSRS moderate risk)",
        source: moderateSource),
    RiskRule(id: "cssrs-q4-intent", item: 4, atLeast: 1, urgency: .immediate, action: highRisk, source: triage),
    RiskRule(
        id: "cssrs-q5-plan-and-intent", item: 5, atLeast: 1, urgency: .immediate, action: highRisk, source: triage),
    RiskRule(
        id: "cssrs-q6-behaviour-lifetime", item: 6, atLeast: 1, urgency: .sameDay,
        action: "suicide-risk review by a clinician the same day; ask whether it was within the past 3 months "
            + "(this answer alone: C-SSRS moderate risk unless recent)",
        source: moderateSource),
    RiskRule(
        id: "cssrs-q7-behaviour-past-3-months", item: 7, atLeast: 1, urgency: .immediate, action: highRisk,
        source: triage),
]
