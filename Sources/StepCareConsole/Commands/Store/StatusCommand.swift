import StepCareCore
import StepCareEngine
import StepCareReports
import StepCareService
import StepCareStore

extension CommandSpec {
    /// `status`: where the session's records are and who is acting.
    static let status = CommandSpec(
        name: "status", abstract: "Show the session: context, database, user, pathway, clock and case count",
        discussion: "The context (live, training or simulation) is chosen when StepCare starts (--context) and "
            + "cannot be changed inside a session, so a training script can never write live records.",
        options: [OptionSpec("json", "Print one line of JSON (schema/stepcare-session-1.schema.json)")],
        examples: ["status", "status --json"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let workspace = interpreter.workspace
        let user = workspace.currentUser.map { "\($0.name) (\($0.role))" } ?? "nobody logged in"
        let grant = workspace.currentUser.flatMap { workspace.activeGrant(for: $0.name) }
        if invocation.flag("json") {
            interpreter.output.line(
                SessionJSON.status(
                    context: workspace.context, database: workspace.store.location.description,
                    user: workspace.currentUser, grant: grant, pathway: workspace.engine?.pathway.id,
                    now: workspace.now, clockIsSettable: workspace.clockIsSettable,
                    cases: workspace.caseload.order.count))
            return
        }
        interpreter.output.line("context: \(workspace.context)")
        interpreter.output.line("database: \(workspace.store.location)")
        interpreter.output.line(
            "user: \(user)" + (grant.map { "; break-glass as \($0.role) until \($0.ends)" } ?? ""))
        interpreter.output.line("pathway: \(workspace.engine?.pathway.id ?? "none")")
        interpreter.output.line(
            "clock: \(workspace.now)" + (workspace.clockIsSettable ? " (session clock)" : " (real time)"))
        interpreter.output.line("cases: \(workspace.caseload.order.count)")
    }
}
