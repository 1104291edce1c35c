import Foundation
import StepCareCore
import StepCareEngine
import StepCareRegistry
import StepCareReports
import StepCareService
import StepCareStore
import Testing

/// A workspace on a real SQLite file in a scratch folder, driven through the application core alone: no
/// interpreter, no command language.
final class ServiceFixture {
    let folder: String
    let path: String
    let store: SQLiteCaseloadStore
    let workspace: Workspace
    let registry: Registry

    /// The live clock used by the fixture: 2026-03-02T09:00Z.
    static let now = Instant(year: 2026, month: 3, day: 2, hour: 9, minute: 0) ?? Instant(minutes: 0)

    init(context: RecordContext) throws {
        folder =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("stepcare-service-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/caseload.sqlite"
        let seconds = Ticker()
        store = try SQLiteCaseloadStore(.file(path), clock: { seconds.next() })
        registry = try Registry.builtIn()
        let liveClock: @Sendable () -> Instant = { ServiceFixture.now }
        workspace = try Workspace(
            pathway: try registry.pathway("community-stepped-care"), now: Self.now, store: store, context: context,
            clock: context == .live ? liveClock : nil)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// The audit log as stored.
    func entries() throws -> [AuditEntry] { try store.auditEntries(AuditFilter()) }

    /// A digest of the database file and its write-ahead log: equal digests mean not one stored byte changed.
    func fileDigest() -> String {
        var hasher = SHA256()
        for file in [path, path + "-wal"] {
            if let data = FileManager.default.contents(atPath: file) { hasher.update(Array(data)) }
        }
        return SHA256.hex(hasher.finalize())
    }

    /// Runs a use case and checks that it stored exactly one audit entry, named `action` and made by `user`.
    @discardableResult
    func expectOneEntry<T>(
        _ action: String, by user: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ useCase: (Workspace) throws -> T
    ) throws -> T {
        let before = try entries()
        let value = try useCase(workspace)
        let after = try entries()
        #expect(
            after.count == before.count + 1, "\(action) wrote \(after.count - before.count) entries",
            sourceLocation: sourceLocation)
        #expect(after.last?.action == action, sourceLocation: sourceLocation)
        #expect(after.last?.user == user, sourceLocation: sourceLocation)
        return value
    }

    /// Runs a use case that must be refused, and checks that it stored nothing and put back every value it
    /// changed in memory. A refusal by the pathway in live writes exactly one `refused …` audit entry and
    /// nothing else; any other refusal leaves the database file byte for byte as it was.
    ///
    /// - Returns: the error, to check its code and the field it names.
    @discardableResult
    func expectRefusal(
        sourceLocation: SourceLocation = #_sourceLocation, _ useCase: (Workspace) throws -> Void
    ) -> (any Error)? {
        let digest = fileDigest()
        let memory = Memory(workspace)
        let before = (try? entries()) ?? []
        let records = try? store.records(workspace.context, cases: nil)
        var caught: (any Error)?
        do { try useCase(workspace) } catch { caught = error }
        #expect(caught != nil, "the use case was not refused", sourceLocation: sourceLocation)
        let added = ((try? entries()) ?? []).dropFirst(before.count)
        if added.isEmpty {
            #expect(fileDigest() == digest, "a refused use case changed the database", sourceLocation: sourceLocation)
        } else {
            #expect(
                added.count == 1 && added.allSatisfy { $0.action.hasPrefix("refused ") },
                "a refused use case stored \(added.map(\.action))", sourceLocation: sourceLocation)
            #expect(
                (try? store.records(workspace.context, cases: nil)) == records, "a refused use case changed records",
                sourceLocation: sourceLocation)
        }
        #expect(Memory(workspace) == memory, "a refused use case changed the session", sourceLocation: sourceLocation)
        #expect(!workspace.isInUnitOfWork, sourceLocation: sourceLocation)
        return caught
    }

    /// A PHQ-9 administration with the given answers, scored by the registered instrument.
    func phq9(_ answers: [Int]) throws -> CaseEventKind {
        let (report, definition) = try Scoring.score(
            "phq9", variant: nil, missing: nil, answers: answers.map(String.init), registry: registry)
        return .administration(AdministrationRecord(report, definition: definition))
    }
}

/// What a session holds in memory, to compare before and after a refusal.
struct Memory: Equatable {
    var cases: [String: [CaseEvent]]
    var users: [String: StaffUser]
    var grants: [BreakGlassGrant]
    var currentCase: String?
    var currentUser: StaffUser?

    init(_ workspace: Workspace) {
        cases = workspace.caseload.cases.mapValues(\.events)
        users = workspace.users
        grants = workspace.grants
        currentCase = workspace.currentCase
        currentUser = workspace.currentUser
    }
}

extension Error {
    /// The error as StepCare's own, to read its code and field.
    var stepCare: StepCareError? {
        (self as? StepCareError) ?? (self as? ImportRefusal)?.error
    }
}

/// The store's audit clock: one second later at every read, safe to share.
final class Ticker: @unchecked Sendable {
    private var value: Int64 = 1_790_000_000
    private let lock = NSLock()

    func next() -> Int64 {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
