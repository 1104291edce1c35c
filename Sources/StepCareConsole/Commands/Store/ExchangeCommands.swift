import StepCareCore
import StepCareReports
import StepCareService
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
        var bound = invocation
        bound.values["case"] = invocation.positionals.first
        let ids = invocation.positionals.first.map { [$0.text] }
        guard let file = invocation.values["to"] else {
            var lines: [String] = []
            try interpreter.core(bound) { () throws(StepCareError) in
                try workspace.export(cases: ids, toFile: false) { lines = $0 }
            }
            try interpreter.commitPending(at: invocation.location)
            lines.forEach { interpreter.output.line($0) }
            return
        }
        // The file is written and synced first, the disclosure audited next, and only then is the file put in
        // place: a failed write is never audited as a disclosure, and a failed audit leaves no file.
        var output: CheckedFile?
        let count = try interpreter.core(bound) { () throws(StepCareError) in
            try workspace.export(cases: ids, toFile: true) { (lines) throws(StepCareError) in
                do throws(StepCareError) {
                    let checked = try CheckedFile(file.text, replacing: false)
                    output = checked
                    lines.forEach { checked.line($0) }
                    try checked.finish()
                } catch {
                    throw error.blaming("to")
                }
            }
        }
        try interpreter.commitPending(at: invocation.location)
        do throws(StepCareError) { try output?.publish() } catch { throw Diagnostic(error, at: file.location) }
        interpreter.output.line("exported \(count) case(s) to \(file.text)")
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
        let text: String
        do throws(StepCareError) { text = try ScriptFile.read(file.text, atMost: ScriptFile.largestData) } catch {
            throw Diagnostic(error, at: file.location)
        }
        do throws(ImportRefusal) {
            let count = try workspace.importCases(text, registry: interpreter.registry)
            interpreter.output.line("imported \(count) case(s) into \(workspace.context)")
        } catch {
            error.problems.forEach { interpreter.output.line("line \($0.line): \($0.error.message)") }
            var refusal = error.error
            if !error.problems.isEmpty {
                refusal.message =
                    "\(error.problems.count) line(s) of \(file.text) cannot be imported; nothing was imported"
                refusal.hint = "correct the lines listed above and import the file again"
            }
            throw Diagnostic(refusal, at: file.location)
        }
    }
}
