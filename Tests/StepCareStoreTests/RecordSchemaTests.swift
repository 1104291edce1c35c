import Foundation
import GRDB
import StepCareCore
import StepCareEngine
import StepCareRecord
import StepCareStore
import StepCareTesting
import Testing

/// Record schema 2 in the store: a caseload written by the v1 release migrates in one transaction and still
/// verifies, a tampered one is not migrated, and the integrity holes v1 left open are each now reported.
@Suite struct RecordSchemaTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let root = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let clock: @Sendable () -> Int64 = { 1_796_600_000 }

    /// The v1 fixture (written by the release before record schema 2) as a private database file.
    static func v1Caseload(in folder: ScratchFolder, tamper: String? = nil) throws -> String {
        let path = folder.path + "/v1.sqlite"
        let sql = try String(contentsOf: fixtures.appendingPathComponent("caseload-v1.sql"), encoding: .utf8)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: sql)
            if let tamper { try TriggerFreeAttack.apply(tamper, db) }
        }
        try queue.close()
        chmod(path, 0o600)
        return path
    }

    @Test func aV1CaseloadMigratesInOneEntryAndVerifiesUnderTheAnchorItHadBefore() throws {
        let folder = try ScratchFolder()
        let path = try Self.v1Caseload(in: folder)
        let before = try DatabaseQueue(path: path).read { db in
            (
                try Row.fetchOne(db, sql: "SELECT sequence, hash FROM audit ORDER BY sequence DESC LIMIT 1"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0
            )
        }
        let v1Head = try #require(before.0)
        let store = try SQLiteCaseloadStore(.file(path), clock: Self.clock)
        let report = try store.verify(anchor: AuditAnchor(sequence: v1Head[0], hash: v1Head[1]))
        #expect(report.isIntact, "\(report.problems)")
        let migration = try #require(try store.auditEntries(AuditFilter(action: "migrate record-schema-2")).first)
        #expect(migration.sequence == v1Head[0] as Int64 + 1)
        #expect(migration.detail.hasPrefix("\(before.1) event(s) rewritten"))

        // The whole migrated caseload, exported, is pinned: every v1 shape's v2 form, ids and who entered each.
        let lines = try store.records(.training, cases: nil).map(\.line)
        let golden = Self.fixtures.appendingPathComponent("caseload-v1-migrated.jsonl")
        if ProcessInfo.processInfo.environment["STEPCARE_UPDATE_GOLDEN"] == "1" {
            try (lines.joined(separator: "\n") + "\n").write(to: golden, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOf: golden, encoding: .utf8) == lines.joined(separator: "\n") + "\n")
        #expect(
            try SchemaValidation.problems(lines, schema: "schema/stepcare-case-2.schema.json", root: Self.root) == [])
        #expect(lines.map { $0.components(separatedBy: "\"kind\":").count - 1 }.reduce(0, +) == before.1)

        // The caseload reads back the same through the store as through the export.
        let loaded = try store.load(.training)
        for line in lines {
            let record = try CaseRecord(line: line)
            #expect(loaded.caseload.cases[record.id] == record.timeline)
        }

        // A second open migrates nothing more, and new records are written under v2 and verify.
        let reopened = try SQLiteCaseloadStore(.file(path), clock: Self.clock)
        #expect(try reopened.auditEntries(AuditFilter(action: "migrate record-schema-2")).count == 1)
    }

    @Test func aV1CaseloadWhoseLogDoesNotVerifyIsNotMigrated() throws {
        let folder = try ScratchFolder()
        let path = try Self.v1Caseload(
            in: folder, tamper: "UPDATE events SET body = replace(body, '\"_0\":1}}]', '\"_0\":0}}]') WHERE id = 2")
        do {
            _ = try SQLiteCaseloadStore(.file(path), clock: Self.clock)
            Issue.record("a tampered v1 caseload was migrated")
        } catch {
            #expect(error.code == .storeTampered, "\(error)")
            #expect(error.message.contains("not upgraded"))
        }
        let state = try DatabaseQueue(path: path).read { db in
            (
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
                try db.columns(in: "events").map(\.name),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM audit")
            )
        }
        #expect(state.0.count == 1, "the migration was rolled back")
        #expect(state.1.contains("body"))
        #expect(state.2 == 57)
    }

    /// Attacks on a migrated caseload: on the archived v1 rows, the rewritten rows, and the moved boundary.
    @Test(arguments: [
        "UPDATE events_v1 SET body = replace(body, 'tier-1', 'tier-2') WHERE id = 1",
        "UPDATE events SET detail = replace(detail, '\"value\":2', '\"value\":0') WHERE id = 2",
        "UPDATE events SET entered = entered + 1 WHERE id = 3",
        "UPDATE events_v1 SET id = -12 WHERE id = 12; UPDATE events_v1 SET id = 12 WHERE id = 13; UPDATE events_v1 SET id = 13 WHERE id = -12",
        "UPDATE events SET id = -12 WHERE id = 12; UPDATE events SET id = 12 WHERE id = 13; UPDATE events SET id = 13 WHERE id = -12",
        "UPDATE cases SET demographics = NULL WHERE id = 'C001'",
    ])
    func tamperingAfterTheMigrationIsReported(attack: String) throws {
        let folder = try ScratchFolder()
        let path = try Self.v1Caseload(in: folder)
        let store = try SQLiteCaseloadStore(.file(path), clock: Self.clock)
        let anchor = try #require(try store.verify(anchor: nil).head)
        try DatabaseQueue(path: path).writeWithoutTransaction { db in try TriggerFreeAttack.apply(attack, db) }
        #expect(!(try store.verify(anchor: anchor)).isIntact, "not detected: \(attack)")
    }

    /// The three store holes of record schema 1, reproduced on a caseload written today.
    @Test(arguments: [
        // Swapping two events' ids reorders the timeline: the risk review moves before the flag it cleared.
        "UPDATE events SET id = -2 WHERE id = 2; UPDATE events SET id = 2 WHERE id = 3; UPDATE events SET id = 3 WHERE id = -2",
        // A time stored as a nearby real number.
        "UPDATE events SET at = at + 0.25 WHERE id = 2",
        // Same-named triggers that no longer stop anything.
        "DROP TRIGGER events_no_update; CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT 1; END",
    ])
    func theV1IntegrityHolesAreClosed(attack: String) throws {
        let session = try StoreSession()
        try session.run(
            """
            user add raj --role clinical-lead
            login raj
            user add ana --role clinician
            case new C001
            record score phq9 1 1 1 1 0 0 0 0 1
            as ana record review risk
            as ana place
            """)
        let anchor = try #require(try session.store.verify(anchor: nil).head)
        try DatabaseQueue(path: session.path).writeWithoutTransaction { db in
            if attack.hasPrefix("DROP TRIGGER") {
                try db.execute(sql: attack)
            } else {
                try TriggerFreeAttack.apply(attack, db)
            }
        }
        let report = try session.store.verify(anchor: anchor)
        #expect(!report.isIntact, "not detected: \(attack)")
    }
}

/// An attacker who can write the file: drops every trigger, runs the attack, and puts the triggers back as
/// they were, so only the digests and the chain can give it away.
enum TriggerFreeAttack {
    static func apply(_ attack: String, _ db: Database) throws {
        let triggers = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        for trigger in triggers { try db.execute(sql: "DROP TRIGGER \(trigger["name"] as String)") }
        try db.execute(sql: attack)
        guard db.changesCount > 0 else { throw AttackChangedNothing(attack: attack) }
        for trigger in triggers { try db.execute(sql: trigger["sql"] as String) }
    }

    struct AttackChangedNothing: Error { let attack: String }
}
