public import StepCareCore

/// Small-number suppression: a figure about fewer than `threshold` people or events is not shown.
///
/// A figure is suppressed when its support (the people or events it is computed from) or its numerator is
/// between 1 and `threshold` − 1. Zero is shown: it discloses nobody. Suppression applies to the equity
/// breakdown, where a group can be a handful of identifiable people; the service-wide dashboard is the
/// team's own caseload and is shown whole.
public struct Suppression: Sendable, Hashable {
    /// The smallest count shown; default 5.
    public var threshold: Int

    /// Creates a rule; a threshold of 1 suppresses nothing.
    public init(threshold: Int = 5) {
        precondition(threshold >= 1, "a suppression threshold is at least 1")
        self.threshold = threshold
    }

    /// Whether `value` is hidden.
    public func hides(_ value: MetricValue) -> Bool {
        isSmall(value.support) || value.numerator.map(isSmall) ?? false
    }

    private func isSmall(_ count: Int) -> Bool { count > 0 && count < threshold }
}

/// One figure for one group, as the equity breakdown shows it.
public struct EquityCell: Sendable, Hashable {
    /// The group's figure, or `nil` when it is suppressed.
    public var value: Double?
    /// The group's figure minus the overall one (percentage points, days or rate), or `nil` when suppressed,
    /// when either is unmeasured, or for counts, whose gap means nothing.
    public var gap: Double?
    /// Whether small-number suppression hid it.
    public var isSuppressed: Bool

    /// Creates a cell.
    public init(value: Double?, gap: Double?, isSuppressed: Bool) {
        self.value = value
        self.gap = gap
        self.isSuppressed = isSuppressed
    }
}

/// The metrics of one demographic group.
public struct EquityGroup: Sendable, Hashable {
    /// The value of the field, or ``EquityBreakdown/notRecorded``.
    public var value: String
    /// The clients in the group: cases with this value referred by the end of the window.
    public var clients: Int
    /// The group's metrics.
    public var metrics: MetricSet
}

/// Every metric broken down by one demographic field, with suppression and the gap to the overall figure.
/// How long a window an equity breakdown covers, ending with the huddle week: the week alone leaves most cells
/// blank or suppressed in a small service, so a lead may look over a quarter or a year.
public enum EquityPeriod: String, Sendable, Hashable, CaseIterable {
    /// The huddle week.
    case week
    /// The 13 weeks ending with it.
    case quarter
    /// The 52 weeks ending with it.
    case year

    /// The window of this length ending with `week`.
    public func window(endingWith week: ReportingWindow) -> ReportingWindow {
        let weeks = self == .week ? 1 : self == .quarter ? 13 : 52
        return ReportingWindow(from: week.to.startOfDay - .days(7 * weeks - 1), to: week.to)
    }
}

public struct EquityBreakdown: Sendable, Hashable {
    /// The group of clients with no value recorded for the field.
    public static let notRecorded = "not recorded"

    /// The field, e.g. `ethnicity`.
    public var field: String
    /// The whole caseload's metrics.
    public var overall: MetricSet
    /// The groups, largest first (then by value), with `not recorded` last.
    public var groups: [EquityGroup]
    /// The suppression rule applied.
    public var suppression: Suppression

    /// Breaks `caseload` down by `field` over `window`.
    public init(
        _ caseload: some Collection<CaseTimeline>, field: String, metrics: HuddleMetrics, window: ReportingWindow,
        overall: MetricSet, suppression: Suppression
    ) {
        let groups = metrics.compute(caseload, windows: [window], groupsBy: [field]).groups[field] ?? [:]
        self.init(field: field, groups: groups, overall: overall, suppression: suppression)
    }

    /// The window the breakdown covers (the overall figures' window).
    public var window: ReportingWindow { overall.window }

    /// The breakdown of `field` from its groups' metrics (see ``HuddleMetrics/compute(_:windows:groupsBy:)``).
    init(
        field: String, groups: [String: (clients: Int, metrics: MetricSet)], overall: MetricSet,
        suppression: Suppression
    ) {
        self.field = field
        self.overall = overall
        self.suppression = suppression
        self.groups = groups.map { value, group in
            EquityGroup(value: value, clients: group.clients, metrics: group.metrics)
        }.sorted { a, b in
            let aLast = a.value == Self.notRecorded
            let bLast = b.value == Self.notRecorded
            if aLast != bLast { return bLast }
            return a.clients != b.clients ? a.clients > b.clients : a.value < b.value
        }
    }

    /// The group's client count as shown: `nil` when it is suppressed.
    public func clients(of group: EquityGroup) -> Int? {
        group.clients > 0 && group.clients < suppression.threshold ? nil : group.clients
    }

    /// The figure `id` for `group`.
    public func cell(_ id: String, in group: EquityGroup) -> EquityCell {
        guard let value = group.metrics[id] else { return EquityCell(value: nil, gap: nil, isSuppressed: false) }
        if suppression.hides(value) { return EquityCell(value: nil, gap: nil, isSuppressed: true) }
        let whole = overall.value(id)
        let gap = value.definition.hasGap && value.value.isFinite && whole.isFinite ? value.value - whole : nil
        return EquityCell(value: value.value, gap: gap, isSuppressed: false)
    }
}
