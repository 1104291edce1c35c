import ArgumentParser
import StepCareConsole
import StepCareCore
import StepCareEngine
import StepCareJSON
import StepCareReports
import StepCareService
import StepCareSimulation

/// Runs the simulator: the REPL's `simulate` command, with typed options that go straight to the use cases.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate the benchmark network or a pathway (the REPL's simulate command; see help simulate).",
        discussion: "docs/simulation.md describes both models and every figure they report.",
        subcommands: [SimulateNetwork.self, SimulatePathway.self])
}

/// The options both modes share.
struct SimulationRunOptions: ParsableArguments {
    @Option(help: "Base seed; replication k uses N + k (default 1).")
    var seed: UInt64 = 1

    @Option(help: "Independent replications (default 1 for network, 10 for pathway).")
    var reps: Int?

    @Option(parsing: .unconditional, help: "Horizon in days (default 3650 for network, 365 for pathway).")
    var days: String?

    @Option(help: "Replications run at once (default: the cores available).")
    var jobs: Int = Replications.availableCores

    @Flag(help: "Print one line of JSON.")
    var json = false
}

/// `stepcare simulate network`.
struct SimulateNetwork: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "network",
        abstract: "Run the capacity model stepped-care-3tier beside its analytic values (docs/simulation.md).")

    @OptionGroup var runs: SimulationRunOptions

    @Option(parsing: .unconditional, help: "Warm-up excluded from the statistics, in days (default 365).")
    var warmup: String?
    @Option(parsing: .unconditional, help: "Referrals per day at scale 1 (default 5).")
    var rate: String?
    @Option(parsing: .unconditional, help: "Multiply the rate and the slots (default 1).")
    var scale: String?
    @Option(parsing: .unconditional, help: "Slots per tier at scale 1 (default 156,284,146).")
    var caps: String?
    @Option(parsing: .unconditional, help: "Mean episode length per tier, days (default 42,84,120).")
    var means: String?
    @Option(parsing: .unconditional, help: "P(initial tier) (default 0.6,0.3,0.1).")
    var triage: String?
    @Option(parsing: .unconditional, help: "Routing rows separated by ';' (the rest is discharge).")
    var routing: String?
    @Option(help: "How --scale grows the slots: linear or sqrt.")
    var staffing: String?
    @Option(help: "Episode lengths: exp or lognormal.")
    var dist: String?
    @Option(parsing: .unconditional, help: "Coefficient of variation for lognormal (default 0.6).")
    var cv: String?
    @Flag(help: "Simulate a tier whose load reaches its slots.")
    var allowOverload = false
    @Flag(help: "With --json: add per-replication results.")
    var detail = false
    @Flag(help: "With --json: leave out the wall-clock fields (byte-identical reruns).")
    var noTiming = false

    func run() throws {
        var request = NetworkRunRequest()
        request.seed = runs.seed
        request.jobs = runs.jobs
        request.reps = runs.reps ?? request.reps
        request.model.allowOverload = allowOverload
        let written: [(String, String?)] = [
            ("days", runs.days), ("warmup", warmup), ("rate", rate), ("scale", scale), ("caps", caps),
            ("means", means), ("triage", triage), ("routing", routing), ("staffing", staffing), ("dist", dist),
            ("cv", cv),
        ]
        let standardOutput = FileDescriptorOutput()
        let progress = ProgressBar(total: request.reps, unit: "replications")
        do throws(StepCareError) {
            for case (let name, let text?) in written { try request.model.set(name, from: text) }
            let report = try Simulating.network(request, progress: progress.report)
            progress.finish()
            if runs.json {
                standardOutput.line(report.json(detail: detail, timing: !noTiming).serialized)
            } else {
                standardOutput.write(report.table())
            }
        } catch {
            throw CommandLineFailure.report(error, command: "simulate network")
        }
        try checkWritten(standardOutput)
    }
}

/// `stepcare simulate pathway NAME`.
struct SimulatePathway: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pathway",
        abstract: "Drive a synthetic population through a pathway's own rules and report the huddle metrics.",
        discussion: """
            --set PARAMETER=VALUE changes one parameter; a range (tier-3.slots=20...40, or 20...40/5) sweeps it.
            To keep the simulated cases, use --save with --context simulation.
            """)

    @Argument(help: "The pathway id, e.g. community-stepped-care.")
    var pathway: String

    @OptionGroup var runs: SimulationRunOptions

    @Option(parsing: .unconditionalSingleValue, help: "Change a parameter, or sweep a range (repeatable).")
    var set: [String] = []
    @Flag(help: "List the parameters --set can change, with their values.")
    var parameters = false
    @Flag(help: "Keep the first replication's cases in the simulation context (--context simulation).")
    var save = false

    @Option(help: "Also write the comparison as an HTML page with charts (created private, 0600).", completion: .file())
    var html: String?

    @OptionGroup var options: InstrumentOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let registry = try options.registry()
        let standardOutput = FileDescriptorOutput()
        var request = PathwayRunRequest(pathway: pathway)
        request.seed = runs.seed
        request.jobs = runs.jobs
        request.reps = runs.reps ?? request.reps
        request.save = save
        // Only --save opens a store; a run that keeps nothing needs none.
        let workspace =
            save
            ? try store.workspace(registry: registry, now: SessionClock.now())
            : Workspace.memory(pathway: nil, now: SessionClock.now())
        do throws(StepCareError) {
            guard !parameters else {
                let (_, found, _) = try workspace.simulationGrid(
                    PathwayRunRequest(pathway: pathway), registry: registry)
                return standardOutput.write(PathwayReport.parameters(PopulationModel(pathway: found), pathway: found))
            }
            if let days = runs.days { request.days = try SimulationOptionText.number(days, field: "days") }
            request.settings = try set.map { (text) throws(StepCareError) in try ParameterSetting(parsing: text) }
            let points = try workspace.simulationGrid(request, registry: registry).grid.points.count
            let progress = ProgressBar(total: points * request.reps, unit: "replications")
            let report = try workspace.simulatePathway(request, registry: registry, progress: progress.report)
            progress.finish()
            if save, let kept = report.points.first?.replications.first?.caseload.order.count {
                standardOutput.line("saved \(kept) simulated case(s) in the simulation context")
            }
            if let html {
                let file = try CheckedFile(html, replacing: true)
                file.write(ComparisonPage.html(report))
                try file.publish()
            }
            standardOutput.write(runs.json ? report.json().serialized + "\n" : report.table())
        } catch {
            throw CommandLineFailure.report(error, command: "simulate pathway", arguments: ["pathway"])
        }
        try checkWritten(standardOutput)
    }
}

/// A use case's error on standard error, as `stepcare COMMAND: error: --FIELD: message` and a hint, and the
/// documented exit status.
enum CommandLineFailure {
    static func report(_ error: StepCareError, command: String, arguments: Set<String> = []) -> ExitCode {
        let errors = FileDescriptorOutput(descriptor: 2)
        let field = error.field.map { arguments.contains($0) ? "\($0.uppercased()): " : "--\($0): " } ?? ""
        errors.line("stepcare \(command): error: " + (error.message.hasPrefix("--") ? "" : field) + error.message)
        if let hint = error.hint { errors.line("hint: \(hint)") }
        errors.flush()
        return ExitCode(ExitStatus.of(error.code))
    }
}
