import StepCareTesting
import Testing

@testable import StepCareConsole

/// The line-by-line completeness check agrees with the parser, so parsing once per statement changes nothing.
@Suite struct StatementBoundaryTests {
    static let pieces = [
        "a", "b", " ", "\t", "'", "\"", "\\", "#", "$", "${", "}", ";", "=", "let", "é", "\u{0369}", "\r", "x\\",
    ]

    /// On 20,000 random scripts of up to four lines: where the check says a statement is complete, the parser
    /// does not ask for more input; where it says incomplete, the parser does not accept the text.
    @Test func agreesWithTheParserOnRandomScripts() {
        var random = SplitMix64(seed: 24)
        for _ in 0..<20_000 {
            let lines = (0..<(1 + random.next(below: 4))).map { _ in
                (0..<random.next(below: 8)).map { _ in Self.pieces[random.next(below: Self.pieces.count)] }.joined()
            }
            var boundary = StatementBoundary()
            var statement: [String] = []
            for line in lines {
                statement.append(line)
                let complete = boundary.isComplete(after: line)
                let source = statement.joined(separator: "\n")
                let parsed: Result<Script, Diagnostic> = Result { () throws(Diagnostic) in try Parser.parse(source) }
                switch (complete, parsed) {
                case (true, .failure(let error)):
                    #expect(
                        !error.isIncompleteInput,
                        "complete by the check, incomplete to the parser: \(source.debugDescription)")
                case (false, .success):
                    Issue.record("incomplete by the check, parsed: \(source.debugDescription)")
                default:
                    break
                }
                if complete {
                    boundary = StatementBoundary()
                    statement = []
                }
            }
        }
    }

    @Test func aTabBeforeACombiningMarkStillSeparatesWords() throws {
        // A grapheme cluster joins the tab to U+0369; the parser reads scalars, so these are two words.
        let script = try Parser.parse("say a\t\u{0369}b")
        guard case .command(let call) = script.statements.first else {
            Issue.record("not a command")
            return
        }
        #expect(call.arguments.count == 2)
    }
}
