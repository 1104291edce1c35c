import StepCareCore

/// The ten questions and their answers, WHO interview version, as CamCOPS reproduces them for non-commercial use
/// (`server/camcops_server/extra_strings/audit.xml`, found with the search tool). Many other public copies give
/// the same questions; Awell's copy is an adapted wording ("standard drinks", "expected of you") and was not used.
/// The WHO manual itself was not seen.
let auditItems: [(text: String, options: [ResponseOption])] = [
    ("How often do you have a drink containing alcohol?", drinkingFrequency),
    ("How many drinks containing alcohol do you have on a typical day when you are drinking?", drinksPerDay),
    ("How often do you have six or more drinks on one occasion?", frequency),
    (
        "How often during the last year have you found that you were not able to stop drinking once you had started?",
        frequency
    ),
    (
        "How often during the last year have you failed to do what was normally expected from you because of "
            + "drinking?", frequency
    ),
    (
        "How often during the last year have you needed a first drink in the morning to get yourself going after a "
            + "heavy drinking session?", frequency
    ),
    ("How often during the last year have you had a feeling of guilt or remorse after drinking?", frequency),
    (
        "How often during the last year have you been unable to remember what happened the night before because you "
            + "had been drinking?", frequency
    ),
    ("Have you or someone else been injured as a result of your drinking?", everOrLastYear),
    (
        "Has a relative or friend or a doctor or another health worker been concerned about your drinking or "
            + "suggested you cut down?", everOrLastYear
    ),
]

/// Question 1.
private let drinkingFrequency = [
    ResponseOption(0, "Never"), ResponseOption(1, "Monthly or less"), ResponseOption(2, "2 to 4 times a month"),
    ResponseOption(3, "2 to 3 times a week"), ResponseOption(4, "4 or more times a week"),
]

/// Question 2 (drinks on a typical drinking day).
private let drinksPerDay = [
    ResponseOption(0, "1 or 2"), ResponseOption(1, "3 or 4"), ResponseOption(2, "5 or 6"),
    ResponseOption(3, "7, 8, or 9"), ResponseOption(4, "10 or more"),
]

/// Questions 3–8.
private let frequency = [
    ResponseOption(0, "Never"), ResponseOption(1, "Less than monthly"), ResponseOption(2, "Monthly"),
    ResponseOption(3, "Weekly"), ResponseOption(4, "Daily or almost daily"),
]

/// Questions 9 and 10 score 0, 2 or 4 only [V: Awell audit_inputs.ts; WHO manual copies].
private let everOrLastYear = [
    ResponseOption(0, "No"), ResponseOption(2, "Yes, but not in the last year"),
    ResponseOption(4, "Yes, during the last year"),
]
