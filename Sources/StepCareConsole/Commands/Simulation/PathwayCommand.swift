import StepCareCore
import StepCareDataDefined
import StepCareEngine
import StepCareJSON
import StepCareMetrics
import StepCareReports
import StepCareService
import StepCareSimulation

/// `simulate pathway NAME …`: a synthetic population through a pathway's rules, with sweeps.
enum PathwayCommand {
    static let modeOptions: Set<String> = ["set", "parameters", "save"]

    static func run(_ invocation: Invocation, _ interpreter: Interpreter) throws(Diagnostic) {
        try NetworkCommand.refuseOptions(NetworkCommand.modeOptions, in: invocation, mode: "pathway")
        guard invocation.positionals.count == 2 else {
            throw Diagnostic(
                .missingArgument, "simulate pathway needs the pathway's id",
                hint: "pathways: \(interpreter.registry.pathways.map(\.id).joined(separator: ", "))",
                at: invocation.location)
        }
        let nameWord = invocation.positionals[1]
        let pathway: Pathway
        var population: PopulationModel
        do throws(StepCareError) {
            pathway = try interpreter.registry.pathway(nameWord.text)
        } catch {
            throw Diagnostic(error, at: nameWord.location)
        }
        population = PopulationModel(pathway: pathway)
        if invocation.flag("parameters") {
            interpreter.output.write(PathwayReport.parameters(population))
            return
        }
        var sweep: (name: String, values: [Double])?
        for word in invocation.repeatedValues["set"] ?? [] {
            let (name, values) = try setting(word)
            do throws(StepCareError) {
                try population.set(name, to: values[0])
                if values.count > 1 {
                    guard sweep == nil else {
                        throw StepCareError.simulation(
                            name, "only one parameter can be swept at a time",
                            hint: "give a single value here, or sweep it in a separate run")
                    }
                    var probe = population  // every swept value is checked before anything runs
                    for value in values { try probe.set(name, to: value) }
                    sweep = (population.canonicalName(name) ?? name, values)
                }
            } catch {
                throw Diagnostic(error, at: word.location)
            }
        }
        let read = SimulationOptions(invocation: invocation)
        let reps = try read.integer("reps", atLeast: 1) ?? 10
        let jobs = try read.integer("jobs", atLeast: 1) ?? Replications.availableCores
        let days = try read.double("days") ?? 365
        let seed = try read.seed()
        let save = invocation.flag("save")
        if save, interpreter.workspace.context != .simulation {
            throw Diagnostic(
                .invalidOption, "--save keeps simulated cases only in the simulation context",
                hint: "start the session with --context simulation (stepcare --context simulation)",
                at: invocation.location)
        }
        let points = sweep?.values ?? [Double.nan]
        let measures = HuddleMetrics.talkingTherapiesMeasures(in: interpreter.registry)
        let progress = ProgressBar(total: points.count * reps, unit: "replications")
        var results: [PathwayReport.Point] = []
        for value in points {
            var model = population
            if let sweep { try? model.set(sweep.name, to: value) }
            let simulation: PathwaySimulation
            do throws(StepCareError) {
                simulation = try PathwaySimulation(
                    pathway: pathway, population: model, registry: interpreter.registry, days: days,
                    start: interpreter.workspace.now)
            } catch {
                throw Diagnostic(error, at: invocation.location)
            }
            let done = results.count * reps
            let replications = Replications.run(count: reps, jobs: jobs, progress: { progress.report(done + $0) }) {
                PathwayReport.Replication(
                    simulation.simulate(seed: seed &+ UInt64($0)), outcomeMeasures: measures, keepCases: save && $0 == 0
                )
            }
            results.append(.init(value: sweep == nil ? nil : value, replications: replications))
        }
        progress.finish()
        let report = PathwayReport(
            pathway: pathway, population: population, sweep: sweep?.name, seed: seed, days: days, points: results)
        if save, let first = results.first?.replications.first {
            try keep(first, in: interpreter, pathway: pathway.id)
        }
        if invocation.flag("json") {
            interpreter.output.line(report.json().serialized)
        } else {
            interpreter.output.write(report.table())
        }
    }

    /// Reads `NAME=VALUE`, `NAME=A...B`, `NAME=A...B/STEP` or `NAME=A,B,C`.
    static func setting(_ word: CommandArgument) throws(Diagnostic) -> (String, [Double]) {
        let parts = word.text.split(separator: "=", maxSplits: 1).map(String.init)
        let usage = "write --set NAME=VALUE, a range NAME=20...40 (or 20...40/5), or a list NAME=20,30,40"
        guard parts.count == 2, !parts[0].isEmpty else {
            throw Diagnostic(
                .invalidOption, "--set takes NAME=VALUE, not \"\(word.text)\"", hint: usage, at: word.location)
        }
        let (name, text) = (parts[0], parts[1])
        func number(_ s: Substring) throws(Diagnostic) -> Double {
            guard let value = Double(s), value.isFinite else {
                throw Diagnostic(
                    .invalidOption, "--set \(name): \"\(s)\" is not a number", hint: usage, at: word.location)
            }
            return value
        }
        if let range = text.firstRange(of: "...") {
            let stepParts = text[range.upperBound...].split(separator: "/")
            let low = try number(text[..<range.lowerBound])
            let high = try number(stepParts.first ?? "")
            let step = stepParts.count > 1 ? try number(stepParts[1]) : 1
            guard high >= low, step > 0, (high - low) / step <= 1000 else {
                throw Diagnostic(
                    .invalidOption, "--set \(name): the range must go upwards in at most 1000 positive steps",
                    hint: usage, at: word.location)
            }
            return (name, stride(from: low, through: high + step * 1e-9, by: step).map { $0 })
        }
        var values: [Double] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            values.append(try number(part))
        }
        return (name, values)
    }

    /// Keeps one replication's cases in the session's (simulation) caseload, as one audited change.
    static func keep(
        _ replication: PathwayReport.Replication, in interpreter: Interpreter, pathway: String
    )
        throws(Diagnostic)
    {
        let cases = replication.caseload.order.compactMap { replication.caseload.cases[$0] }
        let kept: Int
        do throws(StepCareError) {
            kept = try interpreter.workspace.keepSimulated(cases, pathway: pathway, seed: replication.seed)
        } catch {
            throw Diagnostic(error, at: nil)
        }
        interpreter.output.line("saved \(kept) simulated case(s) in the simulation context")
    }
}
