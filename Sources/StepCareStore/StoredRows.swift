import Foundation
import GRDB
import StepCareCore
import StepCareJSON
import StepCareRecord

/// How rows become the canonical bytes of an audit entry's change digest.
///
/// Record schema 2 (every entry written since the v2 migration): the digest covers every column of every row
/// the entry wrote, row ids included, each value tagged with its SQLite storage class, in table order (cases,
/// events, users, grants) and id order within a table. So reordering events, changing a value's stored type or
/// moving a row between entries all change it. Entries written before the migration keep the v1 rules they
/// were written under (``LegacyDigest``); the migration's own entry covers, under v2 rules, every row written
/// before it, so v1-era rows are held to the stricter rules from then on.
enum StoredRows {
    /// The digest of a change that wrote no rows (a login, an export).
    static let emptyDigest = SHA256.hex(SHA256.hash([UInt8]()))

    /// The tables an entry can write, each with its columns in digest order.
    static let tables: [(name: String, columns: [String])] = [
        ("cases", ["rowid", "context", "id", "pathway", "demographics", "audit_sequence"]),
        ("events", ["id", "context", "case_id", "at", "kind", "detail", "entered", "audit_sequence"]),
        ("users", ["rowid", "context", "name", "role", "audit_sequence"]),
        ("grants", ["id", "context", "user", "role", "reason", "starts", "ends", "audit_sequence"]),
        ("team_members", ["id", "context", "team", "user", "audit_sequence"]),
        (
            "configuration",
            ["id", "context", "pathway", "version", "effective", "settings", "reason", "user", "audit_sequence"]
        ),
        (
            "definitions",
            ["id", "context", "kind", "definition_id", "version", "body", "reason", "user", "audit_sequence"]
        ),
    ]

    /// The digest of the rows written by entry `sequence`.
    static func digest(_ db: Database, sequence: Int64) throws -> String {
        var bytes = Canonical()
        for table in tables { try append(db, table: table, whereClause: "audit_sequence = ?", sequence, to: &bytes) }
        return SHA256.hex(SHA256.hash(bytes.bytes))
    }

    /// Recomputes the change digest of every audit entry from the rows stored.
    static func digests(_ db: Database) throws -> [Int64: String] {
        let migration = try Schema.migrationEntry(db)
        var bytesByEntry: [Int64: Canonical] = [:]
        for table in tables where try db.tableExists(table.name) {
            let columns = table.columns.joined(separator: ", ")
            let order = table.columns[0]
            let cursor = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM \(table.name) ORDER BY \(order)")
            while let row = try cursor.next() {
                let sequence: Int64 = row[table.columns.count - 1]
                if let migration, sequence < migration { continue }
                append(row, table: table.name, to: &bytesByEntry[sequence, default: Canonical()])
            }
        }
        var digests = bytesByEntry.mapValues { SHA256.hex(SHA256.hash($0.bytes)) }
        if let migration {
            for (sequence, digest) in try LegacyDigest.digests(db, before: migration) { digests[sequence] = digest }
            digests[migration] = try migrationDigest(db, sequence: migration)
        }
        return digests
    }

    /// The migration entry's digest: every row written before it (v2 rules) and the events it rewrote.
    static func migrationDigest(_ db: Database, sequence: Int64) throws -> String {
        var bytes = Canonical()
        for table in tables {
            let clause = table.name == "events" ? "audit_sequence = ?" : "audit_sequence < ?"
            try append(db, table: table, whereClause: clause, sequence, to: &bytes)
        }
        return SHA256.hex(SHA256.hash(bytes.bytes))
    }

    private static func append(
        _ db: Database, table: (name: String, columns: [String]), whereClause: String, _ sequence: Int64,
        to bytes: inout Canonical
    ) throws {
        // A table a later migration adds has no rows in entries written before it existed.
        guard try db.tableExists(table.name) else { return }
        let cursor = try Row.fetchCursor(
            db,
            sql: "SELECT \(table.columns.joined(separator: ", ")) FROM \(table.name) WHERE \(whereClause) "
                + "ORDER BY \(table.columns[0])", arguments: [sequence])
        while let row = try cursor.next() { append(row, table: table.name, to: &bytes) }
    }

    private static func append(_ row: Row, table: String, to bytes: inout Canonical) {
        bytes.text(table)
        for value in row.databaseValues { bytes.stored(value) }
    }

    static func demographicsText(_ demographics: [String: String]) -> String? {
        guard !demographics.isEmpty else { return nil }
        var writer = JSONWriter()
        writer.beginObject()
        for key in demographics.keys.sorted() { writer.string(key, demographics[key] ?? "") }
        writer.endObject()
        return writer.text
    }

    /// Reads a stored demographics object: text values only.
    static func demographics(_ text: String?) throws(SchemaError) -> [String: String] {
        guard let text else { return [:] }
        var scanner = JSONScanner(text)
        var fields: [String: String] = [:]
        do {
            try scanner.beginObject()
            while let key = try scanner.nextKey() { fields[key] = try scanner.string() }
            try scanner.end()
        } catch {
            throw SchemaError(field: "/demographics", error)
        }
        return fields
    }
}
