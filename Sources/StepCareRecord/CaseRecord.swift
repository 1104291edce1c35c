public import StepCareCore
public import StepCareJSON

/// Who entered a stored record, and when: the audit entry that wrote it.
public struct EntryStamp: Sendable, Hashable {
    /// The staff id of the user.
    public var staff: String
    /// The role they acted in.
    public var role: String
    /// When it was written, in seconds since 1970 UTC.
    public var seconds: Int64
    /// The audit entry's sequence number.
    public var audit: Int64

    /// Creates a stamp.
    public init(staff: String, role: String, seconds: Int64, audit: Int64) {
        self.staff = staff
        self.role = role
        self.seconds = seconds
        self.audit = audit
    }
}

/// One event as the record keeps it: its stable id, what happened and when, and who entered it.
public struct EventRecord: Sendable, Hashable {
    /// The event's id, stable for the life of the store; `nil` before it is stored.
    public var id: Int64?
    /// The event.
    public var event: CaseEvent
    /// Who entered it; `nil` before it is stored.
    public var entered: EntryStamp?

    /// Creates an event record.
    public init(id: Int64? = nil, event: CaseEvent, entered: EntryStamp? = nil) {
        self.id = id
        self.event = event
        self.entered = entered
    }
}

/// One case in the exchange format `stepcare-case/2`: one line of JSON per case, as `docs/record-format.md`
/// and `schema/stepcare-case-2.schema.json` define it.
public struct CaseRecord: Sendable, Hashable {
    /// The format marker every line carries.
    public static let format = "stepcare-case/2"
    /// The previous format, still read on import.
    public static let legacyFormat = "stepcare-case/1"
    /// The longest line read, in bytes.
    public static let maximumLineBytes = 16 << 20

    /// The context the case was exported from.
    public var context: RecordContext
    /// The pseudonymous id.
    public var id: String
    /// The pathway it was opened under.
    public var pathway: String
    /// Demographic fields.
    public var demographics: [String: String]
    /// The events, oldest first.
    public var events: [EventRecord]

    /// Creates a case record.
    public init(
        context: RecordContext, id: String, pathway: String, demographics: [String: String], events: [EventRecord]
    ) {
        self.context = context
        self.id = id
        self.pathway = pathway
        self.demographics = demographics
        self.events = events
    }

    /// The timeline the record describes.
    public var timeline: CaseTimeline {
        CaseTimeline(caseID: id, demographics: demographics, events: events.map(\.event))
    }

    /// The line, without a newline. Members in the order the schema lists them, demographics by key.
    public var line: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.string("format", Self.format)
        writer.string("context", context.rawValue)
        writer.string("id", id)
        writer.string("pathway", pathway)
        writer.beginObject("demographics")
        for key in demographics.keys.sorted() { writer.string(key, demographics[key] ?? "") }
        writer.endObject()
        writer.beginArray("events")
        for record in events { Self.write(record, into: &writer) }
        writer.endArray()
        writer.endObject()
        return writer.text
    }

    /// Writes one event object.
    public static func write(_ record: EventRecord, into writer: inout JSONWriter) {
        writer.beginObject()
        if let id = record.id { writer.integer("id", Int(id)) }
        writer.string("at", RecordTime.text(record.event.at))
        writer.string("kind", EventKindCode.code(record.event.kind))
        if let entered = record.entered {
            writer.beginObject("entered")
            writer.string("by", entered.staff)
            writer.string("role", entered.role)
            writer.string("at", RecordTime.text(seconds: entered.seconds))
            writer.integer("audit", Int(entered.audit))
            writer.endObject()
        }
        EventDetailWriter.write(record.event.kind, into: &writer, key: "detail")
        writer.endObject()
    }

    /// Reads a line in either format.
    ///
    /// - Throws: ``SchemaError`` naming the field at fault, never quoting the line.
    public init(line: String) throws(SchemaError) {
        guard line.utf8.count <= Self.maximumLineBytes else {
            throw SchemaError(field: "", "the line is longer than \(Self.maximumLineBytes >> 20) MiB")
        }
        let root: JSONValue
        do { root = try JSONParser.parse(Array(line.utf8)) } catch {
            throw SchemaError(field: "", "not JSON (\(error.description))")
        }
        guard case .object(let members) = root else { throw SchemaError(field: "", "a case line is a JSON object") }
        func member(_ name: String) -> JSONValue? { members.first { $0.0 == name }?.1 }
        func text(_ name: String) throws(SchemaError) -> String {
            guard case .string(let value) = member(name) else {
                throw SchemaError(field: "/" + name, "missing or not text")
            }
            return value
        }
        let format = try text("format")
        guard format == Self.format || format == Self.legacyFormat else {
            throw SchemaError(field: "/format", "the format is \(format.prefix(40)), not \(Self.format)")
        }
        let known: Set<String> = ["format", "context", "id", "pathway", "demographics", "events"]
        if let unknown = members.first(where: { !known.contains($0.0) }) {
            throw SchemaError(field: "/" + unknown.0.prefix(40), "a case line has no such field")
        }
        guard let context = RecordContext(rawValue: try text("context")) else {
            throw SchemaError(field: "/context", "context is live, training or simulation")
        }
        var demographics: [String: String] = [:]
        if let value = member("demographics") {
            guard case .object(let fields) = value else { throw SchemaError(field: "/demographics", "not an object") }
            for (key, value) in fields {
                guard case .string(let text) = value else {
                    throw SchemaError(field: "/demographics/" + key.prefix(40), "not text")
                }
                demographics[key] = text
            }
        }
        guard case .array(let values) = member("events") else {
            throw SchemaError(field: "/events", "missing or not a list")
        }
        var events: [EventRecord] = []
        events.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            let field = "/events/\(index)"
            if format == Self.legacyFormat {
                events.append(EventRecord(event: try LegacyEventReader.event(value, field: field)))
            } else {
                events.append(try Self.event(value, field: field))
            }
        }
        self.init(
            context: context, id: try text("id"), pathway: try text("pathway"), demographics: demographics,
            events: events)
    }

    private static func event(_ value: JSONValue, field: String) throws(SchemaError) -> EventRecord {
        guard case .object(let members) = value else { throw SchemaError(field: field, "an event is an object") }
        var id: Int64?
        var at: Instant?
        var kind: String?
        var detail: String?
        var entered: EntryStamp?
        for (name, value) in members {
            switch (name, value) {
            case ("id", .int(let number)) where number > 0: id = Int64(number)
            case ("at", .string(let text)):
                guard let instant = RecordTime.instant(text) else {
                    throw SchemaError(field: field + "/at", "a time is written 2026-01-06T09:00:00Z")
                }
                at = instant
            case ("kind", .string(let text)): kind = text
            case ("detail", .object): detail = value.serialized
            case ("entered", .object(let stamp)): entered = try Self.stamp(stamp, field: field + "/entered")
            default:
                throw SchemaError(
                    field: field + "/" + name.prefix(40), "not a field of an event, or the wrong kind of value")
            }
        }
        guard let at else { throw SchemaError(field: field + "/at", "missing") }
        guard let kind else { throw SchemaError(field: field + "/kind", "missing") }
        let eventKind = try EventDetailReader.kind(code: kind, detail: detail ?? "{}", field: field + "/detail")
        return EventRecord(id: id, event: CaseEvent(at: at, eventKind), entered: entered)
    }

    private static func stamp(_ members: [(String, JSONValue)], field: String) throws(SchemaError) -> EntryStamp {
        var staff: String?
        var role: String?
        var seconds: Int64?
        var audit: Int64?
        for (name, value) in members {
            switch (name, value) {
            case ("by", .string(let text)): staff = text
            case ("role", .string(let text)): role = text
            case ("at", .string(let text)): seconds = RecordTime.seconds(text)
            case ("audit", .int(let number)): audit = Int64(number)
            default: throw SchemaError(field: field + "/" + name.prefix(40), "not a field of entered")
            }
        }
        guard let staff, let role, let seconds, let audit else {
            throw SchemaError(field: field, "entered needs by, role, at (2026-01-06T09:00:12Z) and audit")
        }
        return EntryStamp(staff: staff, role: role, seconds: seconds, audit: audit)
    }
}
