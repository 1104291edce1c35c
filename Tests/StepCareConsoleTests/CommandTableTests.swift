import StepCareConsole
import StepCareReports
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct CommandTableTests {
    @Test func namesAndAliasesAreUnique() {
        let names = CommandTable.standard.names
        #expect(Set(names).count == names.count)
    }

    /// docs/commands.md is generated from the table; re-record with `echo 'help --markdown' | swift run stepcare > docs/commands.md`.
    @Test func theCheckedInReferenceMatchesTheTable() throws {
        let path = String(#filePath.split(separator: "/Tests/").first ?? "") + "/docs/commands.md"
        let checkedIn = try ScriptFile.read(path)
        #expect(
            checkedIn == CommandReference.markdown(.standard),
            "docs/commands.md drifted from the command table: run `echo 'help --markdown' | swift run stepcare > docs/commands.md`"
        )
    }
}

@Suite struct CompleterTests {
    let completer = Completer(
        commands: .standard, instrumentIDs: ["gad7", "phq9"], tierIDs: ["tier-1", "tier-2", "tier-3"],
        roleIDs: ["clinical-lead", "clinician", "coach"], pathwayIDs: ["community-stepped-care", "talking-therapies"],
        caseIDs: { ["C001", "C002", "C010", "X-7"] })

    @Test(arguments: [
        ("sc", 0, ["score"]),
        (
            "", 0,
            [
                "help", "instruments", "describe", "score", "administer", "outcome", "load-instrument", "load-pathway",
                "pathways",
                "use",
                "pathway", "rights", "who-can", "can", "case", "record", "correct", "timeline", "evaluate",
                "worklist", "assign", "appointment", "team", "configure", "sandbox", "place",
                "step-up",
                "step-down", "override", "discharge", "capacity", "dashboard", "today", "advance", "say", "expect",
                "status", "user",
                "login",
                "logout", "as", "break-glass", "audit", "export", "import", "import-scores", "simulate", "quit",
            ]
        ),
        ("step", 0, ["step-up", "step-down"]),
        ("step-up t", 8, ["tier-1", "tier-2", "tier-3"]),
        ("step-up tier-3 --as cl", 20, ["clinical-lead:", "clinician:"]),
        ("can co", 4, ["coach"]),
        ("can coach st", 10, ["step-up", "step-down"]),
        ("use t", 4, ["talking-therapies"]),
        ("score ", 6, ["gad7", "phq9"]),
        ("score ph", 6, ["phq9"]),
        ("score PH", 6, ["phq9"]),
        ("score phq9 1 ", 13, []),
        ("score phq9 --j", 11, ["--json"]),
        ("help sc", 5, ["score"]),
        ("describe g", 9, ["gad7"]),
        ("help score; sc", 12, ["score"]),
        ("nothing ", 8, []),
        ("case c0", 5, ["C001", "C002", "C010"]),
        ("timeline c00", 9, ["C001", "C002"]),
        ("record attended --case x", 23, ["X-7"]),
        ("worklist --case C01", 16, ["C010"]),
    ])
    func completesByContext(text: String, start: Int, candidates: [String]) {
        #expect(completer.complete(text) == Completion(wordStart: start, candidates: candidates))
    }
}
