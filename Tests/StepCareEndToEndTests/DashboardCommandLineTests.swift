import Foundation
import Testing

/// `stepcare dashboard` on a real SQLite caseload: contexts kept apart, 80-column tables, bad input refused.
@Suite struct DashboardCommandLineTests {
    /// A caseload file holding the crisis step-up scenario's training records (referred 2026-02-02).
    static func trainingCaseload(in directory: TemporaryDirectory) throws -> String {
        let db = directory.url.appendingPathComponent("caseload.sqlite").path
        let scenario = Binary.root.appendingPathComponent("Examples/scenarios/crisis-step-up.stepcare").path
        let result = try Binary.run(["run", scenario, "--db", db, "--context", "training"])
        #expect(result.status == 0, "\(result.stderr)")
        return db
    }

    /// The sum over the 12 weeks of history of one metric, from `--json` output.
    static func total(_ id: String, _ json: String) throws -> Double {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let history = try #require(object["history"] as? [[String: Any]])
        #expect(history.count == 12)
        return history.reduce(0) { $0 + ((($1["values"] as? [String: Any])?[id] as? Double) ?? 0) }
    }

    /// A live huddle reports weeks that have happened; no context reports a week past 2199.
    @Test func aWeekThatHasNotHappenedIsRefused() throws {
        let directory = try TemporaryDirectory()
        let db = try Self.trainingCaseload(in: directory)
        let setup = try Binary.run(
            ["run", "-", "--db", db, "--context", "live"], stdin: "user add raj --role clinical-lead\n")
        #expect(setup.status == 0, "\(setup.stderr)")
        let live = try Binary.run([
            "dashboard", "--context", "live", "--user", "raj", "--db", db, "--week", "2099-01-04",
        ])
        #expect(live.status == 1)
        #expect(live.stderr.contains("has not happened yet"), "\(live.stderr)")
        let far = try Binary.run(["dashboard", "--context", "training", "--db", db, "--week", "9999-12-31"])
        #expect(far.status == 1, "\(far.stdout)")
    }

    @Test func eachContextCountsOnlyItsOwnRecords() throws {
        let directory = try TemporaryDirectory()
        let db = try Self.trainingCaseload(in: directory)
        let week = ["--db", db, "--week", "2026-03-22", "--json"]
        let training = try Binary.run(["dashboard", "--context", "training"] + week)
        // Reading live records needs a registered user, and the read is audited.
        let anonymous = try Binary.run(["dashboard", "--context", "live"] + week)
        #expect(anonymous.status == 2 && anonymous.stderr.contains("live records are read only by a logged-in user"))
        let setup = try Binary.run(
            ["run", "-", "--db", db, "--context", "live"], stdin: "user add raj --role clinical-lead\n")
        #expect(setup.status == 0, "\(setup.stderr)")
        let live = try Binary.run(["dashboard", "--context", "live", "--user", "raj"] + week)
        #expect(training.status == 0 && live.status == 0, "\(training.stderr)\(live.stderr)")
        let audit = try Binary.run(
            ["run", "-", "--db", db, "--context", "live"], stdin: "login raj\naudit show --action read\n")
        #expect(audit.stdout.contains("raj (clinical-lead)  read dashboard"), "\(audit.stdout)")
        #expect(try Self.total("referrals", training.stdout) == 1)
        #expect(try Self.total("step-ups", training.stdout) == 1)
        #expect(try Self.total("tier-3.entries", training.stdout) == 1)
        #expect(try Self.total("referrals", live.stdout) == 0)
        #expect(try Self.total("step-ups", live.stdout) == 0)
    }

    @Test func theTablesFitEightyColumns() throws {
        let directory = try TemporaryDirectory()
        let db = try Self.trainingCaseload(in: directory)
        let result = try Binary.run(["dashboard", "--db", db, "--context", "training", "--week", "2026-03-08"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("this week   last week      change"))
        #expect(result.stdout.contains("tier-3 (Tier 3"))
        for line in result.stdout.split(separator: "\n") {
            #expect(line.count <= 80, "too wide: \(line)")
        }
    }

    @Test(arguments: [
        (["--week", "March"], "--week takes a date, not \"March\""),
        (["--suppress", "0"], "--suppress takes a whole number from 1 to 1000"),
        (["--by", "religion"], "no case on this pathway has the field \"religion\" recorded"),
        (["--pathway", "nonesuch"], "nonesuch"),
        (["--html", "/nonexistent-folder/huddle.html"], "the folder /nonexistent-folder does not exist"),
    ])
    func badInputIsOneClearErrorAndExitsNonZero(arguments: [String], message: String) throws {
        let result = try Binary.run(["dashboard", "--db", ":memory:"] + arguments)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
