import Foundation
public import StepCareCore
import StepCareEngine

/// Scores a CSV file of administrations: one row per administration, `client_id,date,item1,…,itemN`.
///
/// The first line is a header naming the columns, in any order. Every data row gets one output row, in order; a
/// bad row gets an error naming its row number (the header is row 1, as in a spreadsheet) and never stops or
/// changes the others, and the risk answers that can be read from it still raise their flags. A blank cell is
/// "not answered", as `-` is. Errors never repeat answer values.
public struct BatchScorer: Sendable {
    /// The output format.
    public enum Format: String, Sendable, CaseIterable {
        /// CSV with a header row.
        case csv
        /// One JSON object per line.
        case jsonl
    }

    /// What a run did.
    public struct Summary: Sendable, Hashable {
        /// Data rows read (blank lines are skipped).
        public var rows = 0
        /// Rows with an error instead of a score.
        public var errors = 0

        /// Creates a summary.
        public init(rows: Int = 0, errors: Int = 0) {
            self.rows = rows
            self.errors = errors
        }
    }

    package let instrument: any Instrument
    package let definition: InstrumentDefinition
    package let missingItems: MissingItemPolicy?
    package let format: Format
    /// The definition's caseness rule, looked up once rather than for every row.
    package let casenessRule: CutOffRule?
    /// For each item, whether a one-character cell can be read as the answer directly (items typed as
    /// columns are read by their option keys only).
    private let readsDigits: [Bool]

    /// Creates a scorer.
    public init(instrument: any Instrument, missingItems: MissingItemPolicy? = nil, format: Format = .csv) {
        self.instrument = instrument
        definition = instrument.definition
        self.missingItems = missingItems
        self.format = format
        casenessRule = definition.casenessRule
        readsDigits = definition.items.map { !$0.typedAsColumn }
    }

    /// The columns of the input, e.g. `client_id,date,item1,…,item9`, named in row 1 in any order.
    public var expectedHeader: String {
        (["client_id", "date"] + definition.items.map { "item\($0.number)" }).joined(separator: ",")
    }

    /// Scores `input`, passing UTF-8 output to `emit` in chunks, in row order.
    ///
    /// - Parameter jobs: threads to spread the rows over. A file with no quote character (one record per
    ///   line, as nearly every export is) of a megabyte or more is split at line ends into parts scored side
    ///   by side; the output is the same, byte for byte, as from one thread. Any other file is read on one.
    /// - Throws: ``StepCareError`` when the file is empty or its header has the wrong number of columns;
    ///   nothing is emitted then.
    public func run(_ input: [UInt8], jobs: Int = 1, emit: ([UInt8]) -> Void) throws(StepCareError) -> Summary {
        if jobs > 1, input.count >= Self.smallestSplit, !input.contains(UInt8(ascii: "\"")) {
            return try runInParts(input, jobs: jobs, emit: emit)
        }
        var summary = Summary()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 17)
        var order: [Int]?  // for each expected column, where it is in the file
        var headerProblem: StepCareError?
        var cells = CSVCells()
        CSVLine.forEachRecord(in: input, isWholeRow: { CSVLine.hasFields($0, count: order?.count) }) {
            number, line in
            guard headerProblem == nil, !line.isEmpty else { return }
            guard let columns = order else {
                switch columnOrder(line) {
                case .success(let found):
                    order = found
                    if format == .csv { buffer.append(contentsOf: (outputHeader + "\n").utf8) }
                case .failure(let problem):
                    headerProblem = problem
                }
                return
            }
            scoreRow(line, number: number, columns: columns, cells: &cells, summary: &summary, into: &buffer)
            if buffer.count > 1 << 16 {
                emit(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if let headerProblem { throw headerProblem }
        guard order != nil else {
            throw StepCareError(.invalidHeader, "the file is empty", hint: "start it with the header \(expectedHeader)")
        }
        if !buffer.isEmpty { emit(buffer) }
        return summary
    }

    /// The smallest input split over threads: below it, starting them costs more than they save.
    static let smallestSplit = 1 << 20

    /// Scores a file without quotes, whose records are its lines, in parts side by side.
    private func runInParts(_ input: [UInt8], jobs: Int, emit: ([UInt8]) -> Void) throws(StepCareError) -> Summary {
        let newline = UInt8(ascii: "\n")
        // The header is the first line that is not blank (blank lines are numbered and skipped).
        var start = 0
        var number = 0
        var columns: [Int]?
        while start < input.count, columns == nil {
            number += 1
            let end = input[start...].firstIndex(of: newline) ?? input.count
            let line = Self.withoutCarriageReturn(input[start..<end])
            start = end + 1
            guard !line.isEmpty else { continue }
            switch columnOrder(line) {
            case .success(let found): columns = found
            case .failure(let problem): throw problem
            }
        }
        guard let columns else {
            throw StepCareError(.invalidHeader, "the file is empty", hint: "start it with the header \(expectedHeader)")
        }
        // Parts of about equal size, each ending at a line end, of at most a few megabytes so that the output
        // held at once stays small; each part's first row number follows from the lines before it.
        var bounds = [min(start, input.count)]
        let target = min(1 << 22, max(1 << 16, (input.count - bounds[0]) / (jobs * 8)))
        while bounds[bounds.count - 1] < input.count {
            let from = min(input.count, bounds[bounds.count - 1] + target)
            bounds.append(from == input.count ? from : (input[from...].firstIndex(of: newline) ?? input.count - 1) + 1)
        }
        let parts = bounds.count - 1
        let partBounds = bounds
        let lineCounts = Engine.inChunks(of: parts, chunk: 1, jobs: jobs) { range in
            Self.lineCount(input[partBounds[range.lowerBound]..<partBounds[range.upperBound]])
        }
        var firstRows = [number + 1]
        for count in lineCounts.dropLast() { firstRows.append(firstRows[firstRows.count - 1] + count) }
        let partFirstRows = firstRows
        var summary = Summary()
        if format == .csv { emit(Array((outputHeader + "\n").utf8)) }
        // The parts are scored in waves of a few per thread, each wave's output written before the next.
        let wave = jobs * 4
        for first in stride(from: 0, to: parts, by: wave) {
            let scored = Engine.inChunks(of: min(wave, parts - first), chunk: 1, jobs: jobs) { range in
                let part = first + range.lowerBound
                return scorePart(
                    input[partBounds[part]..<partBounds[part + 1]], firstRow: partFirstRows[part], columns: columns)
            }
            for part in scored {
                summary.rows += part.summary.rows
                summary.errors += part.summary.errors
                if !part.output.isEmpty { emit(part.output) }
            }
        }
        return summary
    }

    /// Scores the lines of `part`, the first numbered `firstRow`.
    private func scorePart(
        _ part: ArraySlice<UInt8>, firstRow: Int, columns: [Int]
    ) -> (
        summary: Summary, output: [UInt8]
    ) {
        var summary = Summary()
        var output: [UInt8] = []
        var cells = CSVCells()
        var start = part.startIndex
        var number = firstRow
        while start < part.endIndex {
            let end = part[start...].firstIndex(of: UInt8(ascii: "\n")) ?? part.endIndex
            let line = Self.withoutCarriageReturn(part[start..<end])
            if !line.isEmpty {
                scoreRow(line, number: number, columns: columns, cells: &cells, summary: &summary, into: &output)
            }
            number += 1
            start = end + 1
        }
        return (summary, output)
    }

    /// Scores one data row, counts it and appends its output row: the same for one thread and for parts.
    private func scoreRow(
        _ line: ArraySlice<UInt8>, number: Int, columns: [Int], cells: inout CSVCells, summary: inout Summary,
        into output: inout [UInt8]
    ) {
        summary.rows += 1
        let result = score(line, columns: columns, cells: &cells)
        if case .failure = result { summary.errors += 1 }
        append(result, row: number, to: &output)
    }

    /// The lines in `part`: its line ends, and one more for a last line without an end.
    private static func lineCount(_ part: ArraySlice<UInt8>) -> Int {
        let ends = part.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        return ends + (part.last == UInt8(ascii: "\n") || part.isEmpty ? 0 : 1)
    }

    private static func withoutCarriageReturn(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        line.last == UInt8(ascii: "\r") ? line.dropLast() : line
    }

    /// The position in the file of each expected column (`client_id`, `date`, `item1`…), matched by name in
    /// any order. A missing, unknown or repeated name, or a first row that is not a header, is refused before
    /// any row is read, so answers are never scored against the wrong items.
    private func columnOrder(_ line: ArraySlice<UInt8>) -> Result<[Int], StepCareError> {
        let expected = ["client_id", "date"] + definition.items.map { "item\($0.number)" }
        let hint = "row 1 must name the columns, in any order: \(expectedHeader)"
        guard case .success(let fields) = CSVLine.fields(line) else {
            return .failure(StepCareError(.invalidHeader, "row 1 is not valid CSV (check the quotes)", hint: hint))
        }
        let names = fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased().droppingByteOrderMark }
        var position: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            guard expected.contains(name) else {
                let what =
                    names.contains("client_id") || names.contains("date")
                    ? "row 1 has a column \"\(name.prefix(40))\" that \(definition.shortName) does not have"
                    : "row 1 is not a header: the file must start by naming its columns"
                return .failure(StepCareError(.invalidHeader, what, hint: hint))
            }
            guard position[name] == nil else {
                return .failure(StepCareError(.invalidHeader, "row 1 names the column \(name) twice", hint: hint))
            }
            position[name] = index
        }
        let missing = expected.filter { position[$0] == nil }
        guard missing.isEmpty else {
            return .failure(
                StepCareError(
                    .invalidHeader, "row 1 lacks the column(s) " + missing.joined(separator: ", "), hint: hint))
        }
        return .success(expected.map { position[$0] ?? 0 })
    }

    /// A scored row, or why it could not be scored.
    package typealias RowResult = Result<(client: String, date: String, report: ScoreReport), RowError>

    /// Why a row could not be scored, with what of it could be read: the risk flags its readable answers raise.
    package struct RowError: Error {
        var client = ""
        var date = ""
        var message: String
        var flags: [RiskFlag] = []
    }

    private func score(_ line: ArraySlice<UInt8>, columns: [Int], cells: inout CSVCells) -> RowResult {
        switch cells.split(line) {
        case nil: break
        case .unterminatedQuote(let field):
            return .failure(RowError(message: "field \(field) opens a quote that is not closed on this line"))
        case .textAfterQuote(let field):
            return .failure(RowError(message: "field \(field) has text after its closing quote"))
        case .quoteInUnquotedField(let field):
            return .failure(
                RowError(
                    message: "field \(field) holds a quote but is not quoted (RFC 4180: write it in quotes, with each "
                        + "quote doubled)"))
        }
        // The cells in the expected order; a short row's missing cells are read as blank (not answered).
        let found = cells.count
        func cell(_ position: Int) -> ArraySlice<UInt8> {
            let column = columns[position]
            return column < found ? cells[column] : []
        }
        var responses: [ItemResponse] = []
        responses.reserveCapacity(readsDigits.count)
        var unreadable: [Int] = []  // items whose answer could not be read: allocated only when there are some
        for index in readsDigits.indices {
            let word = cell(index + 2)
            if word.isEmpty {
                responses.append(.notAnswered)  // a blank cell is "not answered", as - is
            } else if let response = (readsDigits[index] ? ItemResponse(fast: word) : nil)
                ?? ItemResponse(word: String(decoding: word, as: UTF8.self), item: definition.items[index])
            {
                responses.append(response)
            } else {
                responses.append(.notAnswered)
                unreadable.append(index)
            }
        }
        let client = String(decoding: cell(0), as: UTF8.self)
        let date = String(decoding: cell(1), as: UTF8.self)
        func refused(_ message: String) -> RowResult {
            var answers: [ItemResponse?] = responses
            for index in unreadable { answers[index] = nil }
            let flags = instrument.readableRiskFlags(answers)
            let read = flags.isEmpty ? "" : "; its readable risk answers still raise the flags listed"
            return .failure(RowError(client: client, date: date, message: message + read, flags: flags))
        }
        guard found == columns.count else {
            return refused(
                "the row has \(found) columns; \(definition.shortName) needs \(columns.count) "
                    + "(client_id, date, one per item)")
        }
        guard !client.isEmpty else { return refused("the client id is empty") }
        guard BatchScorer.isISODate(cell(1)) else { return refused("the date is not a valid YYYY-MM-DD date") }
        if let index = unreadable.first {
            let item = definition.items[index]
            return refused(
                "item \(item.number): the answer is not a number or an option's key; "
                    + "item \(item.number) accepts \(item.answerChoices)")
        }
        do throws(StepCareError) {
            let report = try instrument.score(responses: responses, missingItems: missingItems)
            return .success((client, date, report))
        } catch {
            return refused(error.message + (error.hint.map { "; \($0)" } ?? ""))
        }
    }

    /// Whether `text` is a calendar date written `YYYY-MM-DD`.
    package static func isISODate(_ text: String) -> Bool { isISODate(Array(text.utf8)[...]) }

    /// Whether `text` spells a calendar date written `YYYY-MM-DD`.
    package static func isISODate(_ text: ArraySlice<UInt8>) -> Bool {
        guard text.count == 10 else { return false }
        let base = text.startIndex
        guard text[base + 4] == UInt8(ascii: "-"), text[base + 7] == UInt8(ascii: "-") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in text[(base + range.lowerBound)..<(base + range.upperBound)] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), (1...12).contains(month)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days =
            switch month {
            case 2: leap ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        return (1...days).contains(day)
    }
}

extension ItemResponse {
    /// A one-character answer, `0`–`9` or `-`, read without allocating; `nil` for anything else.
    package init?(fast word: ArraySlice<UInt8>) {
        guard word.count == 1, let byte = word.first else { return nil }
        if byte == UInt8(ascii: "-") {
            self = .notAnswered
        } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            self = .answered(Int(byte - UInt8(ascii: "0")))
        } else {
            return nil
        }
    }
}

extension StepCareError.Code {
    /// A batch file's header is missing or has the wrong columns.
    public static let invalidHeader = Self("invalid-header")
}

extension String {
    /// The text without a leading byte-order mark (spreadsheets write one).
    fileprivate var droppingByteOrderMark: String { hasPrefix("\u{FEFF}") ? String(dropFirst()) : self }
}
