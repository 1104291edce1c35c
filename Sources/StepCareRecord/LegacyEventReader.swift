public import StepCareCore
public import StepCareJSON

/// Reads events in the v1 shape (`stepcare-case/1`), which was Swift's compiler-synthesised encoding of the
/// event types as they stood on 2026-11-22: `{"at":{"minutes":N},"kind":{"contact":{"attended":true}}}`.
/// Kept only to migrate v1 caseloads and import v1 lines; the shape is written out here key by key so that
/// no later change to the Swift types can change how old records read.
public enum LegacyEventReader {
    /// The event in a v1 body.
    public static func event(_ json: String) throws(SchemaError) -> CaseEvent {
        let root: JSONValue
        do { root = try JSONParser.parse(Array(json.utf8)) } catch {
            throw SchemaError(field: "", "not JSON: \(error.description)")
        }
        return try event(root, field: "")
    }

    /// The event in a parsed v1 value.
    public static func event(_ root: JSONValue, field: String) throws(SchemaError) -> CaseEvent {
        let object = try Object(root, field: field)
        return CaseEvent(at: try object.minutes("at"), try kind(try object.value("kind"), field: field + "/kind"))
    }

    private static func kind(_ value: JSONValue, field: String) throws(SchemaError) -> CaseEventKind {
        let (name, body) = try Object(value, field: field).single()
        let object = try Object(body, field: field + "/" + name)
        switch name {
        case "referral": return .referral(preference: try object.optionalString("preference"))
        case "administration": return .administration(try administration(try object.value("_0"), field: object.field))
        case "contact": return .contact(attended: try object.bool("attended"))
        case "crisisContact": return .crisisContact()
        case "emergencyVisit": return .emergencyVisit()
        case "medicationConcern": return .medicationConcern
        case "plan":
            let (plan, detail) = try Object(try object.value("_0"), field: object.field + "/_0").single()
            let planObject = try Object(detail, field: object.field + "/_0/" + plan)
            switch plan {
            case "stability":
                let parts = try Object(try planObject.value("_0"), field: planObject.field + "/_0")
                return .plan(
                    .stability(
                        StabilityPlan(
                            earlyWarningSigns: try parts.string("earlyWarningSigns"),
                            copingActions: try parts.string("copingActions"),
                            reaccessRoute: try parts.string("reaccessRoute"),
                            followUpSchedule: try parts.string("followUpSchedule"))))
            case "safety": return .plan(.safety(summary: try planObject.string("summary")))
            default: throw SchemaError(field: object.field, "unknown v1 plan \(plan.prefix(40))")
            }
        case "review":
            guard let review = ReviewKind(rawValue: try object.string("_0")) else {
                throw SchemaError(field: object.field + "/_0", "unknown v1 review kind")
            }
            return .review(
                review, by: try actor(try object.value("by"), field: object.field + "/by"),
                coSigner: try object.optional("coSigner").map { value throws(SchemaError) in
                    try actor(value, field: object.field + "/coSigner")
                })
        case "placement":
            let placement = try Object(try object.value("_0"), field: object.field + "/_0")
            guard let kind = MoveKind(rawValue: try placement.string("kind")),
                let slot = Slot(rawValue: try placement.string("slot"))
            else { throw SchemaError(field: placement.field, "unknown v1 move kind or slot") }
            return .placement(
                Placement(
                    tier: try placement.string("tier"), from: try placement.optionalString("from"), kind: kind,
                    slot: slot, actor: try actor(try placement.value("actor"), field: placement.field + "/actor"),
                    coSigner: try placement.optional("coSigner").map { value throws(SchemaError) in
                        try actor(value, field: placement.field + "/coSigner")
                    },
                    reason: try placement.optionalString("reason"), deviation: try placement.optionalString("deviation")
                ))
        case "waitlisted":
            guard let move = MoveKind(rawValue: try object.string("move")) else {
                throw SchemaError(field: object.field + "/move", "unknown v1 move kind")
            }
            return .waitlisted(
                tier: try object.string("tier"), move: move,
                actor: try actor(try object.value("actor"), field: object.field + "/actor"))
        case "handoverScheduled":
            return .handoverScheduled(number: try object.int("number"), due: try object.minutes("due"))
        case "discharge":
            return .discharge(
                by: try actor(try object.value("by"), field: object.field + "/by"),
                coSigner: try object.optional("coSigner").map { value throws(SchemaError) in
                    try actor(value, field: object.field + "/coSigner")
                },
                reason: try object.optionalString("reason"))
        default:
            throw SchemaError(field: field, "unknown v1 event kind \(name.prefix(40))")
        }
    }

    private static func administration(_ value: JSONValue, field: String) throws(SchemaError) -> AdministrationRecord {
        let object = try Object(value, field: field + "/_0")
        var answers: [ItemResponse] = []
        for (index, answer) in try object.array("answers").enumerated() {
            let (name, body) = try Object(answer, field: object.field + "/answers/\(index)").single()
            switch name {
            case "answered": answers.append(.answered(try Object(body, field: object.field).int("_0")))
            case "notAnswered": answers.append(.notAnswered)
            case "notApplicable": answers.append(.notApplicable)
            default: throw SchemaError(field: object.field + "/answers/\(index)", "unknown v1 answer")
            }
        }
        var flags: [RiskFlag] = []
        for (index, flag) in try object.array("riskFlags").enumerated() {
            let flagObject = try Object(flag, field: object.field + "/riskFlags/\(index)")
            let (reasonName, reasonBody) = try Object(try flagObject.value("reason"), field: flagObject.field).single()
            let reason: RiskFlag.Reason
            switch reasonName {
            case "positiveAnswer":
                reason = .positiveAnswer(value: try Object(reasonBody, field: flagObject.field).int("value"))
            case "notAnswered": reason = .notAnswered
            default: throw SchemaError(field: flagObject.field + "/reason", "unknown v1 flag reason")
            }
            guard let urgency = Urgency(rawValue: try flagObject.int("urgency")) else {
                throw SchemaError(field: flagObject.field + "/urgency", "unknown v1 urgency")
            }
            flags.append(
                RiskFlag(
                    ruleID: try flagObject.string("ruleID"), item: try flagObject.int("item"), reason: reason,
                    urgency: urgency, action: try flagObject.string("action")))
        }
        let total = try object.optional("total").map { value throws(SchemaError) in
            Score(exactly: try Object(value, field: object.field + "/total").double("value"))
        }
        return AdministrationRecord(
            instrumentID: try object.string("instrumentID"), variantID: try object.optionalString("variantID"),
            edition: try object.optionalString("edition"), answers: answers, total: total,
            bandIndex: try object.optional("bandIndex").map { value throws(SchemaError) in
                guard case .int(let index) = value else {
                    throw SchemaError(field: object.field + "/bandIndex", "not a whole number")
                }
                return index
            }, bandLabel: try object.optionalString("bandLabel"), riskFlags: flags)
    }

    private static func actor(_ value: JSONValue, field: String) throws(SchemaError) -> Actor {
        let object = try Object(value, field: field)
        let role = try Object(try object.value("role"), field: field + "/role")
        return Actor(name: try object.string("name"), role: Role(try role.string("id"), name: try role.string("name")))
    }
}

/// A v1 JSON object read member by member, with the field path for errors.
private struct Object {
    let members: [(String, JSONValue)]
    let field: String

    init(_ value: JSONValue, field: String) throws(SchemaError) {
        guard case .object(let members) = value else { throw SchemaError(field: field, "expected an object") }
        self.members = members
        self.field = field
    }

    func optional(_ name: String) -> JSONValue? {
        guard let value = members.first(where: { $0.0 == name })?.1, value != .null else { return nil }
        return value
    }

    func value(_ name: String) throws(SchemaError) -> JSONValue {
        guard let value = optional(name) else { throw SchemaError(field: field + "/" + name, "missing") }
        return value
    }

    func single() throws(SchemaError) -> (String, JSONValue) {
        guard members.count == 1 else { throw SchemaError(field: field, "expected exactly one member") }
        return members[0]
    }

    func string(_ name: String) throws(SchemaError) -> String {
        guard case .string(let text) = try value(name) else { throw SchemaError(field: field + "/" + name, "not text") }
        return text
    }

    func optionalString(_ name: String) throws(SchemaError) -> String? {
        guard optional(name) != nil else { return nil }
        return try string(name)
    }

    func int(_ name: String) throws(SchemaError) -> Int {
        guard case .int(let value) = try value(name) else {
            throw SchemaError(field: field + "/" + name, "not a whole number")
        }
        return value
    }

    func double(_ name: String) throws(SchemaError) -> Double {
        switch try value(name) {
        case .int(let value): return Double(value)
        case .number(let value): return value
        default: throw SchemaError(field: field + "/" + name, "not a number")
        }
    }

    func bool(_ name: String) throws(SchemaError) -> Bool {
        guard case .bool(let value) = try value(name) else {
            throw SchemaError(field: field + "/" + name, "not true/false")
        }
        return value
    }

    func array(_ name: String) throws(SchemaError) -> [JSONValue] {
        guard case .array(let values) = try value(name) else {
            throw SchemaError(field: field + "/" + name, "not a list")
        }
        return values
    }

    func minutes(_ name: String) throws(SchemaError) -> Instant {
        let object = try Object(try value(name), field: field + "/" + name)
        return Instant(minutes: try object.int("minutes"))
    }
}
