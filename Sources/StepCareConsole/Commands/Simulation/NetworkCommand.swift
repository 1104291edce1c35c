import StepCareCore
import StepCareDataDefined
import StepCareJSON
import StepCareReports
import StepCareSimulation

/// `simulate network …`: the benchmark model, as a table or as the peers' JSON line.
enum NetworkCommand {
    static let modeOptions: Set<String> = [
        "rate", "scale", "caps", "means", "triage", "routing", "staffing", "dist", "cv", "allow-overload",
        "detail", "no-timing", "warmup",
    ]

    static func run(_ invocation: Invocation, _ interpreter: Interpreter) throws(Diagnostic) {
        try refuseOptions(PathwayCommand.modeOptions, in: invocation, mode: "network")
        let read = SimulationOptions(invocation: invocation)
        var options = NetworkModel.Options()
        options.rate = try read.double("rate") ?? options.rate
        options.scale = try read.double("scale") ?? options.scale
        options.caps = try read.list("caps") { Int($0) } ?? options.caps
        options.means = try read.list("means") { Double($0) } ?? options.means
        options.triage = try read.list("triage") { Double($0) } ?? options.triage
        if let rows = invocation.values["routing"] {
            options.routing = try rows.text.split(separator: ";", omittingEmptySubsequences: false).map {
                (row) throws(Diagnostic) in
                try row.split(separator: ",", omittingEmptySubsequences: false).map { (cell) throws(Diagnostic) in
                    guard let value = Double(cell.trimmingSpaces) else {
                        throw Diagnostic(
                            .invalidOption, "--routing: \"\(cell)\" is not a probability",
                            hint: "one row per tier, rows separated by ';', e.g. 0,0.25,0;0.15,0,0.2;0,0.7,0",
                            at: rows.location)
                    }
                    return value
                }
            }
        }
        options.staffing = try read.choice("staffing", NetworkModel.Staffing.self) ?? options.staffing
        options.dist = try read.choice("dist", NetworkModel.EpisodeLengths.self) ?? options.dist
        options.cv = try read.double("cv") ?? options.cv
        options.days = try read.double("days") ?? options.days
        options.warmup = try read.double("warmup") ?? options.warmup
        options.allowOverload = invocation.flag("allow-overload")
        let model: NetworkModel
        do throws(StepCareError) {
            model = try NetworkModel(options)
        } catch {
            throw Diagnostic(error, at: invocation.location)
        }
        let reps = try read.integer("reps", atLeast: 1) ?? 1
        let jobs = try read.integer("jobs", atLeast: 1) ?? Replications.availableCores
        let seed = try read.seed()
        let progress = ProgressBar(total: reps, unit: "replications")
        let clock = ContinuousClock()
        let start = clock.now
        let runs = Replications.run(count: reps, jobs: jobs, progress: progress.report) {
            model.simulate(seed: seed &+ UInt64($0))
        }
        let wall = (clock.now - start).seconds
        progress.finish()
        let run = NetworkRunReport(model: model, seed: seed, runs: runs, wallSeconds: wall, jobs: min(jobs, reps))
        if invocation.flag("json") {
            interpreter.output.line(
                run.json(detail: invocation.flag("detail"), timing: !invocation.flag("no-timing")).serialized)
        } else {
            interpreter.output.write(run.table())
        }
    }

    /// Refuses options that belong to the other mode.
    static func refuseOptions(_ names: Set<String>, in invocation: Invocation, mode: String) throws(Diagnostic) {
        let given = names.filter { invocation.flag($0) || invocation.values[$0] != nil }.sorted()
        guard let first = given.first else { return }
        let location = invocation.values[first]?.location ?? invocation.location
        throw Diagnostic(
            .invalidOption, "--\(first) is not an option of simulate \(mode)",
            hint: "help simulate lists which options go with network and which with pathway", at: location)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
