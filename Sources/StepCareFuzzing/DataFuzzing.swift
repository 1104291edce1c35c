import StepCareConsole
import StepCareCore
import StepCareDataDefined
import StepCareEngine
import StepCareRecord
import StepCareReports
import StepCareService
import StepCareSimulation
import StepCareStore

/// The data files StepCare reads: CSV, instrument definitions, case records and simulation parameters.
enum DataFuzzing {
    /// `score --batch` (PHQ-9) gives one well-formed CSV row per data row, and `import-scores` records nothing
    /// when it refuses.
    static func checkCSV(_ bytes: [UInt8]) {
        guard let phq9 = try? FuzzTarget.registry.instrument("phq9") else {
            preconditionFailure("csv: PHQ-9 is not registered")
        }
        var output: [UInt8] = []
        do {
            let summary = try BatchScorer(instrument: phq9).run(bytes) { output += $0 }
            // The output's header has no line breaks; its rows may, inside quoted fields.
            let width = output.split(separator: UInt8(ascii: "\n"), maxSplits: 1).first.map {
                (try? CSVLine.fields($0).get())?.count
            }
            var lines: [ArraySlice<UInt8>] = []
            CSVLine.forEachRecord(in: output, isWholeRow: { CSVLine.hasFields($0, count: width ?? nil) }) { _, line in
                lines.append(line)
            }
            precondition(
                lines.count == summary.rows + 1, "csv: \(summary.rows) rows but \(lines.count - 1) output rows")
            guard case .success(let header) = CSVLine.fields(lines[0]) else {
                preconditionFailure("csv: the output header is not CSV")
            }
            for line in lines.dropFirst() {
                guard case .success(let fields) = CSVLine.fields(line) else {
                    preconditionFailure("csv: an output row is not CSV")
                }
                precondition(fields.count == header.count, "csv: an output row has \(fields.count) fields")
                for field in fields {
                    precondition(CSVLine.inert(field) == field, "csv: an output field could start a formula")
                }
            }
        } catch {
            precondition(output.isEmpty, "csv: a refused file still produced output")
            FuzzTarget.requireExplained(error, "csv")
        }

        // A caseload costs far more than scoring; build one only for input that reaches past import's header.
        guard bytes.prefix(64).split(separator: UInt8(ascii: "\n")).first?.starts(with: Array("case,".utf8)) == true
        else { return }
        let workspace = Workspace.memory(pathway: FuzzTarget.registry.pathways.first, now: Interpreter.defaultStart)
        let before = (try? workspace.store.lastSequence()) ?? -1
        do {
            _ = try workspace.importScores(csv: bytes, registry: FuzzTarget.registry, allOrNothing: true)
        } catch {
            FuzzTarget.requireExplained(error.error, "import-scores")
            FuzzTarget.requireUnchanged(workspace, since: before, "import-scores")
        }
    }

    /// A definition is refused with the field named, or loads, registers and scores every answer set the
    /// fuzzer's bytes pick within its range.
    /// A pathway definition is refused with a reason, or it passes the registry's checks and the engine
    /// evaluates a case on it, configured and not, without trapping.
    static func checkPathway(_ bytes: [UInt8]) {
        let pathway: Pathway
        do {
            pathway = try DataDefinedPathway.pathway(json: bytes)
        } catch {
            FuzzTarget.requireExplained(error, "pathway")
            return
        }
        guard (try? Registry(instruments: FuzzTarget.registry.instruments, pathways: [pathway])) != nil else { return }
        var configuration = ServiceConfiguration()
        for (index, parameter) in pathway.parameters.prefix(8).enumerated() {
            let byte = Int(bytes[index % max(1, bytes.count)])
            configuration.values[parameter.id] =
                switch parameter.value {
                case .count: .count(1 + byte % 9)
                case .score: .score(byte % 30)
                case .percent: .percent(1 + byte % 100)
                case .span: .span(.hours(1 + byte))
                }
        }
        let start = Instant(year: 2026, month: 1, day: 5, hour: 9) ?? Instant(minutes: 0)
        for candidate in [pathway, (try? pathway.configured(configuration)) ?? pathway] {
            let engine = Engine(pathway: candidate)
            var timeline = CaseTimeline(caseID: "C001")
            let kinds: [CaseEventKind] = [
                .referral(preference: nil), .crisisContact(), .contact(attended: true), .emergencyVisit(),
                .contact(attended: false), .crisisContact(),
            ]
            for (day, kind) in kinds.enumerated() { try? timeline.append(CaseEvent(at: start + .days(day * 3), kind)) }
            for days in [0, 10, 400] { _ = engine.evaluate(timeline, asOf: start + .days(days)) }
        }
    }

    static func checkInstrument(_ bytes: [UInt8]) {
        let instrument: DataDefinedInstrument
        do {
            instrument = try DataDefinedInstrument(json: bytes)
        } catch {
            FuzzTarget.requireExplained(error, "instrument")
            return
        }
        guard (try? Registry(instruments: [instrument])) != nil else { return }
        let definition = instrument.definition
        for pick in 0..<3 {
            let values = definition.items.enumerated().map { index, item in
                let options = item.options.map(\.value)
                guard let lowest = options.min(), let highest = options.max() else { return 0 }
                let byte = bytes.isEmpty ? 0 : Int(bytes[(index + pick) % bytes.count])
                return pick == 0 ? lowest : pick == 1 ? highest : options[byte % options.count]
            }
            do {
                let report = try instrument.score(values: values)
                if let total = report.total?.value {
                    precondition(
                        (Double(definition.scoreRange.lowerBound)...Double(definition.scoreRange.upperBound))
                            .contains(total) || definition.result != .total,
                        "instrument: total \(total) is outside \(definition.scoreRange)")
                }
            } catch {
                FuzzTarget.requireExplained(error, "instrument scoring")
            }
        }
    }

    /// Each case record line reads back to what it writes, and a refused import records nothing.
    static func checkCaseImport(_ text: String) {
        var anyRecord = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(32) {
            guard let record = try? CaseRecord(line: String(line)) else { continue }
            anyRecord = true
            guard let again = try? CaseRecord(line: record.line) else {
                preconditionFailure("case-import: a record it accepted does not read back from its own line")
            }
            precondition(again.line == record.line, "case-import: the record changed on a second reading")
        }
        // Import reads the same lines; a caseload is built only when one of them is a record.
        guard anyRecord else { return }
        let workspace = Workspace.memory(pathway: FuzzTarget.registry.pathways.first, now: Interpreter.defaultStart)
        let before = (try? workspace.store.lastSequence()) ?? -1
        do {
            _ = try workspace.importCases(text, registry: FuzzTarget.registry)
        } catch {
            FuzzTarget.requireExplained(error.error, "import")
            FuzzTarget.requireUnchanged(workspace, since: before, "import")
        }
    }

    /// Each line is a `--set` for the pathway simulation and a network option; what is accepted is within range.
    static func checkSimulation(_ text: String) {
        guard let pathway = FuzzTarget.registry.pathways.first else { preconditionFailure("no pathway") }
        var settings: [ParameterSetting] = []
        var network = NetworkModel.Options()
        for line in text.split(separator: "\n").prefix(16) {
            let words = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard let setting = words.first else { continue }
            do {
                settings.append(try ParameterSetting(parsing: setting))
                _ = try SimulationGrid(pathway, settings: settings)
            } catch {
                FuzzTarget.requireExplained(error, "simulate --set")
                settings = []
            }
            guard words.count == 2 else { continue }
            do {
                try network.set(setting, from: words[1])
                _ = try NetworkModel(network)
            } catch {
                FuzzTarget.requireExplained(error, "simulate network")
                network = NetworkModel.Options()
            }
            // Each parser on its own, so one refusal does not skip the others.
            do { _ = try SimulationOptionText.number(words[1], field: "days") } catch {
                FuzzTarget.requireExplained(error, "simulate --days")
            }
            do { _ = try SimulationOptionText.integer(words[1], atLeast: 1, field: "reps") } catch {
                FuzzTarget.requireExplained(error, "simulate --reps")
            }
            do { _ = try SimulationOptionText.seed(words[1]) } catch {
                FuzzTarget.requireExplained(error, "simulate --seed")
            }
        }
    }
}
