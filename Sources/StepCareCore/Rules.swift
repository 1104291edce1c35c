/// A severity band: a named, closed range of totals.
///
/// An instrument's bands must partition its whole score range with no gap or overlap;
/// the registry refuses an instrument whose bands do not.
public struct SeverityBand: Sendable, Hashable {
    /// The totals in the band, both ends included.
    public var range: ClosedRange<Int>
    /// The band's name, e.g. "moderate".
    public var label: String

    /// Creates a band covering `range`.
    public init(_ range: ClosedRange<Int>, _ label: String) {
        self.range = range
        self.label = label
    }
}

/// A named cut-off rule: a total at or above `threshold` is positive (a "case").
///
/// Sources disagree on cut-offs (GAD-7 ≥ 8 in NHS Talking Therapies, ≥ 10 in Spitzer 2006), so every
/// cut-off is a named rule with its source, and reports name the rule they applied.
public struct CutOffRule: Sendable, Hashable {
    /// A stable identifier, e.g. `nhs-tt-caseness`.
    public var id: String
    /// The rule's name as shown to staff.
    public var name: String
    /// The lowest positive total.
    public var threshold: Int
    /// Where the cut-off comes from.
    public var source: String

    /// Creates a rule that is positive for totals at or above `threshold`.
    public init(id: String, name: String, atLeast threshold: Int, source: String) {
        self.id = id
        self.name = name
        self.threshold = threshold
        self.source = source
    }

    /// Whether `total` is positive under this rule.
    public func isPositive(_ total: Int) -> Bool { total >= threshold }
}

/// A published reliable-change threshold: a change of at least `threshold` points is reliable.
public struct ReliableChange: Sendable, Hashable {
    /// The smallest change, in points, that counts as reliable.
    public var threshold: Int
    /// Where the threshold comes from.
    public var source: String

    /// Creates a reliable-change threshold.
    public init(threshold: Int, source: String) {
        self.threshold = threshold
        self.source = source
    }
}

/// How soon a risk flag must be acted on.
public enum Urgency: Int, Sendable, Hashable, Comparable, CaseIterable, Codable {
    /// At the next routine review.
    case routine
    /// The same working day.
    case sameDay
    /// Now: safety precautions until a clinician has assessed the person.
    case immediate

    public static func < (lhs: Urgency, rhs: Urgency) -> Bool { lhs.rawValue < rhs.rawValue }

    /// A stable identifier for machine output: `routine`, `same-day` or `immediate`.
    public var identifier: String {
        switch self {
        case .routine: "routine"
        case .sameDay: "same-day"
        case .immediate: "immediate"
        }
    }

    /// The urgency as staff read it.
    public var label: String {
        switch self {
        case .routine: "routine"
        case .sameDay: "same day"
        case .immediate: "immediate"
        }
    }
}

/// A rule that raises a risk flag from one item's answer, whatever the total.
public struct RiskRule: Sendable, Hashable {
    /// A stable identifier, e.g. `phq9-item9-suicidal-ideation`.
    public var id: String
    /// The 1-based number of the item the rule reads.
    public var item: Int
    /// The lowest answer value that raises the flag.
    public var minimumValue: Int
    /// How soon the flag must be acted on.
    public var urgency: Urgency
    /// What the flag means and what must happen, e.g. "suicide-risk assessment required".
    public var action: String
    /// Where the rule comes from.
    public var source: String

    /// Creates a risk rule.
    public init(id: String, item: Int, atLeast minimumValue: Int, urgency: Urgency, action: String, source: String) {
        self.id = id
        self.item = item
        self.minimumValue = minimumValue
        self.urgency = urgency
        self.action = action
        self.source = source
    }
}

/// What an instrument does when items are not answered.
public enum MissingItemPolicy: Sendable, Hashable {
    /// Any unanswered item leaves the administration unscored; `reason` says why.
    case notScoredWhenIncomplete(reason: String)
}
