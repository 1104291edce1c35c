import Foundation
import StepCareConsole
import StepCareCore
import StepCareEngine
import StepCareReports
import StepCareService
import StepCareStore
import Testing

/// Contexts keep live, training and simulated records apart; live records are changed only by logged-in
/// users acting as themselves; break-glass is granted by right, with a reason, for a limited time, and audited.
@Suite struct ContextAndAccessTests {
    @Test func trainingNeverSeesOrWritesLiveRecords() throws {
        let live = try StoreSession(context: .live)
        try live.run("user add raj --role clinical-lead\nlogin raj\ncase new L001")
        let training = try StoreSession(context: .training, folder: live.folder)
        #expect(training.interpreter.workspace.caseload.order.isEmpty)
        #expect(training.interpreter.workspace.users.isEmpty)
        try training.run("case new L001\nrecord attended --as coach:kim")
        #expect(try live.store.load(.live).caseload.cases["L001"]?.events.count == 1)
        #expect(try live.store.load(.training).caseload.cases["L001"]?.events.count == 2)
        let contexts = Set(try live.entries().map(\.context))
        #expect(contexts == ["live", "training"])
    }

    @Test(arguments: [
        ("case new", "login"),
        ("user add raj --role clinical-lead\nlogin raj\ncase new\nplace --as clinician:ana", "registered"),
        ("user add raj --role clinical-lead\nuser add ana --role clinician", "clinical lead"),
        ("user add raj --role clinical-lead\nlogin raj\ntoday 2026-02-01", "real clock"),
        ("user add raj --role clinical-lead\nlogin raj\nadvance 1d", "real clock"),
    ])
    func liveRecordsRefuseAnonymousAdHocAndTimeTravel(script: String, mentioning: String) throws {
        let session = try StoreSession(context: .live)
        do throws(Diagnostic) {
            try session.run(script)
            Issue.record("accepted: \(script)")
        } catch {
            #expect((error.message + (error.hint ?? "")).contains(mentioning), "\(error.message)")
        }
    }

    @Test(arguments: [
        "as ana record attended", "as raj user add evil --role clinical-lead", "record attended --at 2026-06-01",
        "case new --referred 2026-06-01", "place --as clinician:kim",
    ])
    func liveRefusesActingForOthersFutureDatesAndClaimedRoles(line: String) throws {
        let session = try StoreSession(context: .live)
        try session.run(
            """
            user add raj --role clinical-lead
            login raj
            user add ana --role clinician
            user add kim --role coach
            login kim
            case new
            """)
        let before = try session.fileDigest()
        #expect(throws: Diagnostic.self, "accepted: \(line)") { try session.run(line) }
        #expect(try session.fileDigest() == before)
    }

    @Test func theFirstUserMustBeAClinicalLeadAndTrainingActorsCannotClaimAnotherRole() throws {
        let session = try StoreSession()
        #expect(throws: Diagnostic.self) { try session.run("user add kim --role coach") }
        try session.run("user add raj --role clinical-lead\nlogin raj\nuser add kim --role coach\ncase new")
        #expect(throws: Diagnostic.self) { try session.run("place --as clinician:kim") }
    }

    @Test func expectRefusedNeverKeepsAnAcceptedCommand() throws {
        let session = try StoreSession()
        try session.run("case new")
        let count = try session.entries().count
        #expect(throws: Diagnostic.self) { try session.run("expect refused record attended") }
        #expect(try session.entries().count == count)
        #expect(session.interpreter.workspace.caseload.cases["C001"]?.events.count == 1)
    }

    @Test func auditShowByClientFindsBatchesThatWroteTheClientsRecords() throws {
        let session = try StoreSession()
        try session.run("case new C001\ncase new C002")
        let file = session.folder.path + "/scores.csv"
        try "case,date,instrument,answers\nC001,2026-01-02,gad7,1 1 1 1 1 1 1\nC002,2026-01-02,gad7,0 0 0 0 0 0 0\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        try session.run("import-scores \(file)")
        let entries = try session.store.auditEntries(AuditFilter(client: "C002"))
        #expect(entries.map(\.action) == ["case new", "import-scores"])
    }

    @Test func liveDecisionsAreMadeOnlyAsTheLoggedInUser() throws {
        let session = try StoreSession(context: .live)
        try session.run(
            """
            user add raj --role clinical-lead
            login raj
            user add ana --role clinician
            user add kim --role coach
            login kim
            case new
            """)
        #expect(throws: Diagnostic.self) { try session.run("place --as ana") }
        try session.run("place")
        #expect(try session.entries().last?.user == "kim")
        #expect(try session.entries().last?.role == "coach")
    }

    @Test func trainingExportsNeverEnterLiveRecords() throws {
        let training = try StoreSession()
        try training.run("case new T001\nexport --to \(training.folder.path)/t.jsonl")
        let live = try StoreSession(context: .live)
        try live.run("user add raj --role clinical-lead\nlogin raj")
        let before = try live.store.records(.live, cases: nil)
        let entries = try live.entries().count
        do throws(Diagnostic) {
            try live.run("import \(training.folder.path)/t.jsonl")
            Issue.record("a training export was imported into live records")
        } catch {
            #expect(error.message.contains("cannot be imported into live records"))
        }
        let other = try StoreSession(context: .simulation, folder: training.folder)
        #expect(throws: Diagnostic.self) { try other.run("import \(training.folder.path)/t.jsonl") }
        // No record changed; the refused attempt itself is the one thing audited.
        #expect(try live.store.records(.live, cases: nil) == before)
        #expect(try live.entries().count == entries + 1)
        #expect(try live.entries().last?.action == "refused import")
    }

    @Test func exportThenImportGivesTheSameTimelines() throws {
        let first = try StoreSession()
        try first.run(
            """
            case new --demographics "sex=female"
            record score phq9 2 2 2 2 1 1 1 1 0
            place --as coach:kim
            case new
            record crisis
            export --to \(first.folder.path)/all.jsonl
            """)
        let second = try StoreSession()
        try second.run("import \(first.folder.path)/all.jsonl")
        #expect(second.interpreter.workspace.caseload == first.interpreter.workspace.caseload)
        #expect(
            try second.entries().last?.detail
                == "2 case(s) opened; 5 event(s): referral, score phq9, place to tier-1, crisis; 2 clients")
        #expect(throws: Diagnostic.self) { try second.run("import \(first.folder.path)/all.jsonl") }
    }

    /// An imported event dated outside 1900–2199 is refused by name before it reaches the store (it once went in
    /// and then crashed every later read with an arithmetic overflow); a time not written as the schema says is
    /// refused naming the field.
    @Test(arguments: [
        ("1899-12-31T23:59:00Z", "outside the dates a record may carry (1900-01-01 to 2199-12-31)"),
        ("2200-01-01T00:00:00Z", "outside the dates a record may carry (1900-01-01 to 2199-12-31)"),
        ("0000-01-01T00:00:00Z", "outside the dates a record may carry (1900-01-01 to 2199-12-31)"),
        ("2026-02-30T09:00:00Z", "/events/1/at: a time is written 2026-01-06T09:00:00Z"),
        ("2026-01-06T09:00:30Z", "/events/1/at: a time is written 2026-01-06T09:00:00Z"),
        ("2026-01-06 09:00", "/events/1/at: a time is written 2026-01-06T09:00:00Z"),
    ])
    func importedDatesOutsideTheRecordableYearsAreRefused(at: String, message: String) throws {
        let first = try StoreSession()
        try first.run("case new\nrecord crisis\nexport --to \(first.folder.path)/one.jsonl")
        let line = try String(contentsOfFile: first.folder.path + "/one.jsonl", encoding: .utf8)
        let crisis = try #require(line.ranges(of: #/,"at":"[^"]*","kind"/#).last)
        let edited = line.replacingCharacters(in: crisis, with: ",\"at\":\"\(at)\",\"kind\"")
        try edited.write(toFile: first.folder.path + "/bad.jsonl", atomically: true, encoding: .utf8)
        let second = try StoreSession()
        let before = try second.fileDigest()
        do throws(Diagnostic) {
            try second.run("import \(first.folder.path)/bad.jsonl")
            Issue.record("an event dated \(at) was imported")
        } catch {
            #expect(second.output.text.contains(message), "\(second.output.text)")
        }
        #expect(try second.fileDigest() == before)
        #expect(second.interpreter.workspace.caseload.cases.isEmpty)
    }

    @Test func scoreImportListsBadRowsAndRecordsTheRestUnlessAllOrNothing() throws {
        let session = try StoreSession()
        try session.run("case new C001\ncase new C002")
        let file = session.folder.path + "/scores.csv"
        try """
        case,date,instrument,answers
        C001,2026-01-02,phq9,1 1 1 1 1 1 1 1 0
        C009,2026-01-02,phq9,1 1 1 1 1 1 1 1 0
        C002,2026-01-02,phq9,1 1 1 9 1 1 1 1 0
        C002,2026-01-03,gad7,2 2 2 2 2 2 2

        """.write(toFile: file, atomically: true, encoding: .utf8)
        let before = try session.fileDigest()
        #expect(throws: Diagnostic.self) { try session.run("import-scores \(file) --all-or-nothing") }
        #expect(try session.fileDigest() == before)
        #expect(throws: Diagnostic.self) { try session.run("import-scores \(file)") }
        #expect(session.output.text.contains("row 3: there is no case with that id"))
        #expect(session.output.text.contains("row 4:"))
        #expect(!session.output.text.contains("9 1 1"), "answers must not be echoed")
        let stored = try session.store.load(.training).caseload
        #expect(stored.cases["C001"]?.events.count == 2)
        #expect(stored.cases["C002"]?.events.count == 2)
        #expect(try session.entries().last?.action == "import-scores")
    }

    @Test func breakGlassNeedsTheRightAndAReasonLastsAtMostTwelveHoursAndIsListed() throws {
        let session = try StoreSession()
        try session.run(
            """
            user add raj --role clinical-lead
            login raj
            user add kim --role coach
            user add ana --role clinician
            case new
            record score phq9 1 1 1 1 0 0 0 0 0
            as ana place
            """)
        #expect(throws: Diagnostic.self) { try session.run("as kim break-glass --reason \"cover\"") }
        #expect(throws: Diagnostic.self) { try session.run("as ana break-glass") }
        #expect(throws: Diagnostic.self) { try session.run("as ana break-glass --reason \"cover\" --for 13h") }
        #expect(throws: Diagnostic.self) { try session.run("as ana step-up tier-3 --reason \"x\"") }
        try session.run("login ana\nbreak-glass --reason \"night cover\" --for 2h")
        try session.run("record review structured\nstep-up tier-2")
        let entry = try #require(try session.entries().last)
        #expect(entry.role == "clinical-lead (break-glass)")
        try session.run("advance 2h")
        #expect(session.interpreter.workspace.activeGrant(for: "ana") == nil)
        try session.run("record review structured")
        #expect(try session.entries().last?.role == "clinician")
        try session.run("break-glass list")
        #expect(session.output.text.contains("ana as clinical-lead from 2026-01-01 until 2026-01-01T02:00 [ended]"))
        #expect(
            session.output.text.contains(
                "entries under it: \(entry.sequence - 1) record review, \(entry.sequence) step-up"))
    }

    /// In live, listing the cases and checking a case with `expect` are reads of client records: audited as
    /// `read …`, and refused without a login.
    @Test func liveListingsAndExpectationsAreAuditedReads() throws {
        let live = try StoreSession(context: .live)
        try live.run("user add raj --role clinical-lead\nlogin raj\ncase new C001")
        try live.run("case")
        #expect(try live.entries().last?.action == "read case")
        try live.run("expect tier none")
        #expect(try live.entries().last?.action == "read expect")
        #expect(try live.entries().last?.client == "C001")
        try live.run("logout")
        #expect(throws: Diagnostic.self) { try live.run("expect tier none") }
    }
}
