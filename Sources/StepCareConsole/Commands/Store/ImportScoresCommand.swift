import StepCareCore
import StepCareEngine
import StepCareRecord
import StepCareReports
import StepCareStore

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
        guard let bytes = ScriptFile.bytes(file.text) else {
            throw Diagnostic(
                .invalidOption, "cannot read \(file.text)", hint: "check the path and that the file is readable",
                at: file.location)
        }
        let engine = try interpreter.engine(at: invocation.location)
        var header: [String]?
        var problems: [String] = []
        var recorded = 0
        var rows = 0
        CSVLine.forEachLine(in: bytes) { number, line in
            guard !line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) else { return }
            guard case .success(let fields) = CSVLine.fields(line) else {
                problems.append("row \(number): not valid CSV (check the quotes)")
                return
            }
            guard let columns = header else {
                header = fields.map { $0.lowercased().replacingBOM }
                return
            }
            rows += 1
            do throws(Diagnostic) {
                guard columns.prefix(4) == ["case", "date", "instrument", "answers"],
                    columns.count == 4 || (columns.count == 5 && columns[4] == "variant")
                else {
                    throw Diagnostic(
                        .invalidImport, "the header must be case,date,instrument,answers[,variant]")
                }
                guard fields.count == columns.count else {
                    throw Diagnostic(.invalidImport, "has \(fields.count) fields; the header has \(columns.count)")
                }
                try interpreter.recordScoreRow(fields, engine: engine)
                recorded += 1
            } catch {
                problems.append("row \(number): \(error.message)")
            }
        }
        if header == nil { problems.append("the file is empty: it needs the header case,date,instrument,answers") }
        problems.forEach { interpreter.output.line($0) }
        guard !problems.isEmpty else {
            interpreter.output.line("recorded \(recorded) administration(s) from \(rows) row(s)")
            return
        }
        if invocation.flag("all-or-nothing") {
            throw Diagnostic(
                .invalidImport, "\(problems.count) row(s) have errors; nothing was recorded (--all-or-nothing)",
                hint: "correct the rows listed above and import the file again", at: file.location)
        }
        interpreter.output.line("recorded \(recorded) administration(s) from \(rows) row(s)")
        try interpreter.commitPending(at: invocation.location)
        throw Diagnostic(
            .invalidImport, "\(problems.count) row(s) have errors and were not recorded; the other \(recorded) were",
            hint: "correct the rows listed above and import just those rows again", at: file.location)
    }
}

extension Interpreter {
    /// Scores one CSV row and records it on its case.
    func recordScoreRow(_ fields: [String], engine: Engine) throws(Diagnostic) {
        let caseID = fields[0]
        guard workspace.caseload.cases[caseID] != nil else {
            throw Diagnostic(.unknownCase, "there is no case with that id in the \(workspace.context) context")
        }
        guard let at = Instant(parsing: fields[1]) else {
            throw Diagnostic(.invalidOption, "the date is not YYYY-MM-DD or YYYY-MM-DDTHH:MM")
        }
        _ = try notInTheFuture(at, at: nil)
        let instrument = try instrument(
            CommandArgument(fields[2]),
            variant: fields.count > 4 && !fields[4].isEmpty ? CommandArgument(fields[4]) : nil)
        let answers = fields[3].split(whereSeparator: \.isWhitespace).map { CommandArgument(String($0)) }
        let report = try CommandSpec.scoreAnswers(instrument, answers, at: nil)
        let event = CaseEventKind.administration(AdministrationRecord(report, definition: instrument.definition))
        do throws(StepCareError) {
            workspace.store(try engine.record(event, at: at, to: caseID, in: workspace.caseload))
        } catch {
            throw Diagnostic(error, at: nil)
        }
    }
}

extension String {
    /// The text without a leading byte-order mark (spreadsheets write one).
    fileprivate var replacingBOM: String { hasPrefix("\u{FEFF}") ? String(dropFirst()) : self }
}
