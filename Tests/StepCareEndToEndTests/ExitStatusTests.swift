import Foundation
import Testing

/// The documented exit statuses, from the real binary: bad input 1, a refused decision 2, a busy store 3
/// (retry), a failed verification 4. (A failed write, 5, is in OutputFailureTests.)
@Suite struct ExitStatusTests {
    static let setup = "user add raj --role clinical-lead\nlogin raj\nuser add kim --role coach\ncase new C009\n"

    @Test func badInputIsOne() throws {
        let run = try Binary.run(["--db", ":memory:"], stdin: "nonsense\n")
        #expect(run.status == 1, "\(run.stderr)")
    }

    @Test func aRefusedDecisionIsTwo() throws {
        let run = try Binary.run(["--db", ":memory:"], stdin: Self.setup + "as kim step-up tier-3\n")
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("not placed in a tier"), "\(run.stderr)")
    }

    @Test func aFailedVerificationIsFour() throws {
        let folder = try TemporaryDirectory()
        _ = try Binary.run(["--db", "db.sqlite"], stdin: Self.setup, directory: folder.url)
        let anchor = "2:" + String(repeating: "0", count: 64)
        let run = try Binary.run(
            ["--db", "db.sqlite"], stdin: "audit verify --anchor \(anchor)\n", directory: folder.url)
        #expect(run.status == 4, "\(run.stdout)\(run.stderr)")
    }

    /// Another process holds the database's write lock past the busy timeout: the command waits, saves
    /// nothing, and says to retry.
    @Test func aLockedStoreIsThree() throws {
        let folder = try TemporaryDirectory()
        _ = try Binary.run(["--db", "db.sqlite"], stdin: Self.setup, directory: folder.url)
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        holder.arguments = [
            "-c",
            "import sqlite3, sys, time\n"
                + "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
                + "c.execute('BEGIN EXCLUSIVE')\nprint('locked', flush=True)\ntime.sleep(9)\n",
            folder.url.appendingPathComponent("db.sqlite").path,
        ]
        let ready = Pipe()
        holder.standardOutput = ready
        try holder.run()
        defer { holder.terminate() }
        let signal = ready.fileHandleForReading.availableData
        #expect(String(decoding: signal, as: UTF8.self).hasPrefix("locked"))
        let run = try Binary.run(["--db", "db.sqlite"], stdin: "login raj\ncase new C010\n", directory: folder.url)
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("locked"), "\(run.stderr)")
    }
}
