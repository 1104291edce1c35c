import StepCareCore

/// How score reports are shown: readable text, or JSON for machines.
enum ReportRendering {
    /// The report as readable lines.
    static func text(_ report: ScoreReport, definition: InstrumentDefinition) -> String {
        var lines: [String] = []
        if let total = report.total {
            let band = report.band.map { "\($0.label) (\(InstrumentSheet.span($0.range)))" } ?? "no band"
            lines.append(
                "\(definition.shortName) total \(total) (range \(InstrumentSheet.span(report.scoreRange))): \(band)")
        } else {
            lines.append("\(definition.shortName) NOT SCORED: \(report.notScoredReason ?? "incomplete")")
        }
        for result in report.cutOffs {
            lines.append(
                "  \(result.rule.name) (≥ \(result.rule.threshold)): \(result.isPositive ? "positive" : "negative")")
        }
        for flag in report.flags {
            let item = definition.items.indices.contains(flag.item - 1) ? definition.items[flag.item - 1] : nil
            let what: String
            switch flag.reason {
            case .positiveAnswer(let value):
                let label = item?.option(scoring: value)?.label ?? String(value)
                what = "item \(flag.item) answered \(value) (\(label))"
            case .notAnswered:
                what = "item \(flag.item) NOT ANSWERED: a risk item must be asked, never assumed 0"
            }
            lines.append("  RISK FLAG [\(flag.urgency.label)]: \(what) → \(flag.action)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as a JSON object.
    static func json(_ report: ScoreReport) -> JSONValue {
        .object([
            ("instrument", .string(report.instrumentID)),
            ("answers", .array(report.responses.map { $0.value.map(JSONValue.int) ?? .null })),
            ("total", report.total.map(JSONValue.int) ?? .null),
            ("range", .array([.int(report.scoreRange.lowerBound), .int(report.scoreRange.upperBound)])),
            ("band", report.band.map { .string($0.label) } ?? .null),
            (
                "cutOffs",
                .array(
                    report.cutOffs.map {
                        .object([
                            ("id", .string($0.rule.id)), ("threshold", .int($0.rule.threshold)),
                            ("positive", .bool($0.isPositive)),
                        ])
                    })
            ),
            ("flags", .array(report.flags.map(json))),
            ("notScoredReason", report.notScoredReason.map(JSONValue.string) ?? .null),
        ])
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
