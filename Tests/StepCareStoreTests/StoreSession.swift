import Foundation
import GRDB
import StepCareConsole
import StepCareCore
import StepCareRegistry
import StepCareReports
import StepCareService
import StepCareStore

/// No line input: store tests never run `administer`.
final class NoInput: LineEditor {
    func readLine(prompt: String) -> LineRead { .endOfInput }
    func addHistory(_ line: String) {}
}

/// A scratch folder removed when released.
final class ScratchFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("stepcare-store-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A real interpreter on a real SQLite file in a scratch folder, with a clock that ticks one second per read.
final class StoreSession {
    let folder: ScratchFolder
    let path: String
    let store: SQLiteCaseloadStore
    let output = StringOutput()
    let interpreter: Interpreter

    init(context: RecordContext = .training, folder: ScratchFolder? = nil) throws {
        self.folder = try folder ?? ScratchFolder()
        path = self.folder.path + "/caseload.sqlite"
        let seconds = Counter(start: 1_790_000_000)
        store = try SQLiteCaseloadStore(.file(path), clock: { seconds.next() })
        let registry = try Registry.builtIn()
        let fixedClock: @Sendable () -> Instant = { Interpreter.defaultStart }
        let workspace = try Workspace(
            pathway: registry.pathways.first, now: Interpreter.defaultStart, store: store, context: context,
            clock: context == .live ? fixedClock : nil)
        interpreter = Interpreter(registry: registry, output: output, input: NoInput(), workspace: workspace)
    }

    /// Runs a script, stopping at the first error.
    func run(_ source: String) throws(Diagnostic) {
        try interpreter.run(try Parser.parse(source))
    }

    /// The audit log as stored.
    func entries() throws -> [AuditEntry] { try store.auditEntries(AuditFilter()) }

    /// A digest of the database file and its WAL, to show that refused input changed no byte.
    func fileDigest() throws -> String {
        var hasher = SHA256()
        for file in [path, path + "-wal"] {
            if let data = FileManager.default.contents(atPath: file) { hasher.update(Array(data)) }
        }
        return SHA256.hex(hasher.finalize())
    }
}

/// A thread-safe counter for injected clocks.
final class Counter: @unchecked Sendable {
    private var value: Int64
    private let lock = NSLock()

    init(start: Int64) { value = start }

    func next() -> Int64 {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
