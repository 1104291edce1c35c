public import StepCareCore
import StepCareJSON

/// A configuration change's settings as stored: a JSON array, one object per setting, with explicit field
/// names and stable kind codes (documented in docs/record-format.md, pinned by a golden file).
///
/// ```json
/// [{"kind":"span","parameter":"step-up-window","minutes":20160},
///  {"kind":"slots","tier":"tier-3","value":10},
///  {"kind":"surge","tier":"tier-3","value":2,"until":"2027-03-01T00:00:00Z"}]
/// ```
public enum ConfigurationRecord {
    /// The stored JSON of `settings`.
    public static func json(_ settings: [ConfigurationSetting]) -> String {
        var writer = JSONWriter()
        writer.beginArray()
        for setting in settings {
            writer.beginObject()
            switch setting {
            case .parameter(let id, let value):
                switch value {
                case .count(let n):
                    writer.string("kind", "count")
                    writer.string("parameter", id)
                    writer.integer("value", n)
                case .score(let n):
                    writer.string("kind", "score")
                    writer.string("parameter", id)
                    writer.integer("value", n)
                case .percent(let n):
                    writer.string("kind", "percent")
                    writer.string("parameter", id)
                    writer.integer("value", n)
                case .span(let span):
                    writer.string("kind", "span")
                    writer.string("parameter", id)
                    writer.integer("minutes", span.minutes)
                }
            case .slots(let tier, let count):
                writer.string("kind", "slots")
                writer.string("tier", tier)
                writer.integer("value", count)
            case .rapidAccessSlots(let tier, let count):
                writer.string("kind", "rapid-access-slots")
                writer.string("tier", tier)
                writer.integer("value", count)
            case .surge(let tier, let slots, let until):
                writer.string("kind", "surge")
                writer.string("tier", tier)
                writer.integer("value", slots)
                writer.string("until", RecordTime.text(until))
            case .documentation(let action, let tier, let items):
                writer.string("kind", "documentation")
                writer.string("action", action.rawValue)
                if let tier { writer.string("tier", tier) }
                writer.beginArray("documentation")
                items.forEach { writer.string(nil, $0.rawValue) }
                writer.endArray()
            case .recordWindow(let bound, let span):
                writer.string("kind", "record-window")
                writer.string("bound", bound.rawValue)
                writer.integer("minutes", span.minutes)
            }
            writer.endObject()
        }
        writer.endArray()
        return writer.text
    }

    /// Reads settings written by ``json(_:)``, strictly: an unknown kind or field, a missing field or a value of
    /// the wrong type is an error naming the field as a JSON pointer.
    public static func settings(_ text: String) throws(SchemaError) -> [ConfigurationSetting] {
        let value: JSONValue
        do { value = try JSONParser.parse(Array(text.utf8)) } catch {
            throw SchemaError(field: "", "not JSON: \(error.message)")
        }
        guard case .array(let elements) = value else { throw SchemaError(field: "", "settings are a JSON array") }
        return try elements.enumerated().map { (index, element) throws(SchemaError) in
            try setting(element, field: "/\(index)")
        }
    }

    private static func setting(_ value: JSONValue, field: String) throws(SchemaError) -> ConfigurationSetting {
        guard case .object(let members) = value else { throw SchemaError(field: field, "a setting is an object") }
        var fields: [String: JSONValue] = [:]
        for (key, member) in members { fields[key] = member }
        guard case .string(let kind)? = fields["kind"] else {
            throw SchemaError(field: field + "/kind", "missing or not a string")
        }
        let expected: [String]
        let setting: ConfigurationSetting
        func string(_ key: String) throws(SchemaError) -> String {
            guard case .string(let text)? = fields[key] else {
                throw SchemaError(field: field + "/" + key, "missing or not a string")
            }
            return text
        }
        func integer(_ key: String) throws(SchemaError) -> Int {
            guard case .int(let number)? = fields[key] else {
                throw SchemaError(field: field + "/" + key, "missing or not a whole number")
            }
            return number
        }
        switch kind {
        case "count", "score", "percent":
            expected = ["kind", "parameter", "value"]
            let number = try integer("value")
            let value: PathwayParameter.Value =
                kind == "count" ? .count(number) : kind == "score" ? .score(number) : .percent(number)
            setting = .parameter(id: try string("parameter"), value)
        case "span":
            expected = ["kind", "parameter", "minutes"]
            setting = .parameter(id: try string("parameter"), .span(TimeSpan(minutes: try integer("minutes"))))
        case "slots", "rapid-access-slots":
            expected = ["kind", "tier", "value"]
            let tier = try string("tier")
            let count = try integer("value")
            setting = kind == "slots" ? .slots(tier: tier, count) : .rapidAccessSlots(tier: tier, count)
        case "surge":
            expected = ["kind", "tier", "value", "until"]
            guard let until = RecordTime.instant(try string("until")) else {
                throw SchemaError(field: field + "/until", "not a time written YYYY-MM-DDTHH:MM:00Z")
            }
            setting = .surge(tier: try string("tier"), slots: try integer("value"), until: until)
        case "documentation":
            expected = ["kind", "action", "tier", "documentation"]
            guard let action = Action(rawValue: try string("action")) else {
                throw SchemaError(field: field + "/action", "not a decision")
            }
            let tier = fields["tier"] == nil ? nil : try string("tier")
            guard case .array(let values)? = fields["documentation"] else {
                throw SchemaError(field: field + "/documentation", "missing or not an array")
            }
            var items: [Documentation] = []
            for (index, value) in values.enumerated() {
                guard case .string(let text) = value, let item = Documentation(rawValue: text) else {
                    throw SchemaError(field: field + "/documentation/\(index)", "not documentation")
                }
                items.append(item)
            }
            setting = .documentation(action: action, tier: tier, items)
        case "record-window":
            expected = ["kind", "bound", "minutes"]
            guard let bound = RecordWindow(rawValue: try string("bound")) else {
                throw SchemaError(
                    field: field + "/bound", "not a record-window bound (records.backdate-limit, records.clock-skew)")
            }
            setting = .recordWindow(bound, TimeSpan(minutes: try integer("minutes")))
        default:
            throw SchemaError(
                field: field + "/kind",
                "unknown setting kind; the kinds are count, score, percent, span, slots, rapid-access-slots, surge, "
                    + "documentation, record-window")
        }
        if let extra = members.map(\.0).first(where: { !expected.contains($0) }) {
            throw SchemaError(field: field + "/" + extra.prefix(40), "a \(kind) setting has no such field")
        }
        return setting
    }
}
