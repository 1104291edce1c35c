/// Splits CSV (RFC 4180) into records and records into fields.
///
/// Quoted fields may contain commas, doubled quotes and line breaks. A record spanning lines is taken only when
/// it is a whole row (the caller checks its fields, e.g. their count against the header) within
/// ``mostLinesPerRecord`` lines; otherwise its first line is a record of its own, refused as an unterminated
/// quote, so a stray quote never swallows the rows after it (nor hides their risk answers).
package enum CSVLine {
    /// The most lines one record may span through line breaks inside quoted fields.
    package static let mostLinesPerRecord = 16
    /// Why a line is not valid CSV.
    package enum Problem: Error, Equatable {
        /// A quoted field is not closed before the end of the record.
        case unterminatedQuote(field: Int)
        /// Text follows a closing quote before the next comma.
        case textAfterQuote(field: Int)
        /// A field that is not quoted holds a quote (RFC 4180: such a field must be quoted): typically the rest of
        /// a quoted field that was broken across lines.
        case quoteInUnquotedField(field: Int)
    }

    /// The fields of `line` (without its line ending).
    package static func fields(_ line: ArraySlice<UInt8>) -> Result<[String], Problem> {
        var cells = CSVCells()
        if let problem = cells.split(line) { return .failure(problem) }
        return .success((0..<cells.count).map(cells.string))
    }

    /// Calls `body` with each record of `bytes` and its 1-based number (its row, as a spreadsheet numbers
    /// them), without the `\n` or `\r\n` that ends it. A line break inside a quoted field stays in the record.
    ///
    /// - Parameter isWholeRow: whether a record that spans lines is a whole row; when not, the record is its
    ///   first line.
    package static func forEachRecord(
        in bytes: [UInt8], isWholeRow: (ArraySlice<UInt8>) -> Bool, _ body: (Int, ArraySlice<UInt8>) -> Void
    ) {
        var start = 0
        var number = 0
        while start < bytes.count {
            number += 1
            var end = recordEnd(in: bytes, from: start)
            let firstLineEnd = bytes[start...].firstIndex(of: newline) ?? bytes.count
            if end > firstLineEnd, !isWholeRow(bytes[start..<end]) { end = firstLineEnd }
            var recordEnd = end
            if recordEnd > start, bytes[recordEnd - 1] == carriageReturn { recordEnd -= 1 }
            body(number, bytes[start..<recordEnd])
            start = end + 1
        }
    }

    /// Whether `record` splits into exactly `count` fields.
    package static func hasFields(_ record: ArraySlice<UInt8>, count: Int?) -> Bool {
        guard let count, case .success(let fields) = fields(record) else { return false }
        return fields.count == count
    }

    /// Where the record starting at `start` ends: the first line break outside a quoted field, unless a field
    /// stays open past ``mostLinesPerRecord`` lines or to the end of the input, when the record is one line.
    private static func recordEnd(in bytes: [UInt8], from start: Int) -> Int {
        let firstLineEnd = bytes[start...].firstIndex(of: newline) ?? bytes.count
        var index = start
        var inQuotes = false
        var atFieldStart = true
        var lines = 1
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == quote {
                    if index + 1 < bytes.count, bytes[index + 1] == quote {
                        index += 2
                        continue
                    }
                    inQuotes = false
                } else if byte == newline {
                    lines += 1
                    if lines > mostLinesPerRecord { return firstLineEnd }
                }
            } else {
                if byte == newline { return index }
                if byte == quote, atFieldStart { inQuotes = true }
                atFieldStart = byte == comma
            }
            index += 1
        }
        return inQuotes ? firstLineEnd : bytes.count
    }

    /// Calls `body` with each line of `bytes` and its 1-based number, without the `\n` or `\r\n` ending.
    package static func forEachLine(in bytes: [UInt8], _ body: (Int, ArraySlice<UInt8>) -> Void) {
        var start = 0
        var number = 0
        while start < bytes.count {
            number += 1
            let end = bytes[start...].firstIndex(of: newline) ?? bytes.count
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == carriageReturn { lineEnd -= 1 }
            body(number, bytes[start..<lineEnd])
            start = end + 1
        }
    }

    /// `value` with a leading `'` when a spreadsheet would take it for a formula (it starts with `=`, `+`, `-`,
    /// `@`, a tab or a carriage return): for cells copied from input, such as a client id.
    package static func inert(_ value: String) -> String {
        switch value.utf8.first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return "'" + value
        default: return value
        }
    }

    /// `value` quoted for CSV output when it needs to be.
    package static func escaped(_ value: String) -> String {
        var value = value
        let plain = value.withUTF8 { bytes in
            !bytes.contains { $0 == comma || $0 == quote || $0 == newline || $0 == carriageReturn }
        }
        guard !plain else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }
}

/// The fields of one record, unescaped, in storage reused from record to record: splitting a record allocates
/// nothing once the storage has grown to the longest record.
package struct CSVCells {
    private var bytes: [UInt8] = []
    private var ranges: [Range<Int>] = []

    /// Creates empty cells.
    package init() {}

    /// The number of fields.
    package var count: Int { ranges.count }

    /// Field `index`'s bytes.
    package subscript(index: Int) -> ArraySlice<UInt8> { bytes[ranges[index]] }

    /// Field `index` as text.
    package func string(_ index: Int) -> String { String(decoding: self[index], as: UTF8.self) }

    /// Splits `line` (RFC 4180, without its line ending) into its fields, replacing those held.
    ///
    /// - Returns: why the line is not valid CSV, or nil.
    package mutating func split(_ line: ArraySlice<UInt8>) -> CSVLine.Problem? {
        bytes.removeAll(keepingCapacity: true)
        ranges.removeAll(keepingCapacity: true)
        var index = line.startIndex
        while true {
            let number = ranges.count + 1
            let start = bytes.count
            if index < line.endIndex, line[index] == quote {
                index += 1
                var closed = false
                while index < line.endIndex {
                    if line[index] == quote {
                        if index + 1 < line.endIndex, line[index + 1] == quote {
                            bytes.append(quote)
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    bytes.append(line[index])
                    index += 1
                }
                guard closed else { return .unterminatedQuote(field: number) }
                guard index == line.endIndex || line[index] == comma else { return .textAfterQuote(field: number) }
            } else {
                let end = line[index...].firstIndex(of: comma) ?? line.endIndex
                if line[index..<end].contains(quote) { return .quoteInUnquotedField(field: number) }
                bytes.append(contentsOf: line[index..<end])
                index = end
            }
            ranges.append(start..<bytes.count)
            guard index < line.endIndex else { return nil }
            index += 1  // the comma
        }
    }
}

private let quote = UInt8(ascii: "\"")
private let comma = UInt8(ascii: ",")
private let newline = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")

extension String {
    /// The string with every `target` replaced by `replacement`.
    package func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
