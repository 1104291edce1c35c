import Foundation
import StepCareTesting
import Testing

/// Every `--json` and export output of the real binary validates against its checked-in JSON Schema (Python
/// `jsonschema`, an independent validator), over a caseload with every kind of event.
@Suite struct JSONOutputSchemaTests {
    static let script = """
        today 2026-01-05T09:00
        user add raj --role clinical-lead
        login raj
        user add ana --role clinician
        user add lee --role supervisor
        case new C001 --prefers tier-1 --demographics "age-band=25-34"
        record score phq9 2 2 2 2 1 1 1 1 1
        record score cssrs 1 1 0 0 0 - 0
        as ana place
        record attended
        record no-show
        record crisis
        record plan safety --summary "call the crisis line"
        as ana record review risk
        as ana record review structured
        as ana step-up tier-2
        as ana record review structured
        record plan stability --warning-signs "a" --coping "b" --reaccess "c" --follow-up "d"
        as ana step-down tier-1 --cosign lee
        as ana record review structured
        as ana discharge --reason "completed"
        login ana
        break-glass --reason "night cover" --for 2h
        case new C010
        login raj
        case new C002
        record score phq9 3 3 3 3 3 3 3 3 2
        as ana place --cosign lee
        advance 30d
        case new C003
        record score gad7 3 3 3 3 3 3 3
        team add north
        team join north ana
        case C002
        assign --to ana --team north
        appointment book --on 2026-02-05T10:00 --with ana --for check-in
        appointment book --on 2026-02-06T10:00 --with ana
        appointment move 2 --on 2026-02-07T10:00
        appointment cancel 2 --reason "client away"
        record crisis --channel phone-line --outcome follow-up-arranged
        record ed-visit --outcome discharged-home
        record medication-question
        record outreach phone --outcome message-left

        """

    /// The outputs, each with the schema it must follow.
    static let outputs: [(command: String, schema: String)] = [
        ("timeline C001 --json", "schema/stepcare-case-2.schema.json"),
        ("export", "schema/stepcare-case-2.schema.json"),
        ("audit show --json", "schema/stepcare-audit-entry-1.schema.json"),
        ("audit head --json", "schema/stepcare-audit-head-1.schema.json"),
        ("audit verify --json", "schema/stepcare-audit-verify-1.schema.json"),
        ("evaluate C002 --json --at 2026-03-01", "schema/stepcare-evaluation-1.schema.json"),
        ("evaluate C003 --json --at 2026-03-01", "schema/stepcare-evaluation-1.schema.json"),
        ("evaluate C001 --json --at 2026-03-01", "schema/stepcare-evaluation-1.schema.json"),
        ("capacity --json --at 2026-03-01", "schema/stepcare-capacity-1.schema.json"),
        ("status --json", "schema/stepcare-session-1.schema.json"),
        ("user list --json", "schema/stepcare-session-1.schema.json"),
        ("break-glass list --json", "schema/stepcare-session-1.schema.json"),
        ("case --json", "schema/stepcare-caseload-1.schema.json"),
        ("timeline C002 --json", "schema/stepcare-case-2.schema.json"),
        ("worklist --all --json --at 2026-03-01", "schema/stepcare-worklist-1.schema.json"),
        ("evaluate C002 --json", "schema/stepcare-evaluation-1.schema.json"),
        ("evaluate --all --json --at 2026-03-01", "schema/stepcare-caseload-1.schema.json"),
        ("outcome phq9,gad7 --json --totals 16 12 -- 9 6", "schema/stepcare-outcome-1.schema.json"),
        ("outcome gad7 --json 3 3 2 2 1 1 0 -- 1 1 1 0 0 0 0", "schema/stepcare-outcome-1.schema.json"),
        ("outcome k10 --json --totals 30 -- 12", "schema/stepcare-outcome-1.schema.json"),
        ("instruments --json", "schema/stepcare-catalogue-1.schema.json"),
        ("describe phq9 --json", "schema/stepcare-catalogue-1.schema.json"),
        ("describe k10 --variant us-abs --json", "schema/stepcare-catalogue-1.schema.json"),
        ("describe cssrs --json", "schema/stepcare-catalogue-1.schema.json"),
        ("pathways --json", "schema/stepcare-pathway-1.schema.json"),
        ("pathway --json", "schema/stepcare-pathway-1.schema.json"),
        ("rights --json", "schema/stepcare-pathway-1.schema.json"),
        ("who-can step-down from tier-3 to tier-2 --json", "schema/stepcare-pathway-1.schema.json"),
        ("can coach step-up to tier-3 --json", "schema/stepcare-pathway-1.schema.json"),
        ("can clinician override --json", "schema/stepcare-pathway-1.schema.json"),
        ("can clinician step-up --json", "schema/stepcare-pathway-1.schema.json"),
        ("pathway --definition", "schema/stepcare-pathway-definition-1.schema.json"),
    ]

    /// The pathways written as data in `Examples/pathways` follow the definition schema; the same file with a
    /// condition the vocabulary lacks does not (the schema can fail).
    @Test func theExamplePathwaysFollowTheDefinitionSchema() throws {
        let schema = "schema/stepcare-pathway-definition-1.schema.json"
        for name in ["community-stepped-care", "north-locality", "talking-therapies"] {
            let url = Binary.root.appendingPathComponent("Examples/pathways/\(name).json")
            let object = try JSONSerialization.jsonObject(with: try Data(contentsOf: url))
            let line = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
            #expect(try SchemaValidation.problems([line], schema: schema, root: Binary.root) == [], "\(name)")
            let broken = line.replacingOccurrences(of: "\"bandWorsened\"", with: "\"moodWorsened\"")
            #expect(broken != line || name == "talking-therapies")
            if broken != line {
                #expect(try !SchemaValidation.problems([broken], schema: schema, root: Binary.root).isEmpty)
            }
        }
    }

    @Test(arguments: outputs.map(\.command))
    func theOutputFollowsItsSchema(command: String) throws {
        let schema = try #require(Self.outputs.first { $0.command == command }?.schema)
        let folder = try TemporaryDirectory()
        let setup = try Binary.run(["--db", "db.sqlite"], stdin: Self.script, directory: folder.url)
        #expect(setup.status == 0, "\(setup.stderr)")
        let run = try Binary.run(["--db", "db.sqlite"], stdin: command + "\n", directory: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(!lines.isEmpty)
        #expect(try SchemaValidation.problems(lines, schema: schema, root: Binary.root) == [])
    }

    /// The evaluation carries what the text shows: the open risk flag from PHQ-9 item 9, the same-day safety
    /// review it requires, with its deadline and who may authorise it.
    @Test func theEvaluationCarriesTheRiskFlagAndItsReview() throws {
        let folder = try TemporaryDirectory()
        _ = try Binary.run(["--db", "db.sqlite"], stdin: Self.script, directory: folder.url)
        let run = try Binary.run(
            ["--db", "db.sqlite"], stdin: "evaluate C002 --json --at 2026-03-01\n", directory: folder.url)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
        let flags = try #require(object["openRiskFlags"] as? [[String: Any]])
        #expect(flags.contains { $0["rule"] as? String == "phq9-item9-self-harm-thoughts" })
        let recommendations = try #require(object["recommendations"] as? [[String: Any]])
        let review = try #require(recommendations.first { $0["kind"] as? String == "urgent-safety-review" })
        #expect(review["overdue"] as? Bool == true, "raised 30 days ago, due the same day")
        #expect((review["authorisers"] as? String)?.isEmpty == false)
    }

    /// The outcome's classification matches the text report's: PHQ-9 16 → 9 with GAD-7 12 → 6 is a reliable
    /// recovery (both were cases, neither is, PHQ-9 fell by the 6 its reliable change needs).
    @Test func theOutcomeCarriesTheClassification() throws {
        let run = try Binary.run(["--db", ":memory:"], stdin: "outcome phq9,gad7 --json --totals 16 12 -- 9 6\n")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
        let text = try Binary.run(["--db", ":memory:"], stdin: "outcome phq9,gad7 --totals 16 12 -- 9 6\n").stdout
        for (key, words) in [("recovery", "recovery"), ("reliableRecovery", "reliable recovery")] {
            let flag = try #require(object[key] as? Bool, "\(key) missing")
            #expect(text.lowercased().contains("\(words): \(flag ? "yes" : "no")"), "\(key) disagrees with: \(text)")
        }
    }

    /// A failing verification is still one schema-valid object, says so, and exits 4.
    @Test func aFailedVerificationIsValidJSONThatSaysSo() throws {
        let folder = try TemporaryDirectory()
        _ = try Binary.run(["--db", "db.sqlite"], stdin: Self.script, directory: folder.url)
        let anchor = "3:" + String(repeating: "f", count: 64)
        let run = try Binary.run(
            ["--db", "db.sqlite"], stdin: "audit verify --json --anchor \(anchor)\n", directory: folder.url)
        #expect(run.status == 4)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 1 && lines[0].contains("\"intact\":false"), "\(run.stdout)")
        #expect(
            try SchemaValidation.problems(
                lines, schema: "schema/stepcare-audit-verify-1.schema.json", root: Binary.root)
                == [])
    }

    /// Every registered instrument (every variant) and every registered pathway, described as JSON, follows
    /// its schema; the descriptions carry the same bands and risk rules as the text.
    @Test func everyInstrumentAndPathwayDescribedAsJSONFollowsItsSchema() throws {
        let listed = try Binary.run(["--db", ":memory:"], stdin: "instruments --json\npathways --json\n").stdout
        var instruments: [String] = []
        var pathways: [String] = []
        for line in listed.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let id = try #require(object["id"] as? String)
            if object["record"] as? String == "pathway" {
                pathways.append(id)
                continue
            }
            instruments.append(id)
            for variant in object["variants"] as? [String] ?? [] { instruments.append("\(id) --variant \(variant)") }
        }
        #expect(instruments.count >= 15 && pathways.count >= 2)
        let script = instruments.map { "describe \($0) --json" } + ["rights --json"]
        let described = try Binary.run(["--db", ":memory:"], stdin: script.joined(separator: "\n") + "\n")
        #expect(described.status == 0, "\(described.stderr)")
        let lines = described.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == script.count)
        #expect(
            try SchemaValidation.problems(
                Array(lines.dropLast()), schema: "schema/stepcare-catalogue-1.schema.json", root: Binary.root) == [])
        let phq9 = try #require(
            try JSONSerialization.jsonObject(with: Data(lines[instruments.firstIndex(of: "phq9") ?? 0].utf8))
                as? [String: Any])
        let risk = try #require((phq9["riskRules"] as? [[String: Any]])?.first)
        #expect(risk["item"] as? Int == 9 && risk["urgency"] as? String == "same-day")
        for pathway in pathways {
            let run = try Binary.run(
                ["--db", ":memory:"], stdin: "use \(pathway)\npathway --json\nrights --json\nwho-can step-up --json\n")
            let json = run.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("{") }
            #expect(json.count == 3, "\(pathway): \(run.stdout)\(run.stderr)")
            #expect(
                try SchemaValidation.problems(json, schema: "schema/stepcare-pathway-1.schema.json", root: Binary.root)
                    == [])
        }
    }
}
