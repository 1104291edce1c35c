import StepCareCore
package import StepCareMetrics

/// The weekly huddle dashboard as one self-contained HTML page: inline styles and SVG charts, no scripts and
/// nothing fetched (fonts, images, links), so it can be mailed, archived or opened offline and looks the same.
package enum DashboardPage {
    /// The page for `dashboard`. Every date on it comes from the reporting windows; it never reads a clock.
    package static func html(_ dashboard: Dashboard) -> String {
        let week = dashboard.week.window
        let before = dashboard.previousWeek.window
        let pathway = dashboard.pathway
        let title =
            "StepCare huddle dashboard — \(pathway.id), week \(week.from.date) to \(week.to.date) "
            + "(\(dashboard.context) records)"
        var page =
            opening(title: title) + """
                <header>
                <h1>StepCare huddle dashboard</h1>
                <p class="meta"><strong>Pathway</strong> \(SVG.escape(pathway.name)) (\(SVG.escape(pathway.id))) ·
                <strong>Records</strong> \(dashboard.context) ·
                <strong>Week</strong> \(week.from.date) to \(week.to.date),
                compared with \(before.from.date) to \(before.to.date)</p>

                """
        if dashboard.context != .live {
            page += "<p class=\"note\">These are \(dashboard.context) records, not real clients.</p>\n"
        }
        page +=
            "</header>\n<h2>This week and last</h2>\n<div class=\"tables\">\n" + summary(dashboard)
            + outstanding(dashboard) + "</div>\n"
        page += "<h2>Trends over \(dashboard.history.count) weeks</h2>\n<div class=\"charts\">\n"
        page += trendCharts(dashboard)
        page += DashboardEquity.figure(dashboard)
        return page + "</div>\n</body>\n</html>\n"
    }

    /// The tier metrics the summary shows for every tier.
    package static let keyTierMetrics = [
        "entries", "first-contact.median-days", "first-contact.within-standard", "first-contact.waiting",
        "first-contact.waiting-past-standard", "waitlist", "waitlist.median-wait-days", "waitlist.longest-wait-days",
        "waitlist.placed-median-days", "placed", "occupancy", "length-of-stay.median-days", "sessions.median-per-stay",
        "sessions.within-package", "crisis-contacts",
        "crisis-per-100-client-weeks", "ed-visits", "check-in.weeks-seen", "finished", "recovery",
        "reliable-improvement",
        "deterioration",
    ]

    private static func summary(_ dashboard: Dashboard) -> String {
        let (now, before) = (dashboard.week, dashboard.previousWeek)
        let head =
            "<thead><tr><th scope=\"col\">Metric</th><th scope=\"col\">This week</th>"
            + "<th scope=\"col\">Last week</th><th scope=\"col\">Change</th></tr></thead>\n"
        var service = "<table class=\"summary\"><caption>Service</caption>\n" + head + "<tbody>\n"
        for definition in MetricDefinition.service {
            service += row(definition.label, definition.kind, now.value(definition.key), before.value(definition.key))
        }
        var tiers = "<table class=\"summary\"><caption>Tiers</caption>\n" + head + "<tbody>\n"
        for tier in dashboard.pathway.tiers {
            for definition in MetricDefinition.tier where keyTierMetrics.contains(definition.key) {
                let id = "\(tier.id).\(definition.key)"
                tiers += row("\(tier.id) · \(definition.label)", definition.kind, now.value(id), before.value(id))
            }
        }
        // The rest of the tier figures the terminal shows, folded away so the charts stay in view.
        var more =
            "<details id=\"more-tier-figures\"><summary>More tier figures</summary>\n"
            + "<table class=\"summary\"><caption>Tiers, every other figure</caption>\n" + head + "<tbody>\n"
        for tier in dashboard.pathway.tiers {
            for definition in MetricDefinition.tier where !keyTierMetrics.contains(definition.key) {
                let id = "\(tier.id).\(definition.key)"
                more += row("\(tier.id) · \(definition.label)", definition.kind, now.value(id), before.value(id))
            }
        }
        return service + "</tbody></table>\n" + tiers + "</tbody></table>\n" + more + "</tbody></table></details>\n"
    }

    /// The step-up triggers and the tier reviews outstanding at the week's end, by rule: how many, how many
    /// overdue, the oldest. The page names no case (the terminal lists them by case for staff who may see them).
    private static func outstanding(_ dashboard: Dashboard) -> String {
        outstanding(dashboard.week.outstanding, id: "outstanding", caption: "Step-up triggers outstanding")
            + outstanding(
                dashboard.week.outstandingReviews, id: "outstanding-reviews", caption: "Tier reviews outstanding")
    }

    private static func outstanding(_ triggers: [OutstandingTrigger], id: String, caption: String) -> String {
        var html =
            "<table class=\"summary\" id=\"\(id)\"><caption>\(caption) at the week's end"
            + "</caption>\n<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Outstanding</th>"
            + "<th scope=\"col\">Overdue</th><th scope=\"col\">Oldest, days</th></tr></thead>\n<tbody>\n"
        let rules = Dictionary(grouping: triggers, by: \.ruleID)
        for (rule, open) in rules.sorted(by: { $0.key < $1.key }) {
            html +=
                "<tr><th scope=\"row\">\(SVG.escape(rule))</th><td>\(open.count)</td>"
                + "<td>\(open.filter(\.isOverdue).count)</td>"
                + "<td>\(Numbers.fixed(open.map(\.ageDays).max() ?? 0, 1))</td></tr>\n"
        }
        if rules.isEmpty { html += "<tr><th scope=\"row\">none</th><td>0</td><td>0</td><td>–</td></tr>\n" }
        return html + "</tbody></table>\n"
    }

    private static func row(_ label: String, _ kind: MetricKind, _ now: Double, _ before: Double) -> String {
        "<tr><th scope=\"row\">\(SVG.escape(label))</th><td>\(kind.format(now))</td><td>\(kind.format(before))</td>"
            + "<td>\(kind.signed(now - before))</td></tr>\n"
    }

    private static func trendCharts(_ dashboard: Dashboard) -> String {
        let history = dashboard.history
        let tiers = dashboard.pathway.tiers
        let weeks = history.map { String($0.window.to.date.dropFirst(5)) }
        let span = "week ending, \(history[0].window.to.date) to \(history[history.count - 1].window.to.date)"
        func series(_ id: String) -> [Double] { history.map { $0.value(id) } }
        func chart(_ values: [[Double]], atLeast: Double, yTitle: String) -> CategoryChart {
            CategoryChart(
                categories: weeks, values: values.flatMap { $0 }, atLeast: atLeast, yTitle: yTitle, xTitle: span)
        }
        var out = ""

        let waits = tiers.map { series("\($0.id).first-contact.median-days") }
        let standards = tiers.map { tier in tier.accessStandard.map { Double($0.minutes) / 1440 } ?? .nan }
        var access = chart(waits + [standards], atLeast: 7, yTitle: "days")
        for (index, tier) in tiers.enumerated() {
            access.line(waits[index], label: tier.id, colour: SVG.colour(index))
        }
        for (index, tier) in tiers.enumerated() where standards[index].isFinite {
            let days = Numbers.plain(standards[index])
            access.rule(
                at: standards[index], label: "\(tier.id) standard, \(days) d", colour: SVG.colour(index), opacity: 0.45)
        }
        out += figure(
            "chart-access", access, title: "First contact, median days by tier",
            caption: "Median days from entering a tier to its first contact, for first contacts made in each week; "
                + "dashed lines are the access standards.")

        let medians = series("step-up.median-days")
        let breaches = series("step-up.breaches")
        var stepUp = chart([medians, breaches], atLeast: 5, yTitle: "days · breaches")
        stepUp.bars(medians, label: "trigger to step-up, median days", colour: SVG.colour(0))
        stepUp.line(breaches, label: "step-up deadline breaches", colour: SVG.colour(3), dashed: true)
        out += figure(
            "chart-step-up", stepUp, title: "Trigger to step-up, median days, and deadline breaches",
            caption: "Bars: median days from a step-up trigger to the step-up, per week. "
                + "Dashed line: step-up deadlines that passed in the week without a step-up.")

        if let last = tiers.last {
            let name = last.name.firstRange(of: " — ").map { String(last.name[..<$0.lowerBound]) } ?? last.id
            let occupancy = tiers.map { series("\($0.id).occupancy") }
            var full = chart(occupancy, atLeast: 110, yTitle: "% of slots")
            for (index, tier) in tiers.enumerated().dropLast() {
                full.line(occupancy[index], label: tier.id, colour: SVG.colour(index), opacity: 0.35)
            }
            full.line(occupancy[tiers.count - 1], label: "\(name) (\(last.id))", colour: SVG.colour(tiers.count - 1))
            full.rule(at: 100, label: "100 % of slots")
            out += figure(
                "chart-occupancy", full, title: "\(name) occupancy, % of slots",
                caption: "\(name) (\(last.id)) occupancy at week end: \(last.capacity.standardSlots) standard and "
                    + "\(last.capacity.rapidAccessSlots) rapid-access slots. Fainter lines are the other tiers.")
        } else {
            out += figure(
                "chart-occupancy", chart([], atLeast: 110, yTitle: "% of slots"), title: "Occupancy, % of slots",
                caption: "The pathway has no tiers.")
        }

        /// One line per tier of the tier metric `key`.
        func byTier(_ key: String, atLeast: Double, yTitle: String) -> CategoryChart {
            let values = tiers.map { series("\($0.id).\(key)") }
            var made = chart(values, atLeast: atLeast, yTitle: yTitle)
            for (index, tier) in tiers.enumerated() {
                made.line(values[index], label: tier.id, colour: SVG.colour(index))
            }
            return made
        }
        out += figure(
            "chart-waitlist", byTier("waitlist", atLeast: 5, yTitle: "clients waiting"),
            title: "Waitlists at week end by tier",
            caption: "Clients on each tier's waitlist at the end of each week (placed elsewhere or not yet placed).")
        out += figure(
            "chart-crisis", byTier("crisis-per-100-client-weeks", atLeast: 1, yTitle: "per 100 client-weeks"),
            title: "Crisis contacts per 100 client-weeks by tier",
            caption: "Crisis contacts per 100 client-weeks placed in each tier, per week.")

        let within30 = series("re-escalation.30")
        let within90 = series("re-escalation.90")
        var reEscalation = chart([within30, within90], atLeast: 10, yTitle: "% of step-downs")
        reEscalation.line(within30, label: "within 30 days", colour: SVG.colour(0))
        reEscalation.line(within90, label: "within 90 days", colour: SVG.colour(1))
        out += figure(
            "chart-re-escalation", reEscalation, title: "Re-escalation within 30 and 90 days, %",
            caption: "Share of step-downs followed by a step back up within 30 and within 90 days, per week.")
        return out
    }

    private static func figure(_ id: String, _ chart: CategoryChart, title: String, caption: String) -> String {
        figure(id, svg: chart.svg(id: id + "-svg", title: title), caption: caption)
    }

    /// A `<figure class="chart">` holding `svg`, captioned, with `after` below the caption.
    package static func figure(
        _ id: String, svg: String, caption: String, wide: Bool = false, after: String = ""
    ) -> String {
        "<figure class=\"chart\(wide ? " wide" : "")\" id=\"\(id)\">\n\(svg)\n"
            + "<figcaption>\(SVG.escape(caption))</figcaption>\n\(after)</figure>\n"
    }

    /// The start of a self-contained page titled `title`, to the opening `<body>`, with the page's styles: shared
    /// by the reports drawn the same way.
    package static func opening(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(SVG.escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>

        """
    }

    /// The page's styles.
    private static let style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          margin: 24px; color: #1a1a1a; background: #ffffff; }
        h1 { font-size: 1.5rem; margin: 0 0 6px; }
        h2 { font-size: 1.15rem; margin: 28px 0 10px; }
        .meta { margin: 0; color: #333333; }
        .note { margin: 10px 0 0; padding: 4px 10px; border-left: 4px solid #888888; background: #f2f2f2; }
        .tables { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap: 16px 32px;
          align-items: start; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 20px; }
        table { border-collapse: collapse; font-size: 13px; width: 100%; }
        caption { text-align: left; font-weight: 600; padding: 4px 0; }
        th, td { padding: 3px 8px; border-bottom: 1px solid #dddddd; text-align: right; white-space: nowrap; }
        th[scope="row"], .group { text-align: left; font-weight: normal; white-space: normal; }
        thead th { border-bottom: 2px solid #999999; }
        figure.chart { margin: 0; padding: 12px; border: 1px solid #dddddd; border-radius: 6px; }
        figure.wide { grid-column: 1 / -1; overflow-x: auto; }
        figure.chart svg { display: block; width: 100%; height: auto; }
        figcaption { margin-top: 6px; font-size: 13px; color: #333333; }
        .suppressed { color: #777777; font-style: italic; }
        """
}
