import Foundation
import GRDB
import StepCareCore

/// How rows are turned into text for storage and into canonical bytes for the audit digest.
///
/// The digest of an audit entry covers every row it wrote, in table order (cases, events, users, grants) and
/// insertion order within a table, so `audit verify` proves the records as well as the log.
enum StoredRows {
    /// The digest of a change that wrote no rows (a login, an export).
    static let emptyDigest = SHA256.hex(SHA256.hash([UInt8]()))

    /// One encoder for every row: its settings never change after this.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func json(_ value: some Encodable) -> String {
        // Encoding plain value types to JSON cannot fail.
        guard let data = try? encoder.encode(value) else { preconditionFailure("unencodable value") }
        return String(decoding: data, as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    static func demographicsText(_ demographics: [String: String]) -> String? {
        demographics.isEmpty ? nil : json(demographics)
    }

    static func caseRow(
        _ bytes: inout Canonical, context: String, id: String, pathway: String, demographics: String?, sequence: Int64
    ) {
        bytes.text("case")
        bytes.text(context)
        bytes.text(id)
        bytes.text(pathway)
        bytes.optionalText(demographics)
        bytes.integer(sequence)
    }

    static func eventRow(
        _ bytes: inout Canonical, context: String, caseID: String, at: Int64, kind: String, body: String,
        sequence: Int64
    ) {
        bytes.text("event")
        bytes.text(context)
        bytes.text(caseID)
        bytes.integer(at)
        bytes.text(kind)
        bytes.text(body)
        bytes.integer(sequence)
    }

    static func userRow(_ bytes: inout Canonical, context: String, name: String, role: String, sequence: Int64) {
        bytes.text("user")
        bytes.text(context)
        bytes.text(name)
        bytes.text(role)
        bytes.integer(sequence)
    }

    static func grantRow(
        _ bytes: inout Canonical, context: String, user: String, role: String, reason: String, starts: Int64,
        ends: Int64, sequence: Int64
    ) {
        bytes.text("grant")
        bytes.text(context)
        bytes.text(user)
        bytes.text(role)
        bytes.text(reason)
        bytes.integer(starts)
        bytes.integer(ends)
        bytes.integer(sequence)
    }

    /// Recomputes the change digest of every audit entry from the rows stored.
    static func digests(_ db: Database) throws -> [Int64: String] {
        var rows: [Int64: Canonical] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT context, id, pathway, demographics, audit_sequence FROM cases ORDER BY rowid")
        {
            let sequence: Int64 = row[4]
            caseRow(
                &rows[sequence, default: Canonical()], context: row[0], id: row[1], pathway: row[2],
                demographics: row[3], sequence: sequence)
        }
        for row in try Row.fetchAll(
            db, sql: "SELECT context, case_id, at, kind, body, audit_sequence FROM events ORDER BY id")
        {
            let sequence: Int64 = row[5]
            eventRow(
                &rows[sequence, default: Canonical()], context: row[0], caseID: row[1], at: row[2], kind: row[3],
                body: row[4], sequence: sequence)
        }
        for row in try Row.fetchAll(db, sql: "SELECT context, name, role, audit_sequence FROM users ORDER BY rowid") {
            let sequence: Int64 = row[3]
            userRow(
                &rows[sequence, default: Canonical()], context: row[0], name: row[1], role: row[2], sequence: sequence)
        }
        for row in try Row.fetchAll(
            db, sql: "SELECT context, user, role, reason, starts, ends, audit_sequence FROM grants ORDER BY id")
        {
            let sequence: Int64 = row[6]
            grantRow(
                &rows[sequence, default: Canonical()], context: row[0], user: row[1], role: row[2], reason: row[3],
                starts: row[4], ends: row[5], sequence: sequence)
        }
        return rows.mapValues { SHA256.hex(SHA256.hash($0.bytes)) }
    }
}

extension CaseEventKind {
    /// The short name stored beside the event, for queries that need not decode it.
    var storedName: String {
        switch self {
        case .referral: "referral"
        case .administration: "administration"
        case .contact(let attended): attended ? "attended" : "no-show"
        case .crisisContact: "crisis"
        case .emergencyVisit: "ed-visit"
        case .medicationConcern: "medication-concern"
        case .plan: "plan"
        case .review: "review"
        case .placement(let placement): placement.kind.rawValue
        case .waitlisted: "waitlisted"
        case .handoverScheduled: "handover"
        case .discharge: "discharge"
        }
    }
}
