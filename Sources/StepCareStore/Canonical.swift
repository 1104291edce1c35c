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
