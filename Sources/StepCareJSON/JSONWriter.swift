/// Builds one compact JSON object member by member, in the order written, so a record's bytes are exactly
/// what its format page says.
public struct JSONWriter {
    /// The text so far.
    public private(set) var text = ""
    private var needsComma = [false]

    /// An empty writer.
    public init() {}

    /// Opens an object, as the value of the member `key` when given.
    public mutating func beginObject(_ key: String? = nil) {
        member(key)
        text += "{"
        needsComma.append(false)
    }

    /// Closes the innermost object.
    public mutating func endObject() {
        needsComma.removeLast()
        text += "}"
    }

    /// Opens an array, as the value of the member `key` when given.
    public mutating func beginArray(_ key: String? = nil) {
        member(key)
        text += "["
        needsComma.append(false)
    }

    /// Closes the innermost array.
    public mutating func endArray() {
        needsComma.removeLast()
        text += "]"
    }

    /// Writes a string member (or array element when `key` is `nil`).
    public mutating func string(_ key: String?, _ value: String) {
        member(key)
        Self.quote(value, into: &text)
    }

    /// Writes a string member, or nothing when `value` is `nil`.
    public mutating func optionalString(_ key: String, _ value: String?) {
        guard let value else { return }
        string(key, value)
    }

    /// Writes a whole-number member.
    public mutating func integer(_ key: String?, _ value: Int) {
        member(key)
        text += String(value)
    }

    /// Writes a number member: whole numbers without a fraction, others in the shortest form that reads back
    /// to the same double.
    public mutating func number(_ key: String?, _ value: Double) {
        member(key)
        if value.rounded() == value, abs(value) < 1e15 { text += String(Int(value)) } else { text += "\(value)" }
    }

    /// Writes a boolean member.
    public mutating func bool(_ key: String?, _ value: Bool) {
        member(key)
        text += value ? "true" : "false"
    }

    private mutating func member(_ key: String?) {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
        if let key {
            Self.quote(key, into: &text)
            text += ":"
        }
    }

    /// Appends `string` as a JSON string literal: quotes, backslashes and control characters escaped, the
    /// rest as UTF-8.
    public static func quote(_ string: String, into text: inout String) {
        text += "\""
        var plain = true
        for byte in string.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            plain = false
            break
        }
        if plain {
            text += string
        } else {
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": text += "\\\""
                case "\\": text += "\\\\"
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                case "\t": text += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }
}
