import StepCareCore
import StepCareDataDefined
import StepCareEngine
import StepCareJSON
import StepCareMetrics
import StepCareReports

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
                "pathway", value: "ID", "Report the cases of this pathway (default: the one in use)",
                completion: .pathway),
            OptionSpec("json", "Print the dashboard as one line of JSON"),
            OptionSpec("html", value: "FILE", "Write the report as an HTML page with charts", completion: .file),
        ],
        examples: ["dashboard", "dashboard --week 2026-03-01 --by ethnicity", "dashboard --html huddle.html"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let workspace = interpreter.workspace
        let engine = try DashboardCommand.engine(invocation, interpreter)
        let week = try DashboardCommand.week(invocation, workspace)
        let threshold = try DashboardCommand.threshold(invocation)
        var caseload = Caseload()
        for id in workspace.caseload.order where workspace.pathwayOfCase[id] == engine.pathway.id {
            if let timeline = workspace.caseload.cases[id] { try? caseload.open(timeline) }
        }
        let fields = Set(caseload.cases.values.flatMap(\.demographics.keys))
        var equityFields: [String] = []
        if let by = invocation.values["by"] {
            guard fields.contains(by.text) else {
                throw Diagnostic(
                    .invalidOption, "no case on this pathway has the field \"\(by.text)\" recorded",
                    hint: fields.isEmpty
                        ? "record them when opening cases: case new --demographics \"ethnicity=…,age-band=…\""
                        : "fields recorded: \(fields.sorted().joined(separator: ", "))", at: by.location)
            }
            equityFields = [by.text]
        } else if invocation.values["html"] != nil {
            equityFields = fields.sorted()
        }
        let metrics = HuddleMetrics(
            engine: engine, outcomeMeasures: HuddleMetrics.talkingTherapiesMeasures(in: interpreter.registry))
        let dashboard = Dashboard(
            caseload, metrics: metrics, context: workspace.context, week: week, equityFields: equityFields,
            suppression: Suppression(threshold: threshold))
        if let file = invocation.values["html"] {
            try DashboardCommand.write(DashboardPage.html(dashboard), to: file)
            interpreter.output.line("wrote the dashboard for the week ending \(week.to.date) to \(file.text)")
        } else if invocation.flag("json") {
            interpreter.output.line(DashboardJSON.json(dashboard).serialized)
        } else {
            interpreter.output.write(DashboardTable.text(dashboard))
        }
    }
}

/// The parts of `dashboard` that read options and write the page.
enum DashboardCommand {
    static func engine(_ invocation: Invocation, _ interpreter: Interpreter) throws(Diagnostic) -> Engine {
        guard let word = invocation.values["pathway"] else { return try interpreter.engine(at: invocation.location) }
        do throws(StepCareError) {
            return Engine(pathway: try interpreter.registry.pathway(word.text))
        } catch {
            throw Diagnostic(error, at: word.location)
        }
    }

    static func week(_ invocation: Invocation, _ workspace: Workspace) throws(Diagnostic) -> ReportingWindow {
        if let word = invocation.values["week"] {
            guard let day = Instant(parsing: word.text), word.text.count == 10 else {
                throw Diagnostic(
                    .invalidOption, "--week takes a date, not \"\(word.text)\"",
                    hint: "give the last day of the week as YYYY-MM-DD, e.g. --week 2026-03-01", at: word.location)
            }
            return .week(ending: day)
        }
        guard workspace.context == .simulation else { return .week(ending: workspace.now) }
        let latest = workspace.caseload.cases.values.compactMap(\.lastEventAt).max()
        return .week(ending: latest ?? workspace.now)
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
