import StepCareConsole
import StepCareCore
import StepCareEngine
import StepCareRegistry
import StepCareReports
import StepCareService
import Testing

/// The coordinator's commands through a real interpreter: bad input is refused with the word it names and a
/// hint, and changes nothing; the worklist's three formats agree.
@Suite struct CaseloadCommandTests {
    let interpreter: Interpreter
    let output = StringOutput()

    init() throws {
        interpreter = Interpreter(registry: try Registry.builtIn(), output: output, input: QueuedInput([]))
        try interpreter.run(
            try Parser.parse(
                """
                today 2026-01-05T09:00
                user add raj --role clinical-lead
                login raj
                user add ana --role clinician
                team add north
                team join north ana
                case new C001
                record score phq9 2 2 2 2 1 1 1 1 0
                place --as ana
                assign --to ana --team north
                appointment book --on 2026-01-05T11:00 --with ana
                record crisis --channel walk-in
                """))
    }

    func refused(_ source: String, _ code: StepCareError.Code, mentioning words: [String] = []) {
        let before = interpreter.workspace.caseload
        let teams = interpreter.workspace.teams
        do {
            try interpreter.run(try Parser.parse(source))
            Issue.record("accepted: \(source)")
        } catch {
            #expect(error.code == code, "\(source): \(error.message)")
            for word in words { #expect((error.message + (error.hint ?? "")).contains(word), "\(source): \(error)") }
            #expect(error.hint != nil, "\(source) gave no hint")
            #expect(error.location != nil, "\(source) pointed nowhere")
        }
        #expect(interpreter.workspace.caseload == before, "\(source) changed the caseload")
        #expect(interpreter.workspace.teams == teams, "\(source) changed the teams")
    }

    @Test func badInputIsRefusedAndNothingIsStored() {
        refused("appointment book --on 2026-01-05T11:00 --with ana", .invalidAppointment, mentioning: ["double-booked"])
        refused("appointment book --on 2026-01-04T11:00 --with ana", .invalidAppointment, mentioning: ["past"])
        refused("appointment book --on tomorrow --with ana", .invalidOption, mentioning: ["YYYY-MM-DD"])
        refused(
            "appointment book --on 2026-01-06T11:00 --with ana --for chat", .invalidOption, mentioning: ["check-in"])
        refused("appointment book --on 2026-01-06T11:00", .missingArgument, mentioning: ["--with"])
        refused("appointment move 9 --on 2026-01-06T11:00", .invalidAppointment, mentioning: ["no appointment 9"])
        refused("appointment cancel", .missingArgument, mentioning: ["number"])
        refused("appointment reschedule 1", .invalidOption, mentioning: ["book, move, cancel or list"])
        refused("assign --to zed", .unknownUser, mentioning: ["ana"])
        refused("assign --to ana --team south", .unknownTeam, mentioning: ["north"])
        refused("assign", .missingArgument, mentioning: ["--to"])
        refused("record outreach phone --outcome maybe", .invalidOption, mentioning: ["reached", "no-answer"])
        refused("record outreach pigeon --outcome reached", .invalidOption, mentioning: ["phone"])
        refused("record outreach phone", .missingArgument, mentioning: ["--outcome"])
        refused("record crisis --channel smoke-signal", .invalidOption, mentioning: ["phone-line"])
        refused("record ed-visit --outcome fine", .invalidOption, mentioning: ["discharged-home"])
        refused("record attended --outcome reached", .invalidOption, mentioning: ["would be lost"])
        refused("record plan step-up --safety-actions x", .missingDocumentation, mentioning: ["check-ins"])
        refused("worklist --team south", .unknownTeam)
        refused("case --status closed", .invalidOption, mentioning: ["referred, open, discharged"])
        refused("team add north", .invalidOption, mentioning: ["already"])
        refused("team join north zed", .unknownUser)
        refused("expect not-recommends chek-in", .invalidOption, mentioning: ["check-in"])
        refused("appointment book --on 2026-01-06T11:00 --with ana --reason why", .invalidOption, mentioning: ["lost"])
        refused("appointment move 1 --on 2026-01-06T11:00 --with lee", .invalidOption, mentioning: ["lost"])
        refused("appointment cancel 1 --on 2026-01-06T11:00", .invalidOption, mentioning: ["lost"])
        refused("appointment book --on 2027-06-01T11:00 --with ana", .invalidAppointment, mentioning: ["a year"])
        refused(
            "record plan step-up --safety-actions a --check-ins b --step-down-target c --summary s", .invalidOption,
            mentioning: ["lost"])
        refused(
            "record plan step-up --safety-actions \"a\u{1B}[2J\" --check-ins b --step-down-target c", .invalidNote,
            mentioning: ["control characters"])
        refused("assign --to ana", .invalidOption, mentioning: ["already held"])
        refused("worklist --all --team north", .invalidOption, mentioning: ["contradict"])
        refused("team add NORTH", .invalidOption, mentioning: ["north"])
        refused("team list extra", .invalidOption)
        refused("override tier-2 --as ana --cosign raj --reason x --hand-over-to nobody", .unknownUser)
    }

    /// A handover with a move puts the case on the receiver's list at once; the team is kept.
    @Test func aHandoverWithAMoveMovesTheCaseBetweenWorklists() throws {
        try interpreter.run(
            try Parser.parse(
                """
                user add bob --role clinician
                user add lee --role supervisor
                worklist --owner ana
                record review structured --as ana
                record review supervisor --as lee
                step-up tier-3 --as ana --cosign lee --hand-over-to bob
                """))
        #expect(try printed("worklist --owner ana").contains("nothing due"))
        let bob = try printed("worklist --owner bob")
        #expect(bob.contains("C001 [bob/north]") && bob.contains("write the step-up plan"), "\(bob)")
        #expect(try printed("case --team north").contains("C001  tier-3"))
    }

    /// What `source` prints.
    func printed(_ source: String) throws -> String {
        let start = output.text.count
        try interpreter.run(try Parser.parse(source))
        return String(output.text.dropFirst(start))
    }

    @Test func theWorklistReadsTheSameInTextJSONAndCSV() throws {
        try interpreter.run(try Parser.parse("today 2026-01-05T12:00"))
        let text = try printed("worklist --all")
        #expect(text.contains("OVERDUE 2026-01-05T11:00  C001 [ana/north]"), "\(text)")
        #expect(text.contains("follow-up contact"))
        let json = try printed("worklist --all --json").split(separator: "\n")
        #expect(json.count == 2 && json[0].contains("\"overdue\":true") && json[0].contains("\"kind\":\"appointment\""))
        let csv = try printed("worklist --all --csv").split(separator: "\n")
        #expect(csv.first == "case,overdue,deadline,kind,rule,task,documentation,tier,clinician,coordinator,team")
        #expect(csv.count == 3 && csv[1].hasPrefix("C001,true,2026-01-05T11:00:00Z,appointment,"))
        // Logged in, the worklist is the user's own: raj holds no case.
        #expect(try printed("worklist").contains("nothing due"))
    }

    @Test func aCellASpreadsheetWouldRunIsMadeInert() {
        #expect(CSVLine.inert("=cmd|' /c calc'!A1") == "'=cmd|' /c calc'!A1")
        #expect(CSVLine.inert("-2") == "'-2")
        #expect(CSVLine.inert("C001") == "C001")
    }
}
