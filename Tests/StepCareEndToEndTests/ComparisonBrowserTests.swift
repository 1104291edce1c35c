import Foundation
import StepCareTesting
import Testing

/// `simulate pathway … --html` as a service lead opens it: a self-contained page with the points, their paired
/// differences and nine charts, which headless Chromium parses and draws.
@Suite struct ComparisonBrowserTests {
    static let chartIDs = [
        "chart-tier-3-occupancy", "chart-tier-3-waitlist", "chart-tier-3-waitlist-median-wait-days",
        "chart-tier-3-waitlist-placed-median-days", "chart-tier-3-first-contact-median-days",
        "chart-step-up-median-days", "chart-step-up-breaches", "chart-re-escalation-90", "chart-waitlist",
    ]

    @Test func theComparisonPageIsSelfContainedAndChromiumDrawsItsCharts() throws {
        let scratch = try TemporaryDirectory()
        let page = scratch.url.appendingPathComponent("what-if.html")
        let run = try Binary.run(
            ["--db", ":memory:"],
            stdin: "simulate pathway community-stepped-care --reps 4 --days 90 --set tier-3.slots=2,8 --html "
                + page.path + "\n")
        try #require(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        for outside in ["<script", "http://", "https://", "<link", "url("] {
            #expect(!html.lowercased().contains(outside), "the page must be self-contained, but has \(outside)")
        }
        let mode = try FileManager.default.attributesOfItem(atPath: page.path)[.posixPermissions] as? Int
        #expect(mode == 0o600, "the page is not private (0600)")
        #expect(DashboardBrowserTests.count("<svg", in: html) == Self.chartIDs.count)
        for id in Self.chartIDs { #expect(html.contains("id=\"\(id)\""), "no figure \(id)") }
        #expect(html.contains("Paired difference from the first point"))
        #expect(html.contains("<th scope=\"row\">tier-3.slots=8</th>"))
        // The terminal's table and the page agree on the paired difference in Tier 3 occupancy.
        let row = try #require(run.stdout.split(separator: "\n").last { $0.hasPrefix("8 ") })
        let occupancy = try #require(row.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first)
        let mean = String(occupancy.prefix { $0 != "±" }.drop { $0 == "+" })
        #expect(html.contains("<td>\(mean) ±"), "the page's paired difference differs from the table's \(mean)")
        #expect(DashboardBrowserTests.figure("chart-tier-3-occupancy", in: html).contains("<rect"))

        guard
            let chromium = DashboardBrowserTests.executable(
                named: ["chromium", "chromium-browser", "google-chrome"], orAt: ["/usr/bin/chromium"])
        else {
            Issue.record("no Chromium found: install Debian's chromium package (scripts/install-deps does)")
            return
        }
        let browser = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--window-size=1200,2400", "--user-data-dir=" + scratch.url.appendingPathComponent("profile").path,
        ]
        let dom = try DashboardBrowserTests.run(
            chromium, browser + ["--dump-dom", page.absoluteString], in: scratch.url,
            environment: ["HOME": scratch.url.path])
        try #require(dom.status == 0, "chromium --dump-dom failed: \(dom.stderr.suffix(2000))")
        for id in Self.chartIDs { #expect(dom.stdout.contains("id=\"\(id)\""), "the browser's DOM has no \(id)") }
        #expect(DashboardBrowserTests.count("<svg", in: dom.stdout) >= Self.chartIDs.count)
        let shot = scratch.url.appendingPathComponent("shot.png")
        let capture = try DashboardBrowserTests.run(
            chromium, browser + ["--screenshot=" + shot.path, page.absoluteString], in: scratch.url,
            environment: ["HOME": scratch.url.path])
        try #require(capture.status == 0, "chromium --screenshot failed: \(capture.stderr.suffix(2000))")
        guard let python = DashboardBrowserTests.executable(named: ["python3"], orAt: ["/usr/bin/python3"]) else {
            Issue.record("python3 is needed to read the screenshot")
            return
        }
        let stats = try DashboardBrowserTests.run(
            python, ["-c", DashboardBrowserTests.pngStatistics, shot.path], in: scratch.url)
        let figures = stats.stdout.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
        try #require(figures.count == 3, "unexpected output from the PNG reader: \(stats.stdout) \(stats.stderr)")
        #expect(figures[0] > 0.01, "the screenshot is nearly blank")
        #expect(figures[2] > 0.0005, "only \(figures[2] * 100) % of the screenshot is in colour: no charts drawn?")
    }
}
