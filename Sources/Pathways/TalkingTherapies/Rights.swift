import StepCareCore

/// Who may do what in the talking-therapies pathway: every standard role against every action.
///
/// StepCare's reading of an NHS Talking Therapies team: the coach role is the psychological wellbeing
/// practitioner (PWP), the clinician role the high-intensity therapist, the supervisor the case-management and
/// clinical supervisor; care coordinators book and track appointments; a consultant psychiatrist advises the
/// team. Rows that deny say why, so the published table answers "who can, then?".
enum Rights {
    static let table = DecisionRights(
        place + stepUp + stepDown + override + exception + discharge + clearRisk + breakGlass + configure)

    private static let coach = Role.coach
    private static let clinician = Role.clinician
    private static let coordinator = Role.careCoordinator
    private static let supervisor = Role.supervisor
    private static let psychiatrist = Role.psychiatrist
    private static let lead = Role.clinicalLead
    private static let notClinical = "care coordinators book and track appointments; clinical decisions are the team's"
    private static let advisory = "the psychiatrist advises the team and holds no caseload in this service"

    private static let place: [DecisionRight] = [
        DecisionRight(coach, .place, .allowed, scope: TierScope(to: "step-2"), note: "PWPs assess and place in step 2"),
        DecisionRight(
            coach, .place, .needsCoSign(by: [clinician, supervisor]), scope: TierScope(to: "step-3"),
            note: "a step 3 placement is agreed with a high-intensity therapist or supervisor"),
        DecisionRight(clinician, .place, .allowed),
        DecisionRight(coordinator, .place, .denied, note: notClinical),
        DecisionRight(supervisor, .place, .allowed),
        DecisionRight(psychiatrist, .place, .denied, note: advisory),
        DecisionRight(lead, .place, .allowed),
    ]

    private static let stepUp: [DecisionRight] = [
        DecisionRight(
            coach, .stepUp, .needsCoSign(by: [supervisor]), documentation: [.structuredReview],
            note: "decided in case-management supervision"),
        DecisionRight(clinician, .stepUp, .allowed, documentation: [.structuredReview]),
        DecisionRight(coordinator, .stepUp, .denied, note: notClinical),
        DecisionRight(supervisor, .stepUp, .allowed, documentation: [.structuredReview]),
        DecisionRight(psychiatrist, .stepUp, .allowed, documentation: [.structuredReview]),
        DecisionRight(lead, .stepUp, .allowed, documentation: [.structuredReview]),
    ]

    /// No step-down: clients are discharged at the end of treatment and re-referred if they need more.
    private static let stepDown: [DecisionRight] = [coach, clinician, coordinator, supervisor, psychiatrist, lead].map {
        DecisionRight($0, .stepDown, .denied, note: "this pathway has no step-down; discharge at the end of treatment")
    }

    private static let override: [DecisionRight] = [
        DecisionRight(coach, .overridePlacement, .denied, note: "raise it in case-management supervision"),
        DecisionRight(clinician, .overridePlacement, .needsCoSign(by: [supervisor, lead]), documentation: [.reason]),
        DecisionRight(coordinator, .overridePlacement, .denied, note: notClinical),
        DecisionRight(supervisor, .overridePlacement, .needsCoSign(by: [lead]), documentation: [.reason]),
        DecisionRight(
            psychiatrist, .overridePlacement, .needsCoSign(by: [supervisor, lead]), documentation: [.reason]),
        DecisionRight(lead, .overridePlacement, .needsCoSign(by: [supervisor]), documentation: [.reason]),
    ]

    private static let exception: [DecisionRight] = [
        DecisionRight(coach, .authoriseException, .denied, note: "capacity exceptions are a service decision"),
        DecisionRight(clinician, .authoriseException, .denied, note: "capacity exceptions are a service decision"),
        DecisionRight(coordinator, .authoriseException, .denied, note: notClinical),
        DecisionRight(supervisor, .authoriseException, .needsCoSign(by: [lead]), documentation: [.reason]),
        DecisionRight(psychiatrist, .authoriseException, .denied, note: advisory),
        DecisionRight(
            lead, .authoriseException, .allowed, documentation: [.reason], note: "e.g. placing over capacity"),
    ]

    private static let discharge: [DecisionRight] = [
        DecisionRight(
            coach, .discharge, .allowed, scope: TierScope(from: "step-2"), documentation: [.structuredReview],
            note: "at the end of guided self-help, after review in supervision"),
        DecisionRight(coach, .discharge, .denied, note: "step 3 clients are discharged by their therapist"),
        DecisionRight(clinician, .discharge, .allowed, documentation: [.structuredReview]),
        DecisionRight(
            coordinator, .discharge, .needsCoSign(by: [clinician, supervisor]), documentation: [.reason],
            note: "e.g. opted out or not attending, under the service's attendance policy"),
        DecisionRight(supervisor, .discharge, .allowed, documentation: [.structuredReview]),
        DecisionRight(psychiatrist, .discharge, .denied, note: advisory),
        DecisionRight(lead, .discharge, .allowed, documentation: [.structuredReview]),
    ]

    private static let clearRisk: [DecisionRight] = [
        DecisionRight(
            coach, .clearRiskFlag, .needsCoSign(by: [clinician, supervisor]), documentation: [.riskReview],
            note: "PWPs discuss risk the same day with a qualified clinician or supervisor"),
        DecisionRight(clinician, .clearRiskFlag, .allowed, documentation: [.riskReview]),
        DecisionRight(coordinator, .clearRiskFlag, .denied, note: "pass it to the duty clinician at once"),
        DecisionRight(supervisor, .clearRiskFlag, .allowed, documentation: [.riskReview]),
        DecisionRight(psychiatrist, .clearRiskFlag, .allowed, documentation: [.riskReview]),
        DecisionRight(lead, .clearRiskFlag, .allowed, documentation: [.riskReview]),
    ]

    private static let breakGlass: [DecisionRight] =
        [coach, clinician, supervisor, psychiatrist, lead].map {
            DecisionRight($0, .breakGlass, .allowed, documentation: [.reason], note: "audited and reviewed afterwards")
        } + [DecisionRight(coordinator, .breakGlass, .denied, note: "ask the duty clinician")]

    /// Only the clinical lead changes the service's configuration, with a reason; it is audited and versioned.
    private static let configure = [
        DecisionRight(
            lead, .configure, .allowed, documentation: [.reason],
            note: "slots, thresholds, windows and deadlines; audited and versioned")
    ]
}
