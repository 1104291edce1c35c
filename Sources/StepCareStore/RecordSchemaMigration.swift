import GRDB
import StepCareCore
import StepCareRecord

/// Upgrades a caseload from record schema 1 to 2 inside the migration's one transaction.
///
/// The v1 events are kept, unchanged, as the archive `events_v1`, so every entry written before the upgrade
/// still verifies against the bytes it was written with. Each is rewritten into the new `events` table in the
/// documented JSON with the same id, naming the entry that first entered it; one audit entry records the
/// upgrade, and its digest covers, under the v2 rules, the rewritten events and every other row written
/// before it. A log that does not verify is not upgraded.
enum RecordSchemaMigration {
    static func run(_ db: Database, time: Int64) throws {
        for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'") {
            try db.execute(sql: "DROP TRIGGER \"\(name)\"")
        }
        try db.execute(
            sql: "ALTER TABLE events RENAME TO events_v1; DROP INDEX events_case; DROP INDEX events_audit")
        try db.execute(sql: Schema.version2Events)
        for name in Schema.version2Triggers.keys.sorted() { try db.execute(sql: Schema.version2Triggers[name] ?? "") }
        let entries = try SQLiteCaseloadStore.entries(db)
        guard let last = entries.last else { return }
        let problems = AuditChain.verify(
            entries, digests: try LegacyDigest.digests(db, before: .max), anchor: nil)
        guard problems.isEmpty else {
            throw StepCareError(
                .storeTampered,
                "the audit log does not verify (\(problems.count) problem(s), first: entry "
                    + "\(problems[0].sequence.map(String.init) ?? "-") \(problems[0].message)); the caseload was "
                    + "not upgraded to record schema 2",
                hint: "run audit verify with the StepCare that wrote it, and restore the file from a backup")
        }
        let sequence = last.sequence + 1
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        var count = 0
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, context, case_id, at, kind, body, audit_sequence FROM events_v1 ORDER BY id")
        while let row = try rows.next() {
            let id: Int64 = row[0]
            let event: CaseEvent
            do { event = try LegacyEventReader.event(row[5] as String) } catch {
                throw StepCareError(
                    .storeCorrupt, "event \(id) cannot be read as record schema 1 (\(error.field)); not upgraded",
                    hint: "restore the file from a backup")
            }
            let kind = EventKindCode.code(event.kind)
            guard Int64(event.at.minutes) == row[3] as Int64, kind == row[4] as String else {
                throw StepCareError(
                    .storeCorrupt, "event \(id)'s columns disagree with its body; not upgraded",
                    hint: "restore the file from a backup")
            }
            try db.execute(
                sql: "INSERT INTO events (id, context, case_id, at, kind, detail, entered, audit_sequence) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    id, row[1] as String, row[2] as String, row[3] as Int64, kind, EventDetailWriter.json(event.kind),
                    row[6] as Int64, sequence,
                ])
            count += 1
        }
        var entry = AuditEntry(
            sequence: sequence, time: time, user: "stepcare", role: "system", client: nil,
            action: Schema.migrationAction, context: RecordContext.live.rawValue,
            detail: "\(count) event(s) rewritten in record schema 2; v1 rows kept in events_v1",
            changeDigest: try StoredRows.migrationDigest(db, sequence: sequence), previous: last.hash, hash: "")
        entry.hash = entry.expectedHash
        try SQLiteCaseloadStore.insert(entry, db)
    }

    /// Problems with the rewritten events: each must be its archived v1 event in the documented JSON.
    static func check(_ db: Database, migration: Int64) throws -> [AuditProblem] {
        let archived = try Row.fetchAll(
            db, sql: "SELECT id, context, case_id, at, body, audit_sequence FROM events_v1 ORDER BY id")
        let rewritten = try Row.fetchAll(
            db,
            sql: "SELECT id, context, case_id, at, kind, detail, entered FROM events WHERE audit_sequence = ? "
                + "ORDER BY id", arguments: [migration])
        guard archived.count == rewritten.count else {
            return [
                AuditProblem(
                    sequence: migration,
                    message: "rewrote \(rewritten.count) event(s), but \(archived.count) are archived")
            ]
        }
        var problems: [AuditProblem] = []
        for (old, new) in zip(archived, rewritten) {
            let event = try? LegacyEventReader.event(old[4] as String)
            let same =
                old[0] as Int64 == new[0] as Int64 && old[1] as String == new[1] as String
                && old[2] as String == new[2] as String && old[3] as Int64 == new[3] as Int64
                && old[5] as Int64 == new[6] as Int64
                && event.map { EventKindCode.code($0.kind) } == .some(new[4] as String)
                && event.map { EventDetailWriter.json($0.kind) } == .some(new[5] as String)
            if !same {
                problems.append(
                    AuditProblem(
                        sequence: migration,
                        message: "event \(new[0] as Int64) is not the archived v1 event it rewrote"))
            }
        }
        return problems
    }
}
