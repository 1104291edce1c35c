package import StepCareCore
import StepCareJSON
import StepCareRecord

/// `case --json` (the case list) and `evaluate --all --json`, as schema/stepcare-caseload-1.schema.json
/// defines them.
package enum CaseloadJSON {
    /// One case of the list: its id, where it stands, how many events it has, and whether it is current.
    package static func listed(
        caseID: String, status: String, tier: String?, events: Int, current: Bool, assignment: Assignment? = nil
    ) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.string("case", caseID)
        writer.string("status", status)
        writer.optionalString("tier", tier)
        writer.integer("events", events)
        writer.bool("current", current)
        writer.optionalString("clinician", assignment?.clinician)
        writer.optionalString("coordinator", assignment?.coordinator)
        writer.optionalString("team", assignment?.team)
        writer.endObject()
        return writer.text
    }

    /// What is outstanding over every case, by rule.
    package static func summary(
        asOf now: Instant, evaluated: Int, outstanding: Int, overdue: Int,
        byRule: [(rule: String, count: Int, overdue: Int)]
    ) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.string("asOf", RecordTime.text(now))
        writer.integer("evaluated", evaluated)
        writer.integer("outstanding", outstanding)
        writer.integer("overdue", overdue)
        writer.beginArray("byRule")
        for entry in byRule {
            writer.beginObject()
            writer.string("rule", entry.rule)
            writer.integer("count", entry.count)
            writer.integer("overdue", entry.overdue)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.text
    }
}
