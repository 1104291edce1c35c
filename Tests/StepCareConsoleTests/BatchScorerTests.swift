import StepCareConsole
import StepCareCore
import StepCareRegistry
import StepCareReports
import Testing

@Suite struct BatchScorerTests {
    let registry: Registry
    let header = "client_id,date,item1,item2,item3,item4,item5,item6,item7,item8,item9\n"

    init() throws { registry = try Registry.builtIn() }

    func run(
        _ text: String, format: BatchScorer.Format = .csv, instrument: String = "phq9"
    ) throws -> (
        output: String, summary: BatchScorer.Summary
    ) {
        let scorer = BatchScorer(instrument: try registry.instrument(instrument), format: format)
        var output: [UInt8] = []
        let summary = try scorer.run(Array(text.utf8)) { output += $0 }
        return (String(decoding: output, as: UTF8.self), summary)
    }

    @Test func badRowsAreReportedByRowNumberAndNeverChangeTheOthers() throws {
        let good = ["a,2026-01-05,0,0,0,1,2,1,3,2,1", "\"b, quoted\",2024-02-29,3,3,3,3,3,3,3,3,0"]
        let bad = [
            "c,2026-02-30,1,1,1,1,1,1,1,1,1", "d,2026-01-05,1,1,7,1,1,1,1,1,0", "\"e,2026-01-05,1",
            "f,2026-01-05,1,1", "g,2026-01-05,x,1,1,1,1,1,1,1,1", ",2026-01-05,1,1,1,1,1,1,1,1,1",
        ]
        let mixed = try run(header + ([good[0]] + bad + [good[1]]).joined(separator: "\n") + "\n")
        let alone = try run(header + good.joined(separator: "\n") + "\n")
        let mixedLines = mixed.output.split(separator: "\n").map(String.init)
        let aloneLines = alone.output.split(separator: "\n").map(String.init)
        #expect(mixed.summary == BatchScorer.Summary(rows: 8, errors: 6))
        #expect(mixedLines.count == 9)
        // The good rows score exactly as they do alone, apart from their row numbers.
        #expect(mixedLines[1] == aloneLines[1])
        #expect(mixedLines[8].drop { $0 != "," } == aloneLines[2].drop { $0 != "," })
        #expect(
            aloneLines[1]
                == "2,a,2026-01-05,10,moderate,yes,nhs-tt-caseness,phq9-item9-self-harm-thoughts:same-day:positive,")
        #expect(aloneLines[2] == "3,\"b, quoted\",2024-02-29,24,severe,yes,nhs-tt-caseness,,")
        let errors = mixedLines[2...7].map { $0.split(separator: ",", omittingEmptySubsequences: false).last ?? "" }
        // Every refused row here has a readable positive item 9 (or none at all): its flag is still reported.
        let read = "; its readable risk answers still raise the flags listed"
        #expect(mixedLines[2].hasSuffix("row 3: the date is not a valid YYYY-MM-DD date" + read))
        #expect(mixedLines[2].contains(",phq9-item9-self-harm-thoughts:same-day:positive,"))
        #expect(mixedLines[3].contains("row 4: PHQ-9 item 3: the answer is not one of the item's options"))
        #expect(mixedLines[4].hasSuffix("row 5: field 1 opens a quote that is not closed on this line"))
        #expect(mixedLines[5].contains("row 6: the row has 4 columns; PHQ-9 needs 11"))
        #expect(mixedLines[6].contains("row 7: item 1: the answer is not a number or an option's key"))
        #expect(mixedLines[7].hasSuffix("row 8: the client id is empty" + read))
        #expect(mixedLines[5].contains(",phq9-item9-self-harm-thoughts:same-day:not-answered,"))
        #expect(errors.allSatisfy { !$0.isEmpty })
        // An answer value never appears in an error message.
        #expect(!mixedLines[3].contains("7"))
    }

    @Test func anIncompleteRowIsNotScoredButItsRiskFlagsAreKept() throws {
        let result = try run(header + "a,2026-01-05,1,1,-,1,1,1,1,1,2\n")
        #expect(result.summary.errors == 0)
        #expect(result.output.contains("2,a,2026-01-05,,,,,phq9-item9-self-harm-thoughts:same-day:positive,"))
        #expect(result.output.contains("not scored: item 3 not answered"))
    }

    /// A client id a spreadsheet would run as a formula is written with a leading `'`, in scored and refused
    /// rows alike; JSON keeps it exactly.
    @Test func aFormulaInAClientIdIsMadeInertInCSV() throws {
        let rows = ["=cmd|'/c calc'!A1,2026-01-05,0,0,0,1,2,1,3,2,1", "@SUM(1),2026-01-05,9,0,0,0,0,0,0,0,0"]
        let csv = try run(header + rows.joined(separator: "\n") + "\n").output.split(separator: "\n")
        #expect(csv[1].hasPrefix("2,'=cmd|'/c calc'!A1,2026-01-05,"), "\(csv[1])")
        #expect(csv[2].hasPrefix("3,'@SUM(1),2026-01-05,"), "\(csv[2])")
        let json = try run(header + rows[0] + "\n", format: .jsonl).output
        #expect(json.contains("\"=cmd|'/c calc'!A1\""), "\(json)")
    }

    /// RFC 4180: a line break inside a quoted field belongs to the field, so the record is one row (never an error
    /// row and a phantom scored row for a client `1"`), and rows are numbered by record, as a spreadsheet shows
    /// them. The output quotes the field again, line break and all.
    @Test func aQuotedFieldMaySpanLines() throws {
        let text = header + "\"client\r\n1\",2026-01-05,0,0,0,1,2,1,3,2,1\r\n" + "b,2026-01-05,0,0,0,0,0,0,0,0,0\n"
        let result = try run(text)
        #expect(result.summary == BatchScorer.Summary(rows: 2, errors: 0))
        #expect(result.output.contains("2,\"client\r\n1\",2026-01-05,10,"), "\(result.output)")
        #expect(result.output.contains("\n3,b,2026-01-05,0,"), "\(result.output)")
    }

    /// A quote left open does not swallow the file: past 16 lines (or at the end of the file) its first line is
    /// a refused row of its own and the rows after it are scored.
    @Test func anUnclosedQuoteSwallowsNoMoreThanItsLimit() throws {
        let good = (0..<20).map { "c\($0),2026-01-05,0,0,0,0,0,0,0,0,1" }
        let result = try run(header + "\"open,2026-01-05,0,0,0,0,0,0,0,0,0\n" + good.joined(separator: "\n") + "\n")
        #expect(result.summary == BatchScorer.Summary(rows: 21, errors: 1))
        #expect(result.output.contains("row 2: field 1 opens a quote that is not closed on this line"))
        #expect(result.output.contains("\n22,c19,2026-01-05,1,"), "\(result.output)")
        let atEnd = try run(
            header + "a,2026-01-05,0,0,0,0,0,0,0,0,1\n\"open,2026-01-05\nb,2026-01-05,1,1,1,1,1,1,1,1,1\n")
        #expect(atEnd.summary == BatchScorer.Summary(rows: 3, errors: 1))
    }

    @Test func jsonLinesCarryTheSameResults() throws {
        let result = try run(
            header + "a,2026-01-05,0,0,0,1,2,1,3,2,1\nb,2026-13-01,0,0,0,0,0,0,0,0,0\n", format: .jsonl)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(
            lines[0].hasPrefix(
                "{\"row\":2,\"client\":\"a\",\"date\":\"2026-01-05\",\"total\":10,\"band\":\"moderate\",\"caseness\":true"
            ))
        #expect(lines[1].contains("\"error\":\"row 3: the date is not a valid YYYY-MM-DD date\""))
    }

    @Test func aWrongHeaderOrAnEmptyFileIsOneErrorAndNothingIsWritten() throws {
        var emitted = 0
        let scorer = BatchScorer(instrument: try registry.instrument("phq9"))
        #expect(throws: StepCareError.self) {
            _ = try scorer.run(Array("id,date,q1\na,2026-01-01,1\n".utf8)) { _ in emitted += 1 }
        }
        #expect(throws: StepCareError.self) { _ = try scorer.run([]) { _ in emitted += 1 } }
        #expect(emitted == 0)
        do {
            _ = try scorer.run(Array("id\n".utf8)) { _ in }
        } catch {
            #expect(error.hint == "row 1 must name the columns, in any order: " + header.dropLast())
        }
    }
}

/// A file scored in parts on several threads gives the same output, byte for byte, and the same summary as
/// on one: seeded files of over a megabyte with blank lines, CRLF endings, short, long and bad rows, risk
/// answers and a last line without an end.
@Suite struct BatchScorerPartsTests {
    let registry: Registry
    init() throws { registry = try Registry.builtIn() }

    /// A seeded file of about `rows` rows, with no quote character (so it can be split).
    static func file(rows: Int, seed: UInt64, crlf: Bool) -> [UInt8] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        let end = crlf ? "\r\n" : "\n"
        var text = "\n" + end + "client_id,date,item1,item2,item3,item4,item5,item6,item7,item8,item9" + end
        for row in 0..<rows {
            switch next(200) {
            case 0: text += end  // a blank line
            case 1: text += "c\(row),2026-02-30,1,1,1,1,1,1,1,1,1" + end  // no such date
            case 2: text += "c\(row),2026-01-05,1,1,x,1,1,1,1,1,3" + end  // an unreadable answer beside a risk answer
            case 3: text += "c\(row),2026-01-05,1,1" + end  // short
            case 4: text += "c\(row),2026-01-05,1,1,1,1,1,1,1,1,1,1" + end  // long
            case 5: text += ",2026-01-05,1,1,1,1,1,1,1,1,2" + end  // no client
            default:
                let answers = (0..<9).map { _ in next(9) == 0 ? "-" : String(next(4)) }
                text += "c\(row),2026-0\(1 + next(9))-1\(next(9)),\(answers.joined(separator: ","))" + end
            }
        }
        text += "last,2026-03-01,3,3,3,3,3,3,3,3,3"
        return Array(text.utf8)
    }

    @Test(arguments: [(1, false), (2, true), (3, false)] as [(UInt64, Bool)])
    func partsGiveTheSameOutputAsOneThread(seed: UInt64, crlf: Bool) throws {
        let input = Self.file(rows: 40_000, seed: seed, crlf: crlf)
        #expect(input.count > 1 << 20)
        for format in BatchScorer.Format.allCases {
            let scorer = BatchScorer(instrument: try registry.instrument("phq9"), format: format)
            var one: [UInt8] = []
            let oneSummary = try scorer.run(input, jobs: 1) { one += $0 }
            var parts: [UInt8] = []
            var emits = 0
            let partsSummary = try scorer.run(input, jobs: 3) {
                parts += $0
                emits += 1
            }
            #expect(emits > 4, "the file was not split")
            #expect(partsSummary == oneSummary)
            #expect(oneSummary.errors > 100 && oneSummary.rows > 39_000)
            #expect(parts == one, "\(format): the outputs differ")
        }
    }

    @Test("a bad header is refused before anything is written, split or not")
    func badHeader() throws {
        var input = Self.file(rows: 40_000, seed: 4, crlf: false)
        if let at = input.firstIndex(of: UInt8(ascii: "i")) { input[at] = UInt8(ascii: "j") }  // item1 → jtem1
        let scorer = BatchScorer(instrument: try registry.instrument("phq9"))
        var written = 0
        #expect(throws: StepCareError.self) { _ = try scorer.run(input, jobs: 2) { written += $0.count } }
        #expect(written == 0)
    }
}
