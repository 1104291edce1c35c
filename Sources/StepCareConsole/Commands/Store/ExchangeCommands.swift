import StepCareCore
import StepCareEngine
import StepCareRecord
import StepCareReports
import StepCareStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension CommandSpec {
    /// `export [CASE] [--to FILE]`.
    static let export = CommandSpec(
        name: "export", abstract: "Write a case, or every case in the context, as JSON lines",
        discussion: "One line per case: context, pseudonymous id, pathway, demographic fields and every event. "
            + "Written to the screen, or with --to to a new file created private (0600). An export is a disclosure, "
            + "so it is audited before anything is written.",
        arguments: [ArgumentSpec("CASE", "one case id (default: every case in the context)", arity: .optional)],
        options: [OptionSpec("to", value: "FILE", "Write to this file instead of the screen")],
        examples: ["export C001", "export --to caseload.jsonl"], writes: .records
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let workspace = interpreter.workspace
        var ids = workspace.caseload.order
        if let id = invocation.positionals.first {
            var bound = invocation
            bound.values["case"] = id
            ids = [try interpreter.caseID(bound)]
        }
        let lines: [String]
        do throws(StepCareError) {
            lines = try workspace.store.records(workspace.context, cases: ids).map(\.line)
        } catch {
            throw Diagnostic(error, at: invocation.location)
        }
        workspace.auditsWithoutRecords = true
        workspace.auditClient = ids.count == 1 ? ids[0] : nil
        workspace.auditDetail = "\(lines.count) case(s) exported" + (invocation.values["to"] == nil ? "" : " to a file")
        guard let file = invocation.values["to"] else {
            try interpreter.commitPending(at: invocation.location)
            lines.forEach { interpreter.output.line($0) }
            return
        }
        // The file is written and synced first, the disclosure audited next, and only then is the file put in
        // place: a failed write is never audited as a disclosure, and a failed audit leaves no file.
        let output: CheckedFile
        do throws(StepCareError) {
            output = try CheckedFile(file.text, replacing: false)
            lines.forEach { output.line($0) }
            try output.finish()
        } catch {
            throw Diagnostic(error, at: file.location)
        }
        try interpreter.commitPending(at: invocation.location)
        do throws(StepCareError) { try output.publish() } catch { throw Diagnostic(error, at: file.location) }
        interpreter.output.line("exported \(lines.count) case(s) to \(file.text)")
    }

    /// `import FILE`.
    static let importCases = CommandSpec(
        name: "import", abstract: "Add the cases in a JSON-lines file made by export (all or nothing)",
        discussion: "Every line is checked first: the format, a new case id, a registered pathway, events in date "
            + "order starting with the referral. If any line is wrong, each problem is listed by line number and "
            + "nothing is imported. Cases exported from training or simulation can never be imported into live "
            + "records.",
        arguments: [ArgumentSpec("FILE", "a file written by export, or - for standard input", completion: .file)],
        examples: ["import caseload.jsonl"], writes: .records
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let workspace = interpreter.workspace
        let file = invocation.positionals[0]
        guard workspace.context.policy.allowsImport else {
            throw Diagnostic(
                .notAuthorised, "cases cannot be imported into live records: live decisions are made and checked here",
                hint: "import into a training or simulation session; to move a live caseload, copy the database "
                    + "file with SQLite's backup (sqlite3 DB \".backup COPY\")", at: file.location)
        }
        guard let text = ScriptFile.read(file.text) else {
            throw Diagnostic(
                .invalidOption, "cannot read \(file.text)", hint: "check the path and that the file is readable",
                at: file.location)
        }
        var problems: [String] = []
        var cases: [CaseRecord] = []
        var seen = Set<String>()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.allSatisfy(\.isWhitespace) {
            do throws(StepCareError) {
                let exchanged: CaseRecord
                do throws(SchemaError) {
                    exchanged = try CaseRecord(line: String(line))
                } catch {
                    throw error.reported(.invalidImport, hint: "see docs/record-format.md")
                }
                try interpreter.checkImport(exchanged, seen: seen)
                seen.insert(exchanged.id)
                cases.append(exchanged)
            } catch {
                problems.append("line \(index + 1): \(error.message)")
            }
        }
        guard problems.isEmpty else {
            problems.forEach { interpreter.output.line($0) }
            throw Diagnostic(
                .invalidImport, "\(problems.count) line(s) of \(file.text) cannot be imported; nothing was imported",
                hint: "correct the lines listed above and import the file again", at: file.location)
        }
        let current = workspace.currentCase
        for exchanged in cases {
            do throws(StepCareError) {
                try workspace.open(exchanged.timeline, pathway: exchanged.pathway)
            } catch {
                throw Diagnostic(error, at: file.location)
            }
        }
        workspace.currentCase = current
        interpreter.output.line("imported \(cases.count) case(s) into \(workspace.context)")
    }
}

extension Interpreter {
    /// Checks one imported case against the session: context, id, pathway and event order.
    func checkImport(_ exchanged: CaseRecord, seen: Set<String>) throws(StepCareError) {
        guard exchanged.context == workspace.context else {
            throw StepCareError(
                .invalidImport,
                "the case comes from \(exchanged.context) records; a session imports only its own context's cases")
        }
        guard CaseTimeline.isCaseID(exchanged.id) else {
            throw StepCareError(.invalidImport, "the case id is not 1–16 letters, digits or '-'")
        }
        guard workspace.caseload.cases[exchanged.id] == nil, !seen.contains(exchanged.id) else {
            throw StepCareError(.duplicateCase, "case \(exchanged.id) already exists")
        }
        guard (try? registry.pathway(exchanged.pathway)) != nil else {
            throw StepCareError(.unknownPathway, "this build has no pathway \(exchanged.pathway.prefix(40))")
        }
        guard case .referral = exchanged.events.first?.event.kind else {
            throw StepCareError(.invalidImport, "case \(exchanged.id) does not start with its referral")
        }
        var timeline = CaseTimeline(caseID: exchanged.id)
        for record in exchanged.events { try timeline.append(record.event) }
    }
}
