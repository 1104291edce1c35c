public import StepCareCore
public import StepCareJSON

/// Reads an event's `detail` object back into the event kind, strictly: an unknown field, a missing field or a
/// value of the wrong kind is an error naming the field.
public enum EventDetailReader {
    /// The event kind for `code` with the detail in `json`.
    ///
    /// - Parameter field: the JSON pointer of the detail object, for errors.
    public static func kind(
        code: String, detail json: String, field: String = "/detail"
    ) throws(SchemaError)
        -> CaseEventKind
    {
        if json == "{}", let simple = simple(code) { return simple }
        var scanner = JSONScanner(json)
        let kind = try kind(code: code, from: &scanner, field: field)
        do { try scanner.end() } catch { throw SchemaError(field: field, error) }
        return kind
    }

    /// Reads the detail object for `code` at the scanner's position.
    public static func kind(
        code: String, from scanner: inout JSONScanner, field: String
    ) throws(SchemaError)
        -> CaseEventKind
    {
        guard EventKindCode.all.contains(code) else {
            throw SchemaError(
                field: "/kind", "unknown event kind; the kinds are " + EventKindCode.all.joined(separator: ", "))
        }
        var fields = FieldReader(field: field)
        do {
            try scanner.beginObject()
            while let key = try scanner.nextKey() {
                try fields.read(key, code: code, from: &scanner)
            }
        } catch let error as SchemaError {
            throw error
        } catch let failure as JSONScanner.Failure {
            throw SchemaError(field: field + fields.current, failure)
        } catch {
            throw SchemaError(field: field, "unreadable")
        }
        return try fields.kind(code: code)
    }

    static func simple(_ code: String) -> CaseEventKind? {
        switch code {
        case "attended": .contact(attended: true)
        case "no-show": .contact(attended: false)
        case "crisis": .crisisContact
        case "ed-visit": .emergencyVisit
        case "medication-concern": .medicationConcern
        default: nil
        }
    }
}

/// The fields of one detail object as they are read, then checked and assembled by kind.
private struct FieldReader {
    let field: String
    var current = ""
    var strings: [String: String] = [:]
    var integers: [String: Int] = [:]
    var actors: [String: Actor] = [:]
    var total: Double?
    var bandIndex: Int?
    var bandLabel: String?
    var answers: [ItemResponse] = []
    var itemCodes: [Code?] = []
    var answerCodes: [Code?] = []
    var instrumentCodes: [Code]?
    var riskFlags: [RiskFlag] = []
    var sawAnswers = false
    var sawFlags = false

    init(field: String) { self.field = field }

    /// The fields each kind allows.
    static let allowed: [String: Set<String>] = [
        "referral": ["preference"],
        "administration": ["instrument", "variant", "edition", "codes", "answers", "total", "band", "riskFlags"],
        "plan": ["plan", "earlyWarningSigns", "copingActions", "reaccessRoute", "followUpSchedule", "summary"],
        "review": ["review", "by", "coSigner"],
        "placement": ["tier", "from", "slot", "by", "coSigner", "reason", "deviation"],
        "waitlisted": ["tier", "move", "by"],
        "handover": ["number", "due"],
        "discharge": ["by", "coSigner", "reason"],
    ]

    static func group(_ code: String) -> String {
        MoveKind(rawValue: code) != nil ? "placement" : code
    }

    mutating func read(_ key: String, code: String, from scanner: inout JSONScanner) throws {
        current = "/" + key
        guard Self.allowed[Self.group(code)]?.contains(key) == true else {
            throw SchemaError(field: field + current, "a \(code) event has no field \(key.prefix(40))")
        }
        switch key {
        case "by", "coSigner": actors[key] = try Self.actor(&scanner, field: field + current)
        case "number": integers[key] = try scanner.integer()
        case "total": total = try scanner.number()
        case "band":
            try scanner.beginObject()
            while let member = try scanner.nextKey() {
                switch member {
                case "index": bandIndex = try scanner.integer()
                case "label": bandLabel = try scanner.string()
                default: throw SchemaError(field: field + "/band/" + member, "unknown field")
                }
            }
        case "codes":
            var codes: [Code] = []
            try scanner.beginArray()
            while try scanner.nextElement() {
                codes.append(try Self.code(&scanner, field: field + "/codes/\(codes.count)"))
            }
            instrumentCodes = codes
        case "answers":
            sawAnswers = true
            try scanner.beginArray()
            while try scanner.nextElement() { try answer(&scanner) }
        case "riskFlags":
            sawFlags = true
            try scanner.beginArray()
            while try scanner.nextElement() { try flag(&scanner) }
        default: strings[key] = try scanner.string()
        }
    }

    private mutating func answer(_ scanner: inout JSONScanner) throws {
        let at = field + "/answers/\(answers.count)"
        var item: Int?
        var response: ItemResponse?
        var itemCode: Code?
        var answerCode: Code?
        try scanner.beginObject()
        while let key = try scanner.nextKey() {
            switch key {
            case "item": item = try scanner.integer()
            case "value": response = .answered(try scanner.integer())
            case "status":
                switch try scanner.string() {
                case "not-answered": response = .notAnswered
                case "not-applicable": response = .notApplicable
                default: throw SchemaError(field: at + "/status", "status is not-answered or not-applicable")
                }
            case "itemCode": itemCode = try Self.code(&scanner, field: at + "/itemCode")
            case "answerCode": answerCode = try Self.code(&scanner, field: at + "/answerCode")
            default: throw SchemaError(field: at + "/" + key.prefix(40), "an answer has no such field")
            }
        }
        guard item == answers.count + 1 else {
            throw SchemaError(
                field: at + "/item", "answers are listed in item order: this one is item \(answers.count + 1)")
        }
        guard let response else { throw SchemaError(field: at, "an answer needs a value or a status") }
        answers.append(response)
        itemCodes.append(itemCode)
        answerCodes.append(answerCode)
    }

    private mutating func flag(_ scanner: inout JSONScanner) throws {
        let at = field + "/riskFlags/\(riskFlags.count)"
        var values: [String: String] = [:]
        var item: Int?
        var value: Int?
        try scanner.beginObject()
        while let key = try scanner.nextKey() {
            switch key {
            case "item": item = try scanner.integer()
            case "value": value = try scanner.integer()
            case "rule", "reason", "urgency", "action": values[key] = try scanner.string()
            default: throw SchemaError(field: at + "/" + key.prefix(40), "a risk flag has no such field")
            }
        }
        for name in ["rule", "reason", "urgency", "action"] where values[name] == nil {
            throw SchemaError(field: at + "/" + name, "missing")
        }
        guard let item else { throw SchemaError(field: at + "/item", "missing") }
        guard let urgency = Urgency(identifier: values["urgency"] ?? "") else {
            throw SchemaError(field: at + "/urgency", "urgency is routine, same-day or immediate")
        }
        let reason: RiskFlag.Reason
        switch values["reason"] {
        case "positive-answer":
            guard let value else { throw SchemaError(field: at + "/value", "a positive answer needs its value") }
            reason = .positiveAnswer(value: value)
        case "not-answered":
            guard value == nil else { throw SchemaError(field: at + "/value", "an unanswered item has no value") }
            reason = .notAnswered
        default: throw SchemaError(field: at + "/reason", "reason is positive-answer or not-answered")
        }
        riskFlags.append(
            RiskFlag(
                ruleID: values["rule"] ?? "", item: item, reason: reason, urgency: urgency,
                action: values["action"] ?? ""))
    }

    static func actor(_ scanner: inout JSONScanner, field: String) throws -> Actor {
        var values: [String: String] = [:]
        try scanner.beginObject()
        while let key = try scanner.nextKey() {
            guard ["staff", "role", "roleName"].contains(key) else {
                throw SchemaError(field: field + "/" + key.prefix(40), "an actor has staff, role and roleName")
            }
            values[key] = try scanner.string()
        }
        guard let staff = values["staff"], let role = values["role"] else {
            throw SchemaError(field: field, "an actor needs staff and role")
        }
        return Actor(name: staff, role: Role(role, name: values["roleName"] ?? role))
    }

    static func code(_ scanner: inout JSONScanner, field: String) throws -> Code {
        var values: [String: String] = [:]
        try scanner.beginObject()
        while let key = try scanner.nextKey() {
            guard ["system", "code", "display"].contains(key) else {
                throw SchemaError(field: field + "/" + key.prefix(40), "a code has system, code and display")
            }
            values[key] = try scanner.string()
        }
        guard let system = values["system"], let value = values["code"] else {
            throw SchemaError(field: field, "a code needs system and code")
        }
        return Code(system: system, value: value, display: values["display"])
    }

    func string(_ name: String) throws(SchemaError) -> String {
        guard let value = strings[name] else { throw SchemaError(field: field + "/" + name, "missing") }
        return value
    }

    func actor(_ name: String) throws(SchemaError) -> Actor {
        guard let value = actors[name] else { throw SchemaError(field: field + "/" + name, "missing") }
        return value
    }

    func choice<Value>(_ name: String, _ make: (String) -> Value?, _ allowed: String) throws(SchemaError) -> Value {
        guard let value = make(try string(name)) else {
            throw SchemaError(field: field + "/" + name, "\(name) is one of: \(allowed)")
        }
        return value
    }

    func kind(code: String) throws(SchemaError) -> CaseEventKind {
        if let simple = EventDetailReader.simple(code) { return simple }
        switch code {
        case "referral":
            return .referral(preference: strings["preference"])
        case "administration":
            guard sawAnswers else { throw SchemaError(field: field + "/answers", "missing") }
            guard sawFlags else { throw SchemaError(field: field + "/riskFlags", "missing") }
            guard bandLabel == nil || bandIndex != nil else {
                throw SchemaError(field: field + "/band/index", "missing")
            }
            let hasCodes =
                instrumentCodes != nil || itemCodes.contains { $0 != nil } || answerCodes.contains { $0 != nil }
            return .administration(
                AdministrationRecord(
                    instrumentID: try string("instrument"), variantID: strings["variant"], edition: strings["edition"],
                    answers: answers, total: total.map(Score.init(exactly:)), bandIndex: bandIndex,
                    bandLabel: bandLabel, riskFlags: riskFlags,
                    codes: hasCodes
                        ? AdministrationCodes(instrument: instrumentCodes ?? [], items: itemCodes, answers: answerCodes)
                        : nil))
        case "plan":
            switch try string("plan") {
            case "stability":
                return .plan(
                    .stability(
                        StabilityPlan(
                            earlyWarningSigns: try string("earlyWarningSigns"),
                            copingActions: try string("copingActions"),
                            reaccessRoute: try string("reaccessRoute"), followUpSchedule: try string("followUpSchedule")
                        )))
            case "safety":
                return .plan(.safety(summary: try string("summary")))
            default: throw SchemaError(field: field + "/plan", "plan is stability or safety")
            }
        case "review":
            let review = try choice("review", ReviewKind.init(rawValue:), "structured, risk, supervisor")
            return .review(review, by: try actor("by"), coSigner: actors["coSigner"])
        case "place", "step-up", "step-down", "override":
            let slot = try choice("slot", Slot.init(rawValue:), "standard, rapid-access, exception")
            return .placement(
                Placement(
                    tier: try string("tier"), from: strings["from"], kind: MoveKind(rawValue: code) ?? .place,
                    slot: slot,
                    actor: try actor("by"), coSigner: actors["coSigner"], reason: strings["reason"],
                    deviation: strings["deviation"]))
        case "waitlisted":
            let move = try choice("move", MoveCode.move, "place, step-up, step-down, override")
            return .waitlisted(tier: try string("tier"), move: move, actor: try actor("by"))
        case "handover":
            guard let number = integers["number"] else { throw SchemaError(field: field + "/number", "missing") }
            guard let due = RecordTime.instant(try string("due")) else {
                throw SchemaError(field: field + "/due", "a time is written 2026-01-06T09:00:00Z")
            }
            return .handoverScheduled(number: number, due: due)
        case "discharge":
            return .discharge(by: try actor("by"), coSigner: actors["coSigner"], reason: strings["reason"])
        default:
            throw SchemaError(
                field: "/kind", "unknown event kind; the kinds are " + EventKindCode.all.joined(separator: ", "))
        }
    }
}
