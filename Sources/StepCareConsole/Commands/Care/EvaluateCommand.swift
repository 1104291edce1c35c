import StepCareCore
import StepCareEngine
import StepCareReports
import StepCareService

extension CommandSpec {
    /// `evaluate [CASE]`: what must happen, by when, who may authorise it, and why.
    static let evaluate = CommandSpec(
        name: "evaluate", abstract: "Evaluate a case against the pathway: recommendations with deadlines and reasons",
        discussion: "As of the session clock (or --at), shows the case's tier, open risk flags, triage for a client "
            + "not yet placed, and every outstanding recommendation: what, due by when (or OVERDUE), which rule and "
            + "version fired, who may authorise it, what must be documented, and the evidence with its thresholds. "
            + "Returns to a tier after a step-down are listed as re-escalations. --json prints one line of JSON "
            + "(schema/stepcare-evaluation-1.schema.json; with --all, stepcare-caseload-1).",
        arguments: [
            ArgumentSpec("CASE", "the case id (default: the current case)", arity: .optional, completion: .caseID)
        ],
        options: [
            OptionSpec("at", value: "DATE", "Evaluate as of this time (default: the session clock)"),
            OptionSpec("all", "Evaluate every case and summarise what is outstanding, by rule"),
            OptionSpec("json", "Print the evaluation (or with --all, the summary) as one line of JSON"),
        ],
        examples: ["evaluate", "evaluate C001 --at 2026-02-01", "evaluate --all"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let engine = try interpreter.engine(at: invocation.location)
        if invocation.flag("all") {
            try interpreter.recordAccess(invocation, client: nil)
            try summariseAll(
                interpreter, at: try interpreter.time(invocation), json: invocation.flag("json"),
                location: invocation.location)
            return
        }
        var bound = invocation
        if let id = invocation.positionals.first { bound.values["case"] = id }
        let caseID = try interpreter.caseID(bound)
        try interpreter.recordAccess(invocation, client: caseID)
        let now = try interpreter.time(invocation)
        guard let evaluation = interpreter.workspace.monitor(caseID, asOf: now)?.evaluation(asOf: now) else { return }
        // A past moment is read under the configuration in force then, and says which.
        let then = interpreter.workspace.engine(inForceAt: now) ?? engine
        if invocation.flag("json") {
            interpreter.output.line(EvaluationJSON.line(evaluation, caseID: caseID, pathway: then.pathway))
            return
        }
        for line in lines(evaluation, caseID: caseID, engine: then) { interpreter.output.line(line) }
    }

    /// `evaluate --all`: every case of the context, with the outstanding recommendations counted by rule.
    private static func summariseAll(
        _ interpreter: Interpreter, at now: Instant, json: Bool, location: SourceLocation?
    ) throws(Diagnostic) {
        let summary: OutstandingSummary
        do { summary = try interpreter.workspace.outstandingSummary(asOf: now) } catch {
            throw Diagnostic(error, at: location)
        }
        if json {
            interpreter.output.line(
                CaseloadJSON.summary(
                    asOf: now, evaluated: summary.evaluated, outstanding: summary.outstanding,
                    overdue: summary.overdue,
                    byRule: summary.byRule.sorted { $0.key < $1.key }.map { ($0.key, $0.value.count, $0.value.overdue) }
                ))
            return
        }
        interpreter.output.line(
            "\(summary.evaluated) case(s) evaluated as of \(now): \(summary.outstanding) outstanding "
                + "recommendation(s), \(summary.overdue) overdue")
        for (rule, counts) in summary.byRule.sorted(by: { $0.key < $1.key }) {
            interpreter.output.line("  \(rule): \(counts.count) (\(counts.overdue) overdue)")
        }
        if summary.outstanding > 0 { interpreter.output.line("which cases, by deadline: worklist --all") }
    }

    private static func lines(_ evaluation: Evaluation, caseID: String, engine: Engine) -> [String] {
        let state = evaluation.state
        var lines = [
            "case \(caseID) as of \(state.now) (pathway \(engine.pathway.id) v\(engine.pathway.version), "
                + "configuration v\(engine.pathway.configurationVersion))"
        ]
        if state.isDischarged {
            lines.append("discharged")
        } else if let tier = state.tier {
            lines.append(
                "tier: \(tier) since \(state.tierStart) (\((state.now - state.tierStart).days) days; "
                    + "\(CountedEvent.session.counted(state.sessions.count)) attended)")
        } else {
            lines.append("not placed (referred \(state.tierStart))")
        }
        lines.append(
            state.openFlags.isEmpty
                ? "open risk flags: none"
                : "open risk flags: "
                    + state.openFlags.map {
                        "\($0.flag.ruleID) (\($0.flag.urgency.identifier)) since \(state.events[$0.index].at)"
                    }
                    .joined(separator: "; "))
        if let triage = evaluation.triage {
            lines.append("triage: " + (triage.placement.map { "place in \($0)" } ?? "route elsewhere"))
            lines += triage.trace.map { "  because: \($0)" }
            lines += triage.exclusions.map { "  route to: \($0.routeTo) (\($0.id); \($0.source))" }
        }
        if evaluation.recommendations.isEmpty {
            lines.append("recommendations: none")
        } else {
            lines.append("recommendations: \(evaluation.recommendations.count)")
            for recommendation in evaluation.recommendations {
                lines += CareRendering.lines(recommendation, asOf: state.now).map { "  " + $0 }
            }
        }
        for escalation in evaluation.reEscalations {
            lines.append(
                "re-escalation: back in \(escalation.tier) \(escalation.days) days after stepping down "
                    + "(\(escalation.steppedDownAt) → \(escalation.returnedAt))")
        }
        return lines
    }
}
