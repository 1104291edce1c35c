import GRDB
import GRDBSQLite
import StepCareCore
import StepCareRecord

/// Reads a context's stored events straight from SQLite's statement, the hot loop of loading a caseload: no row
/// objects, the detail handed to the scanner as the stored bytes, and a case id decoded only when it changes
/// (a case's events are usually stored together). Every column's storage class is checked, so a tampered
/// type is refused here as well as by `audit verify`.
enum EventRows {
    /// Calls `body` with each event's position in `caseIndex` (events of unknown cases are skipped) in id order.
    static func forEach(
        in db: Database, context: RecordContext, caseIndex: [String: Int], _ body: (Int, CaseEvent) -> Void
    ) throws {
        let statement = try db.makeStatement(
            sql: "SELECT case_id, at, kind, detail, id FROM events WHERE +context = ? ORDER BY id")
        try statement.setArguments([context.rawValue])
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        var lastID: [UInt8] = []
        var lastIndex: Int?
        while true {
            let code = sqlite3_step(raw)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
            let id = sqlite3_column_int64(raw, 4)
            guard sqlite3_column_type(raw, 0) == SQLITE_TEXT, sqlite3_column_type(raw, 1) == SQLITE_INTEGER,
                sqlite3_column_type(raw, 2) == SQLITE_TEXT, sqlite3_column_type(raw, 3) == SQLITE_TEXT
            else { throw corrupt(id, "a column has the wrong type") }
            let caseID = bytes(raw, 0)
            if !caseID.elementsEqual(lastID) {
                lastID = Array(caseID)
                lastIndex = caseIndex[String(decoding: caseID, as: UTF8.self)]
            }
            guard let index = lastIndex else { continue }
            let kind: CaseEventKind
            do {
                kind = try EventDetailReader.kind(
                    code: String(decoding: bytes(raw, 2), as: UTF8.self), detail: Array(bytes(raw, 3)))
            } catch {
                throw corrupt(id, "\(error)")
            }
            let at = Instant(minutes: Int(sqlite3_column_int64(raw, 1)))
            guard at >= Instant.earliest, at <= Instant.latest else { throw corrupt(id, "its time is out of range") }
            body(index, CaseEvent(at: at, kind))
        }
    }

    /// The text of column `column` of the current row, valid until the next step.
    private static func bytes(_ statement: SQLiteStatement, _ column: Int32) -> UnsafeBufferPointer<UInt8> {
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count > 0, let start = sqlite3_column_text(statement, column) else {
            return UnsafeBufferPointer(start: nil, count: 0)
        }
        return UnsafeBufferPointer(start: start, count: count)
    }

    private static func corrupt(_ id: Int64, _ why: String) -> StepCareError {
        StepCareError(
            .storeCorrupt, "event \(id) does not follow record schema 2 (\(why))",
            hint: "run audit verify; restore the file from a backup")
    }
}
