import StepCareCore
import StepCareJSON

extension BatchScorer {
    /// The CSV output header.
    package var outputHeader: String { "row,client_id,date,total,band,caseness,positive_cutoffs,flags,error" }

    /// Appends one output row for `result`.
    package func append(_ result: RowResult, row: Int, to buffer: inout [UInt8]) {
        switch (format, result) {
        case (.csv, .success(let scored)):
            let report = scored.report
            buffer.append(decimal: row)
            buffer.append(csv: CSVLine.inert(scored.client), separated: true)
            buffer.append(csv: CSVLine.inert(scored.date), separated: true)
            buffer.append(UInt8(ascii: ","))
            if let total = report.total {
                if let whole = total.integer {
                    buffer.append(decimal: whole)
                } else {
                    buffer.append(text: total.description)
                }
            }
            buffer.append(csv: report.band?.label ?? "", separated: true)
            buffer.append(csv: casenessText(report), separated: true)
            buffer.append(csv: positiveCutOffs(report), separated: true)
            buffer.append(csv: flagsText(report.flags), separated: true)
            buffer.append(csv: report.notScoredReason.map { "not scored: \($0)" } ?? "", separated: true)
            buffer.append(UInt8(ascii: "\n"))
        case (.csv, .failure(let error)):
            buffer.append(decimal: row)
            buffer.append(csv: CSVLine.inert(error.client), separated: true)
            buffer.append(csv: CSVLine.inert(error.date), separated: true)
            buffer.append(text: ",,,,")
            buffer.append(csv: flagsText(error.flags), separated: true)
            buffer.append(csv: "row \(row): \(error.message)", separated: true)
            buffer.append(UInt8(ascii: "\n"))
        case (.jsonl, .success(let scored)):
            let report = scored.report
            let caseness = casenessResult(report).map { JSONValue.bool($0.isPositive) }
            buffer.append(
                text: JSONValue.object([
                    ("row", .int(row)), ("client", .string(scored.client)), ("date", .string(scored.date)),
                    ("total", report.total.map { .number($0.value) } ?? .null),
                    ("band", report.band.map { .string($0.label) } ?? .null), ("caseness", caseness ?? .null),
                    ("positiveCutOffs", .array(report.cutOffs.filter(\.isPositive).map { .string($0.rule.id) })),
                    ("flags", .array(report.flags.map { .string(flagText($0)) })),
                    ("error", report.notScoredReason.map { .string("not scored: \($0)") } ?? .null),
                ]).serialized + "\n")
        case (.jsonl, .failure(let error)):
            buffer.append(
                text: JSONValue.object([
                    ("row", .int(row)), ("client", .string(error.client)), ("date", .string(error.date)),
                    ("total", .null), ("band", .null), ("caseness", .null), ("positiveCutOffs", .array([])),
                    ("flags", .array(error.flags.map { .string(flagText($0)) })),
                    ("error", .string("row \(row): \(error.message)")),
                ]).serialized + "\n")
        }
    }

    /// The result of the definition's caseness rule, if it has one.
    private func casenessResult(_ report: ScoreReport) -> CutOffResult? {
        guard let casenessRule else { return nil }
        // A definition's rule ids are unique (DefinitionCheck), so the id finds the rule.
        return report.cutOffs.first { $0.rule.id == casenessRule.id }
    }

    private func casenessText(_ report: ScoreReport) -> String {
        casenessResult(report).map { $0.isPositive ? "yes" : "no" } ?? ""
    }

    /// The ids of the positive cut-offs, separated by `;`.
    private func positiveCutOffs(_ report: ScoreReport) -> String {
        var text = ""
        for result in report.cutOffs where result.isPositive {
            if !text.isEmpty { text += ";" }
            text += result.rule.id
        }
        return text
    }

    /// The flags, separated by `;`.
    private func flagsText(_ flags: [RiskFlag]) -> String {
        var text = ""
        for flag in flags {
            if !text.isEmpty { text += ";" }
            text += flagText(flag)
        }
        return text
    }

    private func flagText(_ flag: RiskFlag) -> String {
        let reason = flag.reason == .notAnswered ? "not-answered" : "positive"
        return "\(flag.ruleID):\(flag.urgency.identifier):\(reason)"
    }
}

extension [UInt8] {
    /// Appends `text` as UTF-8.
    package mutating func append(text: String) { append(contentsOf: text.utf8) }

    /// Appends a whole number in decimal.
    package mutating func append(decimal value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var rest = value.magnitude
        var divisor: UInt = 1
        while rest / divisor >= 10 { divisor *= 10 }
        repeat {
            append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        } while divisor > 0
    }

    /// Appends a CSV field, quoted when it needs to be, after a comma when `separated`.
    package mutating func append(csv field: String, separated: Bool) {
        if separated { append(UInt8(ascii: ",")) }
        append(text: CSVLine.escaped(field))
    }
}
