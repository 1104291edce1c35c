import GRDB

/// The bytes a hash is taken over: each field tagged and length-prefixed, so no two different rows can
/// encode to the same bytes by moving a boundary.
struct Canonical {
    private(set) var bytes: [UInt8] = []

    /// Appends a text field.
    mutating func text(_ value: String) {
        bytes.append(1)
        integerBytes(Int64(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }

    /// Appends an optional text field; `nil` encodes differently from the empty string.
    mutating func optionalText(_ value: String?) {
        guard let value else {
            bytes.append(0)
            return
        }
        text(value)
    }

    /// Appends a stored value tagged with its SQLite storage class, so that an integer, the real number nearest
    /// it and the text of its digits all encode differently.
    mutating func stored(_ value: DatabaseValue) {
        switch value.storage {
        case .null: bytes.append(10)
        case .int64(let integer):
            bytes.append(11)
            integerBytes(integer)
        case .double(let real):
            bytes.append(12)
            integerBytes(Int64(bitPattern: real.bitPattern))
        case .string(let text):
            bytes.append(13)
            integerBytes(Int64(text.utf8.count))
            bytes.append(contentsOf: text.utf8)
        case .blob(let data):
            bytes.append(14)
            integerBytes(Int64(data.count))
            bytes.append(contentsOf: data)
        }
    }

    /// Appends an integer field.
    mutating func integer(_ value: Int64) {
        bytes.append(2)
        integerBytes(value)
    }

    private mutating func integerBytes(_ value: Int64) {
        let bits = UInt64(bitPattern: value)
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: bits >> shift)) }
    }
}
