public import StepCareCore
public import StepCareEngine
public import StepCareRecord

/// A context's records as loaded from a store.
public struct StoredCaseload: Sendable {
    /// The cases, in the order they were opened.
    public var caseload = Caseload()
    /// The pathway each case was opened under.
    public var pathways: [String: String] = [:]
    /// The staff who may act, by staff id.
    public var users: [String: StaffUser] = [:]
    /// Break-glass grants, oldest first.
    public var grants: [BreakGlassGrant] = []
    /// Each team's members, by team id (a team with no members yet has an empty list).
    public var teams: [String: [String]] = [:]
    /// Every configuration change, oldest first (every pathway's).
    public var configurations: [ConfigurationChange] = []
    /// Every pathway and instrument definition kept, oldest first.
    public var definitions: [StoredDefinition] = []
    /// The audit sequence number of the last entry when this was read.
    public var sequence: Int64 = 0
    /// Where a training or simulation session last left the context's clock (`nil` when none did).
    public var clock: Instant?

    /// Creates an empty caseload.
    public init() {}
}

/// Which audit entries to show.
public struct AuditFilter: Sendable, Hashable {
    /// Only this client.
    public var client: String?
    /// Only this user.
    public var user: String?
    /// Only this action (e.g. `step-up`, or `record` for every kind of record).
    public var action: String?
    /// Only this context.
    public var context: RecordContext?
    /// Only entries at or after this time (seconds since 1970 UTC).
    public var since: Int64?
    /// Only entries before this time.
    public var until: Int64?

    /// Creates a filter; with no arguments it matches every entry.
    public init(
        client: String? = nil, user: String? = nil, action: String? = nil, context: RecordContext? = nil,
        since: Int64? = nil, until: Int64? = nil
    ) {
        self.client = client
        self.user = user
        self.action = action
        self.context = context
        self.since = since
        self.until = until
    }

    /// Whether `entry` passes.
    public func matches(_ entry: AuditEntry) -> Bool {
        (client == nil || entry.client == client) && (user == nil || entry.user == user)
            && (action == nil || entry.action == action || entry.action.hasPrefix((action ?? "") + " "))
            && (context == nil || entry.context == context?.rawValue) && (since.map { entry.time >= $0 } ?? true)
            && (until.map { entry.time < $0 } ?? true)
    }
}

/// The outcome of `audit verify`.
public struct AuditReport: Sendable, Hashable {
    /// Entries checked.
    public var entries: Int
    /// The chain head, when the log is not empty.
    public var head: AuditAnchor?
    /// SQLite's own `PRAGMA integrity_check` result (`ok` when sound).
    public var integrity: String
    /// Everything found wrong; empty when the log and records are intact.
    public var problems: [AuditProblem]

    /// Whether nothing is wrong.
    public var isIntact: Bool { problems.isEmpty && integrity == "ok" }
}

/// Where cases, users and the audit log are kept. The engine never sees it: the console reads a context's
/// caseload from it, runs commands against the values, and commits what each command wrote as one change
/// with one audit entry.
public protocol CaseloadStore: AnyObject, Sendable {
    /// Where the data lives, for messages.
    var location: StoreLocation { get }
    /// Every record of `context`.
    ///
    /// - Parameter tiers: the pathway's tiers (least intensive first), so the caseload's census is counted once
    ///   as it loads; empty for none.
    func load(_ context: RecordContext, tiers: [String]) throws(StepCareError) -> StoredCaseload
    /// The sequence number of the last audit entry (0 when empty).
    func lastSequence() throws(StepCareError) -> Int64
    /// The stored cases of `context` in the record schema (all of them, or those in `ids`, in opening order):
    /// each event with its id and who entered it.
    func records(_ context: RecordContext, cases ids: [String]?) throws(StepCareError) -> [CaseRecord]
    /// Writes `change` and its audit entry in one transaction, provided nothing was written since `sequence`.
    ///
    /// - Throws: `storeConflict` when another session wrote first; `storeLocked`, `storeFull`, `storeIO`
    ///   when SQLite refuses. In every case nothing is written.
    func commit(
        _ change: StoreChange, audit: AuditDraft, context: RecordContext, after sequence: Int64
    ) throws(StepCareError) -> AuditEntry
    /// The last audit entry's sequence and hash, read without verifying anything (`nil` when the log is empty).
    func head() throws(StepCareError) -> AuditAnchor?
    /// The audit entries that pass `filter`, oldest first.
    func auditEntries(_ filter: AuditFilter) throws(StepCareError) -> [AuditEntry]
    /// Checks the chain, the records each entry wrote, SQLite's integrity, and `anchor` when given.
    func verify(anchor: AuditAnchor?) throws(StepCareError) -> AuditReport
    /// Keeps where a training or simulation session set its clock, so the context reopens at that moment. It is
    /// session state, not a record: not audited, and ignored for live records and by a read-only store.
    func saveClock(_ at: Instant, context: RecordContext) throws(StepCareError)
}

extension CaseloadStore {
    /// Every record of `context`, with no census counted.
    public func load(_ context: RecordContext) throws(StepCareError) -> StoredCaseload {
        try load(context, tiers: [])
    }
}
