import StepCareCore
import StepCareJSON
import StepCareReports
import StepCareService
import StepCareSimulation

/// `simulate network …`: the benchmark model, as a table or as the peers' JSON line.
enum NetworkCommand {
    static let modeOptions: Set<String> = Set(
        NetworkModel.Options.valueNames + ["allow-overload", "detail", "no-timing", "warmup"])

    static func run(_ invocation: Invocation, _ interpreter: Interpreter) throws(Diagnostic) {
        try refuseOptions(PathwayCommand.modeOptions, in: invocation, mode: "network")
        var request = NetworkRunRequest()
        try interpreter.core(invocation) { () throws(StepCareError) in
            for name in NetworkModel.Options.valueNames + ["days", "warmup"] {
                if let word = invocation.values[name] { try request.model.set(name, from: word.text) }
            }
            request.model.allowOverload = invocation.flag("allow-overload")
            try SimulationRuns.read(invocation, reps: &request.reps, jobs: &request.jobs, seed: &request.seed)
        }
        let progress = ProgressBar(total: request.reps, unit: "replications")
        let run = try interpreter.core(invocation) { () throws(StepCareError) in
            try Simulating.network(request, progress: progress.report)
        }
        progress.finish()
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

/// The options both simulation modes share.
enum SimulationRuns {
    /// Reads `--reps`, `--jobs` and `--seed` where given.
    static func read(
        _ invocation: Invocation, reps: inout Int, jobs: inout Int, seed: inout UInt64
    ) throws(StepCareError) {
        if let word = invocation.values["reps"] {
            reps = try SimulationOptionText.integer(word.text, atLeast: 1, field: "reps")
        }
        if let word = invocation.values["jobs"] {
            jobs = try SimulationOptionText.integer(word.text, atLeast: 1, field: "jobs")
        }
        if let word = invocation.values["seed"] { seed = try SimulationOptionText.seed(word.text) }
    }
}
