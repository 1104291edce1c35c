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

    /// The event kind for `code` with the detail in `bytes` (UTF-8 JSON, as stored).
    public static func kind(
        code: String, detail bytes: [UInt8], field: String = "/detail"
    ) throws(SchemaError)
        -> CaseEventKind
    {
        if bytes == [0x7B, 0x7D], let simple = simple(code) { return simple }
        var scanner = JSONScanner(bytes)
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
        let allowed = FieldReader.allowed(code)
        do {
            try scanner.beginObject()
            while let position = try scanner.nextKey(in: DetailKey.keys) {
                guard let key = DetailKey(rawValue: position), allowed & (1 << position) != 0 else {
                    let name = scanner.lastKey.prefix(40)
                    throw SchemaError(field: field + "/" + name, "a \(code) event has no field \(name)")
                }
                try fields.read(key, from: &scanner)
            }
        } catch let error as SchemaError {
            throw error
        } catch let failure as JSONScanner.Failure {
            throw SchemaError(field: fields.current.map { "\(field)/\($0)" } ?? field, failure)
        } catch {
            throw SchemaError(field: field, "unreadable")
        }
        return try fields.kind(code: code)
    }

    static func simple(_ code: String) -> CaseEventKind? {
        switch code {
        case "attended": .contact(attended: true)
        case "no-show": .contact(attended: false)
        case "crisis": .crisisContact()
        case "ed-visit": .emergencyVisit()
        case "medication-concern": .medicationConcern
        case "medication-question": .prescriberQuestion
        default: nil
        }
    }
}

/// Every member name a detail object can carry; those before `codes` are text.
private enum DetailKey: Int, CaseIterable {
    case preference, instrument, variant, edition, plan, earlyWarningSigns, copingActions, reaccessRoute
    case followUpSchedule, summary, review, tier, from, slot, reason, deviation, move, due, about, text
    case channel, outcome, safetyActions, checkIns, stepDownTarget, clinician, coordinator, team, change, with
    case purpose, method
    case codes, answers, total, band, riskFlags, by, coSigner, number, replacement

    static let keys = JSONKeys(allCases.map { "\($0)" })
    static let textCount = DetailKey.codes.rawValue

    /// The bit set of `keys`.
    static func mask(_ keys: [DetailKey]) -> UInt64 { keys.reduce(0) { $0 | 1 << $1.rawValue } }
}

private let answerKeys = JSONKeys(["item", "value", "status", "itemCode", "answerCode"])
private let flagKeys = JSONKeys(["rule", "item", "reason", "urgency", "action", "value"])
private let actorKeys = JSONKeys(["staff", "role", "roleName"])
private let codeKeys = JSONKeys(["system", "code", "display"])
private let bandKeys = JSONKeys(["index", "label"])
private let replacementKeys = JSONKeys(["kind", "detail"])

/// The fields of one detail object as they are read, then checked and assembled by kind. Paths for errors
/// are built only when there is an error.
private struct FieldReader {
    let field: String
    var texts = [String?](repeating: nil, count: DetailKey.textCount)
    var number: Int?
    var by: Actor?
    var coSigner: Actor?
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
    var current: DetailKey?
    var replacement: CaseEventKind?

    init(field: String) { self.field = field }

    /// The keys a `code` event's detail may carry, as a bit set of ``DetailKey`` positions.
    static func allowed(_ code: String) -> UInt64 {
        switch code {
        case "referral": DetailKey.mask([.preference])
        case "administration":
            DetailKey.mask([.instrument, .variant, .edition, .codes, .answers, .total, .band, .riskFlags])
        case "plan":
            DetailKey.mask([
                .plan, .earlyWarningSigns, .copingActions, .reaccessRoute, .followUpSchedule, .summary, .safetyActions,
                .checkIns, .stepDownTarget,
            ])
        case "crisis": DetailKey.mask([.channel, .outcome])
        case "ed-visit": DetailKey.mask([.outcome])
        case "assignment": DetailKey.mask([.clinician, .coordinator, .team, .by])
        case "appointment": DetailKey.mask([.change, .number, .due, .with, .purpose, .reason, .by])
        case "outreach": DetailKey.mask([.method, .outcome, .by])
        case "review": DetailKey.mask([.review, .by, .coSigner])
        case "place", "step-up", "step-down", "override":
            DetailKey.mask([.tier, .from, .slot, .by, .coSigner, .reason, .deviation])
        case "waitlisted": DetailKey.mask([.tier, .move, .by])
        case "handover": DetailKey.mask([.number, .due])
        case "discharge": DetailKey.mask([.by, .coSigner, .reason])
        case "note": DetailKey.mask([.about, .text])
        case "correction": DetailKey.mask([.number, .reason, .by, .replacement])
        default: 0
        }
    }

    mutating func read(_ key: DetailKey, from scanner: inout JSONScanner) throws {
        current = key
        switch key {
        case .by: by = try Self.actor(&scanner) { "\(field)/by" }
        case .coSigner: coSigner = try Self.actor(&scanner) { "\(field)/coSigner" }
        case .number: number = try scanner.integer()
        case .total: total = try scanner.number()
        case .band:
            try scanner.beginObject()
            while let member = try scanner.nextKey(in: bandKeys) {
                switch member {
                case 0: bandIndex = try scanner.integer()
                case 1: bandLabel = try scanner.string()
                default: throw SchemaError(field: field + "/band/" + scanner.lastKey.prefix(40), "unknown field")
                }
            }
        case .codes:
            var codes: [Code] = []
            try scanner.beginArray()
            while try scanner.nextElement() {
                let index = codes.count
                codes.append(try Self.code(&scanner) { "\(field)/codes/\(index)" })
            }
            instrumentCodes = codes
        case .answers:
            sawAnswers = true
            answers.reserveCapacity(16)
            itemCodes.reserveCapacity(16)
            answerCodes.reserveCapacity(16)
            try scanner.beginArray()
            while try scanner.nextElement() { try answer(&scanner) }
        case .replacement:
            // {"kind": CODE, "detail": {…}}: the kind first, so the detail is read for it.
            let at = field + "/replacement"
            try scanner.beginObject()
            guard try scanner.nextKey(in: replacementKeys) == 0 else {
                throw SchemaError(field: at + "/kind", "a replacement gives its kind first, then its detail")
            }
            let code = try scanner.string()
            guard code != "correction", EventKindCode.all.contains(code) else {
                throw SchemaError(field: at + "/kind", "a replacement is an ordinary event kind")
            }
            guard try scanner.nextKey(in: replacementKeys) == 1 else {
                throw SchemaError(field: at + "/detail", "missing")
            }
            replacement = try EventDetailReader.kind(code: code, from: &scanner, field: at + "/detail")
            guard try scanner.nextKey(in: replacementKeys) == nil else {
                throw SchemaError(field: at, "a replacement has only kind and detail")
            }
        case .riskFlags:
            sawFlags = true
            try scanner.beginArray()
            while try scanner.nextElement() { try flag(&scanner) }
        default:
            texts[key.rawValue] = try scanner.string()
        }
    }

    private mutating func answer(_ scanner: inout JSONScanner) throws {
        let index = answers.count
        let at = { [field] in "\(field)/answers/\(index)" }
        var item: Int?
        var response: ItemResponse?
        var itemCode: Code?
        var answerCode: Code?
        try scanner.beginObject()
        while let key = try scanner.nextKey(in: answerKeys) {
            switch key {
            case 0: item = try scanner.integer()
            case 1: response = .answered(try scanner.integer())
            case 2:
                switch try scanner.string() {
                case "not-answered": response = .notAnswered
                case "not-applicable": response = .notApplicable
                default: throw SchemaError(field: at() + "/status", "status is not-answered or not-applicable")
                }
            case 3: itemCode = try Self.token(&scanner) { at() + "/itemCode" }
            case 4: answerCode = try Self.token(&scanner) { at() + "/answerCode" }
            default: throw SchemaError(field: at() + "/" + scanner.lastKey.prefix(40), "an answer has no such field")
            }
        }
        guard item == index + 1 else {
            throw SchemaError(field: at() + "/item", "answers are listed in item order: this one is item \(index + 1)")
        }
        guard let response else { throw SchemaError(field: at(), "an answer needs a value or a status") }
        answers.append(response)
        itemCodes.append(itemCode)
        answerCodes.append(answerCode)
    }

    private mutating func flag(_ scanner: inout JSONScanner) throws {
        let index = riskFlags.count
        let at = { [field] in "\(field)/riskFlags/\(index)" }
        var rule: String?
        var reasonCode: String?
        var urgencyCode: String?
        var action: String?
        var item: Int?
        var value: Int?
        try scanner.beginObject()
        while let key = try scanner.nextKey(in: flagKeys) {
            switch key {
            case 0: rule = try scanner.string()
            case 1: item = try scanner.integer()
            case 2: reasonCode = try scanner.string()
            case 3: urgencyCode = try scanner.string()
            case 4: action = try scanner.string()
            case 5: value = try scanner.integer()
            default: throw SchemaError(field: at() + "/" + scanner.lastKey.prefix(40), "a risk flag has no such field")
            }
        }
        guard let rule else { throw SchemaError(field: at() + "/rule", "missing") }
        guard let action else { throw SchemaError(field: at() + "/action", "missing") }
        guard let item else { throw SchemaError(field: at() + "/item", "missing") }
        guard let urgency = urgencyCode.flatMap(Urgency.init(identifier:)) else {
            throw SchemaError(field: at() + "/urgency", "urgency is routine, same-day or immediate")
        }
        let reason: RiskFlag.Reason
        switch reasonCode {
        case "positive-answer":
            guard let value else { throw SchemaError(field: at() + "/value", "a positive answer needs its value") }
            reason = .positiveAnswer(value: value)
        case "not-answered":
            guard value == nil else { throw SchemaError(field: at() + "/value", "an unanswered item has no value") }
            reason = .notAnswered
        default: throw SchemaError(field: at() + "/reason", "reason is positive-answer or not-answered")
        }
        riskFlags.append(RiskFlag(ruleID: rule, item: item, reason: reason, urgency: urgency, action: action))
    }

    static func actor(_ scanner: inout JSONScanner, field: () -> String) throws -> Actor {
        var staff: String?
        var role: String?
        var roleName: String?
        try scanner.beginObject()
        while let key = try scanner.nextKey(in: actorKeys) {
            switch key {
            case 0: staff = try scanner.string()
            case 1: role = try scanner.string()
            case 2: roleName = try scanner.string()
            default:
                throw SchemaError(
                    field: field() + "/" + scanner.lastKey.prefix(40), "an actor has staff, role and roleName")
            }
        }
        guard let staff, let role else { throw SchemaError(field: field(), "an actor needs staff and role") }
        return Actor(name: staff, role: Role(role, name: roleName ?? role))
    }

    /// `SYSTEM|CODE`.
    static func token(_ scanner: inout JSONScanner, field: () -> String) throws -> Code {
        guard let (system, value) = try scanner.splitString(at: UInt8(ascii: "|")), !system.isEmpty, !value.isEmpty
        else { throw SchemaError(field: field(), "a code is written SYSTEM|CODE, e.g. LOINC|44250-9") }
        return Code(system: system, value: value)
    }

    static func code(_ scanner: inout JSONScanner, field: () -> String) throws -> Code {
        var system: String?
        var value: String?
        var display: String?
        try scanner.beginObject()
        while let key = try scanner.nextKey(in: codeKeys) {
            switch key {
            case 0: system = try scanner.string()
            case 1: value = try scanner.string()
            case 2: display = try scanner.string()
            default:
                throw SchemaError(
                    field: field() + "/" + scanner.lastKey.prefix(40), "a code has system, code and display")
            }
        }
        guard let system, let value else { throw SchemaError(field: field(), "a code needs system and code") }
        return Code(system: system, value: value, display: display)
    }

    func text(_ name: DetailKey) -> String? { texts[name.rawValue] }

    func string(_ name: DetailKey) throws(SchemaError) -> String {
        guard let value = texts[name.rawValue] else { throw SchemaError(field: "\(field)/\(name)", "missing") }
        return value
    }

    func required(_ actor: Actor?, _ name: String) throws(SchemaError) -> Actor {
        guard let actor else { throw SchemaError(field: field + "/" + name, "missing") }
        return actor
    }

    func choice<Value>(_ name: DetailKey, _ make: (String) -> Value?, _ allowed: String) throws(SchemaError) -> Value {
        guard let value = make(try string(name)) else {
            throw SchemaError(field: "\(field)/\(name)", "\(name) is one of: \(allowed)")
        }
        return value
    }

    /// A stable code of `Value` in field `name`.
    func choice<Value: RawRepresentable & CaseIterable>(
        _ name: DetailKey, _ type: Value.Type
    ) throws(SchemaError) -> Value where Value.RawValue == String {
        try choice(name, Value.init(rawValue:), Value.allCases.map(\.rawValue).joined(separator: ", "))
    }

    /// A stable code of `Value` in field `name`, when present.
    func optionalChoice<Value: RawRepresentable & CaseIterable>(
        _ name: DetailKey, _ type: Value.Type
    ) throws(SchemaError) -> Value? where Value.RawValue == String {
        text(name) == nil ? nil : try choice(name, type)
    }

    func appointmentChange() throws(SchemaError) -> AppointmentChange {
        guard let number, number >= 1 else { throw SchemaError(field: field + "/number", "a number from 1") }
        func due() throws(SchemaError) -> Instant {
            guard let due = RecordTime.instant(try string(.due)) else {
                throw SchemaError(field: field + "/due", "a time is written 2026-01-06T09:00:00Z")
            }
            return due
        }
        switch try string(.change) {
        case "booked":
            return .booked(
                Appointment(
                    number: number, due: try due(), with: try string(.with),
                    purpose: try choice(.purpose, AppointmentPurpose.self)))
        case "rescheduled": return .rescheduled(number: number, to: try due())
        case "cancelled": return .cancelled(number: number, reason: text(.reason))
        default: throw SchemaError(field: field + "/change", "change is booked, rescheduled or cancelled")
        }
    }

    func kind(code: String) throws(SchemaError) -> CaseEventKind {
        if code != "crisis", code != "ed-visit", let simple = EventDetailReader.simple(code) { return simple }
        switch code {
        case "referral":
            return .referral(preference: text(.preference))
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
                    instrumentID: try string(.instrument), variantID: text(.variant), edition: text(.edition),
                    answers: answers, total: total.map(Score.init(exactly:)), bandIndex: bandIndex,
                    bandLabel: bandLabel, riskFlags: riskFlags,
                    codes: hasCodes
                        ? AdministrationCodes(instrument: instrumentCodes ?? [], items: itemCodes, answers: answerCodes)
                        : nil))
        case "plan":
            switch try string(.plan) {
            case "stability":
                return .plan(
                    .stability(
                        StabilityPlan(
                            earlyWarningSigns: try string(.earlyWarningSigns),
                            copingActions: try string(.copingActions),
                            reaccessRoute: try string(.reaccessRoute), followUpSchedule: try string(.followUpSchedule)
                        )))
            case "safety":
                return .plan(.safety(summary: try string(.summary)))
            case "step-up":
                return .plan(
                    .stepUp(
                        StepUpPlan(
                            safetyActions: try string(.safetyActions), checkIns: try string(.checkIns),
                            stepDownTarget: try string(.stepDownTarget))))
            default: throw SchemaError(field: field + "/plan", "plan is stability, safety or step-up")
            }
        case "crisis":
            return .crisisContact(
                CrisisDetail(
                    channel: try optionalChoice(.channel, CrisisChannel.self),
                    outcome: try optionalChoice(.outcome, CrisisOutcome.self)))
        case "ed-visit":
            return .emergencyVisit(outcome: try optionalChoice(.outcome, EmergencyOutcome.self))
        case "assignment":
            return .assignment(
                Assignment(
                    clinician: try string(.clinician), coordinator: text(.coordinator), team: text(.team),
                    by: try required(by, "by")))
        case "appointment":
            return .appointment(try appointmentChange(), by: try required(by, "by"))
        case "outreach":
            return .outreach(
                method: try choice(.method, OutreachMethod.self), outcome: try choice(.outcome, OutreachOutcome.self),
                by: try required(by, "by"))
        case "review":
            let review = try choice(.review, ReviewKind.init(rawValue:), "structured, risk, supervisor")
            return .review(review, by: try required(by, "by"), coSigner: coSigner)
        case "place", "step-up", "step-down", "override":
            let slot = try choice(.slot, Slot.init(rawValue:), "standard, rapid-access, exception")
            return .placement(
                Placement(
                    tier: try string(.tier), from: text(.from), kind: MoveKind(rawValue: code) ?? .place,
                    slot: slot,
                    actor: try required(by, "by"), coSigner: coSigner, reason: text(.reason),
                    deviation: text(.deviation)))
        case "waitlisted":
            let move = try choice(.move, MoveCode.move, "place, step-up, step-down, override")
            return .waitlisted(tier: try string(.tier), move: move, actor: try required(by, "by"))
        case "handover":
            guard let number else { throw SchemaError(field: field + "/number", "missing") }
            guard let due = RecordTime.instant(try string(.due)) else {
                throw SchemaError(field: field + "/due", "a time is written 2026-01-06T09:00:00Z")
            }
            return .handoverScheduled(number: number, due: due)
        case "discharge":
            return .discharge(by: try required(by, "by"), coSigner: coSigner, reason: text(.reason))
        case "correction":
            guard let number, number >= 1 else { throw SchemaError(field: field + "/number", "a number from 1") }
            let reason = try string(.reason)
            guard !reason.allSatisfy(\.isWhitespace) else { throw SchemaError(field: field + "/reason", "empty") }
            return .correction(
                Correction(number: number, reason: reason, by: try required(by, "by"), replacement: replacement))
        case "note":
            let subject = try choice(
                .about, CaseNote.Subject.init(rawValue:),
                CaseNote.Subject.allCases.map(\.rawValue).joined(separator: ", "))
            let text = try string(.text)
            do throws(StepCareError) {
                return .note(try CaseNote(subject, text: text))
            } catch {
                throw SchemaError(field: field + "/text", error.message)
            }
        default:
            throw SchemaError(
                field: "/kind", "unknown event kind; the kinds are " + EventKindCode.all.joined(separator: ", "))
        }
    }
}
