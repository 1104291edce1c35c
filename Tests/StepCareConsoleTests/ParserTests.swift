import StepCareConsole
import StepCareCore
import StepCareReports
import Testing

@Suite struct ParserTests {
    func words(_ source: String) throws -> [[String]] {
        try Parser.parse(source).statements.map { statement in
            switch statement {
            case .command(let call): ([call.name] + call.arguments).map { $0.literal ?? "<var>" }
            case .assignment(let assignment): ["let", assignment.name] + assignment.value.map { $0.literal ?? "<var>" }
            }
        }
    }

    @Test func wordsQuotesCommentsAndSeparators() throws {
        #expect(try words("score phq9 1 2  3") == [["score", "phq9", "1", "2", "3"]])
        #expect(try words("a \"b c\" 'd $e' f\\ g") == [["a", "b c", "d $e", "f g"]])
        #expect(try words("a # comment\n# whole line\nb; c") == [["a"], ["b"], ["c"]])
        #expect(try words("a#b") == [["a#b"]])
        #expect(try words("a \\\n  b") == [["a", "b"]])
        #expect(try words("\"x\\\"y\\\\z\\$\"") == [["x\"y\\z$"]])
        #expect(try words("\n\n;;  \n") == [])
        #expect(try words("\"multi\nline\"") == [["multi\nline"]])
    }

    @Test func letStatements() throws {
        #expect(try words("let a = 1 2 3") == [["let", "a", "1", "2", "3"]])
        #expect(try words("let a=1 2") == [["let", "a", "1", "2"]])
        #expect(try words("let a =") == [["let", "a"]])
        #expect(try words("\"let\" a = 1") == [["let", "a", "=", "1"]])
    }

    @Test func variablesAreParts() throws {
        let script = try Parser.parse("score $id \"x${n}y\"")
        guard case .command(let call) = script.statements.first else {
            Issue.record("not a command")
            return
        }
        #expect(call.arguments[0].parts == [.variable("id")])
        #expect(call.arguments[1].parts == [.literal("x"), .variable("n"), .literal("y")])
    }

    @Test func locationsAreLineAndColumn() throws {
        let script = try Parser.parse("help\n  score  phq9", firstLine: 10)
        guard case .command(let call) = script.statements.last else {
            Issue.record("not a command")
            return
        }
        #expect(call.name.location == SourceLocation(line: 11, column: 3))
        #expect(call.arguments[0].location == SourceLocation(line: 11, column: 10))
    }

    /// Each bad input fails with its code at the right line and column.
    @Test(arguments: [
        ("score \"phq9", "incomplete-input", 1, 7),
        ("help\nscore 'abc", "incomplete-input", 2, 7),
        ("score phq9 \\", "incomplete-input", 1, 12),
        ("echo $", "syntax", 1, 6),
        ("echo ${a", "syntax", 1, 6),
        ("echo $1x", "syntax", 1, 6),
        ("let", "syntax", 1, 1),
        ("let 9x = 1", "syntax", 1, 5),
        ("let x 1", "syntax", 1, 7),
        ("let \"x\" = 1", "syntax", 1, 5),
    ])
    func errorsCarryCodeAndPosition(source: String, code: String, line: Int, column: Int) {
        do {
            _ = try Parser.parse(source)
            Issue.record("\(source) parsed")
        } catch {
            #expect(error.code.name == code)
            #expect(error.location == SourceLocation(line: line, column: column))
            #expect(error.hint != nil)
        }
    }

    /// Quoted words carry free text (reasons, plans) that may describe a client: errors never echo it. On a
    /// command whose words may be client data, every word but its name, the words naming things (the tier)
    /// and the option names is masked.
    @Test func renderedDiagnosticsMaskQuotedText() {
        let source = "override tier-2 --reason \"said \\\"no\\\" to Jo\" --as coach:kim"
        let diagnostic = Diagnostic(.syntax, "a coach may not override", at: SourceLocation(line: 1, column: 1))
        let rendered = diagnostic.rendered(file: "t.sc", source: source)
        #expect(!rendered.contains("Jo") && !rendered.contains("said"))
        #expect(rendered.contains("  override tier-2 --reason \"*****************\" --as *********\n"), "\(rendered)")
        let help = Diagnostic(.syntax, "no such topic", at: SourceLocation(line: 1, column: 6))
        #expect(help.rendered(file: "t.sc", source: "help \"quoted\"").contains("  help \"******\"\n"))
    }

    @Test func renderedDiagnosticsShowTheLineAndACaret() {
        do {
            _ = try Parser.parse("help\nscore \"phq9")
        } catch {
            #expect(
                error.rendered(file: "t.sc", source: "help\nscore \"phq9") == """
                    t.sc:2:7: error: unterminated string
                      score "****
                            ^
                    hint: close the string with a matching "

                    """)
        }
    }
}
