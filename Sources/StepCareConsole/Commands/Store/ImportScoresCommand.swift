import StepCareCore
import StepCareRecord
import StepCareReports
import StepCareService

extension CommandSpec {
    /// `import-scores FILE [--all-or-nothing]`.
    static let importScores = CommandSpec(
        name: "import-scores", abstract: "Record administrations from a CSV file: case,date,instrument,answers",
        discussion: "The header must be case,date,instrument,answers (a fifth column variant is optional); answers "
            + "are the item answers separated by spaces, as score takes them. Each row is scored and recorded on its "
            + "case like record score, risk flags included. A row that cannot be used is listed by row number with "
            + "the reason (never its answers). Without --all-or-nothing the good rows are recorded and the command "
            + "still fails, so a script stops; with it, one bad row means nothing is recorded. Either way the "
            + "rows recorded share one audit entry.",
        arguments: [ArgumentSpec("FILE", "the CSV file, or - for standard input", completion: .file)],
        options: [OptionSpec("all-or-nothing", "Record nothing if any row has an error")],
        examples: ["import-scores week12.csv", "import-scores week12.csv --all-or-nothing"], writes: .records
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let file = invocation.positionals[0]
        let bytes: [UInt8]
        do throws(StepCareError) { bytes = try ScriptFile.bytes(file.text, atMost: ScriptFile.largestData) } catch {
            throw Diagnostic(error, at: file.location)
        }
        let result: ScoreImport
        do throws(ImportRefusal) {
            result = try interpreter.workspace.importScores(
                csv: bytes, registry: interpreter.registry, allOrNothing: invocation.flag("all-or-nothing"))
        } catch {
            error.problems.forEach { interpreter.output.line("row \($0.line): \($0.error.message)") }
            throw Diagnostic(error.error, at: error.error.field == "file" ? file.location : invocation.location)
        }
        result.problems.forEach { interpreter.output.line("row \($0.line): \($0.error.message)") }
        interpreter.output.line("recorded \(result.recorded) administration(s) from \(result.rows) row(s)")
        guard !result.problems.isEmpty else { return }
        try interpreter.commitPending(at: invocation.location)
        throw Diagnostic(
            .invalidImport,
            "\(result.problems.count) row(s) have errors and were not scored; the other \(result.recorded) were recorded",
            hint: "correct the rows listed above and import just those rows again", at: file.location)
    }
}
