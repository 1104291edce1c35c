package import StepCareCore
package import StepCareJSON

/// How score reports are shown: readable text, or JSON for machines.
package enum ReportRendering {
    /// The report as readable lines.
    package static func text(_ report: ScoreReport, definition: InstrumentDefinition) -> String {
        var lines = [headline(report, definition: definition)]
        for result in report.cutOffs {
            let who = result.rule.population.map { ", \($0)" } ?? ""
            lines.append(
                "  \(result.rule.name) (\(result.rule.condition)\(who)): \(result.isPositive ? "positive" : "negative")"
            )
        }
        for subscale in report.subscales {
            lines.append("  subscale \(subscale.subscale.name): \(subscale.total.map(String.init) ?? "not scored")")
        }
        for finding in report.findings {
            lines.append("  FINDING: \(finding.text) — \(finding.source)")
        }
        for note in report.notes {
            lines.append("  note: \(note)")
        }
        lines += flagLines(report.flags, definition: definition)
        return lines.joined(separator: "\n") + "\n"
    }

    /// One `RISK FLAG [urgency]: … → action` line per flag.
    package static func flagLines(_ flags: [RiskFlag], definition: InstrumentDefinition) -> [String] {
        flags.map { flag in
            let item = definition.items.indices.contains(flag.item - 1) ? definition.items[flag.item - 1] : nil
            let what: String
            switch flag.reason {
            case .positiveAnswer(let value):
                let label = item?.option(scoring: value)?.label ?? String(value)
                what = "item \(flag.item) answered \(value) (\(label))"
            case .notAnswered:
                what = "item \(flag.item) NOT ANSWERED: a risk item must be asked, never assumed 0"
            }
            return "  RISK FLAG [\(flag.urgency.label)]: \(what) → \(flag.action)"
        }
    }

    private static func headline(_ report: ScoreReport, definition: InstrumentDefinition) -> String {
        let name = definition.shortName + (definition.variant.map { " (\($0.id))" } ?? "")
        guard let total = report.total else {
            return "\(name) NOT SCORED: \(report.notScoredReason ?? "incomplete")"
        }
        if definition.result == .level {
            return "\(name) level: \(report.band?.label ?? "undetermined")"
        }
        let band = report.band.map { "\($0.label) (\(InstrumentSheet.span($0.range)))" } ?? "no band"
        let outOf = report.applicableMaximum.map { " of \($0) applicable" } ?? ""
        var line = "\(name) total \(total)\(outOf) (range \(InstrumentSheet.span(report.scoreRange))): \(band)"
        for transformed in report.transformed {
            line += "; \(transformed.transform.name) \(transformed.value)\(transformed.transform.unit)"
        }
        return line
    }

    /// The report as a JSON object.
    package static func json(_ report: ScoreReport) -> JSONValue {
        .object([
            ("instrument", .string(report.instrumentID)),
            ("variant", report.variantID.map(JSONValue.string) ?? .null),
            ("answers", .array(report.responses.map(json))),
            ("total", report.total.map { .number($0.value) } ?? .null),
            ("range", .array([.int(report.scoreRange.lowerBound), .int(report.scoreRange.upperBound)])),
            ("applicableMaximum", report.applicableMaximum.map(JSONValue.int) ?? .null),
            ("band", report.band.map { .string($0.label) } ?? .null),
            (
                "cutOffs",
                .array(
                    report.cutOffs.map {
                        .object([
                            ("id", .string($0.rule.id)), ("threshold", .int($0.rule.threshold)),
                            ("side", .string($0.rule.side.rawValue)), ("positive", .bool($0.isPositive)),
                        ])
                    })
            ),
            (
                "subscales",
                .object(report.subscales.map { ($0.subscale.id, $0.total.map(JSONValue.int) ?? .null) })
            ),
            ("transformed", .object(report.transformed.map { ($0.transform.id, .number($0.value.value)) })),
            ("findings", .array(report.findings.map { .string($0.id) })),
            ("flags", .array(report.flags.map(json))),
            ("notScoredReason", report.notScoredReason.map(JSONValue.string) ?? .null),
            ("notes", .array(report.notes.map(JSONValue.string))),
        ])
    }

    private static func json(_ response: ItemResponse) -> JSONValue {
        switch response {
        case .answered(let value): .int(value)
        case .notAnswered: .null
        case .notApplicable: .string("n/a")
        }
    }

    private static func json(_ flag: RiskFlag) -> JSONValue {
        let reason: JSONValue
        let value: JSONValue
        switch flag.reason {
        case .positiveAnswer(let answer):
            reason = .string("positive-answer")
            value = .int(answer)
        case .notAnswered:
            reason = .string("not-answered")
            value = .null
        }
        return .object([
            ("rule", .string(flag.ruleID)), ("item", .int(flag.item)), ("reason", reason), ("value", value),
            ("urgency", .string(flag.urgency.identifier)), ("action", .string(flag.action)),
        ])
    }
}
