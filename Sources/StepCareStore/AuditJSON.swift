import StepCareJSON
import StepCareRecord

// The audit log's `--json` forms, as schema/stepcare-audit-*-1.schema.json define them: explicit field names,
// ISO 8601 UTC times, optional fields left out.

extension AuditEntry {
    /// One entry as a line of JSON (`audit show --json`).
    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.integer("sequence", Int(sequence))
        writer.string("time", RecordTime.text(seconds: time))
        writer.string("user", user)
        writer.string("role", role)
        writer.optionalString("client", client)
        writer.string("action", action)
        writer.string("context", context)
        writer.string("detail", detail)
        writer.string("changeDigest", changeDigest)
        writer.string("previous", previous)
        writer.string("hash", hash)
        writer.endObject()
        return writer.text
    }
}

extension AuditAnchor {
    /// The head as JSON (`audit head --json`): `{"sequence":12,"hash":"…"}`.
    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.integer("sequence", Int(sequence))
        writer.string("hash", hash)
        writer.endObject()
        return writer.text
    }
}

extension AuditReport {
    /// The outcome of `audit verify --json`.
    ///
    /// - Parameter anchor: the anchor checked, if one was given.
    public func json(anchor: AuditAnchor?) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.bool("intact", isIntact)
        writer.integer("entries", entries)
        if let head {
            writer.beginObject("head")
            writer.integer("sequence", Int(head.sequence))
            writer.string("hash", head.hash)
            writer.endObject()
        }
        if let anchor {
            writer.beginObject("anchor")
            writer.integer("sequence", Int(anchor.sequence))
            writer.string("hash", anchor.hash)
            writer.endObject()
        }
        writer.string("integrity", integrity)
        writer.beginArray("problems")
        for problem in problems {
            writer.beginObject()
            if let sequence = problem.sequence { writer.integer("sequence", Int(sequence)) }
            writer.string("message", problem.message)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.text
    }
}
