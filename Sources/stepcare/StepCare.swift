import ArgumentParser
import StepCareConsole
import StepCareCore
import StepCareJSON
import StepCareMetrics
import StepCareRegistry
import StepCareReports
import StepCareService
import StepCareSimulation
import StepCareStore

#if canImport(Glibc)
    import Glibc
#endif

@main
struct StepCare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stepcare",
        abstract: "Stepped-care operating system: score instruments, apply pathway rules, plan capacity.",
        discussion: """
            With no subcommand, starts the REPL on a terminal, or runs standard input as a script when it is piped.
            Type help in the REPL for the command language.
            """,
        version: StepCareVersion.current,
        subcommands: [Repl.self, Run.self, Score.self, Simulate.self, DashboardReport.self],
        defaultSubcommand: Repl.self)
}

/// Starts the REPL, or runs piped standard input as a script.
struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start the interactive REPL (the default); with piped input, run it as a script.")

    @OptionGroup var options: InstrumentOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let modules = try options.registry(context: store.context)
        let standardOutput = FileDescriptorOutput()
        let status: Int32
        if Terminal.isInteractiveTerminal() {
            let (workspace, registry) = try store.session(registry: modules, now: SessionClock.now())
            // Tab runs on this thread, between commands, while nothing changes the caseload.
            nonisolated(unsafe) let session = workspace
            let completer = Completer(
                commands: .standard, instrumentIDs: registry.ids,
                tierIDs: Array(Set(registry.pathways.flatMap { $0.tiers.map(\.id) })).sorted(),
                roleIDs: Array(Set(registry.pathways.flatMap { $0.roles.map(\.id) })).sorted(),
                pathwayIDs: registry.pathways.map(\.id), caseIDs: { session.caseIDs })
            let editor = EditLineEditor(
                programName: "stepcare", historyFile: HistoryFile.path(), completer: completer.complete)
            let interpreter = Interpreter(
                registry: registry, output: standardOutput, input: editor, workspace: workspace)
            standardOutput.line(
                "StepCare \(StepCareVersion.current): \(workspace.context) records in \(workspace.store.location). "
                    + "Type help for commands, Ctrl-D to quit.")
            status = Session.interactive(interpreter, errors: FileDescriptorOutput(descriptor: 2))
            workspace.leaveCaseloadToProcessExit()
        } else {
            let (workspace, registry) = try store.session(registry: modules, now: Interpreter.defaultStart)
            let interpreter = Interpreter(
                registry: registry, output: standardOutput, input: PlainLineEditor(), workspace: workspace)
            status = Session.script(interpreter, file: "<stdin>", errors: FileDescriptorOutput(descriptor: 2))
            workspace.leaveCaseloadToProcessExit()
        }
        try checkWritten(standardOutput)
        guard status == 0 else { throw ExitCode(status) }
    }
}

/// Runs script files.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run script files in order, stopping at the first error with file:line:column and exit status 1.")

    @Argument(help: "Script files to run (- for standard input).", completion: .file())
    var files: [String]

    @OptionGroup var options: InstrumentOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one script file") }
    }

    func run() throws {
        let (workspace, registry) = try store.session(
            registry: try options.registry(context: store.context), now: SessionClock.now())
        let input: any LineEditor = PlainLineEditor()
        let standardOutput = FileDescriptorOutput()
        let interpreter = Interpreter(registry: registry, output: standardOutput, input: input, workspace: workspace)
        defer { interpreter.workspace.leaveCaseloadToProcessExit() }
        let errors = FileDescriptorOutput(descriptor: 2)
        for file in files where !interpreter.isFinished {
            let source: String
            do throws(StepCareError) { source = try ScriptFile.read(file) } catch {
                errors.line("\(file): error: \(error.message)")
                if let hint = error.hint { errors.line("hint: \(hint)") }
                throw ExitCode(1)
            }
            let status = Session.file(interpreter, name: file, source: source, errors: errors)
            try checkWritten(standardOutput)
            guard status == 0 else { throw ExitCode(status) }
        }
    }
}

/// Scores one administration, or a CSV file of them, and exits.
struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score one administration, or a CSV file of them with --batch.",
        discussion: """
            One administration: stepcare score phq9 1 2 1 0 0 1 2 1 0 [--json]
            A file: stepcare score --batch FILE.csv --instrument phq9 [--format csv|jsonl] [--output FILE]
            The file's first line names the columns (client_id,date,item1,…) in any order; a missing, unknown or
            repeated name, or a first row of data, refuses the file. Each row gets an output row with total,
            band, caseness, positive cut-offs, risk flags and an error column. A blank cell is "not answered",
            as - is. A bad row is reported by its row number and never stops the others, and the risk flags its
            readable answers raise are still reported. The exit status is 1 when any row had an error.
            """)

    @Argument(help: "The instrument id, e.g. phq9 (or use --instrument).")
    var instrumentID: String?

    @Argument(help: "One answer per item: the option's points or key, - if not answered, n/a if not applicable.")
    var answers: [String] = []

    @Option(help: "The instrument id.")
    var instrument: String?

    @Option(help: "A named variant of the instrument.")
    var variant: String?

    @Option(help: "A service-chosen missing-item policy for an instrument that publishes none: prorate-one.")
    var missing: String?

    @Flag(help: "Print the report as one line of JSON.")
    var json = false

    @Option(help: "Score every row of this CSV file (- for standard input).", completion: .file())
    var batch: String?

    @Option(help: "Batch output format: csv or jsonl.")
    var format: String = "csv"

    @Option(help: "Write batch output to this file (created with mode 0600) instead of standard output.")
    var output: String?

    @Option(help: "Threads scoring a batch file (default: the cores available; 1 for one).")
    var jobs: Int = Replications.availableCores

    @OptionGroup var options: InstrumentOptions

    func validate() throws {
        guard (instrumentID == nil) != (instrument == nil) else {
            throw ValidationError("name the instrument once: stepcare score ID … or --instrument ID")
        }
        if batch != nil, !answers.isEmpty { throw ValidationError("--batch takes no answers on the command line") }
        if batch == nil, output != nil { throw ValidationError("--output is for --batch") }
        guard BatchScorer.Format(rawValue: format) != nil else { throw ValidationError("--format is csv or jsonl") }
        guard (1...1024).contains(jobs) else { throw ValidationError("--jobs takes a whole number from 1 to 1024") }
    }

    func run() throws {
        let registry = try options.registry()
        let id = instrumentID ?? instrument ?? ""
        let errors = FileDescriptorOutput(descriptor: 2)
        if let batch {
            try BatchCommand.run(
                file: batch, instrument: id, variant: variant, missing: missing,
                format: BatchScorer.Format(rawValue: format) ?? .csv, output: output, jobs: jobs, registry: registry,
                errors: errors)
            return
        }
        // One-shot scoring calls the scoring use case directly: no session and no database.
        let standardOutput = FileDescriptorOutput()
        do throws(StepCareError) {
            let scored = try Scoring.score(id, variant: variant, missing: missing, answers: answers, registry: registry)
            standardOutput.write(Scoring.rendered(scored.report, definition: scored.definition, json: json))
        } catch {
            // A form that cannot be scored still has its readable risk answers read, and says so.
            if let instrument = try? registry.instrument(id, variant: variant) {
                let risk = Scoring.readableRiskText(answers, instrument: instrument)
                if !risk.isEmpty {
                    standardOutput.write(risk)
                    standardOutput.flush()
                    errors.line(
                        "stepcare score: error: \(error.message); its readable risk answers still raise the flags shown"
                    )
                    if let hint = error.hint { errors.line("hint: \(hint)") }
                    errors.flush()
                    throw ExitCode(ExitStatus.of(error.code))
                }
            }
            errors.line("stepcare score: error: \(error.message)")
            if let hint = error.hint { errors.line("hint: \(hint)") }
            errors.flush()
            throw ExitCode(ExitStatus.of(error.code))
        }
        try checkWritten(standardOutput)
    }
}

/// Prints the weekly huddle dashboard, or writes it as an HTML page: the REPL's dashboard command, whose help it
/// shows, so the two never disagree.
struct DashboardReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard", abstract: ReplHelp.abstract("dashboard"),
        discussion: ReplHelp.discussion("dashboard"))

    @Option(help: ReplHelp.option("dashboard", "week"))
    var week: String?

    @Option(help: ReplHelp.option("dashboard", "by"))
    var by: String?

    @Option(help: ReplHelp.option("dashboard", "suppress"))
    var suppress: String?

    @Option(help: ReplHelp.option("dashboard", "pathway"))
    var pathway: String?

    @Option(name: .customLong("equity-over"), help: ReplHelp.option("dashboard", "equity-over"))
    var equityOver: String?

    @Flag(help: ReplHelp.option("dashboard", "json"))
    var json = false

    @Option(help: ReplHelp.option("dashboard", "html"), completion: .file())
    var html: String?

    @Option(help: "Live records: the registered user who reads them (logged in and audited, as login NAME is).")
    var user: String?

    @OptionGroup var options: InstrumentOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let registry = try options.registry(context: store.context)
        let errors = FileDescriptorOutput(descriptor: 2)
        func fail(_ option: String?, _ error: StepCareError) -> ExitCode {
            errors.line("stepcare dashboard: error: " + (option.map { "--\($0): " } ?? "") + error.message)
            if let hint = error.hint { errors.line("hint: \(hint)") }
            errors.flush()
            return ExitCode(ExitStatus.of(error.code))
        }
        // Typed options go straight to the dashboard use case: nothing is turned back into command words.
        var request = DashboardRequest()
        request.pathway = pathway
        request.by = by
        request.everyField = html != nil
        if let equityOver {
            guard let period = EquityPeriod(rawValue: equityOver) else {
                throw fail(
                    "equity-over",
                    StepCareError(
                        .invalidOption, "takes week, quarter or year, not \"\(equityOver.prefix(40))\"",
                        hint: "e.g. stepcare dashboard --by ethnicity --equity-over quarter"))
            }
            request.equityPeriod = period
        }
        if let week {
            guard let day = DashboardRequest.day(week) else {
                throw fail(
                    "week",
                    StepCareError(
                        .invalidOption, "--week takes a date, not \"\(week.prefix(40))\"",
                        hint: "give the last day of the week as YYYY-MM-DD, e.g. --week 2026-03-01"))
            }
            request.week = day
        }
        if let suppress {
            guard let value = Int(suppress) else {
                throw fail(
                    "suppress",
                    StepCareError(
                        .invalidOption,
                        "--suppress takes a whole number from 1 to 1000, not \"\(suppress.prefix(20))\"",
                        hint: "e.g. --suppress 5"))
            }
            request.suppress = value
        }
        let workspace = try store.workspace(registry: registry, now: SessionClock.now())
        if let user {
            do throws(StepCareError) { try workspace.login(user) } catch { throw fail("user", error) }
        }
        let dashboard: Dashboard
        do throws(StepCareError) {
            dashboard = try workspace.dashboard(request, registry: registry)
        } catch {
            throw fail(error.field, error)
        }
        let standardOutput = FileDescriptorOutput()
        if let html {
            do throws(StepCareError) {
                let file = try CheckedFile(html, replacing: true)
                file.write(DashboardPage.html(dashboard))
                try file.publish()
            } catch {
                throw fail("html", error)
            }
            standardOutput.line("wrote the dashboard for the week ending \(dashboard.week.window.to.date) to \(html)")
        } else if json {
            standardOutput.line(DashboardJSON.json(dashboard).serialized)
        } else {
            standardOutput.write(DashboardTable.text(dashboard))
        }
        try checkWritten(standardOutput)
    }
}

/// The `--instruments DIR` option shared by the subcommands.
struct InstrumentOptions: ParsableArguments {
    @Option(help: "Also load every .json instrument definition in this directory.", completion: .directory)
    var instruments: String?

    /// The built-in instruments plus any data-defined ones, or stops with the failed check. Live records are
    /// scored only by registered instruments and those kept in the caseload: a directory given at start-up is
    /// refused for them.
    func registry(context: RecordContext? = nil) throws -> Registry {
        let errors = FileDescriptorOutput(descriptor: 2)
        if context == .live, instruments != nil {
            errors.line("stepcare: error: --instruments loads definitions for one session, which live records refuse")
            errors.line(
                "hint: keep an instrument in the caseload (the clinical lead: load-instrument FILE --keep --reason "
                    + "TEXT), or use --instruments in a training session")
            errors.flush()
            throw ExitCode(ExitStatus.badInput)
        }
        let builtIn: Registry
        do {
            builtIn = try Registry.builtIn()
        } catch {
            errors.line("stepcare: a built-in instrument is invalid: \(error)")
            errors.flush()
            throw ExitCode(ExitStatus.internalError)
        }
        guard let instruments else { return builtIn }
        do {
            return try DefinitionFiles.register(DefinitionFiles.loadDirectory(instruments), in: builtIn)
        } catch {
            errors.line("stepcare: error: \(error.message)")
            if let hint = error.hint { errors.line("hint: \(hint)") }
            errors.flush()
            throw ExitCode(1)
        }
    }
}

/// Where records are kept and which of them a session works on.
struct StoreOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The caseload database file, or :memory: for a throw-away one.",
            discussion: "Default: $XDG_DATA_HOME/stepcare/caseload.sqlite (~/.local/share/stepcare/caseload.sqlite)."),
        completion: .file())
    var db: String?

    @Option(
        help: "Which records to work on: live, training or simulation.",
        transform: { (text: String) throws -> RecordContext in
            guard let context = RecordContext(rawValue: text) else {
                throw ValidationError("--context takes live, training or simulation")
            }
            return context
        })
    var context: RecordContext = .training

    @Flag(help: "Create the folder for --db when it does not exist (the default location's folder is always created).")
    var createFolder = false

    /// Opens a session: the store and the context's records, with the pathway and instrument definitions kept
    /// in the caseload added to `registry`, and the pathway the open cases are under in use. A kept definition
    /// this build no longer accepts is named on standard error and left out.
    func session(registry modules: Registry, now: Instant) throws -> (Workspace, Registry) {
        let workspace = try self.workspace(registry: modules, now: now)
        let (registry, refused) = workspace.registryWithKeptDefinitions(modules)
        let errors = FileDescriptorOutput(descriptor: 2)
        for problem in refused { errors.line("stepcare: warning: a kept definition is not registered: \(problem)") }
        let pathways = Set(workspace.pathwayOfCase.values)
        if pathways.count == 1, let id = pathways.first, id != workspace.registeredPathway?.id,
            let pathway = try? registry.pathway(id)
        {
            do throws(StepCareError) { try workspace.use(pathway) } catch {
                errors.line("stepcare: warning: the cases' pathway \(id) could not be used: \(error.message)")
            }
        }
        errors.flush()
        return (workspace, registry)
    }

    /// Opens the store and the context's records, or stops with the store's message.
    func workspace(registry: Registry, now: Instant) throws -> Workspace {
        let realClock: @Sendable () -> Instant = { SessionClock.now() }
        let liveClock = context.policy.clockIsSettable ? nil : realClock
        do throws(StepCareError) {
            let location: StoreLocation
            if let db {
                location = StoreLocation(argument: db)
            } else {
                location = try StoreLocation.standard { getenv($0).map { String(cString: $0) } }
            }
            let store = try SQLiteCaseloadStore(
                location, clock: { Int64(time(nil)) }, createFolders: db == nil || createFolder)
            let workspace = try Workspace(
                pathway: registry.pathways.first, now: now, store: store, context: context, clock: liveClock)
            return workspace
        } catch {
            let errors = FileDescriptorOutput(descriptor: 2)
            errors.line("stepcare: error: \(error.message)")
            if let hint = error.hint { errors.line("hint: \(hint)") }
            errors.flush()
            throw ExitCode(ExitStatus.of(error.code))
        }
    }
}

/// Fails the command when standard output could not be written in full (a full disk, a closed pipe): a
/// report cut short must not look like a complete one.
func checkWritten(_ output: FileDescriptorOutput) throws {
    output.flush()
    guard let failure = output.failure else { return }
    let errors = FileDescriptorOutput(descriptor: 2)
    errors.line("stepcare: error: standard output could not be written in full (\(String(cString: strerror(failure))))")
    errors.line("hint: free some disk space, or check where the output goes, then run the command again")
    errors.flush()
    throw ExitCode(ExitStatus.io)
}

/// The session clock's start for a live session: the current time in UTC (the clinical clock, docs/record-format.md), read here in the executable so that
/// library code never reads the system clock.
enum SessionClock {
    static func now() -> Instant {
        var seconds = time(nil)
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return Interpreter.defaultStart }
        return Instant(
            year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
            hour: Int(parts.tm_hour), minute: Int(parts.tm_min)) ?? Interpreter.defaultStart
    }
}

/// Help text taken from the REPL's command table, for subcommands that are the same command.
enum ReplHelp {
    static func abstract(_ command: String) -> String {
        CommandTable.standard.command(named: command)?.abstract ?? ""
    }

    static func discussion(_ command: String) -> String {
        CommandTable.standard.command(named: command)?.discussion ?? ""
    }

    static func option(_ command: String, _ option: String) -> ArgumentHelp {
        ArgumentHelp(
            stringLiteral: CommandTable.standard.command(named: command)?.options.first { $0.name == option }?.abstract
                ?? "")
    }
}
