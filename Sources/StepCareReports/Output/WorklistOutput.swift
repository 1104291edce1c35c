package import StepCareCore
package import StepCareEngine
import StepCareJSON
import StepCareRecord

/// The worklist as a table, JSON lines (`stepcare-worklist/1`) or CSV: one item per row, overdue first.
package enum WorklistOutput {
    /// The CSV header, in column order; the JSON fields have the same names.
    package static let columns = [
        "case", "overdue", "deadline", "kind", "rule", "task", "documentation", "tier", "clinician", "coordinator",
        "team",
    ]

    /// The table staff read: one line per item, grouped by overdue and due, with the rule and documentation.
    package static func text(_ items: [WorkItem], asOf now: Instant) -> [String] {
        guard !items.isEmpty else { return ["nothing due"] }
        let overdue = items.filter { $0.isOverdue(asOf: now) }.count
        var lines = ["\(items.count) item(s), \(overdue) overdue, as of \(now):"]
        for item in items {
            let flag = item.isOverdue(asOf: now) ? "OVERDUE" : "due    "
            let owner = item.assignment.map { " [" + $0.clinician + ($0.team.map { "/" + $0 } ?? "") + "]" } ?? ""
            lines.append("  \(flag) \(item.deadline)  \(item.caseID)\(owner)  \(item.task(asOf: now))")
            lines.append("          rule \(item.ruleID); document: " + documentation(item))
        }
        return lines
    }

    /// One JSON object per item, fields as ``columns`` (times in ISO 8601 UTC, absent fields left out).
    package static func json(_ item: WorkItem, asOf now: Instant) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.string("schema", "stepcare-worklist/1")
        writer.string("case", item.caseID)
        writer.bool("overdue", item.isOverdue(asOf: now))
        writer.string("deadline", RecordTime.text(item.deadline))
        writer.string("kind", item.word)
        writer.string("rule", item.ruleID)
        writer.string("task", item.task(asOf: now))
        writer.beginArray("documentation")
        for entry in item.documentation { writer.string(nil, entry) }
        writer.endArray()
        writer.optionalString("tier", item.tier)
        writer.optionalString("clinician", item.assignment?.clinician)
        writer.optionalString("coordinator", item.assignment?.coordinator)
        writer.optionalString("team", item.assignment?.team)
        writer.endObject()
        return writer.text
    }

    /// One CSV row per item after the header; a cell a spreadsheet would read as a formula is prefixed with `'`.
    package static func csv(_ items: [WorkItem], asOf now: Instant) -> [String] {
        [columns.joined(separator: ",")]
            + items.map { item in
                [
                    item.caseID, item.isOverdue(asOf: now) ? "true" : "false", RecordTime.text(item.deadline),
                    item.word,
                    item.ruleID, item.task(asOf: now), item.documentation.joined(separator: "; "), item.tier ?? "",
                    item.assignment?.clinician ?? "", item.assignment?.coordinator ?? "", item.assignment?.team ?? "",
                ].map { CSVLine.escaped(CSVLine.inert($0)) }.joined(separator: ",")
            }
    }

    private static func documentation(_ item: WorkItem) -> String {
        item.documentation.isEmpty ? "nothing further" : item.documentation.joined(separator: ", ")
    }

}
