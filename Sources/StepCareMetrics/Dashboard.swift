public import StepCareCore
public import StepCareEngine

/// The weekly huddle dashboard: this week's metrics with the weeks before it, and the equity breakdowns.
///
/// Every figure comes from ``HuddleMetrics``, whether the caseload is live records or a simulation's.
public struct Dashboard: Sendable {
    /// The pathway the metrics follow.
    public var pathway: Pathway
    /// Which records they count.
    public var context: RecordContext
    /// One set of metrics per week, oldest first; the last is the week reported.
    public var history: [MetricSet]
    /// The demographic fields recorded on any case, sorted.
    public var fields: [String]
    /// The week's metrics broken down by each field asked for.
    public var equity: [EquityBreakdown]

    /// The week reported.
    public var week: MetricSet { history[history.count - 1] }
    /// The week before it.
    public var previousWeek: MetricSet { history[history.count - 2] }

    /// Builds the dashboard of `caseload` for `week`, with `weeks` weeks of history (at least 2) and a
    /// breakdown for each of `equityFields` over the `equityPeriod` ending with the week.
    public init(
        _ caseload: Caseload, metrics: HuddleMetrics, context: RecordContext, week: ReportingWindow, weeks: Int = 12,
        equityFields: [String] = [], equityPeriod: EquityPeriod = .week, suppression: Suppression = Suppression()
    ) {
        precondition(weeks >= 2, "the dashboard compares at least two weeks")
        let timelines = caseload.order.compactMap { caseload.cases[$0] }
        var windows = [week]
        while windows.count < weeks, let first = windows.first { windows.insert(first.previous, at: 0) }
        pathway = metrics.engine.pathway
        self.context = context
        let computed = metrics.compute(timelines, windows: windows, groupsBy: equityFields)
        history = computed.history
        fields = Array(Set(timelines.flatMap(\.demographics.keys))).sorted()
        var groups = computed.groups
        var overall = history[history.count - 1]
        if equityPeriod != .week, !equityFields.isEmpty {
            let span = metrics.compute(
                timelines, windows: [equityPeriod.window(endingWith: week)], groupsBy: equityFields)
            groups = span.groups
            overall = span.history[0]
        }
        equity = equityFields.map { field in
            EquityBreakdown(field: field, groups: groups[field] ?? [:], overall: overall, suppression: suppression)
        }
    }
}
