import StepCareCore
import StepCareRegistry
import StepCareReports
import Testing

/// A risk answer is never lost because something else on the form is wrong: for every registered instrument
/// (every variant) with a risk rule, a batch row whose risk item is positive and one other item is broken, in
/// each way a row can be broken, is refused and still raises that rule's flag; a blank risk cell raises the
/// rule's "not answered" flag.
@Suite struct RiskAnswerTests {
    static let registry: Registry = {
        do { return try Registry.builtIn() } catch { fatalError("\(error)") }
    }()

    /// Every registered instrument with a risk rule, by id and variant.
    static let instruments: [String] = registry.instruments.filter { !$0.definition.riskRules.isEmpty }.map {
        $0.definition.id + ($0.definition.variant.map { ":" + $0.id } ?? "")
    }

    /// Scores one data row through the batch scorer and returns its output line.
    func scoreRow(_ cells: [String], _ instrument: any Instrument) throws -> String {
        let definition = instrument.definition
        let header = (["client_id", "date"] + definition.items.map { "item\($0.number)" }).joined(separator: ",")
        let scorer = BatchScorer(instrument: instrument, format: .csv)
        var output: [UInt8] = []
        _ = try scorer.run(Array((header + "\n" + (["c1", "2026-01-05"] + cells).joined(separator: ",") + "\n").utf8)) {
            output += $0
        }
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
        return try #require(lines.count == 2 ? lines[1] : nil, "\(lines)")
    }

    @Test(arguments: instruments)
    func aBrokenRowStillRaisesItsRiskFlags(id: String) throws {
        let parts = id.split(separator: ":").map(String.init)
        let instrument = try Self.registry.instrument(parts[0], variant: parts.count > 1 ? parts[1] : nil)
        let definition = instrument.definition
        // Every item at its highest option, so no skip rule hides an item, and every risk item is positive.
        let filler = definition.items.map { item in String(item.options.map(\.value).max() ?? 0) }
        let broken = ["99", "x", "-7", "1.5"]
        for rule in definition.riskRules {
            for other in definition.items.indices where other != rule.item - 1 {
                for bad in broken {
                    var cells = filler
                    cells[other] = bad
                    let line = try scoreRow(cells, instrument)
                    #expect(line.contains("\(rule.id):"), "\(id): item \(other + 1) = \(bad) hid \(rule.id): \(line)")
                    #expect(line.contains("row 2:"), "\(id): the row must still be refused: \(line)")
                }
            }
            var blank = filler
            blank[rule.item - 1] = ""
            let line = try scoreRow(blank, instrument)
            #expect(line.contains("\(rule.id):\(rule.urgency.identifier):not-answered"), "\(id) blank: \(line)")
            // A short row (the risk item's cell and everything after it missing) still raises it.
            let short = Array(filler.prefix(rule.item - 1))
            let shortLine = try scoreRow(short, instrument)
            #expect(shortLine.contains("\(rule.id):"), "\(id) short row: \(shortLine)")
        }
    }

    /// The same through one-shot scoring's words: the flag lines come before the error.
    @Test func aFormThatCannotBeScoredShowsItsReadableRiskAnswers() throws {
        let instrument = try Self.registry.instrument("phq9")
        let text = Scoring.readableRiskText(["2", "4", "0", "0", "1", "0", "3", "0", "3"], instrument: instrument)
        #expect(text.contains("RISK FLAG [same day]: item 9 answered 3"))
        let cssrs = try Self.registry.instrument("cssrs")
        let flags = Scoring.readableRiskText(["y", "y", "", "n", "y", "y", "n"], instrument: cssrs)
        #expect(flags.contains("RISK FLAG [immediate]: item 5 answered 1"), "plan and intent: \(flags)")
        #expect(flags.contains("item 3 NOT ANSWERED"))
        #expect(Scoring.readableRiskText(["0", "9", "0", "0", "0", "0", "0", "0", "0"], instrument: instrument) == "")
    }

    /// Columns are matched by name: item columns in another order are read as the items they name, and a file
    /// whose first row is data, or whose header lacks, repeats or adds a column, is refused before any row.
    @Test func columnsAreMatchedByNameAndABadHeaderIsRefused() throws {
        let phq9 = try Self.registry.instrument("phq9")
        let scorer = BatchScorer(instrument: phq9, format: .csv)
        let reordered =
            "item9,client_id,date,item2,item3,item4,item5,item6,item7,item8,item1\n3,c1,2026-01-05,0,0,0,0,0,0,0,0\n"
        var output: [UInt8] = []
        _ = try scorer.run(Array(reordered.utf8)) { output += $0 }
        #expect(String(decoding: output, as: UTF8.self).contains("phq9-item9-self-harm-thoughts:same-day:positive"))
        let bad = [
            "c1,2026-01-05,0,0,0,0,0,0,0,0,3\n", "client_id,date,item1,item2,item3,item4,item5,item6,item7,item8\n",
            "client_id,date,item1,item1,item3,item4,item5,item6,item7,item8,item9\n",
            "client_id,date,item1,item2,item3,item4,item5,item6,item7,item8,item9,item10\n",
        ]
        for text in bad {
            var written: [UInt8] = []
            #expect(throws: StepCareError.self, "\(text)") {
                _ = try scorer.run(Array((text + "c1,2026-01-05,0,0,0,0,0,0,0,0,3\n").utf8)) { written += $0 }
            }
            #expect(written.isEmpty, "nothing may be written for a refused file")
        }
    }
}
