import StepCareCore

/// Who may do what in the community stepped-care pathway.
///
/// StepCare's reading of the seed model's "who may place, step up, step down, override a placement, authorise
/// an exception; what each must document". A role and action with no row is denied.
enum Rights {
    static let table = DecisionRights(
        place + stepUp + stepDown + override + exception + discharge + clearRisk + breakGlass + configure)

    private static let coach = Role.coach
    private static let clinician = Role.clinician
    private static let coordinator = Role.careCoordinator
    private static let supervisor = Role.supervisor
    private static let psychiatrist = Role.psychiatrist
    private static let lead = Role.clinicalLead
    private static let senior = [supervisor, psychiatrist, lead]

    private static let place: [DecisionRight] =
        [
            DecisionRight(
                coach, .place, .allowed, scope: TierScope(to: "tier-1"), note: "coaches place in Tier 1 only"),
            DecisionRight(clinician, .place, .allowed),
            DecisionRight(clinician, .place, .needsCoSign(by: [supervisor]), scope: TierScope(to: "tier-3")),
            DecisionRight(coordinator, .place, .allowed),
            DecisionRight(coordinator, .place, .needsCoSign(by: [supervisor]), scope: TierScope(to: "tier-3")),
        ] + senior.map { DecisionRight($0, .place, .allowed) }

    private static let stepUpToTier3: [Documentation] = [.structuredReview, .supervisorConsult]
    private static let stepUp: [DecisionRight] =
        [
            DecisionRight(
                coach, .stepUp, .needsCoSign(by: [clinician, supervisor]), scope: TierScope(to: "tier-2"),
                documentation: [.structuredReview]),
            DecisionRight(clinician, .stepUp, .allowed, documentation: [.structuredReview]),
            DecisionRight(
                clinician, .stepUp, .needsCoSign(by: [supervisor]), scope: TierScope(to: "tier-3"),
                documentation: stepUpToTier3, note: "the seed model's supervisor consult"),
            DecisionRight(coordinator, .stepUp, .allowed, documentation: [.structuredReview]),
            DecisionRight(
                coordinator, .stepUp, .needsCoSign(by: [supervisor]), scope: TierScope(to: "tier-3"),
                documentation: stepUpToTier3),
        ]
        + senior.map { DecisionRight($0, .stepUp, .allowed, documentation: [.structuredReview]) }
        + senior.map {
            DecisionRight($0, .stepUp, .allowed, scope: TierScope(to: "tier-3"), documentation: stepUpToTier3)
        }

    private static let stepDownDocumentation: [Documentation] = [.structuredReview, .stabilityPlan]
    private static let stepDown: [DecisionRight] =
        [clinician, coordinator].flatMap { role in
            [
                DecisionRight(role, .stepDown, .allowed, documentation: stepDownDocumentation),
                DecisionRight(
                    role, .stepDown, .needsCoSign(by: [supervisor]), scope: TierScope(from: "tier-3"),
                    documentation: stepDownDocumentation, note: "leaving Tier 3 is a supervised decision"),
            ]
        } + senior.map { DecisionRight($0, .stepDown, .allowed, documentation: stepDownDocumentation) }

    private static let override: [DecisionRight] = [
        DecisionRight(clinician, .overridePlacement, .needsCoSign(by: [supervisor, lead]), documentation: [.reason]),
        DecisionRight(coordinator, .overridePlacement, .needsCoSign(by: [supervisor, lead]), documentation: [.reason]),
        DecisionRight(
            supervisor, .overridePlacement, .needsCoSign(by: [lead, psychiatrist]), documentation: [.reason]),
        DecisionRight(
            psychiatrist, .overridePlacement, .needsCoSign(by: [lead, supervisor]), documentation: [.reason]),
        DecisionRight(
            lead, .overridePlacement, .needsCoSign(by: [supervisor, psychiatrist]), documentation: [.reason]),
    ]

    private static let exception: [DecisionRight] = [
        DecisionRight(supervisor, .authoriseException, .needsCoSign(by: [lead]), documentation: [.reason]),
        DecisionRight(
            lead, .authoriseException, .allowed, documentation: [.reason], note: "e.g. placing over capacity"),
    ]

    private static let discharge: [DecisionRight] =
        [clinician, coordinator, supervisor, psychiatrist, lead].map {
            DecisionRight($0, .discharge, .allowed, documentation: [.structuredReview])
        }

    private static let clearRisk: [DecisionRight] =
        [clinician, supervisor, psychiatrist, lead].map {
            DecisionRight($0, .clearRiskFlag, .allowed, documentation: [.riskReview])
        } + [
            DecisionRight(
                coordinator, .clearRiskFlag, .needsCoSign(by: [clinician, supervisor]), documentation: [.riskReview])
        ]

    private static let breakGlass: [DecisionRight] =
        [clinician, coordinator, supervisor, psychiatrist, lead].map {
            DecisionRight($0, .breakGlass, .allowed, documentation: [.reason], note: "audited and reviewed afterwards")
        }

    /// Only the clinical lead changes the service's configuration, with a reason; it is audited and versioned.
    private static let configure = [
        DecisionRight(
            lead, .configure, .allowed, documentation: [.reason],
            note: "slots, thresholds, windows and deadlines; audited and versioned")
    ]
}
