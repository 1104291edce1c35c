import Foundation
public import StepCareCore

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

    /// Creates a scorer.
    public init(instrument: any Instrument, missingItems: MissingItemPolicy? = nil, format: Format = .csv) {
        self.instrument = instrument
        definition = instrument.definition
        self.missingItems = missingItems
        self.format = format
    }

    /// The columns of the input, e.g. `client_id,date,item1,…,item9`, named in row 1 in any order.
    public var expectedHeader: String {
        (["client_id", "date"] + definition.items.map { "item\($0.number)" }).joined(separator: ",")
    }

    /// Scores `input`, passing UTF-8 output to `emit` in chunks.
    ///
    /// - Throws: ``StepCareError`` when the file is empty or its header has the wrong number of columns;
    ///   nothing is emitted then.
    public func run(_ input: [UInt8], emit: ([UInt8]) -> Void) throws(StepCareError) -> Summary {
        var summary = Summary()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 17)
        var order: [Int]?  // for each expected column, where it is in the file
        var headerProblem: StepCareError?
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
            summary.rows += 1
            let result = score(line, columns: columns)
            if case .failure = result { summary.errors += 1 }
            append(result, row: number, to: &buffer)
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

    private func score(_ line: ArraySlice<UInt8>, columns: [Int]) -> RowResult {
        let raw: [String]
        switch CSVLine.fields(line) {
        case .success(let values): raw = values
        case .failure(.unterminatedQuote(let field)):
            return .failure(RowError(message: "field \(field) opens a quote that is not closed on this line"))
        case .failure(.textAfterQuote(let field)):
            return .failure(RowError(message: "field \(field) has text after its closing quote"))
        case .failure(.quoteInUnquotedField(let field)):
            return .failure(
                RowError(
                    message: "field \(field) holds a quote but is not quoted (RFC 4180: write it in quotes, with each "
                        + "quote doubled)"))
        }
        // The cells in the expected order; a short row's missing cells are read as blank (not answered).
        let fields = columns.map { raw.indices.contains($0) ? raw[$0] : "" }
        var answers: [ItemResponse?] = []
        var problem: String?
        answers.reserveCapacity(definition.items.count)
        for (index, item) in definition.items.enumerated() {
            let word = fields[index + 2]
            if word.isEmpty {
                answers.append(.notAnswered)  // a blank cell is "not answered", as - is
            } else if let response = (item.typedAsColumn ? nil : ItemResponse(fast: word))
                ?? ItemResponse(word: word, item: item)
            {
                answers.append(response)
            } else {
                answers.append(nil)
                if problem == nil {
                    problem =
                        "item \(item.number): the answer is not a number or an option's key; "
                        + "item \(item.number) accepts \(item.answerChoices)"
                }
            }
        }
        let client = fields[0]
        let date = fields[1]
        func refused(_ message: String) -> RowResult {
            let flags = instrument.readableRiskFlags(answers)
            let read = flags.isEmpty ? "" : "; its readable risk answers still raise the flags listed"
            return .failure(RowError(client: client, date: date, message: message + read, flags: flags))
        }
        guard raw.count == columns.count else {
            return refused(
                "the row has \(raw.count) columns; \(definition.shortName) needs \(columns.count) "
                    + "(client_id, date, one per item)")
        }
        guard !client.isEmpty else { return refused("the client id is empty") }
        guard BatchScorer.isISODate(date) else { return refused("the date is not a valid YYYY-MM-DD date") }
        if let problem { return refused(problem) }
        let responses = answers.map { $0 ?? .notAnswered }
        do throws(StepCareError) {
            let report = try instrument.score(responses: responses, missingItems: missingItems)
            return .success((client, date, report))
        } catch {
            return refused(error.message + (error.hint.map { "; \($0)" } ?? ""))
        }
    }

    /// Whether `text` is a calendar date written `YYYY-MM-DD`.
    package static func isISODate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), (1...12).contains(month)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }
}

extension ItemResponse {
    /// A one-character answer, `0`–`9` or `-`, read without allocating; `nil` for anything else.
    package init?(fast word: String) {
        var utf8 = word.utf8.makeIterator()
        guard let byte = utf8.next(), utf8.next() == nil else { return nil }
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
