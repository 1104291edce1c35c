import Foundation
import GRDB
import StepCareConsole
import StepCareCore
import StepCareReports
import StepCareService
import StepCareStore
import Testing

/// Every command that changes records writes exactly one audit entry, naming the action, user, role, client and
/// context; every other command writes none; and refused input changes no byte of the database.
@Suite struct AuditCompletenessTests {
    /// A session with two users, a placed case with a risk flag, and a stability plan.
    static let setup = """
        user add raj --role clinical-lead
        login raj
        user add ana --role clinician
        user add lee --role supervisor
        case new C001
        record score phq9 1 1 1 1 0 0 0 0 1
        as ana place
        as ana record review risk
        as ana record review structured
        record plan stability --warning-signs "a" --coping "b" --reaccess "c" --follow-up "d"
        """

    /// Each writing command, with a valid use and the action its entry must name.
    static let writing: [(command: String, line: String, action: String)] = [
        ("case", "case new C002", "case new"),
        ("record", "record attended", "record attended"),
        ("correct", "as ana correct 2 --reason \"another client's form\" score phq9 1 1 1 1 0 0 0 0 0", "correct"),
        ("place", "case new C003\nas ana place", "place"),
        ("step-up", "as ana step-up tier-2", "step-up"),
        (
            "step-down",
            "as ana step-up tier-2\nas ana record review structured\nrecord plan stability --warning-signs \"a\" "
                + "--coping \"b\" --reaccess \"c\" --follow-up \"d\"\nas ana step-down tier-1 --cosign lee",
            "step-down"
        ),
        ("override", "as ana override tier-3 --reason \"crisis\" --cosign raj", "override"),
        ("discharge", "as ana discharge --reason \"completed\"", "discharge"),
        ("user", "user add kim --role coach", "user add"),
        ("login", "login ana", "login"),
        ("break-glass", "login ana\nbreak-glass --reason \"night cover\"", "break-glass"),
        ("export", "export C001", "export"),
        ("import", "IMPORT", "import"),
        ("import-scores", "SCORES", "import-scores"),
        ("simulate", "simulate pathway community-stepped-care --reps 1 --days 30 --seed 99 --save", "simulate"),
        ("assign", "assign --to ana", "assign"),
        ("appointment", "appointment book --on 2026-02-05T10:00 --with ana --for check-in", "appointment book"),
        ("team", "team add north", "team add"),
        ("configure", "configure set tier-3.slots=10 --reason \"more staff\" --as clinical-lead:raj", "configure"),
        (
            "load-pathway", "load-pathway PATHWAY --keep --reason \"our own\" --as clinical-lead:raj",
            "load-pathway"
        ),
        (
            "load-instrument", "load-instrument INSTRUMENT --keep --reason \"pilot\" --as clinical-lead:raj",
            "load-instrument"
        ),
    ]

    /// Each command that writes nothing, with a use.
    static let reading: [String: String] = [
        "help": "help", "instruments": "instruments", "describe": "describe phq9",
        "score": "score phq9 1 1 1 1 1 1 1 1 0", "administer": "administer gad7", "outcome": "outcome phq9 20 9",
        "pathways": "pathways", "use": "use talking-therapies",
        "pathway": "pathway", "rights": "rights", "who-can": "who-can step-up", "can": "can coach place",
        "timeline": "timeline", "evaluate": "evaluate", "capacity": "capacity", "dashboard": "dashboard",
        "today": "today 2026-02-01",
        "advance": "advance 1d", "say": "say hello", "expect": "expect tier tier-1", "status": "status",
        "logout": "logout", "as": "as ana evaluate", "audit": "audit verify", "quit": "quit",
        "worklist": "worklist --all", "sandbox": "sandbox",
    ]

    @Test func everyCommandIsClassifiedByWhetherItWrites() {
        let writing = Set(Self.writing.map(\.command))
        for spec in CommandTable.standard.commands {
            if spec.writes == .nothing {
                #expect(Self.reading[spec.name] != nil, "\(spec.name) has no read-only check here")
            } else {
                #expect(writing.contains(spec.name), "\(spec.name) writes but has no audit check here")
            }
        }
    }

    @Test(arguments: writing.map(\.command))
    func aWritingCommandWritesExactlyOneEntry(command: String) throws {
        // Simulated cases are kept only in the simulation context.
        let context: RecordContext = command == "simulate" ? .simulation : .training
        let session = try StoreSession(context: context)
        try session.run(Self.setup)
        guard let row = Self.writing.first(where: { $0.command == command }) else { return }
        var lines = row.line.split(separator: "\n").map(String.init)
        let last = try prepare(lines.removeLast(), in: session)
        if !lines.isEmpty { try session.run(lines.joined(separator: "\n")) }
        let before = try session.entries()
        try session.run(last)
        let after = try session.entries()
        #expect(after.count == before.count + 1, "\(last) wrote \(after.count - before.count) entries")
        let entry = try #require(after.last)
        #expect(entry.action == row.action)
        #expect(entry.context == context.rawValue)
        #expect(!entry.user.isEmpty && entry.user != "unidentified")
        #expect(try session.store.verify(anchor: nil).isIntact)
    }

    @Test(arguments: reading.keys.sorted())
    func aReadOnlyCommandWritesNothing(command: String) throws {
        let session = try StoreSession()
        try session.run(Self.setup)
        let before = try session.fileDigest()
        let digests = try session.store.recordDigests()
        let count = try session.entries().count
        // Some of these are refused here (administer has no input to read); either way nothing may be written.
        try? session.run(Self.reading[command] ?? "")
        #expect(try session.entries().count == count)
        if ["today", "advance"].contains(command) {
            // The session clock is kept so the caseload reopens at it: one row of session state, no record.
            #expect(try session.store.recordDigests() == digests)
            let clocks = try DatabaseQueue(path: session.path).read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM session_clocks") ?? 0
            }
            #expect(clocks == 1)
        } else {
            #expect(try session.fileDigest() == before)
        }
    }

    /// Refused input of every kind: each is an error, with a hint, and the database is byte-for-byte the same.
    @Test(arguments: [
        "case new C001", "case new 9x", "case new --demographics \"age band=1\"", "record score phq9 9 9",
        "record review risk --as coach:kim", "as ana step-down tier-1", "as ana correct 1 --reason x",
        "as ana correct 3 --reason x", "as ana correct 2", "as ana correct 99 --reason x",
        "as ana correct 2 --reason x attended", "as ana override tier-3 --reason x",
        "as ana override tier-3 --reason x --cosign ana", "place --as nobody", "user add raj --role clinician",
        "user add bad name --role coach", "as ana user add kim --role coach", "login nobody",
        "break-glass --reason x --for 13h", "as lee break-glass", "audit verify --anchor 1:xyz", "import /nonexistent",
        "import-scores /nonexistent", "export C999", "as ana discharge --at 2025-01-01",
        "load-pathway /nonexistent.json --keep --reason x --as clinical-lead:raj",
        "load-instrument /nonexistent.json --keep --reason x --as clinical-lead:raj",
    ])
    func refusedInputChangesNoByte(line: String) throws {
        let session = try StoreSession()
        try session.run(Self.setup)
        let before = try session.fileDigest()
        let caseload = session.interpreter.workspace.caseload
        do throws(Diagnostic) {
            try session.run(line)
            Issue.record("accepted: \(line)")
        } catch {
            #expect(error.hint != nil, "\(line): \(error.message) has no hint")
        }
        #expect(try session.fileDigest() == before, "\(line) changed the database")
        #expect(session.interpreter.workspace.caseload == caseload)
    }

    /// Replaces the IMPORT and SCORES placeholders with a command reading a file written for the test.
    private func prepare(_ line: String, in session: StoreSession) throws -> String {
        switch line {
        case "IMPORT":
            let other = try StoreSession(folder: session.folder.path == "" ? nil : try ScratchFolder())
            try other.run("case new C777\nexport --to \(session.folder.path)/one.jsonl")
            return "import \(session.folder.path)/one.jsonl"
        case "SCORES":
            let file = session.folder.path + "/scores.csv"
            try "case,date,instrument,answers\nC001,2026-01-02,gad7,1 1 1 1 1 1 1\n".write(
                toFile: file, atomically: true, encoding: .utf8)
            return "import-scores \(file)"
        default:
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            return
                line
                .replacingOccurrences(
                    of: "PATHWAY", with: root.appendingPathComponent("Examples/pathways/north-locality.json").path
                )
                .replacingOccurrences(
                    of: "INSTRUMENT", with: root.appendingPathComponent("Examples/instruments/demo4.json").path)
        }
    }
}
