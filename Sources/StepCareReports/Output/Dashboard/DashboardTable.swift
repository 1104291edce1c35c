import StepCareCore
import StepCareEngine
package import StepCareMetrics

/// The huddle dashboard as tables that fit an 80-column terminal.
package enum DashboardTable {
    /// This week beside last week with the change, the outstanding step-up triggers, then any breakdowns.
    package static func text(_ dashboard: Dashboard) -> String {
        let week = dashboard.week
        let previous = dashboard.previousWeek
        var text =
            "Huddle dashboard: \(dashboard.pathway.id), \(dashboard.context) records\n"
            + "week \(week.window.from.date) to \(week.window.to.date), beside the week before\n\n"
        let header =
            "".padding(to: 40) + "this week".leftPadded(12) + "last week".leftPadded(12) + "change".leftPadded(12)
        func rows(_ values: [MetricValue]) -> String {
            values.map { value in
                let before = previous[value.id]?.value ?? .nan
                return "  " + value.label.padding(to: 38) + value.definition.kind.format(value.value).leftPadded(12)
                    + value.definition.kind.format(before).leftPadded(12)
                    + value.definition.kind.signed(value.value - before).leftPadded(12) + "\n"
            }.joined()
        }
        text += header + "\nservice\n" + rows(week.values.filter { $0.tier == nil })
        for tier in dashboard.pathway.tiers {
            text += "\n\(tier.id) (\(tier.name))\n" + rows(week.values.filter { $0.tier == tier.id })
        }
        text += outstanding(week)
        for breakdown in dashboard.equity { text += equity(breakdown) }
        return text
    }

    private static func outstanding(_ week: MetricSet) -> String {
        outstanding(week.outstanding, "step-up triggers") + outstanding(week.outstandingReviews, "tier reviews")
    }

    /// One list of what is outstanding at the end of the week, by case, oldest first.
    private static func outstanding(_ list: [OutstandingTrigger], _ what: String) -> String {
        guard !list.isEmpty else { return "\nno \(what) outstanding at the end of the week\n" }
        var text =
            "\n\(what) outstanding at the end of the week, oldest first\n"
            + "  case".padding(to: 20) + "tier".padding(to: 12) + "rule".padding(to: 26) + "age, days".leftPadded(10)
            + "  deadline\n"
        for trigger in list {
            text +=
                "  " + trigger.caseID.padding(to: 18) + (trigger.tier ?? "–").padding(to: 12)
                + trigger.ruleID.padding(to: 26) + Numbers.fixed(trigger.ageDays, 1).leftPadded(10) + "  "
                + (trigger.isOverdue ? "overdue" : trigger.deadline.description) + "\n"
        }
        return text
    }

    /// Every figure by group, overall first, two groups to a table; `*` marks a suppressed figure.
    package static func equity(_ breakdown: EquityBreakdown) -> String {
        var text =
            "\nby \(breakdown.field), \(breakdown.window.from.date) to \(breakdown.window.to.date): group figure (gap to "
            + "overall); * = about fewer than "
            + "\(breakdown.suppression.threshold) people or events, suppressed\n"
        let groups = breakdown.groups
        // Wide enough for a figure with its gap, "119.1 (+15.3)", and a space; two groups to a table, to fit 80.
        let column = 16
        var start = 0
        repeat {
            let slice = Array(groups[start..<min(start + 2, groups.count)])
            text += "\n" + "".padding(to: 32) + "overall".leftPadded(column)
            text += slice.map { String($0.value.prefix(column - 1)).leftPadded(column) }.joined() + "\n"
            text +=
                "clients".padding(to: 32) + String(groups.reduce(0) { $0 + $1.clients }).leftPadded(column)
                + slice.map { (breakdown.clients(of: $0).map(String.init) ?? "*").leftPadded(column) }.joined() + "\n"
            var tier: String?
            for value in breakdown.overall.values {
                if value.tier != tier, let id = value.tier {
                    tier = id
                    text += id + "\n"
                }
                let label = (value.tier == nil ? "" : "  ") + value.label
                text +=
                    String(label.prefix(31)).padding(to: 32)
                    + value.definition.kind.format(value.value).leftPadded(column)
                for group in slice {
                    let cell = breakdown.cell(value.id, in: group)
                    text += equityCell(cell, value.definition.kind).leftPadded(column)
                }
                text += "\n"
            }
            start += 2
        } while start < groups.count
        return text
    }

    private static func equityCell(_ cell: EquityCell, _ kind: MetricKind) -> String {
        if cell.isSuppressed { return "*" }
        guard let value = cell.value else { return "–" }
        let places = kind == .percent ? 0 : 1
        let shown = kind == .count ? Numbers.fixed(value, 0) : Numbers.fixed(value, places)
        guard let gap = cell.gap else { return shown }
        return shown + " (" + (gap > 0 ? "+" : "") + Numbers.fixed(gap, places) + ")"
    }

}

extension MetricKind {
    /// A figure as the terminal tables and the HTML page show it: counts whole, the rest to one decimal place;
    /// `–` when unmeasured.
    package func format(_ value: Double) -> String { Numbers.fixed(value, self == .count ? 0 : 1) }

    /// A change or gap with its sign: `+1.5`, `-2.0`, `0.0`; `–` when either side was unmeasured.
    package func signed(_ value: Double) -> String {
        let text = format(value)
        return value > 0 && text.contains(where: { "123456789".contains($0) }) ? "+" + text : text
    }
}

extension String {
    /// The string right-aligned in `width` columns (never cut).
    package func leftPadded(_ width: Int) -> String {
        count >= width ? " " + self : String(repeating: " ", count: width - count) + self
    }
}
