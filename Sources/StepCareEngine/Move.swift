public import StepCareCore

/// A decision someone asks the engine to apply to a case.
public struct MoveRequest: Sendable, Hashable {
    /// What is being done: place, step up, step down, override, discharge or clear a risk flag.
    public var action: Action
    /// The tier moved to; for place, step-up and step-down `nil` means the indicated or next tier.
    public var tier: String?
    /// Who is acting.
    public var actor: Actor
    /// Who co-signs, when the decision rights require it.
    public var coSigner: Actor?
    /// The reason given.
    public var reason: String?
    /// Whether to place over capacity under an authorised exception when the tier is full.
    public var exception: Bool
    /// When it is done.
    public var at: Instant

    /// Creates a request.
    public init(
        _ action: Action, tier: String? = nil, by actor: Actor, coSigner: Actor? = nil, reason: String? = nil,
        exception: Bool = false, at: Instant
    ) {
        self.action = action
        self.tier = tier
        self.actor = actor
        self.coSigner = coSigner
        self.reason = reason
        self.exception = exception
        self.at = at
    }
}

/// What applying a request did.
public enum MoveResult: Sendable, Hashable {
    /// The client moved into a tier.
    case moved(Placement)
    /// The tier is full: the client waits at `position` (1 = next).
    case waitlisted(tier: String, position: Int)
    /// A risk review was documented, clearing `cleared` open flags.
    case riskReviewed(cleared: Int)
    /// The client was discharged.
    case discharged
}

/// A decided request: the result, the events to record, and the reasons, one line each.
public struct MoveDecision: Sendable {
    /// What happens.
    public var result: MoveResult
    /// The events the decision records, in order, all dated at the request's time.
    public var events: [CaseEvent]
    /// How the decision was checked: rights, documentation, capacity, deadlines.
    public var trace: [String]
}

/// The outcome of a request: the result, the case after it, and the reasons, one line each.
public struct MoveOutcome: Sendable {
    /// What happened.
    public var result: MoveResult
    /// The case's timeline afterwards.
    public var timeline: CaseTimeline
    /// How the decision was checked: rights, documentation, capacity, deadlines.
    public var trace: [String]
}

extension Engine {
    /// Applies `request` to case `caseID`, checking dates, decision rights, safety, documentation and capacity.
    ///
    /// Pure: the caseload passed in is not changed; the caller stores ``MoveOutcome/timeline`` when it accepts
    /// the outcome. A refused request throws and changes nothing. A caller that follows the case with a
    /// ``CaseMonitor`` (holding every event of its timeline) passes it as `monitor`, so the case is not read
    /// again from its start.
    /// - Throws: ``StepCareError`` naming what is wrong and how to put it right.
    public func apply(
        _ request: MoveRequest, to caseID: String, in caseload: Caseload, following monitor: CaseMonitor? = nil
    ) throws(StepCareError)
        -> MoveOutcome
    {
        let decision = try decide(request, for: caseID, in: caseload, following: monitor)
        var timeline = try caseload.timeline(caseID)
        for event in decision.events { try timeline.append(event) }
        return MoveOutcome(result: decision.result, timeline: timeline, trace: decision.trace)
    }

    /// Decides `request` for case `caseID` as ``apply(_:to:in:following:)`` does, giving the events to record
    /// instead of the whole timeline after them: for a caller that appends them to its caseload in place (the
    /// simulator), so a move does not copy the case's history.
    /// - Throws: ``StepCareError`` naming what is wrong and how to put it right.
    public func decide(
        _ request: MoveRequest, for caseID: String, in caseload: Caseload, following monitor: CaseMonitor? = nil
    ) throws(StepCareError)
        -> MoveDecision
    {
        let timeline = try caseload.timeline(caseID)
        var events: [CaseEvent] = []
        /// Adds an event to record, checked as the timeline will check it.
        func record(_ event: CaseEvent) throws(StepCareError) {
            try CaseTimeline.check(event, after: events.last?.at ?? timeline.lastEventAt)
            events.append(event)
        }
        if let last = timeline.lastEventAt, request.at < last {
            throw StepCareError(
                .datesOutOfOrder, "the decision is dated \(request.at), before the case's latest event (\(last))",
                hint: "decisions are recorded in order; give a time of \(last) or later")
        }
        let monitor =
            monitor.flatMap { $0.state.events.count == timeline.events.count ? $0 : nil }
            ?? CaseMonitor(engine: self, timeline: timeline, asOf: request.at)
        var state = monitor.state
        state.now = request.at
        if state.isDischarged {
            throw StepCareError(
                .invalidMove, "case \(caseID) has been discharged", hint: "open a new referral with case new")
        }
        let (from, to, deviation) = try route(request, state)
        var trace: [String] = []
        let right = try authorise(request, from: from, to: to, trace: &trace)
        let downward = isDownward(request.action, from: from, to: to, state)
        try checkSafety(downward ? .stepDown : request.action, state)
        let required = right.documentation + (downward ? stepDownDocumentation(from: from, to: to, besides: right) : [])
        try checkDocumentation(required, request, state, trace: &trace)

        switch request.action {
        case .clearRiskFlag:
            try record(CaseEvent(at: request.at, .review(.risk, by: request.actor, coSigner: request.coSigner)))
            trace.append("risk review documented; \(state.openFlags.count) open flag(s) cleared")
            return MoveDecision(result: .riskReviewed(cleared: state.openFlags.count), events: events, trace: trace)
        case .discharge:
            if let stepUp = monitor.recommendations(asOf: request.at, of: RecommendationKind.isStepUp).first {
                throw StepCareError(
                    .invalidMove,
                    "a \(stepUp.kind) is outstanding (rule \(stepUp.ruleID), due \(stepUp.deadline)); discharging "
                        + "would leave it unmet and unreported",
                    hint: "make the step-up first; a client who declines it cannot yet be recorded in this version")
            }
            try record(
                CaseEvent(
                    at: request.at, .discharge(by: request.actor, coSigner: request.coSigner, reason: request.reason)))
            return MoveDecision(result: .discharged, events: events, trace: trace)
        default:
            break
        }
        guard let to else { throw StepCareError(.invalidMove, "the move names no tier", hint: "name the tier") }
        let kind: MoveKind =
            switch request.action {
            case .stepUp: .stepUp
            case .stepDown: .stepDown
            case .overridePlacement: .override
            default: .place
            }
        let deadline = stepUpDeadline(monitor, to: to, at: request.at)
        guard let slot = try slot(for: request, kind: kind, to: to, caseID: caseID, caseload, state, trace: &trace)
        else {
            let (position, waiting) = waitlist(request, kind: kind, to: to, caseID: caseID, caseload)
            if let waiting { try record(waiting) }
            trace.append("\(to) is full: waiting at position \(position)")
            if let deadline { trace.append(deadlineLine(deadline, at: request.at, moved: false)) }
            return MoveDecision(result: .waitlisted(tier: to, position: position), events: events, trace: trace)
        }
        if let deadline { trace.append(deadlineLine(deadline, at: request.at, moved: true)) }
        let placement = Placement(
            tier: to, from: from, kind: kind, slot: slot, actor: request.actor, coSigner: request.coSigner,
            reason: request.reason, deviation: request.action == .place ? deviation : nil)
        try record(CaseEvent(at: request.at, .placement(placement)))
        if downward {
            for (number, span) in pathway.handoverContacts.enumerated() {
                try record(
                    CaseEvent(at: request.at, .handoverScheduled(number: number + 1, due: request.at + span)))
                trace.append("handover contact \(number + 1) scheduled by \(request.at + span)")
            }
        }
        return MoveDecision(result: .moved(placement), events: events, trace: trace)
    }

    /// The tiers moved from and to, and any documented deviation, after checking the move makes sense.
    private func route(_ request: MoveRequest, _ state: CaseState) throws(StepCareError) -> (String?, String?, String?)
    {
        let from = state.tier
        if let named = request.tier, pathway.tier(named) == nil {
            throw StepCareError(
                .unknownTier, "\(pathway.id) has no tier \"\(named)\"",
                hint: "tiers: \(pathway.tiers.map(\.id).joined(separator: ", "))")
        }
        let named = request.tier.flatMap(pathway.tier)?.id
        switch request.action {
        case .place:
            if let from {
                throw StepCareError(
                    .invalidMove, "the client is already placed in \(from)",
                    hint: "use step-up or step-down to move them, or override with a reason")
            }
            let triage = triage(state, explain: false)
            guard let indicated = triage.placement else {
                throw StepCareError(
                    .invalidMove,
                    "triage routes this client elsewhere: "
                        + triage.exclusions.map { "\($0.id) → \($0.routeTo)" }.joined(separator: "; "),
                    hint: "route them on (discharge), or place anyway with override TIER --reason TEXT and a co-signer")
            }
            if let named, named != indicated {
                throw StepCareError(
                    .invalidMove, "triage places this client in \(indicated), not \(named)",
                    hint: "to place elsewhere, use override \(named) --reason TEXT with a co-signer")
            }
            return (nil, indicated, triage.deviation)
        case .stepUp, .stepDown:
            guard let from else {
                throw StepCareError(.invalidMove, "the client is not placed in a tier yet", hint: "place them first")
            }
            let up = request.action == .stepUp
            guard let target = named ?? (up ? tier(above: from) : tier(below: from)) else {
                throw StepCareError(
                    .invalidMove,
                    "\(from) is the \(up ? "most" : "least") intensive tier; there is nowhere to step \(up ? "up" : "down")",
                    hint: up ? "the client is already in the top tier" : "discharge instead")
            }
            let direction = (pathway.rank(of: target) ?? 0) - (pathway.rank(of: from) ?? 0)
            guard up ? direction > 0 : direction < 0 else {
                throw StepCareError(
                    .invalidMove, "\(target) is not \(up ? "above" : "below") the current tier \(from)",
                    hint: up ? "step-down moves to a less intensive tier" : "step-up moves to a more intensive tier")
            }
            return (from, target, nil)
        case .overridePlacement:
            guard let named else {
                throw StepCareError(
                    .invalidMove, "override needs the tier to place in", hint: "write override TIER --reason TEXT")
            }
            guard named != from else {
                throw StepCareError(.invalidMove, "the client is already in \(named)", hint: "name a different tier")
            }
            return (from, named, nil)
        case .discharge, .clearRiskFlag:
            return (from, nil, nil)
        case .authoriseException, .breakGlass, .configure:
            throw StepCareError(
                .invalidMove, "\(request.action.name) is not a move", hint: "it is granted with another decision")
        }
    }

    /// Checks the decision rights for the actor and co-signer, returning the right that allowed it.
    private func authorise(
        _ request: MoveRequest, from: String?, to: String?, trace: inout [String]
    ) throws(StepCareError)
        -> DecisionRight
    {
        let action = request.action
        let scope = TierScope(from: from, to: to)
        let who = authorisersText(action, from: from, to: to)
        guard let right = pathway.rights.right(request.actor.role, action, from: from, to: to), right.verdict != .denied
        else {
            throw StepCareError(
                .notAuthorised, "a \(request.actor.role.name) may not \(action.name) (\(scope))",
                hint: "who may: \(who)")
        }
        if let coSigner = request.coSigner, coSigner.name.lowercased() == request.actor.name.lowercased() {
            throw StepCareError(
                .coSignRequired, "the co-signer must be a different person from the one acting",
                hint: "ask someone other than \(request.actor.name) to co-sign")
        }
        switch right.verdict {
        case .allowed:
            trace.append(
                "\(request.actor) may \(action.name) (\(scope))"
                    + (request.coSigner.map { "; co-signed by \($0)" } ?? ""))
        case .needsCoSign(let roles):
            let names = roles.map(\.id).joined(separator: " or ")
            guard let coSigner = request.coSigner else {
                throw StepCareError(
                    .coSignRequired, "a \(request.actor.role.name) needs a co-signer to \(action.name): \(names)",
                    hint: "add --cosign \(roles[0].id):NAME (a different person)")
            }
            guard roles.contains(coSigner.role) else {
                throw StepCareError(
                    .coSignRequired, "a \(coSigner.role.name) cannot co-sign this; it needs a \(names)",
                    hint: "add --cosign \(roles[0].id):NAME")
            }
            trace.append("\(request.actor) may \(action.name) (\(scope)) with a co-signer; co-signed by \(coSigner)")
        case .denied:
            break
        }
        return right
    }

    /// Whether the move takes the client to a less intensive tier than they are in (or, for a first placement,
    /// than triage indicates): a step-down, or an override that acts as one.
    private func isDownward(_ action: Action, from: String?, to: String?, _ state: CaseState) -> Bool {
        guard let to, let target = pathway.rank(of: to) else { return false }
        if action == .stepDown { return true }
        guard action == .overridePlacement else { return false }
        let reference = from ?? (state.tier == nil ? triage(state, explain: false).indicated : nil)
        return reference.flatMap(pathway.rank(of:)).map { target < $0 } ?? false
    }

    /// What a step-down needs on record, for an override that acts as one: what the step-down rights of the
    /// same move require, beyond what the override right already asks.
    private func stepDownDocumentation(from: String?, to: String?, besides right: DecisionRight) -> [Documentation] {
        let stepDown = pathway.rights.rights.filter { $0.action == .stepDown && $0.scope.covers(from: from, to: to) }
        let documents = stepDown.flatMap(\.documentation)
        let needed = documents.isEmpty ? [Documentation.structuredReview, .stabilityPlan] : documents
        var seen = Set(right.documentation)
        return needed.filter { seen.insert($0).inserted }
    }

    private func checkSafety(_ action: Action, _ state: CaseState) throws(StepCareError) {
        guard action == .stepDown || action == .discharge, let open = state.openFlags.first else { return }
        throw StepCareError(
            .openRiskFlag,
            "the client has an open risk flag (\(open.flag.ruleID), \(state.events[open.index].at)); "
                + "a \(action.name) is not allowed until it is cleared",
            hint: "document a risk review first: record review risk --as ROLE:NAME")
    }

    private func checkDocumentation(
        _ required: [Documentation], _ request: MoveRequest, _ state: CaseState, trace: inout [String]
    ) throws(StepCareError) {
        let missing = required.filter { !isDocumented($0, request, state) }
        guard missing.isEmpty else {
            throw StepCareError(
                .missingDocumentation,
                "\(request.action.name) needs documentation that is not on record: "
                    + missing.map(\.rawValue).joined(separator: ", "),
                hint: missing.map(\.howToSupply).joined(separator: "; then "))
        }
        if !required.isEmpty { trace.append("documented: " + required.map(\.rawValue).joined(separator: ", ")) }
    }

    func isDocumented(_ documentation: Documentation, _ request: MoveRequest, _ state: CaseState) -> Bool {
        switch documentation {
        case .reason:
            return !(request.reason ?? "").allSatisfy(\.isWhitespace)
        case .riskReview where request.action == .clearRiskFlag:
            return true
        case .riskReview:
            return state.hasSinceTierStart { if case .review(.risk, _, _) = $0 { true } else { false } }
        case .structuredReview:
            return state.hasSinceTierStart { if case .review(.structured, _, _) = $0 { true } else { false } }
        case .supervisorConsult:
            return state.hasSinceTierStart { if case .review(.supervisor, _, _) = $0 { true } else { false } }
        case .stabilityPlan:
            return state.hasSinceTierStart {
                if case .plan(.stability(let plan)) = $0 { plan.missingParts.isEmpty } else { false }
            }
        case .safetyPlan:
            return state.hasSinceTierStart { if case .plan(.safety) = $0 { true } else { false } }
        case .stepUpPlan:
            return state.hasSinceTierStart {
                if case .plan(.stepUp(let plan)) = $0 { plan.missingParts.isEmpty } else { false }
            }
        case .contact:
            return state.hasSinceTierStart { $0.isFollowUpContact }
        }
    }
}

extension StepCareError.Code {
    /// The pathway has no tier with the given id.
    public static let unknownTier = Self("unknown-tier")
    /// The move does not make sense for the case as it stands.
    public static let invalidMove = Self("invalid-move")
    /// The actor's role may not take the action.
    public static let notAuthorised = Self("not-authorised")
    /// The action needs a co-signer who was not given or cannot co-sign.
    public static let coSignRequired = Self("co-sign-required")
    /// Documentation the decision needs is not on record.
    public static let missingDocumentation = Self("missing-documentation")
    /// An open risk flag forbids the action.
    public static let openRiskFlag = Self("open-risk-flag")
}
