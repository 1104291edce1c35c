#if os(Linux)
    import Foundation
    import StepCareTesting
    import Testing

    /// The libedit REPL driven through a real pseudo-terminal: Tab completion, Ctrl-C, continuation lines,
    /// Ctrl-D and history that survives a restart.
    @Suite(.serialized) struct ReplTerminalTests {
        let timeout = 20.0

        func start(home: URL) throws -> PseudoTerminalProcess { try Binary.terminal(home: home) }

        @Test func completionCancellationContinuationExitAndHistory() throws {
            let home = try TemporaryDirectory()
            let repl = try start(home: home.url)
            try repl.waitFor("stepcare> ", timeout: timeout)

            // Tab completes the command name, then an instrument id by context: "ph" extends to the prefix the
            // PHQ ids share, a second Tab lists them, and the typed "9" finishes the id.
            repl.send("sc\tph\t")
            try repl.waitUntilIdle(timeout: timeout)
            repl.send("\t")
            try repl.waitFor("phq2", timeout: timeout)
            try repl.waitFor("phq9", timeout: timeout)
            repl.send("9 0 0 0 0 0 0 0 0 2\r")
            try repl.waitFor("PHQ-9 total 2 (range 0–27): none-minimal (0–4)", timeout: timeout)
            try repl.waitFor("RISK FLAG [same day]: item 9 answered 2", timeout: timeout)
            try repl.waitFor("stepcare> ", timeout: timeout)

            // Ctrl-C throws away the line being typed; the session goes on.
            repl.send("scroe garbage")
            try repl.waitUntilIdle(timeout: timeout)
            repl.send("\u{03}")
            try repl.waitFor("stepcare> ", timeout: timeout)
            repl.send("instruments\r")
            try repl.waitFor("permission-required", timeout: timeout)
            try repl.waitFor("stepcare> ", timeout: timeout)

            // An unfinished statement gets the continuation prompt.
            repl.send("score gad7 2 2 2 \\\r")
            try repl.waitFor("...> ", timeout: timeout)
            repl.send("2 2 2 2\r")
            try repl.waitFor("GAD-7 total 14 (range 0–21): moderate (10–14)", timeout: timeout)
            try repl.waitFor("stepcare> ", timeout: timeout)

            // Ctrl-D on an empty line exits with status 0.
            repl.send("\u{04}")
            #expect(try repl.waitForExit(timeout: timeout) == 0)
            #expect(!repl.output.contains("unknown command"), "the cancelled line must not run")

            let history = home.url.appendingPathComponent("state/stepcare/history")
            let attributes = try FileManager.default.attributesOfItem(atPath: history.path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

            // A new process recalls the last statement saved with the up arrow. Lines with answers (score) are
            // never saved, so that is `instruments`.
            let again = try start(home: home.url)
            try again.waitFor("stepcare> ", timeout: timeout)
            again.send("\u{1b}[A\r")
            try again.waitFor("permission-required", timeout: timeout)
            try again.waitFor("stepcare> ", timeout: timeout)
            again.send("quit\r")
            #expect(try again.waitForExit(timeout: timeout) == 0)
        }

        @Test func administerAsksItemByItemAndReasksOnInvalidInput() throws {
            let home = try TemporaryDirectory()
            let repl = try start(home: home.url)
            try repl.waitFor("stepcare> ", timeout: timeout)
            repl.send("administer gad7\r")
            try repl.waitFor("1/7. Feeling nervous, anxious, or on edge", timeout: timeout)
            try repl.waitFor("answer> ", timeout: timeout)
            repl.send("7\r")
            try repl.waitFor("Please answer 0, 1, 2 or 3, or - if not answered, or < to go back.", timeout: timeout)
            for _ in 1...7 {
                try repl.waitFor("answer> ", timeout: timeout)
                repl.send("3\r")
            }
            try repl.waitFor("GAD-7 total 21 (range 0–21): severe (15–21)", timeout: timeout)
            try repl.waitFor("stepcare> ", timeout: timeout)
            repl.send("\u{04}")
            #expect(try repl.waitForExit(timeout: timeout) == 0)
        }

        /// What is typed with client data in it (answers, demographics, plan text) never reaches the history
        /// file, and an error echoes the line with those words masked; lines without client data are still
        /// recalled.
        @Test func historyAndDiagnosticsKeepNoClientData() throws {
            let home = try TemporaryDirectory()
            let repl = try start(home: home.url)
            try repl.waitFor("stepcare> ", timeout: timeout)
            for line in [
                "case new C1 --demographics \"ethnicity=canaryzx\"", "record plan safety --summary \"canaryplan\"",
                "score phq9 0 0 0 0 0 0 0 0 canaryanswer", "describe gad7",
            ] {
                repl.send(line + "\r")
                try repl.waitFor("stepcare> ", timeout: timeout)
            }
            repl.send("quit\r")
            #expect(try repl.waitForExit(timeout: timeout) == 0)
            let history = try String(
                contentsOf: home.url.appendingPathComponent("state/stepcare/history"), encoding: .utf8)
            #expect(history.contains("describe\\040gad7"), "\(history)")  // libedit writes a space as \\040
            #expect(!history.contains("canary"), "\(history)")
            #expect(repl.output.contains("score phq9 * * * * * * * * ************"), "the error echo is masked")
        }

        /// A sandbox changes the prompt to name the case it copies; what is recorded there is gone at
        /// `sandbox end`, and the case in the caseload is as it was.
        @Test func aSandboxShowsInThePromptAndLeavesTheCaseAsItWas() throws {
            let home = try TemporaryDirectory()
            let repl = try start(home: home.url)
            try repl.waitFor("stepcare> ", timeout: timeout)
            repl.send("today 2026-01-05\r")
            try repl.waitFor("today: 2026-01-05", timeout: timeout)
            repl.send("case new C008\r")
            try repl.waitFor("case C008 opened", timeout: timeout)
            repl.send("sandbox\r")
            try repl.waitFor("sandbox C008> ", timeout: timeout)
            repl.send("record crisis\r")
            try repl.waitFor("C008 2026-01-05: crisis contact", timeout: timeout)
            repl.send("case --json\r")
            try repl.waitFor("\"events\":2", timeout: timeout)
            try repl.waitFor("sandbox C008> ", timeout: timeout)
            repl.send("sandbox end\r")
            try repl.waitFor("sandbox of C008 dropped: nothing in it was saved", timeout: timeout)
            try repl.waitFor("stepcare> ", timeout: timeout)
            repl.send("case --json\r")
            try repl.waitFor("\"events\":1", timeout: timeout)
            try repl.waitFor("stepcare> ", timeout: timeout)
            repl.send("\u{04}")
            #expect(try repl.waitForExit(timeout: timeout) == 0)
        }

        /// A clinician's path: `administer` on the open case records the form, so the risk answer on item 9
        /// reaches the case (the urgent safety review is due); `<` goes back an item; Ctrl-C mid-form stores
        /// nothing.
        @Test func administerOnACaseRecordsTheFormAndCtrlCStoresNothing() throws {
            let home = try TemporaryDirectory()
            let repl = try start(home: home.url)
            try repl.waitFor("stepcare> ", timeout: timeout)
            repl.send("today 2026-01-05\r")
            try repl.waitFor("today: 2026-01-05", timeout: timeout)
            repl.send("case new C007\r")
            try repl.waitFor("case C007 opened", timeout: timeout)
            repl.send("administer phq9\r")
            try repl.waitFor("Recording on C007.", timeout: timeout)
            repl.send("3\r")  // item 1, then taken back
            try repl.waitFor("2/9.", timeout: timeout)
            repl.send("<\r")
            for _ in 1...8 {
                try repl.waitFor("answer> ", timeout: timeout)
                repl.send("0\r")
            }
            try repl.waitFor("9/9.", timeout: timeout)
            repl.send("1\r")
            try repl.waitFor("Recorded on C007 at 2026-01-05.", timeout: timeout)
            repl.send("evaluate\r")
            try repl.waitFor("URGENT SAFETY REVIEW", timeout: timeout)
            repl.send("timeline\r")
            try repl.waitFor("phq9 total 1, none-minimal; RISK FLAG phq9-item9-self-harm-thoughts", timeout: timeout)
            try repl.waitFor("stepcare> ", timeout: timeout)

            repl.send("administer gad7\r")
            try repl.waitFor("1/7.", timeout: timeout)
            repl.send("3\r")
            try repl.waitFor("2/7.", timeout: timeout)
            try repl.waitFor("answer> ", timeout: timeout)
            try repl.waitUntilIdle(timeout: timeout)
            repl.send("\u{03}")
            try repl.waitFor("Administration cancelled; nothing was scored or recorded.", timeout: timeout)
            try repl.waitFor("stepcare> ", timeout: timeout)
            repl.send("case --json\r")
            try repl.waitFor("\"events\":2", timeout: timeout)
            try repl.waitFor("stepcare> ", timeout: timeout)
            repl.send("\u{04}")
            #expect(try repl.waitForExit(timeout: timeout) == 0)
            #expect(!repl.output.contains("gad7 total"), "the cancelled form must not be scored")
        }

        /// Tab completes the session's case ids, typed in either case, from the caseload as it is now.
        @Test func tabCompletesCaseIdsIgnoringCase() throws {
            let home = try TemporaryDirectory()
            let repl = try start(home: home.url)
            try repl.waitFor("stepcare> ", timeout: timeout)
            repl.send("case new C042\r")
            try repl.waitFor("case C042 opened", timeout: timeout)
            try repl.waitFor("stepcare> ", timeout: timeout)
            repl.send("case new C043\r")
            try repl.waitFor("case C043 opened", timeout: timeout)
            try repl.waitFor("stepcare> ", timeout: timeout)
            // "c04" becomes the shared "C04"; a second Tab lists both; "3" finishes the id.
            repl.send("timeline c04\t")
            try repl.waitUntilIdle(timeout: timeout)
            repl.send("\t")
            try repl.waitFor("C042", timeout: timeout)
            try repl.waitFor("C043", timeout: timeout)
            repl.send("3\r")
            try repl.waitFor("case C043:", timeout: timeout)
            try repl.waitFor("stepcare> ", timeout: timeout)
            repl.send("quit\r")
            #expect(try repl.waitForExit(timeout: timeout) == 0)
        }
    }
#endif
