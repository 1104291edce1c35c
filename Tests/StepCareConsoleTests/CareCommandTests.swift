import StepCareConsole
import StepCareCore
import StepCareEngine
import StepCareRegistry
import StepCareReports
import StepCareService
import Testing

/// The care commands through a real interpreter: bad input is refused by name and leaves the case unchanged.
@Suite struct CareCommandTests {
    let interpreter: Interpreter
    let output = StringOutput()

    init() throws {
        interpreter = Interpreter(registry: try Registry.builtIn(), output: output, input: QueuedInput([]))
        try run(
            """
            today 2026-01-05
            case new
            record score phq9 2 2 2 2 1 1 1 1 0
            place --as coach:kim
            """)
    }

    func run(_ source: String) throws(Diagnostic) {
        try interpreter.run(try Parser.parse(source))
    }

    /// Runs `source`, which must fail with `code`, and checks the case and clock did not change.
    func refused(_ source: String, _ code: StepCareError.Code, mentioning words: [String] = []) {
        let before = interpreter.workspace.caseload
        let clock = interpreter.workspace.now
        do {
            try run(source)
            Issue.record("accepted: \(source)")
        } catch {
            #expect(error.code == code, "\(source): \(error.message)")
            for word in words { #expect((error.message + (error.hint ?? "")).contains(word), "\(source): \(error)") }
            #expect(error.hint != nil, "\(source) gave no hint")
        }
        #expect(interpreter.workspace.caseload == before, "\(source) changed the caseload")
        #expect(interpreter.workspace.now == clock)
    }

    @Test func unknownRoleTierCaseAndActionAreNamed() {
        refused("step-up --as nurse:sam", .unknownRole, mentioning: ["nurse", "clinician"])
        refused("step-up tier-9 --as clinician:ana", .unknownTier, mentioning: ["tier-9", "tier-1, tier-2, tier-3"])
        refused("evaluate C404", .unknownCase, mentioning: ["C001"])
        refused("who-can promote", .unknownAction, mentioning: ["promote", "step-up"])
        refused("can nurse place", .unknownRole)
        refused("record attended --case C999", .unknownCase)
    }

    @Test func movesWithoutDocumentationOrRightsAreRefused() {
        refused(
            "step-up tier-3 --as clinician:ana --cosign supervisor:lee", .missingDocumentation,
            mentioning: ["structured-review", "record review structured"])
        refused("step-up tier-3 --as coach:kim", .notAuthorised, mentioning: ["who may"])
        refused(
            "override tier-2 --as clinician:ana --cosign clinical-lead:raj", .missingDocumentation,
            mentioning: ["--reason"])
        refused("step-up --as clinician:ana", .missingDocumentation)
        refused(
            "record plan stability --warning-signs x --coping y", .missingDocumentation,
            mentioning: ["re-access route", "follow-up schedule"])
        refused("step-up", .missingArgument, mentioning: ["--as"])
    }

    @Test func aStepDownWithAnOpenRiskFlagIsRefused() throws {
        try run(
            """
            record review structured --as clinician:ana
            step-up --as clinician:ana
            record review structured --as clinician:ana
            record plan stability --warning-signs a --coping b --reaccess c --follow-up d
            record score phq9 1 1 1 1 0 0 0 0 1
            """)
        refused("step-down --as clinician:ana", .openRiskFlag, mentioning: ["record review risk"])
        refused("discharge --as clinician:ana", .openRiskFlag)
        refused("record review risk --as coach:kim", .notAuthorised)
        try run("record review risk --as clinician:ana\nstep-down --as clinician:ana")
        let state = CaseState(try interpreter.workspace.caseload.timeline("C001"), asOf: interpreter.workspace.now)
        #expect(state.tier == "tier-1")
    }

    @Test func datesOutOfOrderAreRefused() {
        refused("record attended --at 2026-01-04", .datesOutOfOrder, mentioning: ["2026-01-05"])
        refused("record crisis --at 2026-02-30", .invalidOption, mentioning: ["YYYY-MM-DD"])
        refused("advance 3x", .invalidOption, mentioning: ["14d"])
        refused("case new --referred yesterday", .invalidOption)
    }

    /// A word a check does not read is an error, so a scenario cannot pass for the wrong reason.
    @Test func expectRefusesWordsItWouldIgnore() {
        refused("expect flag none --whatever 3", .unexpectedArgument, mentioning: ["--whatever", "ignored"])
        refused("expect tier tier-1 extra", .unexpectedArgument, mentioning: ["extra"])
    }

    @Test func expectFailsTheScriptWithAClearMessage() throws {
        refused("expect tier tier-3", .expectationFailed, mentioning: ["tier-1"])
        refused("expect refused can coach place", .expectationFailed, mentioning: ["accepted"])
        refused("expect refused step-up tier-3 --as coahc:kim", .unknownRole)
        refused("expect refused stepup tier-3 --as coach:kim", .unknownCommand)
        try run("expect refused step-up tier-3 --as coach:kim\nexpect tier tier-1\nexpect flag none")
        #expect(output.text.contains("refused as expected: a coach may not step up (from tier-1 to tier-3)"))
    }

    @Test func thePublishedRightsPagesMatchThePathwayModules() throws {
        let root = String(#filePath.split(separator: "/Tests/").first ?? "")
        for (pathway, file) in [
            ("community-stepped-care", "decision-rights.md"),
            ("talking-therapies", "decision-rights-talking-therapies.md"),
        ] {
            let output = StringOutput()
            let fresh = Interpreter(registry: try Registry.builtIn(), output: output, input: QueuedInput([]))
            try fresh.run(try Parser.parse("use \(pathway)\nrights --markdown"))
            let generated = output.text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)[1]
            let checkedIn = try ScriptFile.read("\(root)/docs/\(file)")
            #expect(
                checkedIn == String(generated),
                "docs/\(file) drifted from the \(pathway) module: regenerate it with rights --markdown")
        }
    }
}
