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

/// A named cut-off rule: a total at or above (or, for well-being scales, at or below) `threshold` is positive.
///
/// Sources disagree on cut-offs (GAD-7 ≥ 8 in NHS Talking Therapies, ≥ 10 in Spitzer 2006), so every
/// cut-off is a named rule with its source, and reports name the rule they applied.
public struct CutOffRule: Sendable, Hashable {
    /// Which side of the threshold is positive.
    public enum Side: String, Sendable, Hashable {
        /// Totals at or above the threshold are positive (symptom scales).
        case atLeast
        /// Totals at or below the threshold are positive (WHO-5 poor well-being).
        case atMost
    }

    /// A stable identifier, e.g. `nhs-tt-caseness`.
    public var id: String
    /// The rule's name as shown to staff.
    public var name: String
    /// The threshold, itself positive.
    public var threshold: Int
    /// Which side of the threshold is positive.
    public var side: Side
    /// The people the rule applies to, when it is specific to some, e.g. "women" (AUDIT-C, US).
    public var population: String?
    /// Where the cut-off comes from.
    public var source: String

    /// Creates a rule that is positive for totals at or above `threshold`.
    public init(id: String, name: String, atLeast threshold: Int, population: String? = nil, source: String) {
        self.init(id: id, name: name, threshold: threshold, side: .atLeast, population: population, source: source)
    }

    /// Creates a rule that is positive for totals at or below `threshold`.
    public init(id: String, name: String, atMost threshold: Int, population: String? = nil, source: String) {
        self.init(id: id, name: name, threshold: threshold, side: .atMost, population: population, source: source)
    }

    private init(id: String, name: String, threshold: Int, side: Side, population: String?, source: String) {
        self.id = id
        self.name = name
        self.threshold = threshold
        self.side = side
        self.population = population
        self.source = source
    }

    /// Whether `total` is positive under this rule.
    public func isPositive(_ total: Score) -> Bool {
        switch side {
        case .atLeast: total.value >= Double(threshold)
        case .atMost: total.value < Double(threshold) + 1
        }
    }

    /// The rule's condition as staff read it, e.g. `≥ 10` or `≤ 12`.
    public var condition: String { (side == .atLeast ? "≥ " : "≤ ") + String(threshold) }
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
public enum Urgency: Int, Sendable, Hashable, Comparable, CaseIterable {
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

/// What an instrument does when items are not answered: how many may be missing, and how the
/// total is then prorated from the answered items.
///
/// The prorated total is `sum of answered items × scored items ÷ answered items`, the formula of both
/// published rules (K10: `round(sum / 9 × 10)`; CORE-10: ten times the mean of the answered items).
public struct MissingItemPolicy: Sendable, Hashable {
    /// How a prorated total is rounded.
    public enum Rounding: String, Sendable, Hashable, CaseIterable {
        /// To the nearest whole number, halves up (K10).
        case nearestWholeNumber
        /// Not rounded (CORE-10's mean-based clinical score).
        case none
    }

    /// A stable identifier, e.g. `k10-one-missing`.
    public var id: String
    /// The policy as staff read it.
    public var name: String
    /// The most items that may be missing for the form still to be scored.
    public var maxMissing: Int
    /// How a prorated total is rounded.
    public var rounding: Rounding
    /// Where the policy comes from, or why there is none.
    public var source: String

    /// Creates a policy.
    public init(id: String, name: String, maxMissing: Int, rounding: Rounding, source: String) {
        self.id = id
        self.name = name
        self.maxMissing = maxMissing
        self.rounding = rounding
        self.source = source
    }

    /// The published rule is that no item may be missing (PHQ-2, GAD-2, WHO-5): an incomplete form is not
    /// scored, and a service may not choose proration instead.
    public static func noItemMayBeMissing(source: String) -> MissingItemPolicy {
        MissingItemPolicy(
            id: "none-missing", name: "not scored when any item is missing (the published rule)", maxMissing: 0,
            rounding: .none, source: source)
    }

    /// Whether the instrument publishes no missing-item rule at all, so a service may choose one.
    public var isUnpublished: Bool { id == "not-scored" }

    /// No published rule was found, so an incomplete form is not scored unless a service chooses a policy;
    /// `reason` says why.
    public static func notScoredWhenIncomplete(reason: String) -> MissingItemPolicy {
        MissingItemPolicy(
            id: "not-scored", name: "not scored when any item is missing", maxMissing: 0, rounding: .none,
            source: reason)
    }

    /// A StepCare option for services, not a published rule: with at most one item missing, prorate and
    /// round to the nearest whole number (the K10's published arithmetic, applied to other scales).
    public static let prorateOne = MissingItemPolicy(
        id: "prorate-one", name: "prorate one missing item, rounded (a service choice, not a published rule)",
        maxMissing: 1, rounding: .nearestWholeNumber,
        source: "StepCare option; the arithmetic follows the K10 rule in the PMHC-MDS specification")

    /// The policies a service may choose for an instrument that publishes none.
    public static let serviceChoices: [MissingItemPolicy] = [.prorateOne]

    /// The service choice called `id`, for an instrument that publishes no rule of its own.
    ///
    /// - Throws: ``StepCareError`` with code `unknownPolicy` for an unknown name, or when `definition` has a
    ///   published rule, which a service may not replace.
    public static func serviceChoice(
        _ id: String, for definition: InstrumentDefinition
    ) throws(StepCareError)
        -> MissingItemPolicy
    {
        guard let policy = serviceChoices.first(where: { $0.id == id }) else {
            throw StepCareError(
                .unknownPolicy, "there is no missing-item policy called \"\(id)\"",
                hint: "choices: " + serviceChoices.map(\.id).joined(separator: ", "))
        }
        guard definition.missingItems.isUnpublished else {
            throw StepCareError(
                .unknownPolicy,
                "\(definition.shortName) has a published missing-item rule (\(definition.missingItems.name)); "
                    + "it cannot be replaced",
                hint: "leave out --missing")
        }
        return policy
    }

    /// The prorated total of `sum` over `answered` of `scored` items.
    public func prorate(sum: Int, answered: Int, scored: Int) -> Score {
        guard answered > 0, answered != scored else { return Score(sum) }
        switch rounding {
        case .nearestWholeNumber:
            return Score((2 * sum * scored + answered) / (2 * answered))
        case .none:
            return Score(exactly: Double(sum * scored) / Double(answered))
        }
    }
}

/// A skip rule: when the answers to some items add up to a given value, later items are not asked.
///
/// AUDIT (WHO interview version): a 0 on question 1 skips questions 2–8, which then score 0.
/// C-SSRS screener: a "no" to question 2 skips questions 3–5, which are then recorded as not asked.
public struct SkipRule: Sendable, Hashable {
    /// What a skipped item becomes.
    public enum Effect: Sendable, Hashable {
        /// The item scores this value; an answer given anyway is kept (self-report forms ask every item).
        case scoresAs(Int)
        /// The item is not asked and carries no value. An answer given anyway is kept, never discarded (a
        /// "yes" to a risk question is always read), and the report notes the inconsistency.
        case notAsked
    }

    /// A stable identifier, e.g. `audit-q1-never`.
    public var id: String
    /// The items whose answers are added up.
    public var conditionItems: [Int]
    /// The total of `conditionItems` that triggers the skip.
    public var conditionTotal: Int
    /// The items skipped.
    public var skippedItems: [Int]
    /// What a skipped item becomes.
    public var effect: Effect
    /// The rule as staff read it.
    public var text: String
    /// Where the rule comes from.
    public var source: String

    /// Creates a skip rule.
    public init(
        id: String, when conditionItems: [Int], total conditionTotal: Int, skip skippedItems: [Int], effect: Effect,
        text: String, source: String
    ) {
        self.id = id
        self.conditionItems = conditionItems
        self.conditionTotal = conditionTotal
        self.skippedItems = skippedItems
        self.effect = effect
        self.text = text
        self.source = source
    }
}

/// A named subscale: the sum of some items (PCL-5 DSM-5 clusters, AUDIT domains).
public struct Subscale: Sendable, Hashable {
    /// A stable identifier, e.g. `cluster-b`.
    public var id: String
    /// The subscale's name, e.g. "Intrusions (cluster B)".
    public var name: String
    /// The items summed.
    public var items: [Int]

    /// Creates a subscale.
    public init(id: String, name: String, items: [Int]) {
        self.id = id
        self.name = name
        self.items = items
    }
}

/// A linear transform of the total reported beside it, e.g. the WHO-5 percentage (raw × 4).
public struct Transform: Sendable, Hashable {
    /// A stable identifier, e.g. `percentage`.
    public var id: String
    /// The transformed score's name, e.g. "percentage score".
    public var name: String
    /// The factor the total is multiplied by.
    public var multiplier: Int
    /// The unit shown after the value, e.g. "%".
    public var unit: String
    /// Where the transform comes from.
    public var source: String

    /// Creates a transform.
    public init(id: String, name: String, multiplier: Int, unit: String, source: String) {
        self.id = id
        self.name = name
        self.multiplier = multiplier
        self.unit = unit
        self.source = source
    }
}

/// One of several published versions of an instrument, e.g. K10 Australian 1–5 scoring with ABS bands.
///
/// Variants share the instrument's id; the first registered is the default and the user names
/// another with `--variant`.
public struct InstrumentVariant: Sendable, Hashable {
    /// A stable identifier, lower-case letters, digits and hyphens, e.g. `au-abs`.
    public var id: String
    /// What distinguishes the variant, as staff read it.
    public var name: String
    /// Where it comes from.
    public var source: String

    /// Creates a variant.
    public init(id: String, name: String, source: String) {
        self.id = id
        self.name = name
        self.source = source
    }
}
