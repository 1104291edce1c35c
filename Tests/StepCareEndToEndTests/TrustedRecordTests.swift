import Foundation
import GRDB
import StepCareStore
import Testing

/// Live records the person at the keyboard cannot bend (issue 25), each reproduction run through the real
/// binary: the time zone cannot move the clock, dates outside the service's window are refused, an imitating
/// instrument cannot load, `as` cannot wrap who is at the keyboard, and a caseload that is not a regular file or
/// cannot be written gets a message that says so.
@Suite struct TrustedRecordTests {
    static let lead = "user add raj --role clinical-lead\nlogin raj\n"

    /// A caseload file in a scratch folder.
    final class Caseload {
        let folder: TemporaryDirectory
        let path: String

        init() throws {
            folder = try TemporaryDirectory()
            path = folder.url.appendingPathComponent("caseload.sqlite").path
        }

        func run(
            _ script: String, context: String = "live", environment: [String: String] = [:],
            launcher: [String] = []
        ) throws -> Binary.Result {
            try Binary.run(
                ["--db", path, "--context", context], stdin: script, environment: environment, launcher: launcher)
        }

    }

    /// The UTC time `offset` seconds from now, as `YYYY-MM-DDTHH:MM` (tests may read the real clock; the
    /// program reads it only in its executable).
    static func utc(_ offset: TimeInterval = 0, dateOnly: Bool = false) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = dateOnly ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm"
        return formatter.string(from: Date().addingTimeInterval(offset))
    }

    /// Minutes between two `YYYY-MM-DDTHH:MM` times.
    static func minutesApart(_ a: String, _ b: String) -> Int? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        guard let x = formatter.date(from: a), let y = formatter.date(from: b) else { return nil }
        return Int(abs(x.timeIntervalSince(y)) / 60)
    }

    @Test(arguments: ["Etc/GMT-14", "Etc/GMT+12", "Asia/Kolkata", "garbage/zone"])
    func liveRecordsAreDatedInUTCWhateverTheTimeZone(zone: String) throws {
        let caseload = try Caseload()
        let environment = ["TZ": zone, "LC_ALL": "xx_YY.bogus"]
        let result = try caseload.run(
            Self.lead + "case new\nrecord attended\nrecord attended\ntimeline C001\naudit show --client C001\n",
            environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let now = Self.utc()
        let events = result.stdout.split(separator: "\n").filter {
            $0.contains("session attended") && $0.hasPrefix(" ")
        }
        #expect(events.count == 2)
        for line in events {
            let time = String(line.split(separator: " ")[1])
            #expect((Self.minutesApart(time, now) ?? .max) <= 2, "\(zone): event dated \(time), UTC now \(now)")
        }
        let entries = result.stdout.split(separator: "\n").filter { $0.contains("  live  raj") }
        #expect(!entries.isEmpty)
        for line in entries {
            let time = String(line.split(separator: " ")[1].prefix(16))
            #expect((Self.minutesApart(time, now) ?? .max) <= 2, "\(zone): audit entry at \(time), UTC now \(now)")
        }
        // Nothing was dated ahead, so the same-day risk review can be recorded at once.
        let next = try caseload.run("login raj\nrecord attended --case C001\n", environment: environment)
        #expect(next.status == 0, "\(next.stderr)")
    }

    @Test func liveDatesMustFallInTheWindowTheServiceConfigures() throws {
        let caseload = try Caseload()
        #expect(try caseload.run(Self.lead + "case new\n").status == 0)
        let old = Self.utc(-40 * 86_400, dateOnly: true)
        let refused = try caseload.run("login raj\ncase new --referred \(old)\n")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("is more than 30 days before now"), "\(refused.stderr)")
        #expect(refused.stderr.contains("configure set records.backdate-limit"))
        let ahead = try caseload.run("login raj\nrecord attended --case C001 --at \(Self.utc(3600))\n")
        #expect(ahead.status == 1)
        #expect(ahead.stderr.contains("is in the future"))
        let wide = try caseload.run("login raj\nconfigure set records.clock-skew=16m --reason \"laptops drift\"\n")
        #expect(wide.status == 1)
        #expect(wide.stderr.contains("records.clock-skew must be from 0 to 15 minutes"), "\(wide.stderr)")
        let afterRefusals = try caseload.run("login raj\ncase\nconfigure history\n")
        #expect(afterRefusals.stdout.split(separator: "\n").filter { $0.contains("C00") }.count == 1)
        #expect(!afterRefusals.stdout.contains("records."), "a refused setting was kept")

        let configured = try caseload.run(
            "login raj\nconfigure set records.backdate-limit=60d --reason \"paper referrals from outreach\"\n"
                + "case new --referred \(old)\nconfigure\n")
        #expect(configured.status == 0, "\(configured.stderr)")
        #expect(configured.stdout.contains("* records.backdate-limit = 60d (default 30d)"))
        // A clock behind the case's latest event is named as such, not answered with a date to try.
        let skewed = try caseload.run(
            "login raj\nconfigure set records.clock-skew=15m --reason \"tablets run fast\"\n"
                + "record attended --case C001 --at \(Self.utc(600))\n"
                + "configure set records.clock-skew=0m --reason \"tablets fixed\"\nrecord attended --case C001\n")
        #expect(skewed.status == 1)
        #expect(skewed.stderr.contains("after the clock"), "\(skewed.stderr)")
        #expect(skewed.stderr.contains("check the system clock"))
        // Training sets its own clock: no window.
        let training = try caseload.run("case new --referred 2001-01-01\n", context: "training")
        #expect(training.status == 0, "\(training.stderr)")
    }

    @Test(arguments: [
        ("phq9x", "DEMO", "Demo"), ("mood9", "Phq 9", "Demo"), ("mood9", "MOOD-9", "Patient Health Questionnaire"),
        ("gad7b", "GAD-7B", "Seven"), ("mood9", "The PHQ-9", "Demo"), ("mood9", "NHS phq 9 (short)", "Demo"),
        ("mood6", "K6", "Demo"), ("mood9", "Pátient Health Questionnaire", "Demo"),
        ("mood9", "PATİENT HEALTH QUESTIONNAIRE", "Demo"), ("mood9", "PHQ-\u{00B9}", "Demo"),
        ("cssrsx", "Columbia", "Demo"),
    ])
    func anInstrumentImitatingARegisteredOneIsRefusedAtLoad(id: String, shortName: String, title: String) throws {
        let caseload = try Caseload()
        var definition = try String(
            contentsOf: Binary.root.appendingPathComponent("Examples/instruments/demo4.json"), encoding: .utf8)
        definition = definition.replacingOccurrences(of: "\"id\": \"demo4\"", with: "\"id\": \"\(id)\"")
            .replacingOccurrences(of: "\"shortName\": \"DEMO-4\"", with: "\"shortName\": \"\(shortName)\"")
            .replacingOccurrences(
                of: "\"title\": \"Four-item training scale (not a clinical instrument)\"",
                with: "\"title\": \"\(title)\"")
        let file = caseload.folder.url.appendingPathComponent("imitation.json")
        try definition.write(to: file, atomically: true, encoding: .utf8)
        #expect(try caseload.run(Self.lead).status == 0)

        let training = try caseload.run("load-instrument \(file.path)\nscore \(id) 2 2 2 2\n", context: "training")
        #expect(training.status == 1)
        #expect(training.stderr.contains("imitates the registered"), "\(training.stderr)")
        #expect(training.stdout.isEmpty)
        let live = try caseload.run("login raj\nload-instrument \(file.path) --keep --reason trial\n")
        #expect(live.status == 1)
        #expect(live.stderr.contains("imitates the registered"), "\(live.stderr)")
        let kept = try caseload.run("login raj\ninstruments\n")
        #expect(!kept.stdout.contains(id + " "))
        let audit = try caseload.run("login raj\naudit show\n")
        #expect(audit.status == 0)
        #expect(!audit.stdout.contains(id), "the refused instrument is in the audit log")
        #expect(!audit.stdout.contains("instrument"))

        // The example it was made from loads: the check is about names, not every data-defined instrument.
        let original = Binary.root.appendingPathComponent("Examples/instruments/demo4.json").path
        #expect(try caseload.run("load-instrument \(original)\n", context: "training").status == 0)
    }

    /// Look-alike letters, full-width and mathematical forms, combining marks and control characters are not
    /// Latin script: refused before any comparison, so no script can dress up a registered name.
    @Test(arguments: [
        "ＰＨＱ-９", "РНQ-9", "\u{1D40F}\u{1D407}\u{1D410}-\u{1D7D7}", "WΗO-5", "PHQ-٩", "PHQ-⁹", "PHQ-⑨", "PHQ-Ⅸ",
        "PHQ-9\u{0301}", "PHQ\\n9", "   ",
    ])
    func aNameOutsideLatinScriptIsRefused(shortName: String) throws {
        let caseload = try Caseload()
        var definition = try String(
            contentsOf: Binary.root.appendingPathComponent("Examples/instruments/demo4.json"), encoding: .utf8)
        definition = definition.replacingOccurrences(of: "\"id\": \"demo4\"", with: "\"id\": \"mood9\"")
            .replacingOccurrences(of: "\"shortName\": \"DEMO-4\"", with: "\"shortName\": \"\(shortName)\"")
        let file = caseload.folder.url.appendingPathComponent("lookalike.json")
        try definition.write(to: file, atomically: true, encoding: .utf8)
        let result = try caseload.run("load-instrument \(file.path)\n", context: "training")
        #expect(result.status == 1, "\(shortName): \(result.stdout)")
        #expect(
            result.stderr.contains("outside Latin script") || result.stderr.contains("no letter or digit"),
            "\(shortName): \(result.stderr)")
    }

    @Test(arguments: [
        "as kim login raj", "as kim logout", "as kim user add eve --role clinical-lead", "as kim as raj case",
        "as kim expect refused login raj",
    ])
    func asCannotWrapWhoIsAtTheKeyboard(line: String) throws {
        let caseload = try Caseload()
        let setup = Self.lead + "user add kim --role clinician\ncase new\n"
        #expect(try caseload.run(setup, context: "training").status == 0)
        let before = try caseload.run("audit show\n", context: "training").stdout
        let result = try caseload.run("login raj\n" + line + "\n", context: "training")
        #expect(result.status == 1)
        #expect(result.stderr.contains("as cannot run"), "\(result.stderr)")
        let after = try caseload.run("audit show\n", context: "training").stdout
        // Only the new login (the first line) was written.
        #expect(after.split(separator: "\n").count == before.split(separator: "\n").count + 1)
        #expect(!after.contains("user eve"))
    }

    @Test func anEntryMadeAsSomeoneElseNamesWhoEnteredIt() throws {
        let caseload = try Caseload()
        let result = try caseload.run(
            Self.lead + "user add kim --role clinician\ncase new\nas kim record attended --case C001\naudit show\n",
            context: "training")
        #expect(result.status == 0, "\(result.stderr)")
        let entry = try #require(result.stdout.split(separator: "\n").first { $0.contains("record attended") })
        #expect(entry.contains("kim (clinician)"))
        #expect(entry.contains("entered by raj for kim"))
    }

    @Test func aPathThatIsNotARegularFileIsRefusedAsSuch() throws {
        let caseload = try Caseload()
        let text = caseload.folder.url.appendingPathComponent("notes.txt").path
        _ = FileManager.default.createFile(
            atPath: text, contents: Data("not a caseload\n".utf8), attributes: [.posixPermissions: 0o644])
        for (path, message, status) in [
            ("/dev/null", "is not a regular file (it is a device", Int32(5)),
            (caseload.folder.url.path, "is not a regular file (it is a folder)", 5),
            (text, "is not a readable SQLite database", 4),
        ] {
            let result = try Binary.run(["--db", path, "--context", "live"], stdin: "status\n")
            #expect(result.status == status, "\(path): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(path): \(result.stderr)")
            #expect(!result.stderr.contains("chmod"), "\(path): \(result.stderr)")
        }
        #expect(FileManager.default.contents(atPath: text) == Data("not a caseload\n".utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: text)[.posixPermissions] as? Int
        #expect(mode == 0o644)
    }

    /// A training caseload with a case, and a live one with a lead, in one folder.
    static func caseloads() throws -> Caseload {
        let caseload = try Caseload()
        #expect(try caseload.run(Self.lead).status == 0)
        let training = try caseload.run("case new\nrecord attended\n", context: "training")
        #expect(training.status == 0, "\(training.stderr)")
        return caseload
    }

    /// What reading and writing do on a caseload that cannot be written, started through `launcher`.
    func expectReadOnly(_ caseload: Caseload, path: String, launcher: [String]) throws {
        let before = try #require(FileManager.default.contents(atPath: caseload.path))
        func run(_ script: String, context: String) throws -> Binary.Result {
            try Binary.run(["--db", path, "--context", context], stdin: script, launcher: launcher)
        }
        let read = try run("timeline C001\naudit verify\n", context: "training")
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("session attended"))
        #expect(read.stdout.contains("audit log intact"))
        let verify = try run("audit verify\n", context: "live")
        #expect(verify.status == 0, "\(verify.stderr)")
        let write = try run("record attended --case C001 --as clinician:ana\n", context: "training")
        #expect(write.status == 5)
        #expect(write.stderr.contains("can be read but not written"), "\(write.stderr)")
        #expect(!write.stderr.contains("SQLite code"))
        let login = try run("login raj\n", context: "live")
        #expect(login.status == 5)
        #expect(login.stderr.contains("can be read but not written"))
        #expect(FileManager.default.contents(atPath: caseload.path) == before)
    }

    @Test func aCaseloadOnReadOnlyMediaOpensForReadingAndRefusesWrites() throws {
        let caseload = try Self.caseloads()
        let mount = try TemporaryDirectory()
        // A read-only bind mount in a private mount namespace: read-only media, seen by the program alone.
        let launcher = [
            "/usr/bin/unshare", "-m", "--", "/bin/sh", "-c",
            "mount --bind -o ro \"$0\" \"$1\" || exit 99; shift 1; exec \"$@\"", caseload.folder.url.path,
            mount.url.path,
        ]
        let probe = try Binary.run(["--version"], launcher: launcher)
        try #require(probe.status == 0, "a read-only bind mount could not be made here: \(probe.stderr)")
        try expectReadOnly(caseload, path: mount.url.appendingPathComponent("caseload.sqlite").path, launcher: launcher)
    }

    @Test func anImmutableCaseloadOpensForReadingAndRefusesWrites() throws {
        let caseload = try Self.caseloads()
        func chattr(_ flag: String) throws -> Int32 {
            let process = try Process.run(URL(fileURLWithPath: "/usr/bin/chattr"), arguments: [flag, caseload.path])
            process.waitUntilExit()
            return process.terminationStatus
        }
        try #require(try chattr("+i") == 0, "chattr +i could not make the caseload immutable here")
        defer { _ = try? chattr("-i") }
        try expectReadOnly(caseload, path: caseload.path, launcher: [])
    }

    @Test func aTrainingCaseloadReopensAtItsLastClock() throws {
        let caseload = try Caseload()
        let first = try caseload.run("today 2026-03-01\ncase new\nadvance 3d\n", context: "training")
        #expect(first.status == 0, "\(first.stderr)")
        let reopened = try caseload.run("status\nevaluate C001\n", context: "training")
        #expect(reopened.stdout.contains("clock: 2026-03-04 (session clock)"), "\(reopened.stdout)")
        #expect(reopened.stdout.contains("OVERDUE"), "the placement deadline passed on 2026-03-03")
        let rewound = try caseload.run("today 2026-03-02\n", context: "training")
        #expect(rewound.status == 0)
        #expect(try caseload.run("status\n", context: "training").stdout.contains("clock: 2026-03-02 (session clock)"))
    }

    @Test func auditVerifyFailsOnAnEntryWhoseTimeGoesBackwards() throws {
        let caseload = try Caseload()
        #expect(try caseload.run("case new\nrecord attended\nrecord attended\n", context: "training").status == 0)
        #expect(try caseload.run("audit verify\n", context: "training").status == 0)
        // Someone who can write the file drops the append-only trigger, backdates entry 2 by seven years,
        // recomputes every hash and link after it, and puts the trigger back.
        var entries = try SQLiteCaseloadStore(.file(caseload.path), clock: { 0 }).auditEntries(AuditFilter())
        var previous = AuditEntry.genesis
        for index in entries.indices {
            if entries[index].sequence == 2 { entries[index].time -= 86_400 * 365 * 7 }
            entries[index].previous = previous
            entries[index].hash = entries[index].expectedHash
            previous = entries[index].hash
        }
        let queue = try DatabaseQueue(path: caseload.path)
        try queue.write { db in
            let trigger =
                try String.fetchOne(
                    db, sql: "SELECT sql FROM sqlite_master WHERE name = 'audit_no_update'") ?? ""
            try db.execute(sql: "DROP TRIGGER audit_no_update")
            for entry in entries {
                try db.execute(
                    sql: "UPDATE audit SET time = ?, previous = ?, hash = ? WHERE sequence = ?",
                    arguments: [entry.time, entry.previous, entry.hash, entry.sequence])
            }
            try db.execute(sql: trigger)
        }
        try queue.close()
        let verify = try caseload.run("audit verify\n", context: "training")
        #expect(verify.status == 4, "\(verify.stdout)\(verify.stderr)")
        #expect((verify.stdout + verify.stderr).contains("dated before the entry before it"))
    }

    /// What a hostile tester found around the edges, each closed.
    @Test func startUpInstrumentFilesAreRefusedForLiveRecords() throws {
        let caseload = try Caseload()
        let folder = Binary.root.appendingPathComponent("Examples/instruments").path
        let live = try Binary.run(
            ["--db", caseload.path, "--context", "live", "--instruments", folder], stdin: "status\n")
        #expect(live.status == 1)
        #expect(live.stderr.contains("--instruments loads definitions for one session"), "\(live.stderr)")
        #expect(!FileManager.default.fileExists(atPath: caseload.path), "the caseload was opened")
        let training = try Binary.run(["--db", caseload.path, "--instruments", folder], stdin: "describe demo4\n")
        #expect(training.status == 0, "\(training.stderr)")
    }

    @Test func aDatabaseNameStartingFileIsAFileNotAURI() throws {
        let caseload = try Caseload()
        #expect(try caseload.run(Self.lead, context: "training").status == 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: caseload.path)
        let before = FileManager.default.contents(atPath: caseload.path)
        let result = try Binary.run(
            ["--db", "file:caseload.sqlite"], stdin: "case new\nrecord note secret\n", directory: caseload.folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.contents(atPath: caseload.path) == before, "the readable caseload was written")
        let literal = caseload.folder.url.appendingPathComponent("file:caseload.sqlite").path
        let mode = try FileManager.default.attributesOfItem(atPath: literal)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func breakGlassDoesNotReachTheServicesConfiguration() throws {
        let caseload = try Caseload()
        let script =
            Self.lead + "user add ana --role clinician\nlogin ana\nbreak-glass --reason \"nobody senior on site\"\n"
            + "configure set records.backdate-limit=156w --reason \"old notes\"\n"
        let result = try caseload.run(script)
        #expect(result.status == 2)
        #expect(result.stderr.contains("by break-glass, which covers urgent clinical decisions"), "\(result.stderr)")
        #expect(!(try caseload.run("login raj\nconfigure history\n").stdout.contains("records.")))
    }

    @Test func aTrainingClockStaysInTheRecordableRange() throws {
        let caseload = try Caseload()
        for line in ["today 1899-12-31", "today 2199-12-31T23:59\nadvance 1d"] {
            let result = try caseload.run(line + "\n", context: "training")
            #expect(result.status == 1, "\(line): \(result.stdout)")
            #expect(result.stderr.contains("the clock must stay between"), "\(result.stderr)")
        }
    }

    @Test func aFIFOIsRefusedAsAnInputFileInsteadOfWaitingForever() throws {
        let caseload = try Caseload()
        let fifo = caseload.folder.url.appendingPathComponent("rows.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for command in ["import-scores \(fifo)", "import \(fifo)", "load-instrument \(fifo)"] {
            let result = try caseload.run(command + "\n", context: "training")
            #expect(result.status != 0, "\(command)")
            #expect(result.stderr.contains("is not a regular file"), "\(command): \(result.stderr)")
        }
    }

    @Test func noHomeMeansNoDefaultCaseload() throws {
        let scratch = try TemporaryDirectory()
        let result = try Binary.run([], stdin: "status\n", directory: scratch.url, environment: ["HOME": ""])
        #expect(result.status == 5)
        #expect(result.stderr.contains("neither HOME nor XDG_DATA_HOME"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
    }

    @Test func aLinkToNothingIsNamedAsSuch() throws {
        let caseload = try Caseload()
        try FileManager.default.createSymbolicLink(atPath: caseload.path, withDestinationPath: "/nonexistent/x.db")
        let result = try caseload.run("status\n", context: "training")
        #expect(result.status == 5)
        #expect(result.stderr.contains("symbolic link to a file that does not exist"), "\(result.stderr)")
    }

    @Test func unfinishedWritesOnReadOnlyMediaAreNamed() throws {
        let caseload = try Self.caseloads()
        // A caseload copied while a connection still held writes in its write-ahead log (no -shm copied).
        let source = try TemporaryDirectory()
        let pool = try DatabasePool(path: caseload.path)
        try pool.write { db in
            try db.execute(sql: "INSERT INTO session_clocks (context, at) VALUES ('training', 29000000)")
        }
        for suffix in ["", "-wal"] {
            try FileManager.default.copyItem(
                atPath: caseload.path + suffix,
                toPath: source.url.appendingPathComponent("caseload.sqlite" + suffix).path)
        }
        try pool.close()
        let mount = try TemporaryDirectory()
        let launcher = [
            "/usr/bin/unshare", "-m", "--", "/bin/sh", "-c",
            "mount --bind -o ro \"$0\" \"$1\" || exit 99; shift 1; exec \"$@\"", source.url.path, mount.url.path,
        ]
        let result = try Binary.run(
            ["--db", mount.url.appendingPathComponent("caseload.sqlite").path], stdin: "audit verify\n",
            launcher: launcher)
        #expect(result.status == 5, "\(result.stderr)")
        #expect(result.stderr.contains("its last writes are still in"), "\(result.stderr)")
    }
}
