import Foundation
import Testing

/// The executable's own arguments: one-shot scoring, script files, version and help.
@Suite struct CommandLineTests {
    @Test func oneShotScoring() throws {
        let result = try Binary.run(["score", "phq9", "0", "0", "0", "1", "2", "1", "3", "2", "1"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("PHQ-9 total 10 (range 0–27): moderate (10–14)\n"))
        #expect(result.stdout.contains("RISK FLAG [same day]: item 9 answered 1 (Several days)"))
        #expect(result.stderr == "")
    }

    @Test func oneShotJSON() throws {
        let result = try Binary.run(["score", "gad7", "1", "1", "1", "1", "1", "1", "2", "--json"])
        #expect(result.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["total"] as? Int == 8)
        #expect(object["band"] as? String == "mild")
    }

    @Test(arguments: [
        (["score", "phq9", "1", "1"], "PHQ-9 has 9 items, but 2 answers were given"),
        (["score", "phq9", "1", "1", "1", "1", "1", "1", "1", "1", "5"], "PHQ-9 item 9: the answer is not one of"),
        (["score", "phq9", "1", "1", "1", "1", "1", "1", "1", "1", "one"], "answer 9 is not a number"),
        (["score", "nope", "1"], "no instrument is registered as \"nope\""),
    ])
    func oneShotErrorsExitNonZero(arguments: [String], message: String) throws {
        let result = try Binary.run(arguments)
        #expect(result.status == 1)
        // A PHQ-9 form that cannot be scored still shows the flag its readable risk answer raises (here item 9
        // is missing or unreadable: the "not answered" flag); nothing else reaches standard output.
        if arguments.count > 1, arguments[1] == "phq9" {
            #expect(result.stdout.hasPrefix("PHQ-9 NOT SCORED"), "\(result.stdout)")
            #expect(result.stdout.contains("RISK FLAG [same day]: item 9 NOT ANSWERED"))
            #expect(result.stderr.contains("its readable risk answers still raise the flags shown"))
        } else {
            #expect(result.stdout == "")
        }
        #expect(result.stderr.contains(message))
        #expect(result.stderr.contains("hint: "))
    }

    @Test func runStopsAtTheFirstRuntimeErrorWithFileLineAndColumn() throws {
        let scratch = try TemporaryDirectory()
        let script = scratch.url.appendingPathComponent("triage.stepcare")
        try "score gad7 0 0 0 0 0 0 1\n\n# next line is wrong\nscore gad7 0 0 0 0 0 0 4\nscore phq9 0 0 0 0 0 0 0 0 0\n"
            .write(to: script, atomically: true, encoding: .utf8)
        let result = try Binary.run(["run", script.path])
        #expect(result.status == 1)
        #expect(
            result.stdout == "GAD-7 total 1 (range 0–21): minimal (0–4)\n"
                + "  NHS Talking Therapies caseness (≥ 8): negative\n  Spitzer GAD screening cut-off (≥ 10): negative\n"
        )
        #expect(
            result.stderr.hasPrefix(
                "\(script.path):4:24: error: GAD-7 item 7: the answer is not one of the item's options\n"))
    }

    @Test func runRunsNothingWhenTheFileDoesNotParse() throws {
        let scratch = try TemporaryDirectory()
        let script = scratch.url.appendingPathComponent("broken.stepcare")
        try "score gad7 0 0 0 0 0 0 1\nscore \"gad7 1\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try Binary.run(["run", script.path])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("\(script.path):2:7: error: unterminated string\n"))
    }

    @Test func runReportsAMissingFile() throws {
        let result = try Binary.run(["run", "/nonexistent/script.stepcare"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/script.stepcare: error: cannot read /nonexistent/script.stepcare"))
    }

    @Test func versionAndHelp() throws {
        let version = try Binary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == "0.1.0\n")
        let help = try Binary.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: stepcare <subcommand>"))
        #expect(help.stdout.contains("score"))
    }
}

/// Every example script runs cleanly through `stepcare run`.
@Suite struct ExampleTests {
    static let examples: [String] = {
        let folder = Binary.root.appendingPathComponent("Examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".stepcare") }.map { folder.appendingPathComponent($0).path }.sorted()
    }()

    @Test func thereAreExamples() {
        #expect(!Self.examples.isEmpty)
    }

    /// Examples are run from the repository root, as their comments say.
    @Test(arguments: examples)
    func exampleRuns(path: String) throws {
        let root = URL(fileURLWithPath: path).deletingLastPathComponent().deletingLastPathComponent()
        let result = try Binary.run(["run", path], directory: root)
        #expect(result.status == 0)
        #expect(result.stderr == "")
    }

    @Test func aDirectoryOfDefinitionsLoadsAtStartUp() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/instruments")
        let result = try Binary.run(["--instruments", folder.path], stdin: "score demo4 often never sometimes never\n")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("DEMO-4 total 5 (range 0–8): medium (3–5)\n"))
        let broken = try Binary.run(["--instruments", "/nonexistent"], stdin: "")
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("cannot read the directory /nonexistent"))
    }
}

/// `stepcare score --batch`: the real binary on a real file.
@Suite struct BatchCommandLineTests {
    @Test func writesAPrivateOutputFileAndExitsNonZeroWhenARowIsBad() throws {
        let scratch = try TemporaryDirectory()
        let input = scratch.url.appendingPathComponent("in.csv")
        let output = scratch.url.appendingPathComponent("out.csv")
        try "client_id,date,item1,item2,item3,item4,item5,item6,item7\nc1,2026-01-05,1,1,1,1,1,1,2\nc2,2026-01-05,1,1\n"
            .write(to: input, atomically: true, encoding: .utf8)
        let result = try Binary.run(
            ["score", "--batch", input.path, "--instrument", "gad7", "--output", output.path])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "stepcare score: 2 rows read, 1 with errors (see the error column)\n")
        let written = try String(contentsOf: output, encoding: .utf8)
        #expect(written.contains("\n2,c1,2026-01-05,8,mild,yes,nhs-tt-caseness,,\n"))
        #expect(written.contains("\n3,c2,2026-01-05,,,,,,\"row 3: the row has 4 columns; GAD-7 needs 9"))
        let attributes = try FileManager.default.attributesOfItem(atPath: output.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func aCleanFileExitsZero() throws {
        let scratch = try TemporaryDirectory()
        let input = scratch.url.appendingPathComponent("in.csv")
        try "client_id,date,item1,item2\nc1,2026-01-05,2,1\n".write(to: input, atomically: true, encoding: .utf8)
        let result = try Binary.run(["score", "phq2", "--batch", input.path, "--format", "jsonl"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("{\"row\":2,\"client\":\"c1\",\"date\":\"2026-01-05\",\"total\":3,"))
    }

    @Test func aMissingFileOrUnknownInstrumentIsOneClearError() throws {
        let missing = try Binary.run(["score", "--batch", "/nonexistent.csv", "--instrument", "phq9"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot read /nonexistent.csv"))
        let unknown = try Binary.run(["score", "--batch", "/nonexistent.csv", "--instrument", "nope"])
        #expect(unknown.stderr.contains("no instrument is registered as \"nope\""))
    }

    /// In live, `timeline` marks an event recorded more than the late-entry interval after its effective time,
    /// and the service's `records.late-entry-after` sets the interval.
    @Test func liveTimelineMarksLateEntries() throws {
        let scratch = try TemporaryDirectory()
        let db = scratch.url.appendingPathComponent("live.sqlite").path
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let threeDaysAgo = formatter.string(from: Date().addingTimeInterval(-3 * 86_400))
        let fourDaysAgo = formatter.string(from: Date().addingTimeInterval(-4 * 86_400))
        let setup = try Binary.run(
            ["run", "-", "--db", db, "--context", "live"],
            stdin: """
                user add raj --role clinical-lead
                login raj
                case new C001 --referred \(fourDaysAgo)
                record attended --at \(threeDaysAgo)
                record crisis

                """)
        #expect(setup.status == 0, "\(setup.stderr)")
        let shown = try Binary.run(
            ["run", "-", "--db", db, "--context", "live"], stdin: "login raj\ntimeline C001\n")
        let lines = shown.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("session attended  [LATE ENTRY: recorded 3 days") }, "\(shown.stdout)")
        #expect(lines.contains { $0.contains("crisis contact") && !$0.contains("LATE") }, "\(shown.stdout)")
        // The interval is the service's configuration, set by the clinical lead, not a start-up option.
        let option = try Binary.run(
            ["run", "-", "--db", db, "--context", "live", "--late-after", "5d"], stdin: "login raj\ntimeline C001\n")
        #expect(option.status == 64, "\(option.stderr)")
        let relaxed = try Binary.run(
            ["run", "-", "--db", db, "--context", "live"],
            stdin: "login raj\nconfigure set records.late-entry-after=5d --reason \"weekly typing\"\ntimeline C001\n")
        #expect(relaxed.status == 0, "\(relaxed.stderr)")
        #expect(!relaxed.stdout.contains("LATE ENTRY"), "\(relaxed.stdout)")
    }

    /// In live a definition is loaded only to be kept (by the clinical lead, audited), so nobody can act under a
    /// pathway of their own making; a sandbox refuses what would look as if it happened.
    @Test func liveLoadsAreKeptAndSandboxesChangeNothingElse() throws {
        let scratch = try TemporaryDirectory()
        let pathway = Binary.root.appendingPathComponent("Examples/pathways/north-locality.json").path
        let live = try Binary.run(
            ["--db", "live.sqlite", "--context", "live"],
            stdin: "user add raj --role clinical-lead\nlogin raj\nuser add kim --role coach\nlogin kim\n"
                + "load-pathway \(pathway)\n", directory: scratch.url)
        #expect(live.status != 0)
        #expect(live.stderr.contains("in live, a pathway definition is loaded only to be kept"), "\(live.stderr)")
        let keptByCoach = try Binary.run(
            ["--db", "live.sqlite", "--context", "live"],
            stdin: "login kim\nload-pathway \(pathway) --keep --reason mine\n", directory: scratch.url)
        #expect(keptByCoach.status != 0)
        #expect(keptByCoach.stderr.contains("coach may not change the configuration"), "\(keptByCoach.stderr)")

        for line in [
            "configure set tier-3.slots=3 --reason x --as clinical-lead:raj", "user add zed --role coach",
            "load-pathway \(pathway) --keep --reason x --as clinical-lead:raj", "dashboard --html page.html",
            "export C001 --to out.jsonl",
        ] {
            let run = try Binary.run(
                ["--db", ":memory:"], stdin: "today 2026-02-02\ncase new\nsandbox\n\(line)\n", directory: scratch.url)
            #expect(run.status != 0, "\(line)")
            #expect(run.stderr.contains("is not run in a sandbox"), "\(line): \(run.stderr)")
        }
    }
}
