/// What kind of figure a metric is, which decides how it is shown, compared and suppressed.
public enum MetricKind: String, Sendable, Hashable, Codable {
    /// A count of people or events.
    case count
    /// A percentage of a denominator.
    case percent
    /// A number of days (a median, a 90th percentile, a longest wait).
    case days
    /// Events per 100 client-weeks.
    case rate
    /// A mean number of events per person.
    case mean
}

/// One metric of the huddle dashboard, defined once. `docs/metrics.md` gives each one's numerator,
/// denominator, window and censoring in full; a test keeps that page and this list in step.
public struct MetricDefinition: Sendable, Hashable {
    /// The key: `first-contact.median-days`; a tier metric's id is the tier id, a dot and the key.
    public var key: String
    /// The label the dashboard shows.
    public var label: String
    /// The kind of figure.
    public var kind: MetricKind
    /// Whether there is one figure per tier.
    public var perTier: Bool
    /// Whether a group's figure can be set against the overall one: not for counts, nor for occupancy, whose
    /// denominator is every slot of the tier whatever the group's size.
    public var hasGap: Bool { kind != .count && key != "occupancy" }

    init(_ key: String, _ label: String, _ kind: MetricKind, perTier: Bool = false) {
        self.key = key
        self.label = label
        self.kind = kind
        self.perTier = perTier
    }

    /// The tier metrics, in the order the dashboard shows them.
    public static let tier: [MetricDefinition] = [
        .init("entries", "entries", .count, perTier: true),
        .init("first-contact.seen", "first contacts", .count, perTier: true),
        .init("first-contact.median-days", "first contact, median days", .days, perTier: true),
        .init("first-contact.p90-days", "first contact, p90 days", .days, perTier: true),
        .init("first-contact.within-standard", "within access standard, %", .percent, perTier: true),
        .init("first-contact.waiting", "placed, not seen yet", .count, perTier: true),
        .init("first-contact.waiting-past-standard", "not seen, past the standard", .count, perTier: true),
        .init("waitlist", "on the waitlist", .count, perTier: true),
        .init("waitlist.median-wait-days", "waitlist, median days so far", .days, perTier: true),
        .init("waitlist.longest-wait-days", "waitlist, longest days so far", .days, perTier: true),
        .init("waitlist.placed-median-days", "waits ended, median days", .days, perTier: true),
        .init("placed", "placed at week end", .count, perTier: true),
        .init("occupancy", "occupancy, % of slots", .percent, perTier: true),
        .init("length-of-stay.median-days", "stays ended, median days", .days, perTier: true),
        .init("sessions.median-per-stay", "stays ended, median sessions", .mean, perTier: true),
        .init("sessions.within-package", "stays ended within package, %", .percent, perTier: true),
        .init("crisis-contacts", "crisis contacts", .count, perTier: true),
        .init("crisis-per-100-client-weeks", "crises per 100 client-weeks", .rate, perTier: true),
        .init("ed-visits", "ED visits", .count, perTier: true),
        .init("check-in.weeks", "client-weeks on a contact schedule", .count, perTier: true),
        .init("check-in.weeks-seen", "client-weeks with a contact, %", .percent, perTier: true),
        .init("finished", "finished a course", .count, perTier: true),
        .init("finished.unpaired", "finished, scores not paired", .count, perTier: true),
        .init("recovery", "recovery, %", .percent, perTier: true),
        .init("reliable-improvement", "reliable improvement, %", .percent, perTier: true),
        .init("reliable-recovery", "reliable recovery, %", .percent, perTier: true),
        .init("deterioration", "reliable deterioration, %", .percent, perTier: true),
    ]

    /// The service-wide metrics, in the order the dashboard shows them.
    public static let service: [MetricDefinition] = [
        .init("referrals", "referrals", .count),
        .init("placements", "placements (all moves in)", .count),
        .init("step-ups", "step-ups", .count),
        .init("step-up.triggered", "step-ups that met a trigger", .count),
        .init("step-up.median-days", "trigger to step-up, median days", .days),
        .init("step-up.p90-days", "trigger to step-up, p90 days", .days),
        .init("step-up.outstanding", "step-up triggers outstanding", .count),
        .init("step-up.outstanding.oldest-days", "oldest open trigger, days", .days),
        .init("step-up.breaches", "step-up deadline breaches", .count),
        .init("step-up.followed-30", "step-ups followed 30 days", .count),
        .init("step-up.crisis-before-30", "crises 30d before step-up, mean", .mean),
        .init("step-up.crisis-after-30", "crises 30d after step-up, mean", .mean),
        .init("step-downs", "step-downs", .count),
        .init("step-down.with-plan", "stability plan at step-down, %", .percent),
        .init("re-escalation.30", "re-escalated within 30 days, %", .percent),
        .init("re-escalation.90", "re-escalated within 90 days, %", .percent),
        .init("overrides", "overrides", .count),
        .init("override-rate", "overrides, % of placements", .percent),
        .init("exceptions", "over-capacity exceptions", .count),
        .init("rapid-access", "rapid-access placements", .count),
        .init("placements.entered-late", "placements entered late", .count),
    ]

    /// Every metric.
    public static let all: [MetricDefinition] = service + tier
}

/// One figure of the dashboard.
public struct MetricValue: Sendable, Hashable {
    /// The metric.
    public var definition: MetricDefinition
    /// The tier it is about, or `nil` for the whole service.
    public var tier: String?
    /// The value (NaN when there was nothing to measure, e.g. a median of no waits).
    public var value: Double
    /// How many people or events the figure is computed from: the count itself, a share's or rate's
    /// denominator in people, a median's observations. Small-number suppression reads it.
    public var support: Int
    /// A share's or rate's numerator, which suppression also reads; `nil` for counts and days.
    public var numerator: Int?

    /// The id: `referrals`, or `tier-1.first-contact.median-days`.
    public var id: String { tier.map { "\($0).\(definition.key)" } ?? definition.key }
    /// The label the dashboard shows.
    public var label: String { definition.label }
}

/// The metrics of one reporting window.
public struct MetricSet: Sendable, Hashable {
    /// The window.
    public var window: ReportingWindow
    /// The figures: the service metrics, then each tier's, in the catalogue's order.
    public var values: [MetricValue]
    /// The step-up triggers outstanding at the end of the window, oldest first.
    public var outstanding: [OutstandingTrigger]
    /// The tier reviews outstanding at the end of the window (continued-stay and urgent reviews), oldest first.
    public var outstandingReviews: [OutstandingTrigger] = []

    /// The figure with this id, if there is one.
    public subscript(id: String) -> MetricValue? { values.first { $0.id == id } }

    /// The value with this id, or NaN.
    public func value(_ id: String) -> Double { self[id]?.value ?? .nan }
}
