import StepCareCore
import StepCareMetrics
import StepCareSimulation

/// `simulate pathway … --html FILE`: a what-if as one self-contained HTML page, drawn as the huddle page is
/// (the same styles and charts): the points and their paired differences as tables, one chart per measure with
/// each point's mean and 95 % interval, and the last tier's waitlist week by week.
package enum ComparisonPage {
    /// The page for `report`. It reads no clock: every date on it comes from the simulation.
    package static func html(_ report: PathwayReport) -> String {
        let reps = report.points.first?.replications.count ?? 0
        let title = "StepCare what-if — \(report.pathway.id), \(Numbers.fixed(report.days, 0)) days"
        var page =
            DashboardPage.opening(title: title) + """
                <header>
                <h1>StepCare what-if</h1>
                <p class="meta"><strong>Pathway</strong> \(SVG.escape(report.pathway.name)) (\(SVG.escape(report.pathway.id))),
                configuration v\(report.configurationVersion) ·
                <strong>Horizon</strong> \(Numbers.fixed(report.days, 0)) days ·
                <strong>Replications</strong> \(reps) per point, seed \(report.seed) + k ·
                <strong>Varied</strong> \(SVG.escape(report.sweeps.isEmpty ? "nothing" : report.sweeps.joined(separator: ", ")))</p>
                <p class="note">Simulated clients, not real ones: a synthetic population through the pathway's own rules.
                Replication k of every point uses the same seed, so points are compared replication by replication.</p>
                </header>

                """
        page += "<h2>Each point</h2>\n<div class=\"tables\">\n" + table(report, differences: false) + "</div>\n"
        if report.points.count > 1 {
            page +=
                "<h2>Paired difference from the first point</h2>\n<div class=\"tables\">\n"
                + table(report, differences: true) + "</div>\n"
        }
        page += "<h2>Charts</h2>\n<div class=\"charts\">\n"
        for (index, column) in report.sweepColumns.enumerated() {
            page += chart(report, column, index)
        }
        page += waitlistChart(report)
        return page + "</div>\n</body>\n</html>\n"
    }

    /// The points (or their differences from the first) against the sweep's measures; `?` marks an unstable
    /// estimate, `*` a difference whose interval excludes 0.
    private static func table(_ report: PathwayReport, differences: Bool) -> String {
        let columns = report.sweepColumns
        var html =
            "<table class=\"summary\"><caption>"
            + (differences
                ? "Mean paired difference ± 95% interval (* the interval excludes 0)"
                : "Mean ± 95% interval over replications (? unstable: more replications or a longer horizon)")
            + "</caption>\n<thead><tr><th scope=\"col\">Point</th>"
            + columns.map { "<th scope=\"col\">\(SVG.escape($0.heading))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        let baseline = report.points[0]
        for point in differences ? Array(report.points.dropFirst()) : report.points {
            html += "<tr><th scope=\"row\">\(SVG.escape(report.label(point)))</th>"
            for column in columns {
                let estimate = differences ? point.difference(column.id, from: baseline) : point.estimate(column.id)
                var cell = text(estimate)
                if differences, let halfWidth = estimate.halfWidth, abs(estimate.mean) > halfWidth { cell += " *" }
                if !differences, PathwayReport.isUnstable(estimate, report.unit(column.id)) { cell += " ?" }
                html += "<td>\(SVG.escape(cell))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    private static func text(_ estimate: Estimate) -> String {
        guard estimate.mean.isFinite else { return "–" }
        let places = abs(estimate.mean) >= 100 ? 0 : 1
        return Numbers.fixed(estimate.mean, places)
            + (estimate.halfWidth.map { " ± " + Numbers.fixed($0, places) } ?? "")
    }

    /// One measure: a bar per point with its 95 % interval.
    private static func chart(_ report: PathwayReport, _ column: (id: String, heading: String), _ index: Int) -> String
    {
        let estimates = report.points.map { $0.estimate(column.id) }
        let means = estimates.map(\.mean)
        let halfWidths = estimates.map(\.halfWidth)
        let extremes = zip(means, halfWidths).map { $0 + ($1 ?? 0) }
        var chart = CategoryChart(
            categories: report.points.map { report.label($0) }, values: means + extremes, atLeast: 1,
            yTitle: column.heading, xTitle: report.sweeps.isEmpty ? "" : report.sweeps.joined(separator: ", "))
        chart.bars(means, label: "mean over replications", colour: SVG.colour(index))
        chart.whiskers(means, halfWidths, colour: "#1a1a1a")
        let id = "chart-" + column.id.map { $0.isLetter || $0.isNumber ? $0 : "-" }.reduce("") { $0 + String($1) }
        return DashboardPage.figure(
            id, svg: chart.svg(id: id + "-svg", title: column.heading),
            caption:
                "\(column.heading): each point's mean with its 95% interval over \(report.points[0].replications.count) replications."
        )
    }

    /// The last tier's waitlist at each week's end, one line per point (the first eight).
    private static func waitlistChart(_ report: PathwayReport) -> String {
        let last = max(0, report.pathway.tiers.count - 1)
        let weeks = report.points.first?.replications.first?.weekly.map { String($0.week.description.prefix(10)) } ?? []
        let series = report.points.prefix(8).map { point in
            weeks.indices.map { week in
                Estimate(point.replications.map { Double($0.weekly[safe: week]?.waiting[safe: last] ?? 0) }).mean
            }
        }
        var chart = CategoryChart(
            categories: weeks, values: series.flatMap(\.self), atLeast: 5, yTitle: "clients waiting",
            xTitle: "week ending")
        for (index, values) in series.enumerated() {
            chart.line(values, label: report.label(report.points[index]), colour: SVG.colour(index))
        }
        let tier = report.pathway.tiers.last?.id ?? ""
        return DashboardPage.figure(
            "chart-waitlist", svg: chart.svg(id: "chart-waitlist-svg", title: "\(tier) waitlist, week by week"),
            caption: "Clients waiting for \(tier) at each week's end, mean over replications, one line per point.",
            wide: true)
    }
}
