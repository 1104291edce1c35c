import GRDB

/// The caseload's schema as named, append-only migrations: a released migration is never edited, only followed.
enum Schema {
    /// `PRAGMA application_id` of a StepCare caseload ("StpC"), so a foreign SQLite file is recognised.
    static let applicationID: Int32 = 0x5374_7043

    /// The triggers that make every table append-only; `audit verify` checks no more and no fewer exist.
    static let triggers = Set(tables.flatMap { ["\($0)_no_update", "\($0)_no_delete"] })

    private static let tables = ["audit", "cases", "events", "users", "grants"]

    /// The migrations this build knows, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("2026-11-22 caseload, users, grants and audit log") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: version1)
        }
        return migrator
    }

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
        """ + tables.map(appendOnly).joined()

    private static func appendOnly(_ table: String) -> String {
        """
        CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
            BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END;
        CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
            BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END;

        """
    }
}
