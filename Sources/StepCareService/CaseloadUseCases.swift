public import StepCareCore
public import StepCareEngine
import StepCareStore

/// Which cases a list or a worklist covers. Every field left `nil` covers every case.
public struct CaseFilter: Sendable, Hashable {
    /// Where a case stands.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Referred and not yet placed.
        case referred
        /// Placed in a tier (or waiting for one) and not discharged.
        case open
        /// Discharged.
        case discharged
    }

    /// Cases held by this staff id, as clinician or care coordinator.
    public var owner: String?
    /// Cases of this team.
    public var team: String?
    /// Cases in this tier.
    public var tier: String?
    /// Cases in this status.
    public var status: Status?
    /// Cases whose id contains this text, ignoring case.
    public var search: String?
    /// One case, by its exact id.
    public var caseID: String?

    /// Whether it covers every case.
    public var coversEverything: Bool { self == CaseFilter() }

    /// Creates a filter.
    public init(
        owner: String? = nil, team: String? = nil, tier: String? = nil, status: Status? = nil, search: String? = nil,
        caseID: String? = nil
    ) {
        self.owner = owner
        self.team = team
        self.tier = tier
        self.status = status
        self.search = search
        self.caseID = caseID
    }
}

/// One case in a list: where it stands and who holds it.
public struct CaseSummary: Sendable, Hashable {
    /// The case id.
    public var caseID: String
    /// Where the case stands.
    public var status: CaseFilter.Status
    /// The current tier, when placed.
    public var tier: String?
    /// Who holds it.
    public var assignment: Assignment?
    /// When the latest event happened.
    public var lastEventAt: Instant?

    /// The summary of `timeline`, read in one pass.
    public init(_ timeline: CaseTimeline) {
        caseID = timeline.caseID
        status = .referred
        lastEventAt = timeline.lastEventAt
        for event in timeline.events {
            switch event.kind {
            case .placement(let placement):
                tier = placement.tier
                status = .open
            case .waitlisted: status = .open
            case .discharge:
                tier = nil
                status = .discharged
            case .assignment(let assignment): self.assignment = assignment
            default: break
            }
        }
    }

    /// The summary of a case from the engine's running view of it (no pass over its events).
    public init(caseID: String, monitor: CaseMonitor) {
        self.caseID = caseID
        let state = monitor.state
        status =
            state.isDischarged
            ? .discharged : state.placementIndex != nil || !monitor.activeWaits.isEmpty ? .open : .referred
        tier = state.tier
        assignment = state.assignment
        lastEventAt = state.events.last?.at
    }

    /// Whether the case is one `filter` covers.
    public func matches(_ filter: CaseFilter) -> Bool {
        if let owner = filter.owner, assignment?.clinician != owner, assignment?.coordinator != owner { return false }
        if let team = filter.team, assignment?.team != team { return false }
        if let tier = filter.tier, self.tier != tier { return false }
        if let status = filter.status, self.status != status { return false }
        if let search = filter.search, !search.isEmpty, !caseID.lowercased().contains(search.lowercased()) {
            return false
        }
        if let id = filter.caseID, caseID != id { return false }
        return true
    }
}

/// The coordinator's use cases: teams, who holds each case, appointments, outreach, and the worklist.
extension Workspace {
    /// Creates a team. Only a logged-in clinical lead creates teams.
    public func addTeam(_ name: String) throws(StepCareError) {
        try perform("team add") { () throws(StepCareError) in
            try requireClinicalLead(to: "creates teams")
            guard Self.isStaffWord(name) else {
                throw StepCareError(
                    .invalidOption, "a team id is 1–32 letters, digits, '-', '_' or '.', starting with a letter",
                    hint: "e.g. team add north", field: "name")
            }
            if let same = teams.keys.first(where: { $0.lowercased() == name.lowercased() && $0 != name }) {
                throw StepCareError(
                    .invalidOption, "there is already a team \(same); team ids differ by more than case",
                    hint: "use \(same), or choose another id", field: "name")
            }
            guard teams[name] == nil else {
                throw StepCareError(
                    .invalidOption, "there is already a team \(name)", hint: "choose another id", field: "name")
            }
            add(TeamMember(team: name, user: nil))
        }
    }

    /// Puts a registered user in a team. Only a logged-in clinical lead does this.
    public func joinTeam(_ team: String, user: String) throws(StepCareError) {
        try perform("team join") { () throws(StepCareError) in
            try requireClinicalLead(to: "puts staff in teams")
            _ = try knownTeam(team)
            _ = try registeredUser(user, field: "user")
            guard teams[team]?.contains(user) != true else {
                throw StepCareError(.invalidOption, "\(user) is already in team \(team)", field: "user")
            }
            add(TeamMember(team: team, user: user))
        }
    }

    /// The case ids in the order they were opened (what Tab completes).
    public var caseIDs: [String] { caseload.order }

    /// The teams `user` belongs to, in id order.
    public func teams(of user: String) -> [String] {
        teams.filter { $0.value.contains(user) }.keys.sorted()
    }

    /// What an assignment does with a field it is not told to change.
    public enum Keep: Sendable, Hashable {
        /// Keep the case's current value.
        case current
        /// Set this value, or clear it with `nil`.
        case set(String?)
    }

    /// Assigns a case to a clinician; the care coordinator and team are kept unless changed (`.set(nil)` clears
    /// one). A later assignment is a recorded handover. The clinician and coordinator are registered users; the
    /// team exists. An assignment that changes nothing is refused.
    @discardableResult
    public func assign(
        _ caseID: String? = nil, clinician: String, coordinator: Keep = .current, team: Keep = .current,
        by: String? = nil, at: Instant? = nil
    ) throws(StepCareError) -> CaseTimeline {
        try perform("assign", client: caseID ?? currentCase) { () throws(StepCareError) in
            let actor = try actingActor(named: by)
            let id = try self.caseID(caseID)
            _ = try registeredUser(clinician, field: "to")
            let held = caseload.cases[id].flatMap { CaseSummary($0).assignment }
            var chosenCoordinator = held?.coordinator
            if case .set(let value) = coordinator { chosenCoordinator = value }
            var chosenTeam = held?.team
            if case .set(let value) = team { chosenTeam = value }
            if let chosenCoordinator { _ = try registeredUser(chosenCoordinator, field: "coordinator") }
            if let chosenTeam { _ = try knownTeam(chosenTeam) }
            if let held, held.clinician == clinician, held.coordinator == chosenCoordinator, held.team == chosenTeam {
                throw StepCareError(
                    .invalidOption, "case \(id) is already held so",
                    hint: "name a different clinician, coordinator or team", field: "to")
            }
            let assignment = Assignment(
                clinician: clinician, coordinator: chosenCoordinator, team: chosenTeam, by: actor)
            return try record(.assignment(assignment), on: id, at: at)
        }
    }

    /// Books an appointment with a client: when, with whom (a registered user), what for. It is numbered on the
    /// case (1, 2, …); booking in the past or at the time of another open appointment is refused.
    @discardableResult
    public func book(
        _ caseID: String? = nil, on due: Instant, with staff: String, purpose: AppointmentPurpose = .session,
        by: String? = nil
    ) throws(StepCareError) -> Appointment {
        try perform("appointment book", client: caseID ?? currentCase) { () throws(StepCareError) in
            let actor = try actingActor(named: by)
            let id = try self.caseID(caseID)
            _ = try registeredUser(staff, field: "with")
            let number = (monitor(id)?.state.appointments.count ?? 0) + 1
            let appointment = Appointment(number: number, due: due, with: staff, purpose: purpose)
            try record(.appointment(.booked(appointment), by: actor), on: id)
            return appointment
        }
    }

    /// Moves an open appointment to a new time.
    public func reschedule(
        _ number: Int, on caseID: String? = nil, to due: Instant, by: String? = nil
    ) throws(StepCareError) {
        try perform("appointment move", client: caseID ?? currentCase) { () throws(StepCareError) in
            let actor = try actingActor(named: by)
            try record(.appointment(.rescheduled(number: number, to: due), by: actor), on: caseID)
        }
    }

    /// Cancels an open appointment, with the reason when given.
    public func cancel(
        _ number: Int, on caseID: String? = nil, reason: String? = nil, by: String? = nil
    ) throws(StepCareError) {
        try perform("appointment cancel", client: caseID ?? currentCase) { () throws(StepCareError) in
            let actor = try actingActor(named: by)
            try record(.appointment(.cancelled(number: number, reason: reason), by: actor), on: caseID)
        }
    }

    /// Records an outreach attempt: how it was made and what came of it.
    @discardableResult
    public func recordOutreach(
        _ method: OutreachMethod, outcome: OutreachOutcome, on caseID: String? = nil, by: String? = nil,
        at: Instant? = nil
    ) throws(StepCareError) -> CaseTimeline {
        try perform("record outreach", client: caseID ?? currentCase) { () throws(StepCareError) in
            let actor = try actingActor(named: by)
            return try record(.outreach(method: method, outcome: outcome, by: actor), on: caseID, at: at)
        }
    }

    /// The cases `filter` covers, in the order they were opened. Checks that a named owner, team and tier exist.
    /// Reading the list is an audited access in live.
    public func cases(_ filter: CaseFilter = CaseFilter()) throws(StepCareError) -> [CaseSummary] {
        try check(filter)
        try recordAccess("case")
        return caseload.order.compactMap { id in
            caseload.cases[id].map(CaseSummary.init).flatMap { $0.matches(filter) ? $0 : nil }
        }
    }

    /// Everything due for the cases `filter` covers as of `moment` (default: now): each outstanding recommendation
    /// and each open appointment due by `horizon` (default: the end of that day), overdue first, then by
    /// deadline. Read from the engine's running view of each case, which is advanced, not re-evaluated, as the
    /// case grows. Reading it is an audited access in live.
    public func worklist(
        _ filter: CaseFilter = CaseFilter(), asOf moment: Instant? = nil, appointmentsUntil horizon: Instant? = nil
    ) throws(StepCareError) -> [WorkItem] {
        try check(filter)
        let engine = try requireEngine()
        try recordAccess("worklist", client: filter.caseID)
        let now = moment ?? self.now
        let horizon = horizon ?? now.endOfDay
        try foldOpenCases(filter)
        var items: [WorkItem] = []
        for id in caseload.order {
            guard let timeline = caseload.cases[id] else { continue }
            // A discharged case owes nothing: it is never folded (a discharge is the last event of a closed case).
            if case .discharge = timeline.events.last?.kind { continue }
            if !filter.coversEverything {
                // A folded case is read from its running view, brought up to date first; others from the record.
                let summary =
                    monitors[id] != nil
                    ? monitor(id).map { CaseSummary(caseID: id, monitor: $0) } ?? CaseSummary(timeline)
                    : CaseSummary(timeline)
                guard summary.matches(filter) else { continue }
            }
            // A case with events after the moment asked about is read as it stood then (replayed, not kept).
            let past = timeline.lastEventAt.map { $0 > now } ?? false
            guard
                let monitor = past && eras.isEmpty
                    ? CaseMonitor(engine: engine, timeline: timeline, asOf: now) : monitor(id, asOf: now)
            else { continue }
            items += monitor.workItems(caseID: id, asOf: now, appointmentsUntil: horizon)
        }
        return WorkItem.ordered(items, asOf: now)
    }

    /// Folds, on every core, the open cases `filter` covers that the session has not folded yet, so a first
    /// worklist over a large caseload costs its fold divided among the cores.
    private func foldOpenCases(_ filter: CaseFilter) throws(StepCareError) {
        try fold { timeline in
            if case .discharge = timeline.events.last?.kind { return false }
            return filter.coversEverything || CaseSummary(timeline).matches(filter)
        }
    }

    /// Folds, on every core, every case the session has not folded yet: what `evaluate --all` asks about.
    func foldEveryCase() throws(StepCareError) {
        try fold { _ in true }
    }

    /// Folds the unfolded cases `selected` accepts into the session's running view, spread over the cores.
    private func fold(where selected: (CaseTimeline) -> Bool) throws(StepCareError) {
        let engine = try requireEngine()
        let unfolded = caseload.order.compactMap { id -> CaseTimeline? in
            guard monitors[id] == nil, let timeline = caseload.cases[id], selected(timeline) else { return nil }
            return timeline
        }
        guard unfolded.count > 1 else { return }
        let eras = eras
        let folded = Engine.monitors(of: unfolded) { timeline in
            var monitor = CaseMonitor(engine: eras.first?.engine ?? engine)
            Workspace.follow(&monitor, timeline.events, eras: eras, current: engine)
            return monitor
        }
        for (timeline, monitor) in zip(unfolded, folded) {
            monitors[timeline.caseID] = monitor
        }
    }

    /// Checks that the owner, team and tier a filter names exist.
    private func check(_ filter: CaseFilter) throws(StepCareError) {
        if let owner = filter.owner { _ = try registeredUser(owner, field: "owner") }
        if let team = filter.team { _ = try knownTeam(team) }
        if let tier = filter.tier { _ = try self.tier(tier, field: "tier") }
        if let id = filter.caseID { _ = try caseID(id) }
    }

    /// The team `name`, which must exist.
    func knownTeam(_ name: String) throws(StepCareError) -> [String] {
        guard let members = teams[name] else {
            throw StepCareError(
                .unknownTeam, "there is no team \(name) in the \(context) context",
                hint: teams.isEmpty
                    ? "a clinical lead creates one with: team add NAME"
                    : "teams: " + teams.keys.sorted().joined(separator: ", "), field: "team")
        }
        return members
    }

    private func requireClinicalLead(to what: String) throws(StepCareError) {
        guard let current = currentUser else {
            throw StepCareError(
                .notAuthorised, "only a logged-in clinical lead \(what)", hint: "log in first: login NAME")
        }
        guard current.role == Role.clinicalLead.id else {
            throw StepCareError(
                .notAuthorised, "only a clinical lead \(what) (you are \(current.role))",
                hint: "ask a clinical lead")
        }
    }

    /// Whether `name` can be a staff or team id: 1–32 ASCII letters, digits, '-', '_' or '.', starting with a letter.
    static func isStaffWord(_ name: String) -> Bool {
        (1...32).contains(name.count) && name.first?.isLetter == true
            && name.allSatisfy { ($0.isLetter || $0.isNumber || "-_.".contains($0)) && $0.isASCII }
    }
}

extension StepCareError.Code {
    /// No team has the given id.
    public static let unknownTeam = Self("unknown-team")
}

/// What `evaluate --all` reports: how many cases were asked about, and their outstanding recommendations
/// counted by rule, with how many are overdue.
public struct OutstandingSummary: Sendable {
    /// The cases asked about.
    public var evaluated = 0
    /// Outstanding recommendations.
    public var outstanding = 0
    /// Outstanding recommendations past their deadline.
    public var overdue = 0
    /// By rule id: outstanding and overdue.
    public var byRule: [String: (count: Int, overdue: Int)] = [:]

    mutating func add(_ recommendations: [Recommendation], asOf now: Instant) {
        evaluated += 1
        for recommendation in recommendations {
            let late = recommendation.deadline < now ? 1 : 0
            outstanding += 1
            overdue += late
            byRule[recommendation.ruleID, default: (0, 0)].count += 1
            byRule[recommendation.ruleID, default: (0, 0)].overdue += late
        }
    }

    mutating func merge(_ other: Self) {
        evaluated += other.evaluated
        outstanding += other.outstanding
        overdue += other.overdue
        byRule.merge(other.byRule) { ($0.count + $1.count, $0.overdue + $1.overdue) }
    }
}

extension Workspace {
    /// Every case of the context asked about at `now`, with what is outstanding counted by rule: the cases not
    /// yet folded are folded first and the folded ones asked, each spread over the cores.
    public func outstandingSummary(asOf now: Instant) throws(StepCareError) -> OutstandingSummary {
        try foldEveryCase()
        let monitors = caseload.order.compactMap { monitor($0, asOf: now) }
        return Engine.inChunks(of: monitors.count) { range in
            var part = OutstandingSummary()
            for monitor in monitors[range] { part.add(monitor.recommendations(asOf: now), asOf: now) }
            return part
        }.reduce(into: OutstandingSummary()) { $0.merge($1) }
    }
}
