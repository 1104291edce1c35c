import StepCareCore
import StepCareReports
import StepCareService
import StepCareStore

extension CommandSpec {
    /// `audit head | verify [--anchor HEAD] | show [filters]`.
    static let audit = CommandSpec(
        name: "audit", abstract: "The audit log: head (to anchor elsewhere), verify [--anchor HEAD], show [filters]",
        discussion: "Every command that changes records writes exactly one audit entry in the same transaction: "
            + "time (UTC), user, role, client pseudonym, action, context and a SHA-256 digest of the rows written. "
            + "Entries are hash-chained and the database refuses UPDATE and DELETE on them. audit head prints "
            + "SEQUENCE:HASH; keep it outside the database (a signed report, another system). audit verify "
            + "recomputes the chain and every entry's digest from the stored records and runs SQLite's "
            + "integrity check; with --anchor it also proves no entry up to the anchor was cut off or rewritten. "
            + "audit show lists the session's context's entries (another with --context), filtered by --client "
            + "(including imports and batches that wrote the client's records), --user, --action, --since and "
            + "--until (dates, UTC).",
        arguments: [ArgumentSpec("WHAT", "head, verify or show")],
        options: [
            OptionSpec("anchor", value: "SEQUENCE:HASH", "verify: a head printed earlier"),
            OptionSpec("client", value: "ID", "show: one client"),
            OptionSpec("user", value: "NAME", "show: one user"),
            OptionSpec("action", value: "ACTION", "show: one action, e.g. step-up or record"),
            OptionSpec("context", value: "CONTEXT", "show: live, training or simulation"),
            OptionSpec("since", value: "DATE", "show: from this date (UTC)"),
            OptionSpec("until", value: "DATE", "show: before this date (UTC)"),
            OptionSpec(
                "json",
                "Print JSON: head and verify one object, show one line per entry (schema/stepcare-audit-*-1.schema.json)"
            ),
        ],
        examples: [
            "audit head", "audit verify --anchor 42:…", "audit show --client C001", "audit show --action step-up",
        ]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let store = interpreter.workspace.store
        let what = invocation.positionals[0]
        switch what.text {
        case "head":
            let head = try interpreter.fromStore { () throws(StepCareError) in try store.head() }
            let anchor = head ?? AuditAnchor(sequence: 0, hash: AuditEntry.genesis)
            interpreter.output.line(invocation.flag("json") ? anchor.json : anchor.description)
        case "verify":
            let anchor = try invocation.values["anchor"].map { (argument) throws(Diagnostic) in
                guard let anchor = AuditAnchor(parsing: argument.text) else {
                    throw Diagnostic(
                        .invalidOption, "--anchor takes SEQUENCE:HASH as audit head prints it",
                        hint: "e.g. --anchor 42:9f86d081…", at: argument.location)
                }
                return anchor
            }
            let report = try interpreter.fromStore { () throws(StepCareError) in try store.verify(anchor: anchor) }
            if invocation.flag("json") {
                interpreter.output.line(report.json(anchor: anchor))
            } else {
                for problem in report.problems { interpreter.output.line("FAIL \(problem)") }
                if report.integrity != "ok" { interpreter.output.line("FAIL integrity check: \(report.integrity)") }
            }
            guard report.isIntact else {
                throw Diagnostic(
                    .auditBroken,
                    "the audit log or the records fail verification (\(report.problems.count) "
                        + "problem(s))",
                    hint: "restore from a backup and report it; keep this copy for investigation",
                    at: invocation.location)
            }
            guard !invocation.flag("json") else { return }
            interpreter.output.line(
                "audit log intact: \(report.entries) entries, head \(report.head?.description ?? "none")"
                    + (anchor.map { ", anchor \($0.sequence) matches" } ?? ""))
        case "show":
            var filter = try filter(invocation)
            if invocation.values["context"] == nil { filter.context = interpreter.workspace.context }
            try interpreter.recordAccess(invocation, client: filter.client)
            for entry in try interpreter.fromStore({ () throws(StepCareError) in try store.auditEntries(filter) }) {
                interpreter.output.line(invocation.flag("json") ? entry.json : render(entry))
            }
        default:
            throw Diagnostic(
                .invalidOption, "audit takes head, verify or show", hint: "e.g. audit verify",
                at: what.location)
        }
    }

    private static func filter(_ invocation: Invocation) throws(Diagnostic) -> AuditFilter {
        func seconds(_ option: String) throws(Diagnostic) -> Int64? {
            try invocation.values[option].map { (argument) throws(Diagnostic) in
                Int64(try Interpreter.instant(argument).minutes) * 60
            }
        }
        let context = try invocation.values["context"].map { (argument) throws(Diagnostic) in
            guard let context = RecordContext(rawValue: argument.text) else {
                throw Diagnostic(
                    .invalidOption, "--context takes live, training or simulation", at: argument.location)
            }
            return context
        }
        return AuditFilter(
            client: invocation.values["client"]?.text, user: invocation.values["user"]?.text,
            action: invocation.values["action"]?.text, context: context, since: try seconds("since"),
            until: try seconds("until"))
    }

    /// One entry on one line: sequence, UTC time, context, user (role), action, client, detail.
    static func render(_ entry: AuditEntry) -> String {
        let minutes = Instant(minutes: Int(entry.time / 60))
        let seconds = entry.time % 60
        let time = "\(minutes):" + (seconds < 10 ? "0" : "") + String(seconds)
        return "\(entry.sequence)  \(time)Z  \(entry.context)  \(entry.user) (\(entry.role))  \(entry.action)"
            + (entry.client.map { "  \($0)" } ?? "") + (entry.detail.isEmpty ? "" : "  — \(entry.detail)")
    }
}

extension Interpreter {
    /// Runs a store operation, turning its error into a diagnostic.
    func fromStore<T>(
        at location: SourceLocation? = nil, _ body: () throws(StepCareError) -> T
    ) throws(Diagnostic) -> T {
        do {
            return try body()
        } catch {
            throw Diagnostic(error, at: location)
        }
    }
}
