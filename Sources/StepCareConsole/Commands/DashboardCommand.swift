import StepCareCore
import StepCareDataDefined
import StepCareEngine
import StepCareJSON
import StepCareMetrics
import StepCareReports
import StepCareService

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension CommandSpec {
    /// `dashboard [--week DATE] [--by FIELD] [--json] [--html FILE] [--suppress N]`.
    static let dashboard = CommandSpec(
        name: "dashboard", abstract: "Show the weekly huddle dashboard of the session's cases",
        discussion: "The week is the seven days ending on DATE (default: today on the session clock; in the "
            + "simulation context, the date of the latest simulated record). Only the session's context is "
            + "counted (live, training or simulation) and only cases on the pathway in use. Shows access times, "
            + "waitlists, step-ups (time from trigger, triggers outstanding, deadline breaches), step-downs with a "
            + "stability plan, re-escalation, crisis contacts, occupancy, NHS Talking Therapies outcomes, "
            + "overrides and exceptions, each with last week's figure and the change. --by FIELD breaks every "
            + "figure down by a demographic field (e.g. ethnicity, age-band, sex, deprivation, rurality) with the "
            + "gap to the overall figure; figures about fewer than --suppress N people or events (default 5) are "
            + "shown as *. --html FILE writes the report as one self-contained page with charts (created private, "
            + "0600; an existing file is replaced). docs/metrics.md defines every figure.",
        options: [
            OptionSpec("week", value: "DATE", "The last day of the week reported (YYYY-MM-DD)"),
            OptionSpec("by", value: "FIELD", "Break every figure down by this demographic field"),
            OptionSpec("suppress", value: "N", "Hide figures about fewer than N people or events (default 5)"),
            OptionSpec(
                "equity-over", value: "PERIOD",
                "The window of the equity breakdowns, ending with the week: week (default), quarter or year"),
            OptionSpec(
                "pathway", value: "ID", "Report the cases of this pathway (default: the one in use)",
                completion: .pathway),
            OptionSpec("json", "Print the dashboard as one line of JSON"),
            OptionSpec("html", value: "FILE", "Write the report as an HTML page with charts", completion: .file),
        ],
        examples: ["dashboard", "dashboard --week 2026-03-01 --by ethnicity", "dashboard --html huddle.html"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        var request = DashboardRequest()
        request.pathway = invocation.values["pathway"]?.text
        request.week = try DashboardCommand.week(invocation)
        request.suppress = try DashboardCommand.threshold(invocation)
        request.by = invocation.values["by"]?.text
        request.everyField = invocation.values["html"] != nil
        if let word = invocation.values["equity-over"] {
            guard let period = EquityPeriod(rawValue: word.text) else {
                throw Diagnostic(
                    .invalidOption, "--equity-over takes week, quarter or year, not \"\(word.text.prefix(40))\"",
                    hint: "e.g. dashboard --by ethnicity --equity-over quarter", at: word.location)
            }
            request.equityPeriod = period
        }
        let dashboard: Dashboard
        dashboard = try interpreter.core(invocation) { () throws(StepCareError) in
            try interpreter.workspace.dashboard(request, registry: interpreter.registry)
        }
        if let file = invocation.values["html"] {
            try DashboardCommand.write(DashboardPage.html(dashboard), to: file)
            interpreter.output.line(
                "wrote the dashboard for the week ending \(dashboard.week.window.to.date) to \(file.text)")
        } else if invocation.flag("json") {
            interpreter.output.line(DashboardJSON.json(dashboard).serialized)
        } else {
            interpreter.output.write(DashboardTable.text(dashboard))
        }
    }
}

/// The parts of `dashboard` that read options and write the page.
enum DashboardCommand {
    /// The day given with --week, checked, or `nil` for the default.
    static func week(_ invocation: Invocation) throws(Diagnostic) -> Instant? {
        guard let word = invocation.values["week"] else { return nil }
        guard let day = DashboardRequest.day(word.text) else {
            throw Diagnostic(
                .invalidOption, "--week takes a date, not \"\(word.text)\"",
                hint: "give the last day of the week as YYYY-MM-DD, e.g. --week 2026-03-01", at: word.location)
        }
        return day
    }

    static func threshold(_ invocation: Invocation) throws(Diagnostic) -> Int {
        guard let word = invocation.values["suppress"] else { return 5 }
        guard let value = Int(word.text), (1...1000).contains(value) else {
            throw Diagnostic(
                .invalidOption, "--suppress takes a whole number from 1 to 1000, not \"\(word.text)\"",
                hint: "e.g. --suppress 5 hides figures about 1 to 4 people; --suppress 1 hides nothing",
                at: word.location)
        }
        return value
    }

    /// Writes `page` to the file, created or replaced, private (0600).
    static func write(_ page: String, to file: CommandArgument) throws(Diagnostic) {
        do throws(StepCareError) {
            let output = try CheckedFile(file.text, replacing: true)
            output.write(page)
            try output.publish()
        } catch {
            throw Diagnostic(error, at: file.location)
        }
    }
}
