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
    static let modeOptions: Set<String> = ["set", "parameters", "save", "html", "from-caseload"]

    static func run(_ invocation: Invocation, _ interpreter: Interpreter) throws(Diagnostic) {
        try NetworkCommand.refuseOptions(NetworkCommand.modeOptions, in: invocation, mode: "pathway")
        guard invocation.positionals.count == 2 else {
            throw Diagnostic(
                .missingArgument, "simulate pathway needs the pathway's id",
                hint: "pathways: \(interpreter.registry.pathways.map(\.id).joined(separator: ", "))",
                at: invocation.location)
        }
        var request = PathwayRunRequest(pathway: invocation.positionals[1].text)
        var bound = invocation
        bound.values["pathway"] = invocation.positionals[1]
        if invocation.flag("parameters") {
            let (_, pathway, _) = try interpreter.core(bound) { () throws(StepCareError) in
                try interpreter.workspace.simulationGrid(request, registry: interpreter.registry)
            }
            interpreter.output.write(PathwayReport.parameters(PopulationModel(pathway: pathway), pathway: pathway))
            return
        }
        var points = 1
        for word in invocation.repeatedValues["set"] ?? [] {
            var one = bound
            one.values["set"] = word  // each setting is checked where it is written
            points = try interpreter.core(one) { () throws(StepCareError) in
                request.settings.append(try ParameterSetting(parsing: word.text))
                return try interpreter.workspace.simulationGrid(request, registry: interpreter.registry).grid.points
                    .count
            }
        }
        try interpreter.core(bound) { () throws(StepCareError) in
            try SimulationRuns.read(invocation, reps: &request.reps, jobs: &request.jobs, seed: &request.seed)
            if let word = invocation.values["days"] {
                request.days = try SimulationOptionText.number(word.text, field: "days")
            }
            request.save = invocation.flag("save")
            request.fromCaseload = invocation.flag("from-caseload")
        }
        let progress = ProgressBar(total: points * request.reps, unit: "replications")
        let report = try interpreter.core(bound) { () throws(StepCareError) in
            try interpreter.workspace.simulatePathway(
                request, registry: interpreter.registry, progress: progress.report)
        }
        progress.finish()
        if request.save, let kept = report.points.first?.replications.first?.caseload.order.count {
            interpreter.output.line("saved \(kept) simulated case(s) in the simulation context")
        }
        if let file = invocation.values["html"] {
            try DashboardCommand.write(ComparisonPage.html(report), to: file)
        }
        if invocation.flag("json") {
            interpreter.output.line(report.json().serialized)
        } else {
            interpreter.output.write(report.table())
        }
    }
}
