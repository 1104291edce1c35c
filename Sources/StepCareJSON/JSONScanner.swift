/// A pull reader over one JSON text: the caller asks for the value it expects next, so a record is decoded
/// straight into its type without building a tree. Every error names what was expected and the byte offset.
public struct JSONScanner {
    /// Why the text is not the JSON the caller expected.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The 0-based byte offset of the problem.
        public var offset: Int
        /// What is wrong.
        public var message: String

        public var description: String { "byte \(offset): \(message)" }

        /// A failure at `offset`.
        public init(offset: Int, message: String) {
            self.offset = offset
            self.message = message
        }
    }

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    /// The deepest nesting of objects and arrays accepted.
    public static let maximumDepth = 32

    /// A scanner at the start of `bytes`.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// A scanner at the start of `text`.
    public init(_ text: String) { self.bytes = Array(text.utf8) }

    /// Fails unless only whitespace is left.
    public mutating func end() throws(Failure) {
        skipSpace()
        guard index == bytes.count else { throw failure("unexpected text after the JSON value") }
    }

    /// Enters an object: `{`.
    public mutating func beginObject() throws(Failure) {
        try expect(UInt8(ascii: "{"), "an object")
        depth += 1
        guard depth <= Self.maximumDepth else { throw failure("the JSON is nested too deeply") }
        first = true
    }

    private var first = true

    /// The next member name of the object just entered, or `nil` at its `}`.
    public mutating func nextKey() throws(Failure) -> String? {
        guard try nextKey(in: JSONKeys([])) != nil else { return nil }
        return lastKey
    }

    /// The next member name of the object just entered, as its position in `keys`: `nil` at the `}`, `-1` for a
    /// name not in `keys` (``lastKey`` has its text). Names are matched as bytes, without making strings.
    public mutating func nextKey(in keys: JSONKeys) throws(Failure) -> Int? {
        skipSpace()
        if peek(UInt8(ascii: "}")) {
            depth -= 1
            first = false
            return nil
        }
        if !first {
            guard peek(UInt8(ascii: ",")) else { throw failure("expected , or } in an object") }
            skipSpace()
        }
        first = false
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
            throw failure("expected a member name in double quotes")
        }
        let start = index + 1
        let end = plainEnd(from: start)
        let found: Int
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            keyRange = start..<end
            found = keys.position(of: bytes, start..<end)
            index = end + 1
        } else {
            let key = try stringBody()
            keyRange = nil
            escapedKey = key
            let utf8 = Array(key.utf8)
            found = keys.position(of: utf8, 0..<utf8.count)
        }
        skipSpace()
        guard peek(UInt8(ascii: ":")) else { throw failure("expected : after the member name") }
        return found
    }

    private var keyRange: Range<Int>?
    private var escapedKey = ""

    /// The text of the last member name read by ``nextKey(in:)``.
    public var lastKey: String {
        keyRange.map { text($0) } ?? escapedKey
    }

    /// Enters an array: `[`.
    public mutating func beginArray() throws(Failure) {
        try expect(UInt8(ascii: "["), "an array")
        depth += 1
        guard depth <= Self.maximumDepth else { throw failure("the JSON is nested too deeply") }
        first = true
    }

    /// Whether the array just entered has another element (consuming the `,` before it), or ends here.
    public mutating func nextElement() throws(Failure) -> Bool {
        skipSpace()
        if peek(UInt8(ascii: "]")) {
            depth -= 1
            first = false
            return false
        }
        if !first {
            guard peek(UInt8(ascii: ",")) else { throw failure("expected , or ] in an array") }
        }
        first = false
        return true
    }

    /// A string value.
    public mutating func string() throws(Failure) -> String {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a string") }
        first = false
        return try stringBody()
    }

    /// A string value cut at the first `separator` byte into the text before and after it; `nil` for a string
    /// without one. Read straight from the bytes, for token fields such as `LOINC|44250-9`.
    public mutating func splitString(at separator: UInt8) throws(Failure) -> (String, String)? {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a string") }
        first = false
        let start = index + 1
        let end = plainEnd(from: start)
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else {
            let text = try stringBody()
            guard let bar = text.utf8.firstIndex(of: separator) else { return nil }
            return (String(Substring(text.utf8[..<bar])), String(Substring(text.utf8[text.utf8.index(after: bar)...])))
        }
        index = end + 1
        guard let cut = bytes[start..<end].firstIndex(of: separator) else { return nil }
        return (text(start..<cut), text((cut + 1)..<end))
    }

    /// `true` or `false`.
    public mutating func bool() throws(Failure) -> Bool {
        skipSpace()
        first = false
        if bytes.count - index >= 4, bytes[index..<index + 4].elementsEqual("true".utf8) {
            index += 4
            return true
        }
        if bytes.count - index >= 5, bytes[index..<index + 5].elementsEqual("false".utf8) {
            index += 5
            return false
        }
        throw failure("expected true or false")
    }

    /// A whole number that fits in 53 bits (so it survives any JSON reader); fractions and exponents are refused.
    public mutating func integer() throws(Failure) -> Int {
        skipSpace()
        first = false
        let start = index
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var value = 0
        var digits = 0
        while index < bytes.count, (48...57).contains(bytes[index]) {
            guard digits < 16 else { throw failure("the number is too large") }
            value = value * 10 + Int(bytes[index] - 48)
            digits += 1
            index += 1
        }
        guard digits > 0 else {
            index = start
            throw failure("expected a whole number")
        }
        guard digits == 1 || bytes[index - digits] != 48 else { throw failure("a number may not start with 0") }
        if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
            throw failure("expected a whole number")
        }
        guard value <= 9_007_199_254_740_991 else { throw failure("the number is too large") }
        return negative ? -value : value
    }

    /// Any JSON number.
    public mutating func number() throws(Failure) -> Double {
        skipSpace()
        first = false
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
        guard index > integerStart else { throw failure("expected a number") }
        guard index - integerStart == 1 || bytes[integerStart] != 48 else {
            throw failure("a number may not start with 0")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fraction = index
            while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
            guard index > fraction else { throw failure("a number needs digits after the decimal point") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            let exponent = index
            while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
            guard index > exponent else { throw failure("a number needs digits in its exponent") }
        }
        guard index - start <= 40, let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)),
            value.isFinite
        else { throw failure("the number is out of range") }
        return value
    }

    /// The bytes in `range` as a string, decoded from contiguous memory (the fast path of `String(decoding:)`).
    private func text(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// The end of the plain run of string bytes from `start`: the first quote, backslash or control byte.
    private func plainEnd(from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var end = start
            while end < buffer.count {
                let byte = buffer[end]
                if byte == 0x22 || byte == 0x5C || byte < 0x20 { break }
                end += 1
            }
            return end
        }
    }

    /// A failure at the current position, for a caller whose expectation the text did not meet.
    public func failure(_ message: String) -> Failure { Failure(offset: index, message: message) }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
        skipSpace()
        guard peek(byte) else { throw failure("expected \(what)") }
    }

    private mutating func stringBody() throws(Failure) -> String {
        index += 1
        let start = index
        let end = plainEnd(from: start)
        guard end < bytes.count else { throw failure("the string is not closed") }
        switch bytes[end] {
        case UInt8(ascii: "\""):
            index = end + 1
            return text(start..<end)
        case UInt8(ascii: "\\"):
            index = end
            return try escapedString(from: start)
        default:
            index = end
            throw failure("a control character must be escaped in a string")
        }
    }

    /// The slow path for a string with escapes: decoded through the tree parser, which knows them all.
    private mutating func escapedString(from start: Int) throws(Failure) -> String {
        var end = index
        while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
            end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard end < bytes.count else { throw failure("the string is not closed") }
        let quoted = Array(bytes[(start - 1)...end])
        do {
            guard case .string(let text) = try JSONParser.parse(quoted) else { throw failure("expected a string") }
            index = end + 1
            return text
        } catch let error as JSONParser.Failure {
            throw Failure(offset: start + error.column - 2, message: error.message)
        } catch {
            throw failure("expected a string")
        }
    }

    @inline(__always)
    private mutating func peek(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    @inline(__always)
    private mutating func skipSpace() {
        if index < bytes.count, bytes[index] > 0x20 { return }
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }
}

/// A fixed set of member names, matched as bytes by ``JSONScanner/nextKey(in:)``.
public struct JSONKeys: Sendable {
    private let names: [[UInt8]]
    /// Per name: its length and first byte, packed, so most candidates are ruled out by one comparison.
    private let signatures: [Int]

    /// The names, in the order positions refer to.
    public init(_ names: [String]) {
        self.names = names.map { Array($0.utf8) }
        signatures = self.names.map { $0.count << 8 | Int($0.first ?? 0) }
    }

    func position(of bytes: [UInt8], _ range: Range<Int>) -> Int {
        guard !range.isEmpty else { return -1 }
        let signature = range.count << 8 | Int(bytes[range.lowerBound])
        for position in signatures.indices where signatures[position] == signature {
            let name = names[position]
            var offset = 1
            while offset < name.count, name[offset] == bytes[range.lowerBound + offset] { offset += 1 }
            if offset == name.count { return position }
        }
        return -1
    }
}
