import StepCareConsole
import StepCareCore
import StepCareRegistry
import StepCareReports
import Testing

/// Display faults an independent check found, each pinned: what a clinician reads must not contradict the
/// rule it reports.
@Suite struct ClinicalDisplayTests {
    func run(_ source: String) throws(Diagnostic) -> String {
        let output = StringOutput()
        let registry: Registry
        do { registry = try Registry.builtIn() } catch { fatalError("\(error)") }
        let interpreter = Interpreter(registry: registry, output: output, input: QueuedInput([]))
        try interpreter.run(try Parser.parse(source))
        return output.text
    }

    /// PHQ-2, GAD-2 and WHO-5 publish that no item may be missing: a service may not prorate them. PHQ-9, which
    /// publishes no rule, may still be given one.
    @Test(arguments: ["phq2 1 -", "gad2 - 2", "who5 3 3 3 3 -"])
    func prorationIsRefusedWhereThePublishedRuleAllowsNoMissingItem(form: String) throws {
        #expect(throws: Diagnostic.self) { try run("score --missing prorate-one " + form) }
        let words = form.split(separator: " ")
        let sheet = try run("describe \(words[0])")
        #expect(sheet.contains("the published rule") && !sheet.contains("A service may choose"), "\(sheet)")
        let phq9 = try run("score phq9 --missing prorate-one 1 1 1 1 1 1 1 1 -")
        #expect(phq9.contains("prorated"))
    }

    /// A C-SSRS flag says what its own answer calls for, never a level the whole screen contradicts.
    @Test func cssrsFlagsNameTheLevelOfTheirOwnAnswer() throws {
        let report = try run("score cssrs y y y y y n n")
        #expect(report.contains("C-SSRS screener level: high"), "\(report)")
        #expect(!report.contains("(C-SSRS low risk)"), "\(report)")
        #expect(
            report.contains(
                "item 1 answered 1 (Yes) → refer to outpatient care and give crisis-line details "
                    + "(this answer alone: C-SSRS low risk)"))
    }

    /// When the PCL-5's provisional diagnosis and its probable-PTSD cut-off disagree, the report says why.
    @Test func pcl5ExplainsItsTwoRulesWhenTheyDisagree() throws {
        // Items rated 2 where the DSM-5 pattern needs them (B1, C6, D8, D9, E15, E16), 0 elsewhere: total 12.
        var answers = Array(repeating: "0", count: 20)
        for item in [1, 6, 8, 9, 15, 16] { answers[item - 1] = "2" }
        let met = try run("score pcl5 " + answers.joined(separator: " "))
        #expect(met.contains("FINDING: provisional PTSD diagnosis"))
        #expect(met.contains("the pattern is met though the total is below 33"), "\(met)")
        // Items 8–20 (clusters D and E) rated 3, B and C none: a total of 39 without the pattern.
        var heavy = Array(repeating: "0", count: 20)
        for item in 8...20 { heavy[item - 1] = "3" }
        let cutOff = try run("score pcl5 " + heavy.joined(separator: " "))
        #expect(cutOff.contains("the total reaches 33 though the pattern is not met"), "\(cutOff)")
        let both = try run("score pcl5 " + Array(repeating: "3", count: 20).joined(separator: " "))
        #expect(!both.contains("read the form differently"))
    }

    /// Recovery and reliable change are NHS Talking Therapies definitions on PHQ-9 and GAD-7: on other measures
    /// the outcome says it is an indication only, in text and JSON.
    @Test func outcomeLabelsMeasuresTheProgrammeDoesNotUse() throws {
        let k10 = try run("outcome k10 --totals 30 -- 12")
        #expect(k10.contains("not on K10: these are its rules applied elsewhere, an indication only"), "\(k10)")
        let pair = try run("outcome phq9,gad7 --totals 16 12 -- 9 6")
        #expect(!pair.contains("indication only"))
        #expect(try run("outcome k10 --json --totals 30 -- 12").contains("\"talkingTherapiesMeasures\":false"))
        #expect(try run("outcome phq9 --json --totals 16 -- 9").contains("\"talkingTherapiesMeasures\":true"))
    }

    /// AUDIT-C (US) has a cut-off for men and one for women, and StepCare is not told the person's sex: no
    /// single "caseness" is claimed, both rules are reported, and outcome asks for one by name.
    @Test func auditCReportsBothSexSpecificCutOffsAndClaimsNoSingleCaseness() throws {
        let report = try run("score auditc --variant us 1 1 1")
        #expect(report.contains("Positive screen, men: 4 or more (≥ 4, men): negative"), "\(report)")
        #expect(report.contains("Positive screen, women: 3 or more (≥ 3, women): positive"), "\(report)")
        let instrument = try Registry.builtIn().instrument("auditc", variant: "us")
        var output: [UInt8] = []
        _ = try BatchScorer(instrument: instrument).run(
            Array("client_id,date,item1,item2,item3\nc,2026-01-05,1,1,1\n".utf8)
        ) {
            output += $0
        }
        let row = String(decoding: output, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        #expect(row.hasPrefix("2,c,2026-01-05,3,positive under the women's cut-off only,,bush-1998-women,"), "\(row)")
        let outcome = try run("outcome auditc --totals 5 -- 2")
        #expect(outcome.contains("caseness at first: unknown"), "\(outcome)")
        let chosen = try run("outcome auditc --caseness bush-1998-women --totals 5 -- 2")
        #expect(chosen.contains("caseness at first: yes"), "\(chosen)")
    }

    /// Text options go only with the kinds that keep them, and a form dated before the case's latest event is
    /// refused before its first item is asked.
    @Test func nothingTypedIsSilentlyDropped() throws {
        let setup = "today 2026-01-05\ncase new C001\nadvance 1d\nrecord attended\n"
        for line in [
            "record crisis --note \"called her sister\"", "record plan safety --summary a extra words",
            "record attended --summary x", "record note text --about risk-review",
        ] {
            #expect(throws: Diagnostic.self, "\(line)") { _ = try run(setup + line) }
        }
        do {
            _ = try run(setup + "administer phq9 --at 2026-01-05")
            Issue.record("a form dated before the latest event was accepted")
        } catch {
            #expect(error.code == .datesOutOfOrder, "refused before any item was asked: \(error.message)")
        }
    }

    /// CORE-10 is typed as the form's columns (0 = Not at all … 4 = Most or all of the time) for every item,
    /// and the instrument reverses items 2 and 3: "Not at all" to everything scores 8 (4 each for support and
    /// coping), in the console and in a batch alike.
    @Test func core10IsTypedAsTheFormsColumnsAndReversedByTheInstrument() throws {
        let report = try run("score core10 0 0 0 0 0 0 0 0 0 0")
        #expect(report.contains("CORE-10 (bands-a) total 8"), "\(report)")
        // "Most or all of the time" to all but item 6: 7 × 4, and support and coping score 0.
        #expect(try run("score core10 4 4 4 4 4 0 4 4 4 4").contains("CORE-10 (bands-a) total 28"))
        let instrument = try Registry.builtIn().instrument("core10")
        var output: [UInt8] = []
        let header = "client_id,date," + (1...10).map { "item\($0)" }.joined(separator: ",")
        _ = try BatchScorer(instrument: instrument).run(Array((header + "\nc,2026-01-05,0,0,0,0,0,0,0,0,0,0\n").utf8)) {
            output += $0
        }
        #expect(String(decoding: output, as: UTF8.self).contains("\n2,c,2026-01-05,8,"))
        let sheet = try run("describe core10")
        #expect(sheet.contains("Options, item 2: 0 = Not at all, 1 = Only occasionally"), "\(sheet)")
        #expect(sheet.contains("(typed as the form's column; scored 4, 3, 2, 1, 0)"))
    }
}
