import Foundation
import GRDB
import StepCareConsole
import StepCareCore
import StepCareEngine
import StepCareReports
import StepCareService
import StepCareStore
import Testing

/// The SQLite store itself: durable settings, private files, refusal of files it cannot trust, append-only
/// tables, and records that come back exactly as written.
@Suite struct StoreTests {
    @Test func theWriterConnectionHasEverySafetySettingAfterOpening() throws {
        let session = try StoreSession()
        let settings = try session.store.settings()
        #expect(settings["journal_mode"] == "wal")
        #expect(settings["synchronous"] == "2", "GRDB's pool sets NORMAL; the store must reset FULL")
        #expect(settings["foreign_keys"] == "1")
        #expect((Int(settings["busy_timeout"] ?? "") ?? 0) >= 5000)
        #expect(settings["trusted_schema"] == "0")
    }

    @Test func databaseWalAndShmArePrivateAndTheDefaultFolderIs0700() throws {
        let folder = try ScratchFolder()
        let location = try StoreLocation.standard { $0 == "XDG_DATA_HOME" ? folder.path + "/data" : nil }
        guard case .file(let path) = location else { throw StoreTestError.unexpected }
        #expect(path == folder.path + "/data/stepcare/caseload.sqlite")
        let store = try SQLiteCaseloadStore(location, clock: { 0 }, createFolders: true)
        _ = try store.commit(
            StoreChange(), audit: AuditDraft(user: "u", role: "r", client: nil, action: "login", detail: ""),
            context: .training, after: 0)
        #expect(mode(folder.path + "/data/stepcare") == 0o700)
        #expect(mode(path) == 0o600)
        #expect(mode(path + "-wal") == 0o600)
        #expect(mode(path + "-shm") == 0o600)
    }

    @Test func aDatabaseOthersCanReadIsRefusedWithTheFix() throws {
        let folder = try ScratchFolder()
        let path = folder.path + "/shared.sqlite"
        _ = try SQLiteCaseloadStore(.file(path), clock: { 0 })
        chmod(path, 0o644)
        #expect {
            _ = try SQLiteCaseloadStore(.file(path), clock: { 0 })
        } throws: { error in
            let error = error as? StepCareError
            return error?.code == .storePermissions && error?.hint?.contains("chmod 600") == true
        }
    }

    @Test func foreignCorruptAndNewerFilesAreRefusedAndLeftAlone() throws {
        let folder = try ScratchFolder()
        let foreign = folder.path + "/foreign.sqlite"
        let queue = try DatabaseQueue(path: foreign)
        try queue.write { try $0.execute(sql: "CREATE TABLE notes (body TEXT)") }
        try queue.close()
        chmod(foreign, 0o600)
        try expectRefusal(foreign, .storeForeign)

        let corrupt = folder.path + "/corrupt.sqlite"
        _ = FileManager.default.createFile(
            atPath: corrupt, contents: Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 7919) }),
            attributes: [.posixPermissions: 0o600])
        try expectRefusal(corrupt, .storeCorrupt)

        let newer = folder.path + "/newer.sqlite"
        _ = try SQLiteCaseloadStore(.file(newer), clock: { 0 })
        let writer = try DatabaseQueue(path: newer)
        try writer.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('2099-01-01 from the future')") }
        try writer.close()
        try expectRefusal(newer, .storeNewer)
    }

    private func expectRefusal(_ path: String, _ code: StepCareError.Code) throws {
        let before = FileManager.default.contents(atPath: path)
        #expect {
            _ = try SQLiteCaseloadStore(.file(path), clock: { 0 })
        } throws: { error in
            (error as? StepCareError)?.code == code && (error as? StepCareError)?.hint != nil
        }
        #expect(FileManager.default.contents(atPath: path) == before, "\(path) was changed")
    }

    @Test(arguments: ["audit", "cases", "events", "users", "grants"])
    func theDatabaseRefusesUpdateAndDeleteOnEveryTable(table: String) throws {
        let session = try StoreSession()
        try session.run(
            """
            user add raj --role clinical-lead
            login raj
            user add ana --role clinician
            login ana
            case new
            place
            break-glass --reason "cover" --for 1h
            """)
        let queue = try DatabaseQueue(path: session.path)
        let count = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") ?? 0 }
        #expect(count > 0)
        for sql in ["UPDATE \(table) SET rowid = rowid", "DELETE FROM \(table)"] {
            #expect(throws: DatabaseError.self, "\(sql) was allowed") { try queue.write { try $0.execute(sql: sql) } }
        }
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") } == count)
    }

    @Test func recordsComeBackExactlyAsWrittenInTheirOwnContextOnly() throws {
        let session = try StoreSession()
        try session.run(
            """
            case new --demographics "age-band=25-34,sex=female"
            record score phq9 2 2 2 2 1 1 1 1 1
            place --as coach:kim
            record review risk --as clinician:ana
            record plan stability --warning-signs "a" --coping "b" --reaccess "c" --follow-up "d"
            """)
        let written = session.interpreter.workspace.caseload
        let training = try session.store.load(.training)
        #expect(training.caseload == written)
        #expect(training.caseload.cases["C001"]?.demographics == ["age-band": "25-34", "sex": "female"])
        guard case .administration(let record) = training.caseload.cases["C001"]?.events[1].kind else {
            throw StoreTestError.unexpected
        }
        #expect(record.answers == [2, 2, 2, 2, 1, 1, 1, 1, 1].map(ItemResponse.answered))
        #expect(record.edition != nil)
        #expect(try session.store.load(.live).caseload.order.isEmpty)
        #expect(try session.store.load(.simulation).caseload.order.isEmpty)
    }

    @Test func aSecondSessionsWriteIsSeenAndAStaleCommitIsRefused() throws {
        let first = try StoreSession()
        try first.run("case new C001")
        let store = try SQLiteCaseloadStore(.file(first.path), clock: { 0 })
        let draft = AuditDraft(user: "kim", role: "coach", client: nil, action: "login", detail: "")
        #expect(throws: StepCareError.self) {
            _ = try store.commit(StoreChange(), audit: draft, context: .training, after: 0)
        }
        _ = try store.commit(StoreChange(), audit: draft, context: .training, after: 1)
        try first.run("case new C002")  // re-reads before writing, so no conflict
        #expect(try first.entries().count == 3)
    }

    @Test func theHeadIsTheLastEntryAsVerifyFindsIt() throws {
        let session = try StoreSession()
        #expect(try session.store.head() == nil)
        try session.run("case new\nrecord attended\naudit head")
        let head = try #require(try session.store.head())
        #expect(head.sequence == 2)
        #expect(head == (try session.store.verify(anchor: nil).head))
        #expect(session.output.text.hasSuffix("\(head)\n"))
    }

    @Test func aLockedDatabaseGivesAClearMessageAndNothingIsWritten() throws {
        let session = try StoreSession()
        try session.run("case new C001")
        let other = try DatabaseQueue(path: session.path)
        let before = try session.entries().count
        try other.inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            do throws(Diagnostic) {
                try session.run("record attended")
                Issue.record("a write went through a held lock")
            } catch {
                #expect(error.code == .storeLocked)
                #expect(error.message.contains("nothing from this command was saved"))
            }
            try db.execute(sql: "ROLLBACK")
        }
        #expect(try session.entries().count == before)
        #expect(session.interpreter.workspace.caseload.cases["C001"]?.events.count == 1)
    }

    @Test func auditEntryTimesNeverGoBackwardsWhateverTheSystemClockDoes() throws {
        let clock = SteppedClock([0])
        let store = try SQLiteCaseloadStore(.memory, clock: { clock.next() })
        clock.set([2_000_000_000, 1_500_000_000, 1_999_999_999, 2_000_000_600])
        let draft = AuditDraft(user: "kim", role: "coach", client: nil, action: "login", detail: "")
        for sequence in Int64(0)..<4 {
            _ = try store.commit(StoreChange(), audit: draft, context: .training, after: sequence)
        }
        #expect(try store.auditEntries(AuditFilter()).map(\.time) == [2e9, 2e9, 2e9, 2_000_000_600].map(Int64.init))
        #expect(try store.verify(anchor: nil).isIntact)
    }

    @Test func verifyReportsAnEntryDatedBeforeTheOneBeforeIt() throws {
        let session = try StoreSession()
        try session.run("case new\nrecord attended\nrecord attended\nrecord attended")
        var entries = try session.entries()
        #expect(AuditChain.verify(entries, digests: try session.store.recordDigests(), anchor: nil).isEmpty)
        // A chain rewritten in full, hashes and links recomputed, so only the times give it away.
        entries[2].time = entries[1].time - 86_400 * 365 * 7
        var previous = AuditEntry.genesis
        for index in entries.indices {
            entries[index].previous = previous
            entries[index].hash = entries[index].expectedHash
            previous = entries[index].hash
        }
        let problems = AuditChain.verify(entries, digests: try session.store.recordDigests(), anchor: nil)
        #expect(problems.map(\.sequence) == [entries[2].sequence])
        #expect(problems.first?.message.contains("dated before the entry before it") == true)
    }

    private func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? nil
    }
}

enum StoreTestError: Error { case unexpected }

/// A system clock that reads the given times in turn (and the last one after that): one that jumps back.
final class SteppedClock: @unchecked Sendable {
    private var times: [Int64]
    private let lock = NSLock()

    init(_ times: [Int64]) { self.times = times }

    func set(_ times: [Int64]) {
        lock.lock()
        defer { lock.unlock() }
        self.times = times
    }

    func next() -> Int64 {
        lock.lock()
        defer { lock.unlock() }
        return times.count > 1 ? times.removeFirst() : times[0]
    }
}
