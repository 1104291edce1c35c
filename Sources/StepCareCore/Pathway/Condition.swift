/// Kinds of timeline event a rule can count.
public enum CountedEvent: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A contact with a crisis line or crisis team.
    case crisisContact = "crisis contact"
    /// A visit to an emergency department.
    case emergencyVisit = "ED visit"
    /// A missed contact.
    case noShow = "no-show"
    /// An attended contact (a session).
    case session
    /// A medication safety concern.
    case medicationConcern = "medication concern"
    /// A risk flag raised by an administration.
    case riskFlag = "risk flag"
    /// A documented structured review.
    case structuredReview = "structured review"

    public var description: String { rawValue }

    /// `1 crisis contact`, `2 ED visits`.
    public func counted(_ count: Int) -> String { "\(count) \(count == 1 ? rawValue : plural)" }

    /// The plural, e.g. `crisis contacts`.
    public var plural: String { rawValue + "s" }
}

/// A predicate over a case timeline, as of a moment: the building block of entry criteria, exclusions and
/// movement rules.
///
/// Conditions are values, so a pathway is data the engine evaluates and explains; they compose with
/// ``all(_:)``, ``any(_:)`` and ``not(_:)``. Measures are named by instrument id; a condition about a measure
/// with no administration on record does not hold.
public indirect enum Condition: Sendable, Hashable {
    /// Always holds (e.g. entry to the first tier).
    case always
    /// The latest total on `instrument` is at least `threshold`.
    case scoreAtLeast(instrument: String, threshold: Int)
    /// The latest total on `instrument` is below `threshold`.
    case scoreBelow(instrument: String, threshold: Int)
    /// `sessions` or more sessions have been attended in the current tier and the latest total on `instrument`
    /// has not fallen by `threshold` (the reliable-change value) from the baseline, which was itself at least
    /// `caseness`.
    case noReliableImprovement(instrument: String, threshold: Int, caseness: Int, bySession: Int)
    /// Every administration of `instrument` in the current tier over at least `span` was at or above
    /// `threshold`, and there are at least two.
    case persistsAtLeast(instrument: String, threshold: Int, span: TimeSpan)
    /// The latest total on `instrument` is in a more severe band than the baseline for the current tier.
    case bandWorsened(instrument: String)
    /// The latest total on `instrument` is in a less severe band than the baseline for the current tier.
    case bandImproved(instrument: String)
    /// At least `count` events of `kind` in the `window` ending now (both ends included).
    case eventsWithin(CountedEvent, count: Int, window: TimeSpan)
    /// No event of `kind` for at least `span`, counted from the later of the last such event and entry to
    /// the current tier.
    case noEventsFor(CountedEvent, span: TimeSpan)
    /// The client has been in the current tier for at least `span`.
    case timeInTier(atLeast: TimeSpan)
    /// A recurring expectation: no event of `kind` for at least `span`, counted from the later of the last such
    /// event and entry to the current tier. Unlike ``noEventsFor(_:span:)``, it comes due again `span` after the
    /// event that met it (a weekly check-in, a continued-stay review every 12 weeks).
    case recurring(CountedEvent, every: TimeSpan)
    /// The client entered the current tier from one of `tiers` (e.g. from tier-1 or tier-2: a move up, whatever
    /// kind of move recorded it).
    case enteredFrom([String])
    /// An event of `kind` is recorded at this moment: a rule with it fires once for each such event (unless one
    /// is already outstanding), dated from that event (a follow-up after each crisis contact).
    case recorded(CountedEvent)
    /// At least `count` sessions attended in the current tier.
    case sessions(atLeast: Int)
    /// A risk flag is open: raised and not yet cleared by a documented risk review.
    case openRiskFlag
    /// At least `percent` % of the contacts in the `window` ending now were attended, over at least
    /// `minimumContacts` contacts.
    case attendance(atLeastPercent: Int, window: TimeSpan, minimumContacts: Int)
    /// The client has not been placed in any tier.
    case notPlaced
    /// Every condition holds.
    case all([Condition])
    /// At least one condition holds.
    case any([Condition])
    /// The condition does not hold.
    case not(Condition)

    /// The instrument ids the condition reads.
    public var instrumentIDs: [String] {
        switch self {
        case .scoreAtLeast(let id, _), .scoreBelow(let id, _), .noReliableImprovement(let id, _, _, _),
            .persistsAtLeast(let id, _, _), .bandWorsened(let id), .bandImproved(let id):
            [id]
        case .all(let conditions), .any(let conditions): conditions.flatMap(\.instrumentIDs)
        case .not(let condition): condition.instrumentIDs
        case .always, .eventsWithin, .noEventsFor, .timeInTier, .sessions, .openRiskFlag, .attendance, .notPlaced,
            .recurring, .enteredFrom, .recorded:
            []
        }
    }

    /// The condition as staff read it, e.g. `≥ 2 crisis contacts within 30 days`.
    public var summary: String {
        switch self {
        case .always: "always"
        case .scoreAtLeast(let id, let threshold): "latest \(id) ≥ \(threshold)"
        case .scoreBelow(let id, let threshold): "latest \(id) < \(threshold)"
        case .noReliableImprovement(let id, let threshold, let caseness, let session):
            "no reliable improvement on \(id) (fall < \(threshold) from a baseline ≥ \(caseness)) by session \(session)"
        case .persistsAtLeast(let id, let threshold, let span):
            "\(id) ≥ \(threshold) at every administration for \(span.spoken) or more"
        case .bandWorsened(let id): "\(id) in a more severe band than at tier entry"
        case .bandImproved(let id): "\(id) in a less severe band than at tier entry"
        case .eventsWithin(let kind, let count, let window): "≥ \(kind.counted(count)) within \(window.spoken)"
        case .noEventsFor(let kind, let span): "no \(kind.plural) for \(span.spoken)"
        case .timeInTier(let span): "in tier for ≥ \(span.spoken)"
        case .recurring(let kind, let span):
            "no \(kind) for \(span.spoken) in tier (due again \(span.spoken) after each)"
        case .enteredFrom(let tiers): "entered the tier from " + tiers.joined(separator: " or ")
        case .recorded(let kind): "\(kind) recorded"
        case .sessions(let count): "≥ \(count) sessions attended in tier"
        case .openRiskFlag: "an open risk flag"
        case .attendance(let percent, let window, let minimum):
            "≥ \(percent)% of contacts attended over \(window.spoken) (at least \(minimum) contacts)"
        case .notPlaced: "not yet placed in a tier"
        case .all(let conditions): conditions.map(\.summary).joined(separator: " and ")
        case .any(let conditions): "(" + conditions.map(\.summary).joined(separator: " or ") + ")"
        case .not(let condition): "not (\(condition.summary))"
        }
    }
}
