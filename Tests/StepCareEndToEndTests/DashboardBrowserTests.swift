import Foundation
import StepCareTesting
import Testing

/// `dashboard --html` as a service lead opens it: the page is self-contained, a real browser (headless Chromium)
/// parses its seven charts, and a screenshot of it shows drawn charts rather than a blank page.
@Suite struct DashboardBrowserTests {
    static let chartIDs = [
        "chart-access", "chart-step-up", "chart-occupancy", "chart-waitlist", "chart-crisis", "chart-re-escalation",
        "chart-equity",
    ]

    @Test func theHTMLDashboardIsSelfContainedAndChromiumDrawsItsCharts() throws {
        let scratch = try TemporaryDirectory()
        let directory = scratch.url
        let database = directory.appendingPathComponent("sim.sqlite").path
        let page = directory.appendingPathComponent("dashboard.html")

        let simulation = try Binary.run(
            ["--db", database, "--context", "simulation"],
            stdin: "simulate pathway community-stepped-care --days 240 --seed 3 --reps 1 --save\n")
        try #require(simulation.status == 0, "\(simulation.stderr)")
        #expect(simulation.stdout.contains("simulated case(s) in the simulation context"))

        let dashboard = try Binary.run([
            "dashboard", "--db", database, "--context", "simulation", "--by", "ethnicity", "--html", page.path,
        ])
        try #require(dashboard.status == 0, "\(dashboard.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        for outside in ["<script", "http://", "https://", "<link", "url("] {
            #expect(!html.lowercased().contains(outside), "the page must be self-contained, but has \(outside)")
        }
        // Aggregates only: the terminal lists outstanding triggers by case (S3-…); the page never names a case.
        #expect(!html.contains("S3-"), "the page names a case")
        let mode = try FileManager.default.attributesOfItem(atPath: page.path)[.posixPermissions] as? Int
        #expect(mode == 0o600, "the page is not private (0600)")
        #expect(Self.count("<svg", in: html) == Self.chartIDs.count)
        for id in Self.chartIDs { #expect(html.contains("id=\"\(id)\""), "no figure \(id)") }
        // The coordinator's figures: Tier 3's client-weeks seen, and crises either side of a step-up.
        for label in [
            "tier-3 · client-weeks with a contact, %", "crises 30d before step-up, mean",
            "crises 30d after step-up, mean", "tier-3 · stays ended, median days", "tier-2 · recovery, %",
            "tier-1 · placed, not seen yet", "tier-2 · first contact, p90 days", "tier-3 · reliable recovery, %",
        ] {
            #expect(html.contains("<th scope=\"row\">\(label)</th>"), "the page has no row \(label)")
        }
        #expect(html.contains("<table class=\"summary\" id=\"outstanding\">"), "no table of outstanding triggers")
        let reviews = Self.table("outstanding-reviews", in: html)
        #expect(reviews.contains("<caption>Tier reviews outstanding at the week's end</caption>"))
        #expect(!reviews.contains(">none<"), "a year's simulated service has no tier review outstanding: \(reviews)")
        #expect(
            Self.figure("chart-access", in: html).contains("<circle"),
            "the access chart has no points: does the default week (the latest record's) hold the simulated cases?")

        guard
            let chromium = Self.executable(
                named: ["chromium", "chromium-browser", "google-chrome"],
                orAt: [
                    "/usr/bin/chromium", "/Applications/Chromium.app/Contents/MacOS/Chromium",
                    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
                ])
        else {
            let hint =
                "no Chromium found (chromium, chromium-browser or google-chrome on PATH): install Debian's chromium "
                + "package (scripts/install-deps does: sudo apt-get install chromium)"
            Issue.record("\(hint)")
            return
        }
        let url = page.absoluteString
        func browser(_ profile: String) -> [String] {
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                "--window-size=1200,2400", "--user-data-dir=" + directory.appendingPathComponent(profile).path,
            ]
        }
        let home = ["HOME": directory.path]

        // The DOM the browser built: the figures and their svg elements were parsed, not just written.
        let dom = try Self.run(
            chromium, browser("profile-dom") + ["--dump-dom", url], in: directory, environment: home)
        try #require(dom.status == 0, "chromium --dump-dom failed: \(dom.stderr.suffix(2000))")
        for id in Self.chartIDs { #expect(dom.stdout.contains("id=\"\(id)\""), "the browser's DOM has no \(id)") }
        #expect(Self.count("<svg", in: dom.stdout) >= Self.chartIDs.count, "the browser's DOM lacks svg elements")

        // The picture: enough ink, many colours, and the palette's colours that only the charts use.
        let shot = directory.appendingPathComponent("shot.png")
        let capture = try Self.run(
            chromium, browser("profile-shot") + ["--screenshot=" + shot.path, url], in: directory, environment: home)
        try #require(capture.status == 0, "chromium --screenshot failed: \(capture.stderr.suffix(2000))")
        try #require(FileManager.default.fileExists(atPath: shot.path), "chromium wrote no screenshot")
        guard let python = Self.executable(named: ["python3"], orAt: ["/usr/bin/python3"]) else {
            Issue.record("python3 is needed to read the screenshot: install Debian's python3 package")
            return
        }
        let stats = try Self.run(python, ["-c", Self.pngStatistics, shot.path], in: directory)
        try #require(stats.status == 0, "the screenshot could not be read: \(stats.stderr)")
        let figures = stats.stdout.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
        try #require(figures.count == 3, "unexpected output from the PNG reader: \(stats.stdout)")
        #expect(figures[0] > 0.01, "only \(figures[0] * 100) % of the screenshot is not white: is the page blank?")
        #expect(figures[1] > 8, "the screenshot has only \(Int(figures[1])) colours")
        #expect(figures[2] > 0.0005, "only \(figures[2] * 100) % of the screenshot is in colour: no charts drawn?")
    }

    /// How many times `needle` occurs in `text`.
    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// The markup of the figure with `id`, from its id to its end.
    /// The summary table `id` of `html`, from its opening tag to its end.
    static func table(_ id: String, in html: String) -> String {
        guard let start = html.range(of: "<table class=\"summary\" id=\"\(id)\">"),
            let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex)
        else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }

    static func figure(_ id: String, in html: String) -> Substring {
        guard let start = html.range(of: "id=\"\(id)\"") else { return "" }
        let rest = html[start.upperBound...]
        return rest[..<(rest.range(of: "</figure>")?.lowerBound ?? rest.endIndex)]
    }

    /// The first of `names` found on PATH, else the first of `paths` that is executable.
    static func executable(named names: [String], orAt paths: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init)
        for name in names {
            for directory in directories where FileManager.default.isExecutableFile(atPath: directory + "/" + name) {
                return directory + "/" + name
            }
        }
        return paths.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// What a helper program printed, and its exit status (`nil` when it was stopped for taking too long).
    struct Run {
        var status: Int32?
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` with the test's environment plus `environment`, its output in files in `directory`, and
    /// stops it after `timeout` seconds.
    static func run(
        _ executable: String, _ arguments: [String], in directory: URL, environment: [String: String] = [:],
        timeout: TimeInterval = 120
    ) throws -> Run {
        let name = UUID().uuidString
        let out = directory.appendingPathComponent(name + ".stdout")
        let err = directory.appendingPathComponent(name + ".stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        let outHandle = try FileHandle(forWritingTo: out)
        let errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        let finished = !process.isRunning
        if !finished { process.terminate() }
        process.waitUntilExit()
        try? outHandle.close()
        try? errHandle.close()
        var errors = try String(contentsOf: err, encoding: .utf8)
        if !finished { errors += "\n(stopped after \(Int(timeout)) s)" }
        return Run(
            status: finished ? process.terminationStatus : nil, stdout: try String(contentsOf: out, encoding: .utf8),
            stderr: errors)
    }

    /// Reads an 8-bit RGB or RGBA PNG (filters 0–4, no interlacing) with the Python standard library and prints
    /// the fraction of pixels that are not white, the number of distinct colours, and the fraction of clearly
    /// coloured pixels (channels more than 60 apart: chart ink, not grey text or rules).
    static let pngStatistics = #"""
        import struct, sys, zlib

        def paeth(a, b, c):
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            if pa <= pb and pa <= pc:
                return a
            return b if pb <= pc else c

        data = open(sys.argv[1], "rb").read()
        if data[:8] != b"\x89PNG\r\n\x1a\n":
            sys.exit("not a PNG file")
        pos, idat, header = 8, b"", None
        while pos < len(data):
            length, kind = struct.unpack(">I4s", data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + length]
            if kind == b"IHDR":
                header = struct.unpack(">IIBBBBB", body)
            elif kind == b"IDAT":
                idat += body
            pos += 12 + length
        width, height, depth, colour, _, _, interlace = header
        if depth != 8 or colour not in (2, 6) or interlace != 0:
            sys.exit("unsupported PNG: bit depth %d, colour type %d, interlace %d" % (depth, colour, interlace))
        bpp = 3 if colour == 2 else 4
        stride = width * bpp
        raw = zlib.decompress(idat)
        prev = bytearray(stride)
        nonwhite, colourful, colours = 0, 0, set()
        for y in range(height):
            start = y * (stride + 1)
            kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
            if kind == 1:
                for i in range(bpp, stride):
                    line[i] = (line[i] + line[i - bpp]) & 255
            elif kind == 2:
                line = bytearray((a + b) & 255 for a, b in zip(line, prev))
            elif kind == 3:
                for i in range(stride):
                    left = line[i - bpp] if i >= bpp else 0
                    line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
            elif kind == 4:
                for i in range(stride):
                    left = line[i - bpp] if i >= bpp else 0
                    up_left = prev[i - bpp] if i >= bpp else 0
                    line[i] = (line[i] + paeth(left, prev[i], up_left)) & 255
            elif kind != 0:
                sys.exit("bad filter type %d in row %d" % (kind, y))
            prev = line
            if bpp == 4:
                pixels = [
                    tuple((c * a + 255 * (255 - a)) // 255 for c in (r, g, b))
                    for r, g, b, a in zip(line[0::4], line[1::4], line[2::4], line[3::4])
                ]
            else:
                pixels = list(zip(line[0::3], line[1::3], line[2::3]))
            colours.update(pixels)
            for r, g, b in pixels:
                if r < 245 or g < 245 or b < 245:
                    nonwhite += 1
                    if max(r, g, b) - min(r, g, b) > 60:
                        colourful += 1
        total = width * height
        print("%.6f %d %.6f" % (nonwhite / total, len(colours), colourful / total))
        """#
}
