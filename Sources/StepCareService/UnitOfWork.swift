public import StepCareCore
import StepCareEngine
public import StepCareStore

/// The unit of work: one use case (or one front-end command) = one transaction = one audit entry, or nothing.
extension Workspace {
    /// A unit of work in progress: what to put back if it fails, and how the audit log names it.
    struct Unit {
        var snapshot: Snapshot
        var action: String
    }

    /// Whether the open unit has written records (not only an audit-only entry).
    var hasPendingRecords: Bool { !pending.isEmpty }

    /// Whether a unit of work is open; use cases called now join it.
    public var isInUnitOfWork: Bool { unit != nil }

    /// Opens a unit of work named `action` (`record score`, `step-up`, …) for the audit log.
    ///
    /// - Parameter requiresLogin: `false` only for the use cases that let someone in (`login`, the first
    ///   `user add`); in a live context every other change needs a logged-in user.
    /// - Throws: a store error while catching up with other sessions, or `not-authorised` when a live change has
    ///   no logged-in user. Nothing is open afterwards.
    public func begin(_ action: String, requiresLogin: Bool = true) throws(StepCareError) {
        precondition(unit == nil, "units of work do not nest: use cases join the open one")
        try refresh()
        if requiresLogin { try requireLoginToChange() }
        unit = Unit(snapshot: snapshot(), action: action)
    }

    /// Refuses a change to live records with nobody logged in: a front end asks this before a long form, so the
    /// refusal comes before the typing, not after it.
    public func requireLoginToChange() throws(StepCareError) {
        guard context.policy.changesNeedLogin, currentUser == nil else { return }
        throw StepCareError(
            .notAuthorised, "live records are read and changed only by a logged-in user",
            hint: "log in first: login NAME")
    }

    /// Commits what the open unit has written so far, with its audit entry, and keeps the unit open: for a use
    /// case that must store something before it goes on (an export is audited before its file is put in place).
    ///
    /// - Returns: the audit entry, or `nil` when there was nothing to commit.
    /// - Throws: the store's error; the unit stays open and ``abandon()`` puts the values back.
    @discardableResult
    public func checkpoint() throws(StepCareError) -> AuditEntry? {
        guard let open = unit else { return nil }
        let entry = hasPending ? try commit(action: open.action) : nil
        unit?.snapshot = snapshot()
        return entry
    }

    /// Commits the open unit and closes it; if the commit fails, the unit is abandoned.
    @discardableResult
    public func finish() throws(StepCareError) -> AuditEntry? {
        do throws(StepCareError) {
            let entry = try checkpoint()
            unit = nil
            return entry
        } catch {
            abandon()
            throw error
        }
    }

    /// Closes the open unit without committing: every value it changed since it opened (or since its last
    /// ``checkpoint()``) is put back.
    public func abandon() {
        guard let open = unit else { return }
        restore(open.snapshot)
        unit = nil
    }

    /// Runs `body` as the use case `action`: joined to the open unit, or else as a unit of its own that commits
    /// when `body` returns and is abandoned when it throws.
    ///
    /// A refused attempt in a live session is itself audited (``recordRefusal(_:_:client:)``), naming `client`.
    func perform<T>(
        _ action: String, requiresLogin: Bool = true, client: String? = nil, _ body: () throws(StepCareError) -> T
    ) throws(StepCareError) -> T {
        guard unit == nil else { return try body() }
        try begin(action, requiresLogin: requiresLogin)
        do throws(StepCareError) {
            let value = try body()
            try finish()
            return value
        } catch {
            abandon()
            recordRefusal(action, error, client: client)
            throw error
        }
    }

    /// Marks the open unit as one to audit although it may write no records (a login, an export), with the
    /// client and the description its entry gives.
    func auditEvenWithoutRecords(client: String? = nil, detail: String? = nil) {
        auditsWithoutRecords = true
        if let client { auditClient = client }
        if let detail { auditDetail = detail }
    }
}

extension StepCareError.Code {
    /// `today DATE` or `advance` in a live session.
    public static let liveClock = Self("live-clock")
    /// No user has the given name in the session's context.
    public static let unknownUser = Self("unknown-user")
    /// The pathway has no role with the given id.
    public static let unknownRole = Self("unknown-role")
    /// A user with the given staff id already exists in the context.
    public static let duplicateUser = Self("duplicate-user")
}
