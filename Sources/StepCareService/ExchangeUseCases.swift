public import StepCareCore
import StepCareEngine
import StepCareRecord
import StepCareReports
import StepCareStore

/// A line or row of an imported file that cannot be used, and why.
public struct ImportProblem: Sendable, Hashable {
    /// The 1-based line (JSON lines) or row (CSV, the header being row 1) number.
    public var line: Int
    /// What is wrong with it, without its contents.
    public var error: StepCareError
}

/// An import that was refused: nothing was stored.
public struct ImportRefusal: Error, Sendable {
    /// Why, in one sentence.
    public var error: StepCareError
    /// Each line or row at fault, in file order.
    public var problems: [ImportProblem]
}

/// What an import of scores did.
public struct ScoreImport: Sendable {
    /// How many administrations were scored and recorded.
    public var recorded: Int
    /// How many data rows the file had.
    public var rows: Int
    /// The rows that were not recorded, and why.
    public var problems: [ImportProblem]
}

/// Records in and out: export, import of cases and of scores, keeping simulated cases.
extension Workspace {
    /// Exports cases in the record format (`stepcare-case/2`), one JSON line per case. An export is a
    /// disclosure: `write` gets the lines first (to write and sync a file, or hold them for the screen), and the
    /// disclosure is audited only if it succeeds; a failed write audits nothing.
    ///
    /// - Parameters:
    ///   - ids: the cases (default: every case in the context).
    ///   - toFile: whether the audit entry says the export went to a file.
    /// - Returns: how many cases were exported.
    @discardableResult
    public func export(
        cases ids: [String]? = nil, toFile: Bool, write: ([String]) throws(StepCareError) -> Void
    ) throws(StepCareError) -> Int {
        try perform("export") { () throws(StepCareError) in
            let ids =
                try ids.map { (ids) throws(StepCareError) in
                    try ids.map { (id) throws(StepCareError) in try caseID(id) }
                }
                ?? caseload.order
            let lines = try store.records(context, cases: ids).map(\.line)
            try write(lines)
            auditEvenWithoutRecords(
                client: ids.count == 1 ? ids[0] : nil,
                detail: "\(lines.count) case(s) exported" + (toFile ? " to a file" : ""))
            return lines.count
        }
    }

    /// Imports the cases in a JSON-lines export, all or nothing: every line is checked first (format, a new case
    /// id, a registered pathway, events in order from the referral). Training and simulation only.
    ///
    /// - Returns: how many cases were imported; the current case is unchanged.
    @discardableResult
    public func importCases(_ text: String, registry: Registry) throws(ImportRefusal) -> Int {
        guard context.policy.allowsImport else {
            throw ImportRefusal(
                error: StepCareError(
                    .notAuthorised,
                    "cases cannot be imported into live records: live decisions are made and checked here",
                    hint: "import into a training or simulation session; to move a live caseload, copy the database "
                        + "file with SQLite's backup (sqlite3 DB \".backup COPY\")", field: "file"),
                problems: [])
        }
        var problems: [ImportProblem] = []
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
                try checkImport(exchanged, seen: seen, registry: registry)
                seen.insert(exchanged.id)
                cases.append(exchanged)
            } catch {
                problems.append(ImportProblem(line: index + 1, error: error))
            }
        }
        guard problems.isEmpty else {
            throw ImportRefusal(
                error: StepCareError(
                    .invalidImport, "\(problems.count) line(s) cannot be imported; nothing was imported",
                    hint: "correct the lines listed and import the file again", field: "file"),
                problems: problems)
        }
        do throws(StepCareError) {
            try perform("import") { () throws(StepCareError) in
                let current = currentCase
                for exchanged in cases { try add(exchanged.timeline, pathway: exchanged.pathway) }
                currentCase = current
            }
        } catch {
            throw ImportRefusal(error: error, problems: [])
        }
        return cases.count
    }

    /// Checks one imported case against the session: context, id, pathway and event order.
    private func checkImport(_ exchanged: CaseRecord, seen: Set<String>, registry: Registry) throws(StepCareError) {
        guard exchanged.context == context else {
            throw StepCareError(
                .invalidImport,
                "the case comes from \(exchanged.context) records; a session imports only its own context's cases")
        }
        guard CaseTimeline.isCaseID(exchanged.id) else {
            throw StepCareError(.invalidImport, "the case id is not 1–16 letters, digits or '-'")
        }
        guard caseload.cases[exchanged.id] == nil, !seen.contains(exchanged.id) else {
            throw StepCareError(.duplicateCase, "case \(exchanged.id) already exists")
        }
        do throws(StepCareError) { try EquityFields.check(exchanged.timeline.demographics) } catch {
            throw StepCareError(.invalidImport, "demographics: \(error.message)", hint: error.hint)
        }
        guard (try? registry.pathway(exchanged.pathway)) != nil else {
            throw StepCareError(.unknownPathway, "this build has no pathway \(exchanged.pathway.prefix(40))")
        }
        guard case .referral = exchanged.events.first?.event.kind else {
            throw StepCareError(.invalidImport, "case \(exchanged.id) does not start with its referral")
        }
        var timeline = CaseTimeline(caseID: exchanged.id)
        for record in exchanged.events {
            if case .administration(let administration) = record.event.kind {
                try Self.checkAdministration(administration, caseID: exchanged.id, registry: registry)
            }
            if case .correction(let correction) = record.event.kind,
                let problem = CaseTimeline.problem(with: correction, in: timeline.events)
            {
                throw StepCareError(.invalidImport, "case \(exchanged.id): \(problem.message)")
            }
            try timeline.append(record.event)
        }
    }

    /// An imported administration must say what its answers say: the instrument is registered, every risk flag
    /// its answers raise is there (a risk answer is never cleared by editing a file), and a complete form's
    /// total and band are what the instrument gives for them (unless it was scored from another edition).
    static func checkAdministration(
        _ administration: AdministrationRecord, caseID: String, registry: Registry
    ) throws(StepCareError) {
        let id = administration.instrumentID
        let instrument: any Instrument
        do {
            instrument = try registry.instrument(id, variant: administration.variantID)
        } catch {
            throw StepCareError(
                .invalidImport, "case \(caseID): this build has no instrument \(id.prefix(40))",
                hint: "load its definition first (load-instrument), or import into a build that has it")
        }
        guard !administration.answers.isEmpty else { return }  // a total recorded without answers
        let raised = instrument.readableRiskFlags(administration.answers.map(Optional.some)).map(\.ruleID)
        let carried = Set(administration.riskFlags.map(\.ruleID))
        let missing = raised.filter { !carried.contains($0) }
        let edited = "an exported record must not be edited; export the case again from its source"
        guard missing.isEmpty else {
            throw StepCareError(
                .invalidImport,
                "case \(caseID): a \(instrument.definition.shortName) administration's answers raise the risk "
                    + "flag(s) \(missing.joined(separator: ", ")), which the record does not carry",
                hint: edited)
        }
        guard administration.edition == nil || administration.edition == instrument.definition.edition,
            let report = try? instrument.score(responses: administration.answers)
        else { return }
        guard report.total == administration.total, report.band?.label == administration.bandLabel else {
            throw StepCareError(
                .invalidImport,
                "case \(caseID): a \(instrument.definition.shortName) administration's total or band is not what its "
                    + "answers give (\(report.total.map(\.description) ?? "not scored"), "
                    + "\(report.band?.label ?? "no band"))",
                hint: edited)
        }
    }

    /// Scores and records the administrations in a CSV file with the header `case,date,instrument,answers`
    /// (a fifth column `variant` is optional), each like ``record(_:on:at:)``, risk flags included. The rows
    /// recorded share one audit entry.
    ///
    /// - Parameter allOrNothing: refuse the whole file when any row is wrong; otherwise the good rows are
    ///   recorded and the others come back as problems.
    /// - Throws: ``ImportRefusal`` when nothing was recorded because of a problem.
    public func importScores(
        csv bytes: [UInt8], registry: Registry, allOrNothing: Bool
    ) throws(ImportRefusal)
        -> ScoreImport
    {
        var result = ScoreImport(recorded: 0, rows: 0, problems: [])
        do throws(StepCareError) {
            let engine = try requireEngine()
            try perform("import-scores") { () throws(StepCareError) in
                var header: [String]?
                var headerRefused = false
                CSVLine.forEachRecord(in: bytes, isWholeRow: { CSVLine.hasFields($0, count: header?.count) }) {
                    number, line in
                    guard !line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) else { return }
                    guard case .success(let fields) = CSVLine.fields(line) else {
                        result.problems.append(
                            ImportProblem(
                                line: number, error: StepCareError(.invalidImport, "not valid CSV (check the quotes)")))
                        return
                    }
                    guard !headerRefused else { return }
                    guard let columns = header else {
                        let names = fields.map { $0.lowercased().droppingByteOrderMark }
                        // The first row must name the columns: a row of data there would be read as a header
                        // and lost, risk answers and all.
                        guard names.prefix(4) == ["case", "date", "instrument", "answers"],
                            names.count == 4 || (names.count == 5 && names[4] == "variant")
                        else {
                            headerRefused = true
                            result.problems.append(
                                ImportProblem(
                                    line: number,
                                    error: StepCareError(
                                        .invalidImport,
                                        "the first row is not the header case,date,instrument,answers[,variant]"
                                            + Self.riskNotice(fields, registry: registry))))
                            return
                        }
                        header = names
                        return
                    }
                    result.rows += 1
                    do throws(StepCareError) {
                        guard fields.count == columns.count else {
                            throw StepCareError(
                                .invalidImport, "has \(fields.count) fields; the header has \(columns.count)")
                        }
                        try recordScoreRow(fields, engine: engine, registry: registry, allOrNothing: allOrNothing)
                        result.recorded += 1
                    } catch {
                        result.problems.append(ImportProblem(line: number, error: error))
                    }
                }
                if headerRefused {
                    throw StepCareError(
                        .invalidImport, "the file does not start with its header; nothing was recorded",
                        hint: "make the first row case,date,instrument,answers (a fifth column variant is optional)",
                        field: "file")
                }
                if header == nil {
                    result.problems.append(
                        ImportProblem(
                            line: 1,
                            error: StepCareError(
                                .invalidImport, "the file is empty: it needs the header case,date,instrument,answers")))
                }
                if allOrNothing, !result.problems.isEmpty {
                    throw StepCareError(
                        .invalidImport,
                        "\(result.problems.count) row(s) have errors; nothing was recorded (all or nothing)",
                        hint: "correct the rows listed and import the file again", field: "file")
                }
            }
        } catch {
            throw ImportRefusal(error: error, problems: result.problems)
        }
        return result
    }

    /// `; its readable risk answers raise …: act on them` for a row that will not be recorded, when its
    /// instrument can be read and its answers raise a flag; empty otherwise.
    static func riskNotice(_ fields: [String], registry: Registry) -> String {
        guard fields.count >= 4 else { return "" }
        let variant = fields.count > 4 && !fields[4].isEmpty ? fields[4] : nil
        guard let instrument = try? registry.instrument(fields[2], variant: variant) else { return "" }
        let words = fields[3].split(whereSeparator: \.isWhitespace).map(String.init)
        let flags = instrument.readableRiskFlags(Scoring.answers(words, for: instrument.definition))
        guard !flags.isEmpty else { return "" }
        return "; its readable risk answers raise " + flags.map(\.ruleID).joined(separator: ", ")
            + " and were not recorded: act on them"
    }

    /// Scores one CSV row and records it on its case.
    ///
    /// A row that cannot be scored still has its readable risk answers read. Unless the import is all or
    /// nothing, they are recorded on the case as an unscored form (the readable answers, no total, the flags), so
    /// the flags open; the row is still reported as refused, and its error says what was recorded.
    private func recordScoreRow(
        _ fields: [String], engine: Engine, registry: Registry, allOrNothing: Bool
    ) throws(StepCareError) {
        let caseID = fields[0]
        let notice = Self.riskNotice(fields, registry: registry)
        guard caseload.cases[caseID] != nil else {
            throw StepCareError(.unknownCase, "there is no case with that id in the \(context) context" + notice)
        }
        guard let at = Instant(parsing: fields[1]) else {
            throw StepCareError(.invalidOption, "the date is not YYYY-MM-DD or YYYY-MM-DDTHH:MM" + notice)
        }
        let variant = fields.count > 4 && !fields[4].isEmpty ? fields[4] : nil
        let words = fields[3].split(whereSeparator: \.isWhitespace).map(String.init)
        let dated: Instant
        do throws(StepCareError) { dated = try date(at) } catch {
            throw StepCareError(error.code, error.message + notice, hint: error.hint)
        }
        if let last = caseload.cases[caseID]?.lastEventAt, dated < last {
            throw StepCareError(
                .datesOutOfOrder, "the row is dated \(dated), before the case's latest event (\(last))" + notice,
                hint: "give the time of day, or import the rows in date order")
        }
        let event: CaseEventKind
        do throws(StepCareError) {
            let (report, definition) = try Scoring.score(
                fields[2], variant: variant, missing: nil, answers: words, registry: registry)
            event = .administration(AdministrationRecord(report, definition: definition))
        } catch {
            guard let instrument = try? registry.instrument(fields[2], variant: variant),
                let unscored = Self.unscoredForm(words, instrument: instrument, refusal: error)
            else { throw error }
            let ids = unscored.flags.map(\.ruleID).joined(separator: ", ")
            guard !allOrNothing else {
                throw StepCareError(
                    error.code,
                    error.message + "; its readable risk answers raise " + ids
                        + " and were not recorded (all or nothing): act on them, or correct the row")
            }
            let record = AdministrationRecord(unscored, definition: instrument.definition)
            store(try engine.record(.administration(record), at: dated, to: caseID, in: caseload))
            throw StepCareError(
                error.code,
                error.message + "; not scored, but its readable risk answers were recorded on the case "
                    + "as an unscored form: " + ids)
        }
        store(try engine.record(event, at: dated, to: caseID, in: caseload))
    }

    /// The report of a refused form that carries readable risk answers: its readable answers (others as not
    /// answered), no total, band or cut-off, its risk flags, and why it was not scored; `nil` when it raises no
    /// flag.
    static func unscoredForm(_ words: [String], instrument: any Instrument, refusal: StepCareError) -> ScoreReport? {
        let answers = instrument.readableResponses(Scoring.answers(words, for: instrument.definition))
        let flags = instrument.readableRiskFlags(answers)
        guard !flags.isEmpty, var report = try? instrument.score(responses: answers) else { return nil }
        report.total = nil
        report.band = nil
        report.cutOffs = []
        report.transformed = []
        report.flags = flags
        report.notScoredReason = "the form was refused (\(refusal.message)); only its risk answers were read"
        return report
    }

    /// Keeps one simulation run's cases in the (simulation) caseload as one audited change.
    ///
    /// - Returns: how many cases were kept.
    @discardableResult
    public func keepSimulated(_ cases: [CaseTimeline], pathway: String, seed: UInt64) throws(StepCareError) -> Int {
        try perform("simulate pathway") { () throws(StepCareError) in
            guard context == .simulation else {
                throw StepCareError(
                    .invalidOption, "simulated cases are kept only in the simulation context",
                    hint: "start the session with --context simulation", field: "save")
            }
            if let clash = cases.first(where: { caseload.cases[$0.caseID] != nil }) {
                throw StepCareError(
                    .invalidOption, "case \(clash.caseID) is already in the simulation caseload",
                    hint: "save a run with another --seed", field: "seed")
            }
            let current = currentCase
            for timeline in cases { try add(timeline, pathway: pathway) }
            currentCase = current
            auditEvenWithoutRecords(detail: "\(cases.count) simulated case(s) saved (seed \(seed))")
            return cases.count
        }
    }
}

extension String {
    /// The text without a leading byte-order mark (spreadsheets write one).
    fileprivate var droppingByteOrderMark: String { hasPrefix("\u{FEFF}") ? String(dropFirst()) : self }
}
