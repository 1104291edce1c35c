package import StepCareCore
package import StepCareMetrics

/// The dashboard's equity figure: for each breakdown, every group's gap to the whole caseload on the metrics the
/// huddle decides with, as bars (suppressed and unmeasured cells marked, never drawn), and the figures in a table.
package enum DashboardEquity {
    /// One column of the figure: a metric, its short label and its kind.
    package struct Column {
        var id: String
        var label: String
        var kind: MetricKind

        /// The unit of a gap: percentage points, or days.
        var unit: String { kind == .days ? "days" : "% points" }
    }

    /// The decision metrics compared across groups.
    package static func decisionColumns(_ pathway: Pathway) -> [Column] {
        var columns = [
            Column(id: "override-rate", label: "overrides, %", kind: .percent),
            Column(id: "step-up.median-days", label: "trigger to step-up, days", kind: .days),
            Column(id: "step-down.with-plan", label: "step-downs with a plan, %", kind: .percent),
            Column(id: "re-escalation.90", label: "re-escalated in 90 days, %", kind: .percent),
        ]
        if let first = pathway.tiers.first {
            columns.append(
                Column(
                    id: "\(first.id).first-contact.within-standard", label: "\(first.id) within standard, %",
                    kind: .percent))
        }
        return columns
    }

    package static let labelWidth = 170.0
    package static let columnWidth = 180.0
    package static let rowHeight = 22.0

    /// The middle of column `index`, where its zero line runs.
    package static func centre(_ index: Int) -> Double { labelWidth + columnWidth * (Double(index) + 0.5) }

    /// The `chart-equity` figure, its svg and, below it, a table per breakdown.
    package static func figure(_ dashboard: Dashboard) -> String {
        let columns = decisionColumns(dashboard.pathway)
        let width = labelWidth + columnWidth * Double(columns.count) + 10
        let span = dashboard.equity.first?.window ?? dashboard.week.window
        let title =
            "Equity: each group's gap to the overall figure, \(span.from.date) to \(span.to.date)"
        guard !dashboard.equity.isEmpty else {
            let note =
                dashboard.fields.isEmpty
                ? "No equity breakdown: no demographic field recorded on these cases."
                : "No equity breakdown: no demographic field recorded for this report (dashboard --by FIELD). "
                    + "Fields on record: " + dashboard.fields.joined(separator: ", ") + "."
            let body =
                SVG.rect(x: 1, y: 1, width: width - 2, height: 58, fill: "#f4f4f4")
                + SVG.text(note, x: width / 2, y: 34, fill: "#555555")
            let svg = SVG.document(id: "chart-equity-svg", title: title, width: width, height: 60, body: body)
            return DashboardPage.figure("chart-equity", svg: svg, caption: note, wide: true)
        }
        let scales: [LinearScale] = columns.enumerated().map { index, column in
            var largest = column.kind == .days ? 1.0 : 5.0
            for breakdown in dashboard.equity {
                for group in breakdown.groups {
                    guard let gap = breakdown.cell(column.id, in: group).gap, gap.isFinite else { continue }
                    largest = max(largest, abs(gap))
                }
            }
            return LinearScale(low: -largest, high: largest, from: centre(index) - 64, to: centre(index) + 64, ticks: 2)
        }
        var body = ""
        var top = 0.0
        for breakdown in dashboard.equity {
            let drawn = rows(breakdown, columns, scales, top: top)
            body += drawn.markup
            top = drawn.bottom
        }
        let threshold = dashboard.equity[0].suppression.threshold
        var keys = columns.enumerated().map { index, column in
            SVG.Key(label: column.label, colour: SVG.colour(index), mark: .bar)
        }
        keys.append(SVG.Key(label: "suppressed: about fewer than \(threshold)", colour: "#e0e0e0", mark: .bar))
        let legend = SVG.legend(keys, left: 8, top: top + 4, right: width - 8)
        let svg = SVG.document(
            id: "chart-equity-svg", title: title, width: width, height: legend.bottom + 4, body: body + legend.markup)
        let caption =
            "Bars: each group's figure minus the overall figure over the window (percentage points; days for the step-up "
            + "wait). Grey \"suppressed\": the figure is about fewer than \(threshold) people or events. "
            + "–: nothing to measure."
        return DashboardPage.figure(
            "chart-equity", svg: svg, caption: caption, wide: true,
            after: dashboard.equity.map { table($0, columns) }.joined())
    }

    /// One breakdown's rows of bars from `top`; returns the markup and the y below it.
    private static func rows(
        _ breakdown: EquityBreakdown, _ columns: [Column], _ scales: [LinearScale], top: Double
    ) -> (markup: String, bottom: Double) {
        var out = SVG.text(
            "by \(breakdown.field)", x: 8, y: top + 16, anchor: "start", extra: #" font-weight="bold" font-size="13""#)
        let first = top + 44
        let last = first + Double(breakdown.groups.count) * rowHeight
        for (index, column) in columns.enumerated() {
            let scale = scales[index]
            out += SVG.text(column.label, x: centre(index), y: top + 36, fill: "#1a1a1a")
            out += SVG.line(scale(0), first, scale(0), last, stroke: "#555555")
            out += SVG.line(scale.from, last, scale.to, last, stroke: "#bbbbbb")
            for tick in scale.ticks {
                out += SVG.text((tick > 0 ? "+" : "") + scale.label(tick), x: scale(tick), y: last + 14)
            }
            out += SVG.text("gap, \(column.unit)", x: centre(index), y: last + 28, fill: "#555555")
        }
        for (row, group) in breakdown.groups.enumerated() {
            let y = first + Double(row) * rowHeight
            let clients = breakdown.clients(of: group).map { "n = \($0)" } ?? "n < \(breakdown.suppression.threshold)"
            out += SVG.text("\(group.value) (\(clients))", x: 8, y: y + 15, anchor: "start")
            for (index, column) in columns.enumerated() {
                let cell = breakdown.cell(column.id, in: group)
                let scale = scales[index]
                if cell.isSuppressed {
                    out += SVG.rect(x: centre(index) - 40, y: y + 4, width: 80, height: 15, fill: "#e0e0e0")
                    out += SVG.text("suppressed", x: centre(index), y: y + 15, fill: "#777777")
                } else if let gap = cell.gap, gap.isFinite {
                    let length = scale(gap) - scale(0)
                    let value = cell.value.map { column.kind.format($0) } ?? "–"
                    out += SVG.rect(
                        x: scale(0), y: y + 5, width: abs(length) < 1 ? 1 : length, height: 12,
                        fill: SVG.colour(index),
                        tooltip: "\(group.value), \(column.label): \(value), gap "
                            + "\(column.kind.signed(gap)) \(column.unit)")
                } else {
                    out += SVG.text("–", x: centre(index) + 10, y: y + 15, fill: "#555555")
                }
            }
        }
        return (out, last + 48)
    }

    /// One breakdown's figures: each group's value and gap per column, and its clients.
    private static func table(_ breakdown: EquityBreakdown, _ columns: [Column]) -> String {
        let hidden = "<span class=\"suppressed\">suppressed (&lt;\(breakdown.suppression.threshold))</span>"
        let total = breakdown.groups.reduce(0) { $0 + $1.clients }
        var out = "<table class=\"equity\"><caption>By \(SVG.escape(breakdown.field)): value and gap</caption>\n"
        out += "<thead><tr><th scope=\"col\" class=\"group\">Group</th><th scope=\"col\">Clients</th>"
        for column in columns { out += "<th scope=\"col\" colspan=\"2\">\(SVG.escape(column.label))</th>" }
        out += "</tr>\n<tr><td></td><td></td>"
        out += String(repeating: "<th scope=\"col\">value</th><th scope=\"col\">gap</th>", count: columns.count)
        out += "</tr></thead>\n<tbody>\n<tr><th scope=\"row\">overall</th><td>\(total)</td>"
        for column in columns {
            out += "<td>\(column.kind.format(breakdown.overall.value(column.id)))</td><td></td>"
        }
        out += "</tr>\n"
        for group in breakdown.groups {
            let clients = breakdown.clients(of: group).map(String.init) ?? hidden
            out += "<tr><th scope=\"row\">\(SVG.escape(group.value))</th><td>\(clients)</td>"
            for column in columns {
                let cell = breakdown.cell(column.id, in: group)
                guard !cell.isSuppressed else {
                    out += "<td>\(hidden)</td><td>\(hidden)</td>"
                    continue
                }
                let value = cell.value.map { column.kind.format($0) } ?? "–"
                let gap = cell.gap.map { column.kind.signed($0) } ?? "–"
                out += "<td>\(value)</td><td>\(gap)</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table>\n"
    }
}
