/// A score: usually a whole number, fractional only when a published rule prorates without rounding
/// (CORE-10: ten times the mean of the answered items).
///
/// Bands and cut-offs are written in whole numbers; a fractional score falls in the band whose range,
/// extended up to the next whole number, contains it, so 10.6 is below a cut-off of 11.
public struct Score: Sendable, Hashable, Comparable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// The score's value.
    public var value: Double

    /// A whole-number score.
    public init(_ value: Int) { self.value = Double(value) }

    /// A score with any value.
    public init(exactly value: Double) { self.value = value }

    public init(integerLiteral value: Int) { self.init(value) }

    /// The score as a whole number, if it is one.
    public var integer: Int? {
        value.rounded() == value && abs(value) < 1e15 ? Int(value) : nil
    }

    /// Whole numbers as they are; anything else to one decimal place, e.g. `21.1`.
    public var description: String {
        if let integer { return String(integer) }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    public static func < (lhs: Score, rhs: Score) -> Bool { lhs.value < rhs.value }

    /// Whether the score is in `range`, a range of whole numbers read as `lower ..< upper + 1`.
    public func isIn(_ range: ClosedRange<Int>) -> Bool {
        value >= Double(range.lowerBound) && value < Double(range.upperBound) + 1
    }
}
