import GRDB

/// The change-digest rules of record schema 1, kept to verify the entries written before the v2 migration.
///
/// These rules read values through GRDB's conversions and leave out row ids, so on their own they miss a
/// swapped event order or an integer stored as a real; the migration entry closes that by covering the same
/// rows under the v2 rules, and `audit verify` checks the archived v1 events against their v2 copies.
enum LegacyDigest {
    /// The v1 digest of every entry before `migration`, from `events_v1` and the other tables' early rows.
    static func digests(_ db: Database, before migration: Int64) throws -> [Int64: String] {
        var rows: [Int64: Canonical] = [:]
        func add(_ sequence: Int64, _ body: (inout Canonical) -> Void) { body(&rows[sequence, default: Canonical()]) }
        for row in try Row.fetchAll(
            db,
            sql: "SELECT context, id, pathway, demographics, audit_sequence FROM cases WHERE audit_sequence < ? "
                + "ORDER BY rowid", arguments: [migration])
        {
            let sequence: Int64 = row[4]
            add(sequence) { bytes in
                bytes.text("case")
                bytes.text(row[0] as String)
                bytes.text(row[1])
                bytes.text(row[2])
                bytes.optionalText(row[3])
                bytes.integer(sequence)
            }
        }
        for row in try Row.fetchAll(
            db, sql: "SELECT context, case_id, at, kind, body, audit_sequence FROM events_v1 ORDER BY id")
        {
            let sequence: Int64 = row[5]
            add(sequence) { bytes in
                bytes.text("event")
                bytes.text(row[0] as String)
                bytes.text(row[1])
                bytes.integer(row[2])
                bytes.text(row[3])
                bytes.text(row[4])
                bytes.integer(sequence)
            }
        }
        for row in try Row.fetchAll(
            db, sql: "SELECT context, name, role, audit_sequence FROM users WHERE audit_sequence < ? ORDER BY rowid",
            arguments: [migration])
        {
            let sequence: Int64 = row[3]
            add(sequence) { bytes in
                bytes.text("user")
                bytes.text(row[0] as String)
                bytes.text(row[1])
                bytes.text(row[2])
                bytes.integer(sequence)
            }
        }
        for row in try Row.fetchAll(
            db,
            sql: "SELECT context, user, role, reason, starts, ends, audit_sequence FROM grants "
                + "WHERE audit_sequence < ? ORDER BY id", arguments: [migration])
        {
            let sequence: Int64 = row[6]
            add(sequence) { bytes in
                bytes.text("grant")
                for index in 0..<4 { bytes.text(row[index]) }
                bytes.integer(row[4])
                bytes.integer(row[5])
                bytes.integer(sequence)
            }
        }
        return rows.mapValues { SHA256.hex(SHA256.hash($0.bytes)) }
    }
}
