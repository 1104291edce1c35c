package import StepCareCore
import StepCareJSON
import StepCareRecord
package import StepCareStore

/// `status --json`, `user list --json` and `break-glass list --json`, as schema/stepcare-session-1.schema.json
/// defines them.
package enum SessionJSON {
    /// The session: context, database, user (and an active break-glass grant), pathway, clock and case count.
    package static func status(
        context: RecordContext, database: String, user: StaffUser?, grant: BreakGlassGrant?, pathway: String?,
        now: Instant, clockIsSettable: Bool, cases: Int
    ) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.string("context", context.rawValue)
        writer.string("database", database)
        if let user {
            writer.beginObject("user")
            writer.string("staff", user.name)
            writer.string("role", user.role)
            writer.endObject()
        }
        if let grant { self.grant(grant, key: "breakGlass", active: true, entries: nil, into: &writer) }
        writer.optionalString("pathway", pathway)
        writer.string("clock", RecordTime.text(now))
        writer.string("clockKind", clockIsSettable ? "session" : "real-time")
        writer.integer("cases", cases)
        writer.endObject()
        return writer.text
    }

    /// The context's users, by staff id, each on one line.
    package static func user(_ user: StaffUser, loggedIn: Bool) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.string("staff", user.name)
        writer.string("role", user.role)
        writer.bool("loggedIn", loggedIn)
        writer.endObject()
        return writer.text
    }

    /// One break-glass grant on one line, with the audit entries made under it.
    package static func grant(_ grant: BreakGlassGrant, active: Bool, entries: [AuditEntry]) -> String {
        var writer = JSONWriter()
        self.grant(grant, key: nil, active: active, entries: entries, into: &writer)
        return writer.text
    }

    private static func grant(
        _ grant: BreakGlassGrant, key: String?, active: Bool, entries: [AuditEntry]?, into writer: inout JSONWriter
    ) {
        writer.beginObject(key)
        writer.string("staff", grant.user)
        writer.string("role", grant.role)
        writer.string("starts", RecordTime.text(grant.starts))
        writer.string("ends", RecordTime.text(grant.ends))
        writer.bool("active", active)
        writer.integer("audit", Int(grant.sequence))
        if let entries {
            writer.string("reason", grant.reason)
            writer.beginArray("entriesUnder")
            for entry in entries {
                writer.beginObject()
                writer.integer("sequence", Int(entry.sequence))
                writer.string("action", entry.action)
                writer.endObject()
            }
            writer.endArray()
        }
        writer.endObject()
    }
}
