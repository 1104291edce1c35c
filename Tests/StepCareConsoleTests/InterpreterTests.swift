import StepCareConsole
import StepCareCore
import StepCareRegistry
import StepCareReports
import Testing

/// Input lines given in advance, for `administer`.
final class QueuedInput: LineEditor {
    var lines: [LineRead]
    init(_ lines: [String]) { self.lines = lines.map(LineRead.line) }
    func readLine(prompt: String) -> LineRead { lines.isEmpty ? .endOfInput : lines.removeFirst() }
    func addHistory(_ line: String) {}
}

@Suite struct InterpreterTests {
    func run(_ source: String, input: [String] = []) throws(Diagnostic) -> String {
        let output = StringOutput()
        let registry: Registry
        do { registry = try Registry.builtIn() } catch { fatalError("\(error)") }
        let interpreter = Interpreter(registry: registry, output: output, input: QueuedInput(input))
        try interpreter.run(try Parser.parse(source))
        return output.text
    }

    func failure(_ source: String) -> Diagnostic? {
        do {
            _ = try run(source)
            return nil
        } catch {
            return error
        }
    }

    @Test func scoresWithVariablesAndJSON() throws {
        let text = try run("let first = 0 0 0 1\nscore phq9 $first 2 1 3 2 1 --json")
        #expect(
            text.hasPrefix("{\"instrument\":\"phq9\",\"variant\":null,\"answers\":[0,0,0,1,2,1,3,2,1],\"total\":10,"))
        #expect(
            text.contains(
                "\"flags\":[{\"rule\":\"phq9-item9-self-harm-thoughts\",\"item\":9,\"reason\":\"positive-answer\""))
    }

    @Test func quotedVariablesStayOneWord() {
        let error = failure("let a = 1 2\nscore phq9 \"$a\" 0 0 0 0 0 0 0")
        #expect(error?.code == .invalidAnswer)
        #expect(error?.location == SourceLocation(line: 2, column: 12))
    }

    @Test func errorsNameTheArgumentAndItsPlace() {
        let cases: [(String, StepCareError.Code, Int)] = [
            ("score phq9 1 1 1", .wrongAnswerCount, 16),
            ("score phq9 1 1 1 1 1 1 1 1 7", .invalidAnswer, 28),
            ("score phq9 1 1 one 1 1 1 1 1 1", .invalidAnswer, 16),
            ("score nope 1", .unknownInstrument, 7),
            ("score", .missingArgument, 1),
            ("score phq9", .missingArgument, 1),
            ("describe phq9 gad7", .unexpectedArgument, 15),
            ("score phq9 --jason 1", .unknownOption, 12),
            ("instruments --licence=yes", .syntax, 13),
            ("scroe phq9", .unknownCommand, 1),
            ("score $missing", .undefinedVariable, 7),
            ("help nothing", .unknownCommand, 6),
        ]
        for (source, code, column) in cases {
            let error = failure(source)
            #expect(error?.code == code, "\(source)")
            #expect(error?.location?.column == column, "\(source)")
            #expect(error?.hint?.isEmpty == false, "\(source)")
        }
        #expect(failure("scroe phq9")?.hint == "did you mean score?")
        #expect(failure("score phq9 --jason 1")?.hint == "did you mean --json?")
    }

    @Test func administerReasksAfterInvalidAnswersThenScores() throws {
        let text = try run("administer gad7", input: ["x", "9", "1", "1", "1", "1", "1", "1", " 2 "])
        #expect(
            text.split(
                separator: "Please answer 0, 1, 2 or 3, or - if not answered, or < to go back.",
                omittingEmptySubsequences: false
            )
            .count == 3)
        #expect(text.contains("GAD-7 total 8 (range 0–21): mild (5–9)"))
        #expect(text.contains("NHS Talking Therapies caseness (≥ 8): positive"))
    }

    @Test func administerSkippingTheRiskItemWarnsAndFlags() throws {
        let text = try run("administer phq9", input: ["0", "0", "0", "0", "0", "0", "0", "0", "-"])
        #expect(text.contains("Item 9 is a risk item: leaving it unanswered raises a risk flag."))
        #expect(text.contains("RISK FLAG [same day]: item 9 NOT ANSWERED"))
    }

    @Test func administerRunningOutOfInputScoresNothing() {
        do {
            _ = try run("administer gad7", input: ["1", "2"])
            Issue.record("administer finished without input")
        } catch {
            #expect(error.message.contains("after 2 of 7 items; nothing was scored"))
        }
    }

    /// A service may choose to prorate one missing item where no rule is published, never replace a published one.
    @Test func aServiceChosenMissingPolicyProratesOnlyWhereNoneIsPublished() throws {
        // Eight answered PHQ-9 items summing to 9: round(9 / 8 × 9) = 10.
        let prorated = try run("score phq9 --missing prorate-one 1 1 1 1 1 1 1 - 2")
        #expect(prorated.hasPrefix("PHQ-9 total 10 (range 0–27): moderate (10–14)\n"))
        #expect(prorated.contains("prorate one missing item, rounded (a service choice, not a published rule)"))
        #expect(try run("score phq9 1 1 1 1 1 1 1 - 2").hasPrefix("PHQ-9 NOT SCORED"))
        #expect(try run("score phq9 --missing prorate-one 1 1 1 1 1 - 1 - 2").hasPrefix("PHQ-9 NOT SCORED"))
        let published = failure("score k10 --missing prorate-one 1 1 1 1 1 1 1 1 1 1")
        #expect(published?.message.hasPrefix("K10 has a published missing-item rule") == true)
        #expect(published?.location?.column == 21)
        #expect(failure("score phq9 --missing guess 1 1 1 1 1 1 1 1 1")?.hint == "choices: prorate-one")
    }

    @Test func quitStopsTheScript() throws {
        #expect(try run("quit\nscore nothing") == "")
    }

    @Test func helpShowsUsageFromTheTable() throws {
        #expect(
            try run("help score").hasPrefix("usage: score ID ANSWER… [--variant VARIANT] [--missing POLICY] [--json]\n")
        )
        #expect(try run("help sc").contains("score"))
        #expect(try run("? quit").contains("aliases: exit"))
    }
}
