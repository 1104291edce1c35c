public import StepCareCore

/// Scores a CSV file of administrations: one row per administration, `client_id,date,item1,…,itemN`.
///
/// The first line is a header. Every data row gets one output row, in order; a bad row gets an error
/// naming its row number (the header is row 1, as in a spreadsheet) and never stops or changes the
/// others. Errors never repeat answer values.
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

    /// The columns of the input, e.g. `client_id,date,item1,…,item9`.
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
        var headerSeen = false
        var headerProblem: StepCareError?
        let columns = definition.items.count + 2
        CSVLine.forEachLine(in: input) { number, line in
            guard headerProblem == nil, !line.isEmpty else { return }
            guard headerSeen else {
                headerSeen = true
                if case .success(let fields) = CSVLine.fields(line), fields.count == columns {
                    if format == .csv { buffer.append(contentsOf: (outputHeader + "\n").utf8) }
                    return
                }
                headerProblem = StepCareError(
                    .invalidHeader,
                    "row 1 must be a header with \(columns) columns for \(definition.shortName)",
                    hint: "use the header \(expectedHeader)")
                return
            }
            summary.rows += 1
            let result = score(line)
            if case .failure = result { summary.errors += 1 }
            append(result, row: number, to: &buffer)
            if buffer.count > 1 << 16 {
                emit(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if let headerProblem { throw headerProblem }
        guard headerSeen else {
            throw StepCareError(.invalidHeader, "the file is empty", hint: "start it with the header \(expectedHeader)")
        }
        if !buffer.isEmpty { emit(buffer) }
        return summary
    }

    /// A scored row, or why it could not be scored.
    package typealias RowResult = Result<(client: String, date: String, report: ScoreReport), RowError>

    /// Why a row could not be scored, with what of it could be read.
    package struct RowError: Error {
        var client = ""
        var date = ""
        var message: String
    }

    private func score(_ line: ArraySlice<UInt8>) -> RowResult {
        let fields: [String]
        switch CSVLine.fields(line) {
        case .success(let values): fields = values
        case .failure(.unterminatedQuote(let field)):
            return .failure(RowError(message: "field \(field) opens a quote that is not closed on this line"))
        case .failure(.textAfterQuote(let field)):
            return .failure(RowError(message: "field \(field) has text after its closing quote"))
        }
        guard fields.count == definition.items.count + 2 else {
            return .failure(
                RowError(
                    client: fields[0], date: fields.count > 1 ? fields[1] : "",
                    message: "the row has \(fields.count) columns; \(definition.shortName) needs "
                        + "\(definition.items.count + 2) (client_id, date, one per item)"))
        }
        let client = fields[0]
        let date = fields[1]
        guard !client.isEmpty else { return .failure(RowError(date: date, message: "the client id is empty")) }
        guard BatchScorer.isISODate(date) else {
            return .failure(RowError(client: client, date: date, message: "the date is not a valid YYYY-MM-DD date"))
        }
        var responses: [ItemResponse] = []
        responses.reserveCapacity(definition.items.count)
        for index in definition.items.indices {
            let word = fields[index + 2]
            if let response = ItemResponse(fast: word) {
                responses.append(response)
                continue
            }
            let item = definition.items[index]
            guard let response = ItemResponse(word: word, item: item) else {
                return .failure(
                    RowError(
                        client: client, date: date,
                        message: "item \(item.number): the answer is not a number or an option's key; "
                            + "item \(item.number) accepts \(item.answerChoices)"))
            }
            responses.append(response)
        }
        do throws(StepCareError) {
            let report = try instrument.score(responses: responses, missingItems: missingItems)
            return .success((client, date, report))
        } catch {
            let hint = error.hint.map { "; \($0)" } ?? ""
            return .failure(RowError(client: client, date: date, message: error.message + hint))
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
