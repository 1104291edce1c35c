import StepCareCore

extension Engine {
    /// The slot a move into `to` takes: an ordinary slot, a rapid-access slot for step-ups and crises, an
    /// authorised exception, or `nil` when the client must wait.
    func slot(
        for request: MoveRequest, kind: MoveKind, to: String, caseID: String, _ caseload: Caseload, _ state: CaseState,
        trace: inout [String]
    ) throws(StepCareError) -> Slot? {
        guard let rank = pathway.rank(of: to) else { return nil }
        // Every placement still in force counts, including ones dated after this decision: the live census.
        let census = census(caseload)
        let status = CapacityStatus(
            tier: pathway.tiers[rank], standardUsed: census.used(.standard, rank: rank),
            rapidAccessUsed: census.used(.rapidAccess, rank: rank), exceptionsUsed: census.used(.exception, rank: rank),
            waitlist: [])
        let aheadInQueue = census.waitingAhead(of: caseID, rank: rank)
        if status.standardFree > 0, aheadInQueue == 0 {
            trace.append(
                "\(to): ordinary slot taken (\(status.standardFree) of \(status.tier.capacity.standardSlots) were free)"
            )
            return .standard
        }
        if status.standardFree > 0 {
            trace.append("\(to): an ordinary slot is free, but \(aheadInQueue) client(s) wait ahead on its waitlist")
        }
        if isUrgent(kind, state), status.rapidAccessFree > 0 {
            trace.append(
                "\(to): " + (status.standardFree == 0 ? "ordinary slots full; " : "")
                    + "rapid-access slot taken for an urgent move (\(status.rapidAccessFree) of "
                    + "\(status.tier.capacity.rapidAccessSlots) reserved were free)")
            return .rapidAccess
        }
        guard request.exception else { return nil }
        let deciders = [request.actor] + (request.coSigner.map { [$0] } ?? [])
        let authority = deciders.lazy.compactMap { decider in
            self.pathway.rights.right(decider.role, .authoriseException, from: state.tier, to: to)
                .flatMap { $0.verdict == .allowed ? (decider, $0) : nil }
        }.first
        guard let (decider, right) = authority else {
            throw StepCareError(
                .notAuthorised,
                "\(to) is full, and placing over capacity needs an exception from someone who may "
                    + "authorise one alone",
                hint: "who may: \(authorisersText(.authoriseException, from: state.tier, to: to)); "
                    + "have them act or co-sign, or leave out --exception to join the waitlist")
        }
        let missing = right.documentation.filter { !isDocumented($0, request, state) }
        guard missing.isEmpty else {
            throw StepCareError(
                .missingDocumentation,
                "the exception needs documentation that is not on record: "
                    + missing.map(\.rawValue).joined(separator: ", "),
                hint: missing.map(\.howToSupply).joined(separator: "; then "))
        }
        trace.append("\(to) is full: placed over capacity by an exception authorised by \(decider)")
        return .exception
    }

    /// Whether a move may use a reserved rapid-access slot: a step-up, or a client with an open risk flag, a
    /// risk flag or a crisis contact in the last 30 days.
    func isUrgent(_ kind: MoveKind, _ state: CaseState) -> Bool {
        let recent = state.now - .days(30)
        let crisis = state.indices(of: .crisisContact) + state.indices(of: .riskFlag)
        return kind == .stepUp || !state.openFlags.isEmpty || crisis.contains { state.events[$0].at >= recent }
    }

    /// The client's position on `to`'s waitlist, and the event that puts them on it (none when already waiting).
    func waitlist(
        _ request: MoveRequest, kind: MoveKind, to: String, caseID: String, _ caseload: Caseload
    ) -> (position: Int, joining: CaseEvent?) {
        let census = census(caseload)
        let rank = pathway.rank(of: to) ?? 0
        let position = census.waitlistPosition(of: caseID, rank: rank, joiningAt: request.at)
        let joining =
            position.waiting ? nil : CaseEvent(at: request.at, .waitlisted(tier: to, move: kind, actor: request.actor))
        return (position.position, joining)
    }

    /// The caseload's live census, or, for a caseload not indexed by this pathway's tiers, one counted now.
    func census(_ caseload: Caseload) -> Census {
        if isIndexed(caseload) { return caseload.census }
        var indexed = caseload
        indexed.index(tiers: compiled.tierIDs)
        return indexed.census
    }

    /// Whether `caseload`'s census counts this pathway's tiers.
    func isIndexed(_ caseload: Caseload) -> Bool { caseload.census.tiers == compiled.tierIDs }

    /// The deadline of an outstanding step-up to `to` (or above), if one has fired.
    func stepUpDeadline(_ monitor: CaseMonitor, to: String, at now: Instant) -> Instant? {
        monitor.recommendations(asOf: now, of: RecommendationKind.isStepUp).first { recommendation in
            guard case .stepUp(let target) = recommendation.kind else { return false }
            return (pathway.rank(of: to) ?? 0) >= (pathway.rank(of: target) ?? 0)
        }?.deadline
    }

    func deadlineLine(_ deadline: Instant, at now: Instant, moved: Bool) -> String {
        if now > deadline {
            return "step-up deadline \(deadline) BREACHED by \((now - deadline).spoken)"
                + (moved ? "" : "; the client has not moved")
        }
        return moved
            ? "step-up deadline \(deadline): met, with \((deadline - now).spoken) to spare"
            : "step-up deadline \(deadline): \((deadline - now).spoken) left, and the client has not moved"
    }
}
