import GRDB
public import StepCareCore
import StepCareEngine
import StepCareJSON
public import StepCareRecord

/// The embedded default: one SQLite file (or memory) through GRDB.
///
/// Safety settings are asserted on the writer connection after opening, because GRDB's pool resets
/// `synchronous` to NORMAL when it enables WAL: journal_mode=wal, synchronous=FULL (2), foreign_keys=1 and a
/// busy timeout of at least 5 s. A write transaction is `BEGIN IMMEDIATE`, so a locked database waits for the
/// timeout instead of failing half-way.
public final class SQLiteCaseloadStore: CaseloadStore {
    public let location: StoreLocation
    /// Whether the caseload can only be read (read-only media, an immutable file, or one this user may not
    /// write): reads and `audit verify` work, every write is refused with `store-read-only`.
    public let isReadOnly: Bool
    private let writer: any DatabaseWriter
    private let clock: @Sendable () -> Int64

    /// Opens (creating and migrating when needed) the caseload at `location`.
    ///
    /// - Parameters:
    ///   - clock: seconds since 1970 UTC for audit entries; injected so tests are repeatable.
    ///   - createFolders: whether a missing folder for the file may be created (0700); otherwise it is refused
    ///     (`storeFolderMissing`), so a mistyped path does not quietly start an empty caseload.
    /// - Throws: `storePermissions` for a file others can read; `storeCorrupt`, `storeForeign` or `storeNewer`
    ///   for a file this build cannot use; `storeSettings` when a safety setting did not take.
    public init(
        _ location: StoreLocation, clock: @escaping @Sendable () -> Int64, createFolders: Bool = false
    ) throws(StepCareError) {
        self.location = location
        self.clock = clock
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA trusted_schema = OFF; PRAGMA secure_delete = ON")
        }
        do {
            switch location {
            case .memory:
                writer = try DatabaseQueue(configuration: configuration)
                isReadOnly = false
            case .file(let path):
                try PrivateFile.prepare(path, createFolders: createFolders)
                isReadOnly = !PrivateFile.isWritable(path)
                if isReadOnly, PrivateFile.hasPendingLog(path), !PrivateFile.exists(path + "-shm") {
                    throw StepCareError(
                        .storeReadOnly,
                        "\(location) cannot be written, and its last writes are still in \(path)-wal, which SQLite "
                            + "reads only beside a -shm file it can create",
                        hint: "copy the caseload and its -wal file to writable storage and open the copy; the "
                            + "writes are folded into the file when it is opened there")
                }
                try Self.checkOwnership(path: path, location: location, readOnly: isReadOnly)
                try PrivateFile.checkPrivate(path)
                if isReadOnly {
                    configuration.readonly = true
                    writer = try DatabaseQueue(path: Self.readOnlyPath(path), configuration: configuration)
                } else {
                    writer = try DatabasePool(path: Self.literal(path), configuration: configuration)
                    try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
                }
            }
            try checkSettings()
            if isReadOnly {
                guard try writer.read({ db in try Schema.migrator(clock: clock).hasCompletedMigrations(db) }) else {
                    throw StepCareError(
                        .storeReadOnly,
                        "\(location) cannot be written, and it needs an upgrade to this StepCare's record format",
                        hint: "copy the caseload to writable storage and open the copy, or use the StepCare that "
                            + "wrote it")
                }
            } else {
                try Schema.migrator(clock: clock).migrate(writer)
            }
        } catch let error as StepCareError {
            throw error
        } catch {
            throw Self.translate(error, location: location)
        }
    }

    /// `path` as SQLite must be given it to open exactly that file: SQLite reads a name starting `file:` as a
    /// URI (with options that would skip these checks), so such a relative path is given as `./file:…`.
    private static func literal(_ path: String) -> String {
        path.hasPrefix("file:") ? "./" + path : path
    }

    /// How to open `path` when it cannot be written: as an immutable file (no lock or shared-memory files are
    /// needed, so it opens on read-only media), unless a write-ahead log holds content the file lacks.
    private static func readOnlyPath(_ path: String) -> String {
        guard !PrivateFile.hasPendingLog(path) else { return literal(path) }
        var escaped = ""
        for byte in path.utf8 {
            let character = Character(Unicode.Scalar(byte))
            if byte < 0x80, character.isLetter || character.isNumber || "/-_.~".contains(character) {
                escaped.append(character)
            } else {
                escaped += (byte < 0x10 ? "%0" : "%") + String(byte, radix: 16, uppercase: true)
            }
        }
        return "file:" + escaped + "?immutable=1"
    }

    /// The connection settings that make a commit durable, read back from the writer connection.
    public func settings() throws(StepCareError) -> [String: String] {
        try run {
            try writer.writeWithoutTransaction { db in
                var values: [String: String] = [:]
                for name in ["journal_mode", "synchronous", "foreign_keys", "busy_timeout", "trusted_schema"] {
                    values[name] = try String.fetchOne(db, sql: "PRAGMA \(name)")
                }
                return values
            }
        }
    }

    private func checkSettings() throws {
        let values = try settings()
        var wrong: [String] = []
        if values["foreign_keys"] != "1" { wrong.append("foreign_keys=\(values["foreign_keys"] ?? "?")") }
        if (Int(values["busy_timeout"] ?? "") ?? 0) < 5000 { wrong.append("busy_timeout") }
        if case .file = location, !isReadOnly {
            if values["journal_mode"] != "wal" { wrong.append("journal_mode=\(values["journal_mode"] ?? "?")") }
            if values["synchronous"] != "2" { wrong.append("synchronous=\(values["synchronous"] ?? "?")") }
        }
        guard wrong.isEmpty else {
            throw StepCareError(
                .storeSettings,
                "the database connection did not take its safety settings: "
                    + wrong.joined(separator: ", "),
                hint: "this build of SQLite or GRDB behaves unexpectedly; do not record care with it")
        }
    }

    /// Refuses a SQLite file that some other program made, that is damaged, or that a newer StepCare
    /// migrated, reading it through a read-only connection so that a refused file is left exactly as it was.
    private static func checkOwnership(path: String, location: StoreLocation, readOnly: Bool) throws {
        var configuration = Configuration()
        configuration.readonly = true
        let reader = try DatabaseQueue(
            path: readOnly ? readOnlyPath(path) : literal(path), configuration: configuration)
        defer { try? reader.close() }
        try reader.read { db in
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
            guard tables > 0 else { return }
            guard try Int32.fetchOne(db, sql: "PRAGMA application_id") == Schema.applicationID else {
                throw StepCareError(
                    .storeForeign, "\(location) is a SQLite database, but not a StepCare caseload",
                    hint: "give --db a StepCare caseload, or a new file name to start one")
            }
            if try Schema.migrator(clock: { 0 }).hasBeenSuperseded(db) {
                throw StepCareError(
                    .storeNewer,
                    "\(location) was written by a newer StepCare (it has changes this build does not know)",
                    hint: "use that StepCare version or later; this build will not read or write it")
            }
        }
    }

    public func lastSequence() throws(StepCareError) -> Int64 {
        try run { try writer.read { db in try Int64.fetchOne(db, sql: "SELECT max(sequence) FROM audit") ?? 0 } }
    }

    public func load(_ context: RecordContext, tiers: [String]) throws(StepCareError) -> StoredCaseload {
        try run {
            try writer.read { db in
                var stored = StoredCaseload()
                stored.caseload = Caseload(tiers: tiers)
                stored.sequence = try Int64.fetchOne(db, sql: "SELECT max(sequence) FROM audit") ?? 0
                // Cases by position: one dictionary lookup per event, then an append in place.
                var position: [String: Int] = [:]
                var ids: [String] = []
                var demographics: [[String: String]] = []
                var events: [[CaseEvent]] = []
                let caseRows = try Row.fetchAll(
                    db, sql: "SELECT id, pathway, demographics FROM cases WHERE +context = ? ORDER BY rowid",
                    arguments: [context.rawValue])
                position.reserveCapacity(caseRows.count)
                stored.pathways.reserveCapacity(caseRows.count)
                stored.caseload.reserveCapacity(caseRows.count)
                for row in caseRows {
                    let id: String = row[0]
                    position[id] = ids.count
                    ids.append(id)
                    stored.pathways[id] = row[1]
                    demographics.append(try StoredRows.demographics(row[2]))
                    events.append([])
                }
                try EventRows.forEach(in: db, context: context, caseIndex: position) { events[$0].append($1) }
                for (index, id) in ids.enumerated() {
                    // The rules read the corrected timeline; the stored record keeps every event.
                    let raw = events[index]
                    let hasCorrection = raw.contains { if case .correction = $0.kind { true } else { false } }
                    try stored.caseload.open(
                        CaseTimeline(
                            caseID: id, demographics: demographics[index],
                            events: hasCorrection ? CaseTimeline.corrected(raw) : raw))
                    events[index] = []
                }
                for row in try Row.fetchAll(
                    db, sql: "SELECT name, role FROM users WHERE context = ? ORDER BY rowid",
                    arguments: [context.rawValue])
                {
                    let user = StaffUser(name: row[0], role: row[1])
                    stored.users[user.name] = user
                }
                for row in try Row.fetchAll(
                    db,
                    sql: "SELECT user, role, reason, starts, ends, audit_sequence FROM grants WHERE context = ? "
                        + "ORDER BY id", arguments: [context.rawValue])
                {
                    stored.grants.append(
                        BreakGlassGrant(
                            user: row[0], role: row[1], reason: row[2], starts: Instant(minutes: row[3]),
                            ends: Instant(minutes: row[4]), sequence: row[5]))
                }
                for row in try Row.fetchAll(
                    db, sql: "SELECT team, user FROM team_members WHERE context = ? ORDER BY id",
                    arguments: [context.rawValue])
                {
                    let team: String = row[0]
                    let user: String? = row[1]
                    stored.teams[team, default: []] += user.map { [$0] } ?? []
                }
                stored.configurations = try Self.configurations(db, context: context)
                stored.definitions = try Row.fetchAll(
                    db,
                    sql: "SELECT kind, definition_id, version, body, reason, user FROM definitions WHERE context = ? "
                        + "ORDER BY id", arguments: [context.rawValue]
                ).map { row in
                    StoredDefinition(
                        kind: StoredDefinition.Kind(rawValue: row[0]) ?? .instrument, id: row[1], version: row[2],
                        body: row[3], reason: row[4], by: row[5])
                }
                stored.clock = try Int.fetchOne(
                    db, sql: "SELECT at FROM session_clocks WHERE context = ? ORDER BY id DESC LIMIT 1",
                    arguments: [context.rawValue]
                ).map(Instant.init(minutes:))
                return stored
            }
        }
    }

    public func records(_ context: RecordContext, cases ids: [String]?) throws(StepCareError) -> [CaseRecord] {
        try run {
            try writer.read { db in
                // A few cases are read through the (context, case_id) index; many, or all, in one scan in id order.
                let few = ids.map { $0.count <= 64 } ?? false
                let wanted = ids.map(Set.init)
                var records: [CaseRecord] = []
                var index: [String: Int] = [:]
                let caseRows =
                    few
                    ? try Set(ids ?? []).flatMap { id in
                        try Row.fetchAll(
                            db, sql: "SELECT rowid, id, pathway, demographics FROM cases WHERE context = ? AND id = ?",
                            arguments: [context.rawValue, id])
                    }.sorted { ($0[0] as Int64) < ($1[0] as Int64) }
                    : try Row.fetchAll(
                        db, sql: "SELECT rowid, id, pathway, demographics FROM cases WHERE +context = ? ORDER BY rowid",
                        arguments: [context.rawValue])
                for row in caseRows {
                    let id: String = row[1]
                    guard wanted?.contains(id) ?? true else { continue }
                    index[id] = records.count
                    records.append(
                        CaseRecord(
                            context: context, id: id, pathway: row[2],
                            demographics: try StoredRows.demographics(row[3]),
                            events: []))
                }
                let columns =
                    "SELECT e.case_id, e.id, e.at, e.kind, e.detail, a.user, a.role, a.time, a.sequence "
                    + "FROM events e JOIN audit a ON a.sequence = e.entered"
                func read(_ filter: String, _ arguments: StatementArguments) throws {
                    let rows = try Row.fetchCursor(db, sql: columns + filter + " ORDER BY e.id", arguments: arguments)
                    while let row = try rows.next() {
                        guard let position = index[row[0] as String] else { continue }
                        let kind = try EventDetailReader.kind(code: row[3], detail: row[4])
                        records[position].events.append(
                            EventRecord(
                                id: row[1], event: CaseEvent(at: Instant(minutes: row[2]), kind),
                                entered: EntryStamp(staff: row[5], role: row[6], seconds: row[7], audit: row[8])))
                    }
                }
                if few {
                    for record in records {
                        try read(" WHERE e.context = ? AND e.case_id = ?", [context.rawValue, record.id])
                    }
                } else {
                    try read(" WHERE +e.context = ?", [context.rawValue])
                }
                return records
            }
        }
    }

    public func commit(
        _ change: StoreChange, audit draft: AuditDraft, context: RecordContext, after expected: Int64
    ) throws(StepCareError) -> AuditEntry {
        try refuseIfReadOnly()
        let now = clock()
        return try run {
            try writer.write { db in
                let last = try Row.fetchOne(
                    db, sql: "SELECT sequence, hash, time FROM audit ORDER BY sequence DESC LIMIT 1")
                let lastSequence: Int64 = last?[0] ?? 0
                // Entry times never go backwards, whatever the system clock does: an entry is dated no earlier
                // than the one before it (`audit verify` reports a chain whose times do).
                let time = max(now, last?[2] ?? now)
                guard lastSequence == expected else {
                    throw StepCareError(
                        .storeConflict, "another session changed the caseload since this one read it; \(nothingSaved)",
                        hint: "the caseload has been re-read; check it and run the command again")
                }
                let sequence = lastSequence + 1
                // The rows go in first (the entry's foreign keys are checked at commit), so the digest is taken
                // over the rows exactly as SQLite stored them.
                try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                for (sql, arguments) in Self.rows(change, context: context.rawValue, sequence: sequence) {
                    try db.cachedStatement(sql: sql).execute(arguments: arguments)
                }
                var entry = AuditEntry(
                    sequence: sequence, time: time, user: draft.user, role: draft.role, client: draft.client,
                    action: draft.action, context: context.rawValue, detail: draft.detail,
                    changeDigest: change.isEmpty
                        ? StoredRows.emptyDigest : try StoredRows.digest(db, sequence: sequence),
                    previous: last?[1] ?? AuditEntry.genesis, hash: "")
                entry.hash = entry.expectedHash
                try Self.insert(entry, db)
                return entry
            }
        }
    }

    private func refuseIfReadOnly() throws(StepCareError) {
        guard isReadOnly else { return }
        throw StepCareError(
            .storeReadOnly,
            "\(location) can be read but not written (read-only media, an immutable file, or no write permission); "
                + nothingSaved,
            hint: "reading training records and audit verify work here; recording, and logging in and reading in live "
                + "(which are audited), need a writable caseload: copy it to writable storage and open the copy")
    }

    public func saveClock(_ at: Instant, context: RecordContext) throws(StepCareError) {
        guard context.policy.clockIsSettable, !isReadOnly else { return }
        try run {
            try writer.write { db in
                try db.execute(
                    sql: "INSERT INTO session_clocks (context, at) VALUES (?, ?)",
                    arguments: [context.rawValue, at.minutes])
            }
        }
    }

    /// Appends `entry` to the audit table.
    static func insert(_ entry: AuditEntry, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO audit (sequence, time, user, role, client, action, context, detail, change_digest,
                    previous, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                entry.sequence, entry.time, entry.user, entry.role, entry.client, entry.action, entry.context,
                entry.detail, entry.changeDigest, entry.previous, entry.hash,
            ])
    }

    /// The INSERTs a change needs.
    private static func rows(
        _ change: StoreChange, context: String, sequence: Int64
    ) -> [(String, StatementArguments)] {
        var rows: [(String, StatementArguments)] = []
        for opened in change.openedCases {
            rows.append(
                (
                    "INSERT INTO cases (context, id, pathway, demographics, audit_sequence) VALUES (?, ?, ?, ?, ?)",
                    [context, opened.id, opened.pathway, StoredRows.demographicsText(opened.demographics), sequence]
                ))
        }
        for (caseID, event) in change.events {
            rows.append(
                (
                    "INSERT INTO events (context, case_id, at, kind, detail, entered, audit_sequence) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [
                        context, caseID, Int64(event.at.minutes), EventKindCode.code(event.kind),
                        EventDetailWriter.json(event.kind), sequence, sequence,
                    ]
                ))
        }
        for user in change.users {
            rows.append(
                (
                    "INSERT INTO users (context, name, role, audit_sequence) VALUES (?, ?, ?, ?)",
                    [context, user.name, user.role, sequence]
                ))
        }
        for grant in change.grants {
            rows.append(
                (
                    "INSERT INTO grants (context, user, role, reason, starts, ends, audit_sequence) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [
                        context, grant.user, grant.role, grant.reason, Int64(grant.starts.minutes),
                        Int64(grant.ends.minutes), sequence,
                    ]
                ))
        }
        for member in change.teamMembers {
            rows.append(
                (
                    "INSERT INTO team_members (context, team, user, audit_sequence) VALUES (?, ?, ?, ?)",
                    [context, member.team, member.user, sequence]
                ))
        }
        for change in change.configurations {
            rows.append(
                (
                    "INSERT INTO configuration (context, pathway, version, effective, settings, reason, user, "
                        + "audit_sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        context, change.pathway, change.version, Int64(change.effective.minutes),
                        ConfigurationRecord.json(change.settings), change.reason, change.by, sequence,
                    ]
                ))
        }
        for definition in change.definitions {
            rows.append(
                (
                    "INSERT INTO definitions (context, kind, definition_id, version, body, reason, user, "
                        + "audit_sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        context, definition.kind.rawValue, definition.id, definition.version, definition.body,
                        definition.reason, definition.by, sequence,
                    ]
                ))
        }
        return rows
    }

    /// The configuration changes of `context`, oldest first.
    private static func configurations(_ db: Database, context: RecordContext) throws -> [ConfigurationChange] {
        try Row.fetchAll(
            db,
            sql: "SELECT pathway, version, effective, settings, reason, user FROM configuration WHERE context = ? "
                + "ORDER BY id", arguments: [context.rawValue]
        ).map { row in
            let version: Int = row[1]
            let settings: [ConfigurationSetting]
            do throws(SchemaError) { settings = try ConfigurationRecord.settings(row[3]) } catch {
                throw StepCareError(
                    .storeCorrupt, "configuration version \(version) cannot be read: \(error.description)",
                    hint: "check the caseload with: audit verify")
            }
            return ConfigurationChange(
                pathway: row[0], version: version, effective: Instant(minutes: row[2]), settings: settings,
                reason: row[4], by: row[5])
        }
    }

    public func head() throws(StepCareError) -> AuditAnchor? {
        try run {
            try writer.read { db in
                try Row.fetchOne(db, sql: "SELECT sequence, hash FROM audit ORDER BY sequence DESC LIMIT 1").map {
                    AuditAnchor(sequence: $0[0], hash: $0[1])
                }
            }
        }
    }

    public func auditEntries(_ filter: AuditFilter) throws(StepCareError) -> [AuditEntry] {
        try run {
            try writer.read { db in
                var byClient = filter
                var touching: Set<Int64> = []
                if let client = filter.client {
                    // Entries that wrote rows for the client count too (an import or a batch of scores).
                    byClient.client = nil
                    touching = Set(
                        try Int64.fetchAll(
                            db,
                            sql: "SELECT audit_sequence FROM events WHERE case_id = ? "
                                + "UNION SELECT audit_sequence FROM cases WHERE id = ?", arguments: [client, client]))
                }
                return try Self.entries(db).filter { entry in
                    byClient.matches(entry)
                        && (filter.client == nil || entry.client == filter.client || touching.contains(entry.sequence))
                }
            }
        }
    }

    public func verify(anchor: AuditAnchor?) throws(StepCareError) -> AuditReport {
        try run {
            try writer.read { db in
                let entries = try Self.entries(db)
                var problems = AuditChain.verify(entries, digests: try StoredRows.digests(db), anchor: anchor)
                var triggers: [String: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'") {
                    triggers[row[0]] = row[1]
                }
                if triggers != Schema.triggers {
                    let changed = Set(triggers.keys).symmetricDifference(Schema.triggers.keys).union(
                        triggers.keys.filter { triggers[$0] != Schema.triggers[$0] && Schema.triggers[$0] != nil })
                    problems.append(
                        AuditProblem(
                            sequence: nil,
                            message:
                                "the database's triggers were changed (\(changed.sorted().joined(separator: ", "))): "
                                + "the tables may no longer be protected against UPDATE and DELETE"))
                }
                if let migration = try Schema.migrationEntry(db) {
                    problems += try RecordSchemaMigration.check(db, migration: migration)
                }
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
                let head = entries.last.map { AuditAnchor(sequence: $0.sequence, hash: $0.hash) }
                return AuditReport(entries: entries.count, head: head, integrity: integrity, problems: problems)
            }
        }
    }

    /// The change digest of every audit entry, recomputed from the rows stored (what `verify` compares).
    public func recordDigests() throws(StepCareError) -> [Int64: String] {
        try run { try writer.read { db in try StoredRows.digests(db) } }
    }

    static func entries(_ db: Database) throws -> [AuditEntry] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT sequence, time, user, role, client, action, context, detail, change_digest, previous, hash
                FROM audit ORDER BY rowid
                """
        ).map { row in
            AuditEntry(
                sequence: row[0], time: row[1], user: row[2], role: row[3], client: row[4], action: row[5],
                context: row[6], detail: row[7], changeDigest: row[8], previous: row[9], hash: row[10])
        }
    }

    /// Runs a database operation, turning SQLite's errors into messages that say what happened and that
    /// nothing was saved.
    private func run<T>(_ body: () throws -> T) throws(StepCareError) -> T {
        do {
            return try body()
        } catch let error as StepCareError {
            throw error
        } catch {
            throw Self.translate(error, location: location)
        }
    }

    static func translate(_ error: any Error, location: StoreLocation) -> StepCareError {
        guard let error = error as? DatabaseError else {
            return StepCareError(
                .storeCorrupt, "\(location) could not be read as a StepCare caseload; \(nothingSaved)",
                hint: "restore the file from a backup, or give --db a new file name")
        }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StepCareError(
                .storeLocked, "\(location) is locked by another StepCare session; \(nothingSaved)",
                hint: "wait for the other session to finish its command, then run this one again")
        case .SQLITE_FULL:
            return StepCareError(
                .storeFull, "the disk holding \(location) is full; \(nothingSaved)",
                hint: "free some space, then run the command again")
        case .SQLITE_CANTOPEN:
            return StepCareError(
                .storeIO,
                "\(location) cannot be opened (the file, its folder or the files beside it are not "
                    + "accessible); \(nothingSaved)",
                hint: "check the path, and that the file and its folder can be read by you")
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return StepCareError(
                .storeCorrupt, "\(location) is not a readable SQLite database (damaged, or another kind of file)",
                hint: "restore it from a backup, or give --db a new file name; StepCare will not overwrite it")
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            return StepCareError(
                .storePermissions, "\(location) cannot be written; \(nothingSaved)",
                hint: "check the file and its folder are writable by you")
        default:
            return StepCareError(
                .storeIO,
                "the database refused the operation (SQLite code \(error.resultCode.rawValue)); \(nothingSaved)",
                hint: "check the disk and the file, then run the command again; audit verify checks the records")
        }
    }
}
