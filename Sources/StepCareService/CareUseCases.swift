public import StepCareCore
public import StepCareEngine
import StepCareRecord

/// The clinical use cases: open a case, record what happened, decide a move.
extension Workspace {
    /// Opens a referral as a new case under the pathway in use and makes it current.
    ///
    /// - Parameters:
    ///   - id: a pseudonymous case id; `nil` for the next free `C001`, `C002`, ….
    ///   - referred: when the referral arrived (default: now).
    ///   - preference: the tier the client would prefer, which triage honours where safe.
    ///   - demographics: coded fields for equity reporting.
    /// - Returns: the new case's timeline.
    @discardableResult
    public func openCase(
        _ id: String? = nil, referred: Instant? = nil, preference: String? = nil, demographics: [String: String] = [:]
    ) throws(StepCareError) -> CaseTimeline {
        try perform("case new") { () throws(StepCareError) in
            let engine = try requireEngine()
            let id = id ?? freshCaseID()
            guard CaseTimeline.isCaseID(id) else {
                throw StepCareError(
                    .invalidOption, "a case id is 1–16 letters, digits or '-', starting with a letter",
                    hint: "use a pseudonymous id such as C042; never a name", field: "id")
            }
            try EquityFields.check(demographics)
            let referred = try date(referred, field: "referred")
            let preference = try preference.map { (tier) throws(StepCareError) in
                try self.tier(tier, field: "prefers").id
            }
            var timeline = CaseTimeline(caseID: id, demographics: demographics)
            do throws(StepCareError) {
                try timeline.append(CaseEvent(at: referred, .referral(preference: preference)))
                try add(timeline, pathway: engine.pathway.id)
            } catch {
                throw error.blaming("id")
            }
            return timeline
        }
    }

    /// Records an event (a score, contact, crisis, plan, structured or supervisor review) on a case.
    ///
    /// A risk review clears flags and so is a decision: use ``decide(_:on:)`` with `.clearRiskFlag`.
    /// - Parameters:
    ///   - caseID: the case (default: the current one).
    ///   - at: when it happened (default: now); not before the case's latest event.
    /// - Returns: the case's timeline with the event.
    @discardableResult
    public func record(
        _ event: CaseEventKind, on caseID: String? = nil, at: Instant? = nil
    ) throws(StepCareError)
        -> CaseTimeline
    {
        try perform("record " + event.recordWord, client: caseID ?? currentCase) { () throws(StepCareError) in
            let engine = try requireEngine()
            let caseID = try self.caseID(caseID)
            let at = try date(at)
            if case .review(_, let by, let coSigner) = event {
                try authorise(by, field: "as")
                if let coSigner { try authorise(coSigner, field: "cosign", acting: false) }
            }
            let timeline: CaseTimeline
            do throws(StepCareError) {
                timeline = try engine.record(event, at: at, to: caseID, in: caseload)
            } catch {
                guard error.code == .datesOutOfOrder else { throw error }
                if !context.policy.allowsFutureDates, let last = caseload.cases[caseID]?.lastEventAt,
                    last > now + configuration.clockSkew
                {
                    throw StepCareError(
                        .datesOutOfOrder,
                        "the case's latest event is dated \(last), after the clock (\(now) UTC): the computer's clock "
                            + "is behind, or that event was dated ahead",
                        hint: "check the system clock (times are UTC); nothing can be recorded on this case before "
                            + "\(last)", field: "at")
                }
                throw error.blaming("at")
            }
            store(timeline)
            return timeline
        }
    }

    /// Applies a decision (place, step up or down, override, discharge, a risk review) to a case, checked
    /// against the pathway's decision rights, safety, documentation and capacity.
    ///
    /// - Returns: what happened and the engine's reasons; a refusal throws and changes nothing.
    @discardableResult
    public func decide(_ request: MoveRequest, on caseID: String? = nil) throws(StepCareError) -> MoveOutcome {
        try perform(request.action.rawValue, client: caseID ?? currentCase) { () throws(StepCareError) in
            let engine = try requireEngine()
            let caseID = try self.caseID(caseID)
            _ = try date(request.at)
            try authorise(request.actor, field: "as")
            if let coSigner = request.coSigner { try authorise(coSigner, field: "cosign", acting: false) }
            let outcome = try engine.apply(request, to: caseID, in: caseload)
            store(outcome.timeline)
            return outcome
        }
    }
}

extension CaseEventKind {
    /// The word after `record` in the audit log's action: `score`, `attended`, `plan`, …, as `record` takes it.
    var recordWord: String {
        if case .administration = self { return "score" }
        return EventKindCode.code(self)
    }
}
