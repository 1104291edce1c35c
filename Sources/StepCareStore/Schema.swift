import GRDB
import StepCareCore

/// The caseload's schema as named, append-only migrations: a released migration is never edited, only followed.
enum Schema {
    /// `PRAGMA application_id` of a StepCare caseload ("StpC"), so a foreign SQLite file is recognised.
    static let applicationID: Int32 = 0x5374_7043

    /// The audit action of the entry the record-schema-2 migration writes.
    static let migrationAction = "migrate record-schema-2"

    /// Every trigger the schema makes, by name, with the exact SQL SQLite keeps for it; `audit verify` checks
    /// no more, no fewer and no different ones exist.
    static let triggers: [String: String] = version2Triggers.merging(appendOnly("team_members")) { $1 }
        .merging(appendOnly("configuration")) { $1 }.merging(appendOnly("definitions")) { $1 }
        .merging(appendOnly("session_clocks")) { $1 }

    /// The triggers of record schema 2 as the 2026-12-06 migration made them (before team membership).
    static let version2Triggers: [String: String] = {
        var triggers: [String: String] = [:]
        for table in ["audit", "cases", "users", "grants"] { triggers.merge(appendOnly(table)) { $1 } }
        triggers.merge(appendOnly("events")) { $1 }
        triggers.merge(appendOnly("events_v1")) { $1 }
        triggers["events_v1_no_insert"] = archiveClosed
        return triggers
    }()

    /// The migrations this build knows, in order.
    ///
    /// - Parameter clock: seconds since 1970 UTC, for the migration's audit entry.
    static func migrator(clock: @escaping @Sendable () -> Int64) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("2026-11-22 caseload, users, grants and audit log") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(
                sql: version1 + ["audit", "cases", "events", "users", "grants"].map(version1AppendOnly).joined())
        }
        migrator.registerMigration("2026-12-06 record schema 2") { db in
            try RecordSchemaMigration.run(db, time: clock())
        }
        migrator.registerMigration("2026-12-07 teams") { db in
            try db.execute(sql: teams)
            for (_, sql) in appendOnly("team_members").sorted(by: { $0.key < $1.key }) { try db.execute(sql: sql) }
        }
        migrator.registerMigration("2026-12-07 service configuration") { db in
            try db.execute(sql: configuration)
            for (_, sql) in appendOnly("configuration").sorted(by: { $0.key < $1.key }) { try db.execute(sql: sql) }
        }
        migrator.registerMigration("2026-12-07 pathway and instrument definitions") { db in
            try db.execute(sql: definitions)
            for (_, sql) in appendOnly("definitions").sorted(by: { $0.key < $1.key }) { try db.execute(sql: sql) }
        }
        migrator.registerMigration("2026-12-07 session clocks") { db in
            try db.execute(sql: sessionClocks)
            for (_, sql) in appendOnly("session_clocks").sorted(by: { $0.key < $1.key }) { try db.execute(sql: sql) }
        }
        return migrator
    }

    /// The sequence of the record-schema-2 migration's audit entry, when the caseload had records to migrate.
    static func migrationEntry(_ db: Database) throws -> Int64? {
        try Int64.fetchOne(
            db, sql: "SELECT min(sequence) FROM audit WHERE action = ?", arguments: [migrationAction])
    }

    /// Team membership: a row with no user creates the team; a row with one puts the user in it.
    private static let teams = """
        CREATE TABLE team_members (
            id INTEGER PRIMARY KEY,
            context TEXT NOT NULL CHECK (context IN ('live', 'training', 'simulation')),
            team TEXT NOT NULL,
            user TEXT,
            audit_sequence INTEGER NOT NULL REFERENCES audit(sequence),
            FOREIGN KEY (context, user) REFERENCES users(context, name)
        );
        """

    /// A service's configuration changes: versioned per pathway, each with its settings (``ConfigurationRecord``
    /// JSON), effective time (minutes since 1970 UTC), reason and author.
    private static let configuration = """
        CREATE TABLE configuration (
            id INTEGER PRIMARY KEY,
            context TEXT NOT NULL CHECK (context IN ('live', 'training', 'simulation')),
            pathway TEXT NOT NULL,
            version INTEGER NOT NULL CHECK (version > 0),
            effective INTEGER NOT NULL,
            settings TEXT NOT NULL,
            reason TEXT NOT NULL,
            user TEXT NOT NULL,
            audit_sequence INTEGER NOT NULL REFERENCES audit(sequence),
            UNIQUE (context, pathway, version)
        );
        """

    /// Where training and simulation sessions set their clock (minutes since 1970 UTC), newest last: session
    /// state, so no audit entry and no live rows.
    private static let sessionClocks = """
        CREATE TABLE session_clocks (
            id INTEGER PRIMARY KEY,
            context TEXT NOT NULL CHECK (context IN ('training', 'simulation')),
            at INTEGER NOT NULL
        );
        """

    /// Pathway and instrument definitions kept in the caseload: each file as given, versioned per kind and id.
    private static let definitions = """
        CREATE TABLE definitions (
            id INTEGER PRIMARY KEY,
            context TEXT NOT NULL CHECK (context IN ('live', 'training', 'simulation')),
            kind TEXT NOT NULL CHECK (kind IN ('pathway', 'instrument')),
            definition_id TEXT NOT NULL,
            version INTEGER NOT NULL CHECK (version > 0),
            body TEXT NOT NULL,
            reason TEXT NOT NULL,
            user TEXT NOT NULL,
            audit_sequence INTEGER NOT NULL REFERENCES audit(sequence),
            UNIQUE (context, kind, definition_id, version)
        );
        """

    /// Every table carries the audit entry that wrote its row; no table allows UPDATE or DELETE.
    private static let version1 = """
        CREATE TABLE audit (
            sequence INTEGER PRIMARY KEY,
            time INTEGER NOT NULL,
            user TEXT NOT NULL,
            role TEXT NOT NULL,
            client TEXT,
            action TEXT NOT NULL,
            context TEXT NOT NULL CHECK (context IN ('live', 'training', 'simulation')),
            detail TEXT NOT NULL,
            change_digest TEXT NOT NULL,
            previous TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX audit_client ON audit(client);
        CREATE TABLE cases (
            context TEXT NOT NULL CHECK (context IN ('live', 'training', 'simulation')),
            id TEXT NOT NULL,
            pathway TEXT NOT NULL,
            demographics TEXT,
            audit_sequence INTEGER NOT NULL REFERENCES audit(sequence),
            PRIMARY KEY (context, id)
        );
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            context TEXT NOT NULL,
            case_id TEXT NOT NULL,
            at INTEGER NOT NULL,
            kind TEXT NOT NULL,
            body TEXT NOT NULL,
            audit_sequence INTEGER NOT NULL REFERENCES audit(sequence),
            FOREIGN KEY (context, case_id) REFERENCES cases(context, id)
        );
        CREATE INDEX events_case ON events(context, case_id);
        CREATE INDEX events_audit ON events(audit_sequence);
        CREATE TABLE users (
            context TEXT NOT NULL CHECK (context IN ('live', 'training', 'simulation')),
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            audit_sequence INTEGER NOT NULL REFERENCES audit(sequence),
            PRIMARY KEY (context, name)
        );
        CREATE TABLE grants (
            id INTEGER PRIMARY KEY,
            context TEXT NOT NULL,
            user TEXT NOT NULL,
            role TEXT NOT NULL,
            reason TEXT NOT NULL,
            starts INTEGER NOT NULL,
            ends INTEGER NOT NULL,
            audit_sequence INTEGER NOT NULL REFERENCES audit(sequence),
            FOREIGN KEY (context, user) REFERENCES users(context, name)
        );
        """

    /// Record schema 2's events: the detail in the documented JSON, the entry that first entered the event
    /// (`entered`) beside the entry that wrote this row (`audit_sequence`; they differ only for rows the
    /// migration rewrote).
    static let version2Events = """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            context TEXT NOT NULL CHECK (context IN ('live', 'training', 'simulation')),
            case_id TEXT NOT NULL,
            at INTEGER NOT NULL,
            kind TEXT NOT NULL,
            detail TEXT NOT NULL,
            entered INTEGER NOT NULL REFERENCES audit(sequence),
            audit_sequence INTEGER NOT NULL REFERENCES audit(sequence),
            FOREIGN KEY (context, case_id) REFERENCES cases(context, id)
        );
        CREATE INDEX events_by_case ON events(context, case_id);
        CREATE INDEX events_by_audit ON events(audit_sequence);
        CREATE INDEX events_v1_by_audit ON events_v1(audit_sequence);
        """

    /// The archived v1 events take no new rows.
    static let archiveClosed =
        "CREATE TRIGGER events_v1_no_insert BEFORE INSERT ON events_v1 "
        + "BEGIN SELECT RAISE(ABORT, 'events_v1 is an archive'); END"

    /// Schema 1's triggers, as that release wrote them (the v2 migration replaces them).
    private static func version1AppendOnly(_ table: String) -> String {
        """
        CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
            BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END;
        CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
            BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END;

        """
    }

    /// The two triggers that make `table` append-only, by name.
    static func appendOnly(_ table: String) -> [String: String] {
        [
            "\(table)_no_update": "CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table) "
                + "BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END",
            "\(table)_no_delete": "CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table) "
                + "BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END",
        ]
    }
}
