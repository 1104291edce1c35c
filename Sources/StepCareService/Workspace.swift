public import StepCareCore
public import StepCareEngine
public import StepCareStore

/// One session of the application: the cases, users, clock and pathway it works on, read from a store, and the
/// use cases that change them, each written back as one unit of work.
///
/// Every use case (``openCase(_:referred:preference:demographics:)``, ``record(_:on:at:)``,
/// ``decide(_:on:)``, ``addUser(_:role:)``, …) takes domain values and returns domain values. A use case
/// called on its own is one transaction with one audit entry, or nothing: a refusal puts every value back. A
/// front end that runs several use cases as one command opens a unit with ``begin(_:requiresLogin:)`` and ends
/// it with ``finish()`` or ``abandon()``; use cases called inside it join it. Errors name the input at fault in
/// ``StepCareError/field``.
///
/// Not thread-safe: use one workspace from one task.
public final class Workspace {
    /// The engine for the pathway in use, or `nil` when the build registers no pathway.
    public internal(set) var engine: Engine? {
        didSet {
            monitors = [:]
            indexCaseload()
        }
    }
    /// The context's cases.
    public internal(set) var caseload = Caseload()
    /// The session's clock: what "now" means for records and evaluations.
    public internal(set) var now: Instant
    /// An entry recorded more than this long after its effective time is a late entry (live records only):
    /// marked in its audit entry and in `timeline`. The service's `records.late-entry-after`; 24 hours by default.
    public var lateEntryInterval: TimeSpan { configuration.lateEntryInterval }
    /// The case use cases act on when none is named.
    public internal(set) var currentCase: String?
    /// Which records the session reads and writes.
    public let context: RecordContext
    /// Where records are kept.
    public let store: any CaseloadStore
    /// The context's staff, by staff id.
    public internal(set) var users: [String: StaffUser] = [:]
    /// Break-glass grants, oldest first.
    public internal(set) var grants: [BreakGlassGrant] = []
    /// Each team's members, by team id.
    public internal(set) var teams: [String: [String]] = [:]
    /// The logged-in user, if any.
    public internal(set) var currentUser: StaffUser?
    /// The pathway each case was opened under.
    public internal(set) var pathwayOfCase: [String: String] = [:]
    /// Every change to the service's configuration in this context (every pathway's), oldest first.
    public internal(set) var configurations: [ConfigurationChange] = []
    /// Every pathway and instrument definition kept in this context's caseload, oldest first.
    public internal(set) var definitions: [StoredDefinition] = []
    /// The configuration of the pathway in use that is in force now (the engine runs on it).
    public internal(set) var configuration = ServiceConfiguration()
    /// The pathway in use as registered, before the service's configuration.
    public internal(set) var registeredPathway: Pathway?
    /// The engine each configuration version in force ran on, from when it took effect, oldest first (empty
    /// while the pathway runs on its defaults): a case's events are read under the configuration in force when
    /// they happened, so what fired under one version stands after the next takes effect.
    var eras: [(from: Instant, engine: Engine)] = []
    /// What the running unit of work has written so far.
    var pending = StoreChange()
    /// Set by use cases that must be audited although they write no records (login, export).
    var auditsWithoutRecords = false
    /// The person the running unit acted as, for its audit entry.
    var actedAs: Actor?
    /// The logged-in user while a command runs as someone else (`as`): the audit entry names both.
    var enteredBy: String?
    /// Where a training or simulation session last set this context's clock, as stored.
    private var savedClock: Instant?
    /// The unit of work in progress.
    var unit: Unit?
    /// The client and description for an entry that writes no records (an export).
    var auditClient: String?
    var auditDetail: String?
    /// Each case the running command changed, as it was before (`nil` inside: opened by the command).
    private var priorTimelines: [String: CaseTimeline?] = [:]
    private(set) var sequence: Int64 = 0
    private let clock: (@Sendable () -> Instant)?
    private var nextCaseNumber = 1
    /// The engine's running view of each case, built on first use and advanced as the case grows.
    var monitors: [String: CaseMonitor] = [:]

    /// Opens `context` in `store`.
    ///
    /// - Parameters:
    ///   - clock: for live records, the real clock, read before every command; `nil` for training and
    ///     simulation, where `now` is the settable session clock starting at `now`.
    public init(
        pathway: Pathway?, now: Instant, store: any CaseloadStore, context: RecordContext,
        clock: (@Sendable () -> Instant)? = nil
    ) throws(StepCareError) {
        self.now = clock?() ?? now
        self.store = store
        self.context = context
        self.clock = context.policy.clockIsSettable ? nil : clock
        self.registeredPathway = pathway
        self.engine = pathway.map(Engine.init(pathway:))
        try reload()
        if clockIsSettable { try resumeClock() }
    }

    /// A reopened training or simulation caseload resumes where its clock was last set, or else at its latest
    /// record, so its cases show the state they were left in.
    private func resumeClock() throws(StepCareError) {
        if let saved = savedClock, saved.isRecordable {
            now = saved
        } else if let latest = caseload.cases.values.lazy.compactMap(\.lastEventAt).max(), latest > now {
            now = latest
        } else {
            return
        }
        try applyConfiguration()
    }

    /// A throw-away training workspace in memory.
    public static func memory(pathway: Pathway?, now: Instant) -> Workspace {
        do {
            let store = try SQLiteCaseloadStore(.memory, clock: { 0 })
            return try Workspace(pathway: pathway, now: now, store: store, context: .training)
        } catch {
            preconditionFailure("an in-memory SQLite database could not be opened: \(error.message)")
        }
    }

    /// Whether the session clock may be set (`today`, `advance`): not for live records.
    public var clockIsSettable: Bool { clock == nil }

    /// Sets the session clock (training and simulation).
    ///
    /// - Throws: `live-clock` in a live session, whose records are dated by the real clock.
    public func setClock(to instant: Instant) throws(StepCareError) {
        guard clockIsSettable else {
            throw StepCareError(
                .liveClock, "the clock of a live session cannot be set: live records are dated by the real clock",
                hint: "give a record's date with --at, or practise in a training session (--context training)")
        }
        guard instant.isRecordable else {
            throw StepCareError(
                .invalidOption, "the clock must stay between \(Instant.earliest) and \(Instant.latest)",
                hint: "set a date in that range: today YYYY-MM-DD", field: "date")
        }
        try store.saveClock(instant, context: context)
        now = instant
        try applyConfiguration()
    }

    /// Switches to another pathway, which is allowed only while no case is open under a different one.
    public func use(_ pathway: Pathway) throws(StepCareError) {
        guard
            caseload.order.isEmpty || engine?.pathway.id == pathway.id
                || caseload.order.allSatisfy({ pathwayOfCase[$0] == pathway.id })
        else {
            throw StepCareError(
                .invalidOption, "cases are open under \(engine?.pathway.id ?? "another pathway")",
                hint: "a session uses one pathway; start a new session to use \(pathway.id)", field: "pathway")
        }
        registeredPathway = pathway
        configuration = ServiceConfiguration()
        engine = Engine(pathway: pathway)
        try applyConfiguration()
    }

    /// Re-reads the context from the store.
    func reload() throws(StepCareError) {
        let stored = try store.load(context, tiers: engine?.pathway.tiers.map(\.id) ?? [])
        priorTimelines = [:]
        caseload = stored.caseload
        indexCaseload()
        users = stored.users
        grants = stored.grants
        teams = stored.teams
        pathwayOfCase = stored.pathways
        configurations = stored.configurations
        definitions = stored.definitions
        sequence = stored.sequence
        savedClock = stored.clock
        try applyConfiguration()
        if let id = currentCase, caseload.cases[id] == nil { currentCase = nil }
        if let user = currentUser { currentUser = users[user.name] }
    }

    /// Counts live capacity in the caseload by the tiers of the pathway in use.
    private func indexCaseload() {
        if let engine { caseload.index(tiers: engine.pathway.tiers.map(\.id)) }
    }

    /// The engine's running view of case `caseID`, brought up to its timeline: what `evaluate` asks, so a case
    /// is folded once per session and then advanced by the events each command adds.
    public func monitor(_ caseID: String) -> CaseMonitor? {
        guard let engine, let timeline = caseload.cases[caseID] else { return nil }
        var monitor =
            monitors[caseID].flatMap { $0.state.events.count <= timeline.events.count ? $0 : nil }
            ?? CaseMonitor(engine: eras.first?.engine ?? engine)
        Self.follow(&monitor, timeline.events, eras: eras, current: engine)
        monitors[caseID] = monitor
        return monitor
    }

    /// The engine of the configuration in force at `moment`: now's for a moment at or after now, else the one
    /// that was in force then (``eras``).
    public func engine(inForceAt moment: Instant) -> Engine? {
        guard moment < now, let era = eras.last(where: { $0.from <= moment }) else { return engine }
        return era.engine
    }

    /// The engine's view of case `caseID` as it stood at `moment`: the session's running view when the
    /// configuration in force then is the one in force now; otherwise the case replayed up to `moment`, each
    /// event under the configuration in force when it happened and the moment itself under the one in force
    /// then, so a past evaluation names the version that applied.
    public func monitor(_ caseID: String, asOf moment: Instant) -> CaseMonitor? {
        guard moment < now, eras.contains(where: { $0.from > moment }) else { return monitor(caseID) }
        guard let timeline = caseload.cases[caseID] else { return nil }
        return pastMonitor(timeline, asOf: moment)
    }

    /// `timeline` replayed up to `moment` under the configurations in force then (see ``monitor(_:asOf:)``).
    func pastMonitor(_ timeline: CaseTimeline, asOf moment: Instant) -> CaseMonitor? {
        guard let then = engine(inForceAt: moment) else { return nil }
        let eras = eras.filter { $0.from <= moment }
        var monitor = CaseMonitor(engine: eras.first?.engine ?? then)
        let end = timeline.events.firstIndex { $0.at > moment } ?? timeline.events.endIndex
        Self.follow(&monitor, timeline.events, upTo: end, eras: eras, current: then)
        return monitor
    }

    /// Appends `events[..<end]` past those `monitor` holds (its events are the first of `events`) to `monitor`,
    /// each under the engine of the configuration in force when it happened (an event at the very minute a change
    /// takes effect is read under the one before), and then goes on under `current`. The monitor shares the
    /// timeline's storage rather than holding a second copy of its events.
    static func follow(
        _ monitor: inout CaseMonitor, _ events: [CaseEvent], upTo end: Int? = nil,
        eras: [(from: Instant, engine: Engine)], current: Engine
    ) {
        let end = end ?? events.endIndex
        if !eras.isEmpty {
            var era = 0
            for event in events[monitor.state.events.endIndex..<end] {
                while era + 1 < eras.count, eras[era + 1].from < event.at { era += 1 }
                if !monitor.engine.isSame(as: eras[era].engine) {
                    monitor.reconfigure(eras[era].engine, at: eras[era].from)
                }
                monitor.appendNext(of: events)
            }
        } else {
            while monitor.state.events.endIndex < end { monitor.appendNext(of: events) }
        }
        if !monitor.engine.isSame(as: current) {
            monitor.reconfigure(current, at: eras.last(where: { $0.engine.isSame(as: current) })?.from)
        }
    }

    /// Brings the session up to date: the live clock, and anything another session wrote. Every use case does
    /// this first; a front end calls it before it reads.
    public func refresh() throws(StepCareError) {
        if let clock { now = clock() }
        if try store.lastSequence() != sequence { try reload() } else { try applyConfiguration() }
    }

    /// A fresh pseudonymous case id, `C001`, `C002`, …, skipping ids in use. Each call gives a new one.
    public func freshCaseID() -> String {
        while true {
            let digits = String(nextCaseNumber)
            let id = "C" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
            nextCaseNumber += 1
            if caseload.cases[id] == nil { return id }
        }
    }

    /// Opens a case, making it current.
    ///
    /// `timeline` is the record as it is to be stored (an import may carry corrections); the rules get its
    /// corrected form.
    func add(_ timeline: CaseTimeline, pathway: String) throws(StepCareError) {
        try caseload.open(timeline.hasCorrections ? timeline.corrected : timeline)
        if priorTimelines[timeline.caseID] == nil { priorTimelines[timeline.caseID] = .some(nil) }
        pending.openedCases.append(.init(id: timeline.caseID, pathway: pathway, demographics: timeline.demographics))
        pending.events += timeline.events.map { (timeline.caseID, $0) }
        pathwayOfCase[timeline.caseID] = pathway
        currentCase = timeline.caseID
    }

    /// Keeps a case's longer timeline after an accepted record or decision.
    func store(_ timeline: CaseTimeline) {
        let prior = caseload.cases[timeline.caseID]
        if priorTimelines[timeline.caseID] == nil { priorTimelines[timeline.caseID] = .some(prior) }
        let known = prior?.events.count ?? 0
        pending.events += timeline.events.dropFirst(known).map { (timeline.caseID, $0) }
        caseload.update(timeline)
    }

    /// Keeps a correction: its event goes to the store as recorded, and the case's corrected timeline replaces
    /// the one the rules read (its running view is rebuilt when next asked).
    func apply(correction event: CaseEvent, to caseID: String, giving effective: CaseTimeline) {
        let prior = caseload.cases[caseID]
        if priorTimelines[caseID] == nil { priorTimelines[caseID] = .some(prior) }
        pending.events.append((caseID, event))
        caseload.update(effective)
        monitors[caseID] = nil
    }

    /// Adds a user.
    func add(_ user: StaffUser) {
        users[user.name] = user
        pending.users.append(user)
    }

    /// Creates a team (`user` nil) or puts a user in one.
    func add(_ member: TeamMember) {
        if let user = member.user {
            teams[member.team, default: []].append(user)
        } else {
            teams[member.team] = teams[member.team] ?? []
        }
        pending.teamMembers.append(member)
    }

    /// Records a break-glass grant.
    func add(_ grant: BreakGlassGrant) {
        grants.append(grant)
        pending.grants.append(grant)
    }

    /// The grant in force for `user` now, if any.
    public func activeGrant(for user: String) -> BreakGlassGrant? {
        grants.last { $0.user == user && $0.isActive(at: now) }
    }

    /// The session values a failed command must not change. Cases are not copied (that would copy the whole
    /// caseload on the next write); the timelines a command touches are kept in ``priorTimelines`` instead.
    struct Snapshot {
        var currentCase: String?
        var users: [String: StaffUser]
        var grants: [BreakGlassGrant]
        var teams: [String: [String]]
        var currentUser: StaffUser?
        var pathwayOfCase: [String: String]
        var nextCaseNumber: Int
        var configurations: [ConfigurationChange]
        var definitions: [StoredDefinition]
    }

    func snapshot() -> Snapshot {
        Snapshot(
            currentCase: currentCase, users: users, grants: grants, teams: teams, currentUser: currentUser,
            pathwayOfCase: pathwayOfCase, nextCaseNumber: nextCaseNumber, configurations: configurations,
            definitions: definitions)
    }

    func restore(_ snapshot: Snapshot) {
        for (id, prior) in priorTimelines {
            // A monitor may have seen events the failed command added; it is built again when next asked.
            monitors[id] = nil
            if let prior {
                caseload.update(prior)
            } else {
                caseload.remove(id)
            }
        }
        currentCase = snapshot.currentCase
        users = snapshot.users
        grants = snapshot.grants
        teams = snapshot.teams
        currentUser = snapshot.currentUser
        pathwayOfCase = snapshot.pathwayOfCase
        nextCaseNumber = snapshot.nextCaseNumber
        definitions = snapshot.definitions
        if configurations != snapshot.configurations {
            configurations = snapshot.configurations
            try? applyConfiguration()
        }
        discardPending()
    }

    func discardPending() {
        pending = StoreChange()
        priorTimelines = [:]
        auditsWithoutRecords = false
        actedAs = nil
        auditClient = nil
        auditDetail = nil
    }

    /// Whether the running unit has anything to commit.
    var hasPending: Bool { !pending.isEmpty || auditsWithoutRecords }

    /// Commits what the running unit wrote, with its audit entry.
    ///
    /// - Throws: the store's error; on a conflict the workspace re-reads the store first.
    @discardableResult
    func commit(action: String) throws(StepCareError) -> AuditEntry {
        let who: (name: String, role: String)? =
            actedAs.map { ($0.name, $0.role.id) } ?? currentUser.map { ($0.name, $0.role) }
        var role = who?.role ?? "none"
        if let name = who?.name, let grant = activeGrant(for: name), grant.role == role, actedAs != nil,
            users[name]?.role != role
        {
            role += " (break-glass)"
        }
        let clients = pending.clients
        let entered = enteredBy.flatMap { $0 == who?.name ? nil : "; entered by \($0) for \(who?.name ?? "nobody")" }
        let draft = AuditDraft(
            user: who?.name ?? "unidentified", role: role,
            client: auditClient ?? (clients.count == 1 ? clients[0] : nil), action: action,
            detail: (auditDetail ?? Self.detail(pending) + lateEntryDetail(pending)) + (entered ?? ""))
        do throws(StepCareError) {
            let entry = try store.commit(pending, audit: draft, context: context, after: sequence)
            sequence = entry.sequence
            grants = grants.map { grant in
                var grant = grant
                if grant.sequence == 0 { grant.sequence = entry.sequence }
                return grant
            }
            discardPending()
            return entry
        } catch {
            if error.code == .storeConflict { try? reload() }
            throw error
        }
    }

    /// In live records, `; late entry: …` when the change records events dated more than
    /// ``lateEntryInterval`` before now, so the audit log shows what was entered late; empty otherwise.
    func lateEntryDetail(_ change: StoreChange) -> String {
        guard context == .live else { return "" }
        let late = change.events.filter { now.minutes - $0.event.at.minutes > lateEntryInterval.minutes }
        guard let earliest = late.map(\.event.at).min() else { return "" }
        return "; late entry: \(late.count) event(s) dated up to "
            + TimeSpan(minutes: now.minutes - earliest.minutes).rounded + " before they were recorded"
    }

    /// What a change wrote, without client free text: counts and kinds only.
    static func detail(_ change: StoreChange) -> String {
        var parts: [String] = []
        if !change.openedCases.isEmpty { parts.append("\(change.openedCases.count) case(s) opened") }
        if !change.events.isEmpty {
            var kinds: [String] = []
            for (_, event) in change.events where !kinds.contains(event.kind.summaryName) {
                kinds.append(event.kind.summaryName)
            }
            parts.append("\(change.events.count) event(s): " + kinds.joined(separator: ", "))
        }
        for user in change.users { parts.append("user \(user.name) as \(user.role)") }
        for grant in change.grants { parts.append("break-glass as \(grant.role) until \(grant.ends)") }
        for member in change.teamMembers {
            parts.append(member.user.map { "\($0) joins team \(member.team)" } ?? "team \(member.team) created")
        }
        for definition in change.definitions {
            parts.append("\(definition.kind.rawValue) definition \(definition.id) v\(definition.version) kept")
        }
        for configured in change.configurations {
            parts.append(
                "\(configured.pathway) configuration v\(configured.version) effective \(configured.effective): "
                    + configured.settings.map(\.description).joined(separator: ", "))
        }
        if change.clients.count > 1 { parts.append("\(change.clients.count) clients") }
        return parts.joined(separator: "; ")
    }
}

extension CaseEventKind {
    /// The kind's name in audit details.
    var summaryName: String {
        switch self {
        case .referral: "referral"
        case .administration(let record): "score \(record.instrumentID)"
        case .contact(let attended): attended ? "attended" : "no-show"
        case .crisisContact: "crisis"
        case .emergencyVisit: "ed-visit"
        case .medicationConcern: "medication-concern"
        case .prescriberQuestion: "medication-question"
        case .plan(.stability): "stability plan"
        case .plan(.safety): "safety plan"
        case .plan(.stepUp): "step-up plan"
        case .assignment: "assignment"
        case .appointment(.booked, _): "appointment booked"
        case .appointment(.rescheduled, _): "appointment rescheduled"
        case .appointment(.cancelled, _): "appointment cancelled"
        case .outreach(_, let outcome, _): "outreach (\(outcome.rawValue))"
        case .review(let kind, _, _): "\(kind.rawValue) review"
        case .note(let note): "note (\(note.subject.rawValue))"
        case .correction(let correction): "correction of record \(correction.number)"
        case .placement(let placement): "\(placement.kind.rawValue) to \(placement.tier)"
        case .waitlisted(let tier, _, _): "waitlisted for \(tier)"
        case .handoverScheduled: "handover"
        case .discharge: "discharge"
        }
    }
}

extension Workspace {
    /// Hands the in-memory caseload to the operating system at process exit: a command-line run that is about to
    /// end calls this so that 100,000 loaded cases are reclaimed with the process, not freed one allocation at a
    /// time (about a tenth of its run time). The store itself is closed as usual. The workspace is empty
    /// afterwards; call it only when the process is about to exit.
    public func leaveCaseloadToProcessExit() {
        _ = Unmanaged.passRetained(ProcessExitBox((caseload, monitors)))
        caseload = Caseload()
        monitors = [:]
    }
}

/// Holds values that are never freed.
private final class ProcessExitBox<Value> {
    let value: Value
    init(_ value: Value) { self.value = value }
}
