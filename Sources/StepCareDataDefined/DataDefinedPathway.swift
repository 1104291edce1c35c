public import StepCareCore
import StepCareJSON

/// A pathway written as a JSON file instead of a Swift module: tiers, entry and exclusion criteria, movement
/// rules in the condition vocabulary, decision rights, capacity and named parameters.
///
/// The format (`"format": "stepcare-pathway/1"`, schema `schema/stepcare-pathway-definition-1.schema.json`)
/// is documented in `docs/pathway-as-data.md`. Reading checks every field by name and refuses unknown ones;
/// the registry then applies the same ``PathwayCheck``s as to a compiled module. A number or length of time
/// may name a parameter (`"$step-up-window"`), and a title may quote one (`{step-up-window}`), so the
/// pathway can be configured like a Swift one: its ``Pathway/builder`` reads the file again with the
/// service's values.
public enum DataDefinedPathway {
    /// The format identifier this version reads.
    public static let format = "stepcare-pathway/1"
    /// The largest definition file, in bytes.
    public static let largestFile = 1 << 20
    /// The most tiers, rules, rights or parameters a definition may list, each.
    public static let mostEntries = 500
    /// The deepest nesting of `all`, `any` and `not`.
    public static let deepestCondition = 16

    /// Reads a pathway from JSON text.
    ///
    /// - Throws: ``StepCareError`` with code `invalidDefinition`, naming the field and what it must be.
    public static func pathway(json: [UInt8]) throws(StepCareError) -> Pathway {
        let root = try parse(json)
        do {
            return try read(root, values: [:])
        } catch {
            throw StepCareError(
                .invalidDefinition, "field \(error.field) \(error.message)",
                hint: "see docs/pathway-as-data.md for the pathway format")
        }
    }

    static func parse(_ bytes: [UInt8]) throws(StepCareError) -> JSONValue {
        let json = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes  // a UTF-8 mark
        guard json.count <= largestFile else {
            throw StepCareError(
                .invalidDefinition, "the definition is larger than \(largestFile >> 20) MiB",
                hint: "a pathway definition is tens of kilobytes; check that this is the right file")
        }
        do { return try JSONParser.parse(json) } catch {
            throw StepCareError(
                .invalidDefinition, "the definition is not valid JSON (\(error))", hint: "fix the JSON syntax there")
        }
    }

    private static let fields = [
        "format", "id", "name", "version", "summary", "source", "roles", "parameters", "tiers", "rules", "rights",
        "handoverContacts",
    ]

    /// The pathway in `root`, with `values` (by parameter id) in place of the parameters' own.
    static func read(_ root: JSONValue, values: [String: PathwayParameter.Value]) throws(FieldError) -> Pathway {
        guard case .object = root else { throw FieldError("(the whole file)", "must be a JSON object") }
        let object = try JSONReader(root, path: "")
        try object.refuseUnknown(fields)
        guard try object.string("format") == format else { throw FieldError("format", "must be \"\(format)\"") }
        var reader = DefinitionReader(parameters: [])
        for (path, value) in try bounded(object.array("parameters", required: false), "parameters") {
            var parameter = try reader.parameter(value, path: path)
            guard !reader.parameters.contains(where: { $0.id == parameter.id }) else {
                throw FieldError(JSONReader.join(path, "id"), "repeats another parameter's id")
            }
            parameter = ParameterValues(values)[parameter]
            reader.parameters.append(parameter)
        }
        let roles = try object.value("roles") == nil ? Role.standard : reader.roles(object.array("roles"))
        let tiers = try bounded(object.array("tiers"), "tiers").map { (path, value) throws(FieldError) in
            try reader.tier(value, path: path)
        }
        let rules = try bounded(object.array("rules", required: false), "rules").map {
            (path, value) throws(FieldError) in try reader.rule(value, path: path)
        }
        let rights = try bounded(object.array("rights"), "rights").map { (path, value) throws(FieldError) in
            try reader.right(value, path: path, roles: roles)
        }
        let handovers = try object.array("handoverContacts", required: false).map {
            (path, value) throws(FieldError) in try reader.span(value, path: path)
        }
        guard handovers.count <= 16 else { throw FieldError("handoverContacts", "must list at most 16") }
        try DefinitionReader.identifier(object.string("id"), "id")
        for (index, tier) in tiers.enumerated() { try DefinitionReader.identifier(tier.id, "tiers[\(index)].id") }
        for rule in tiers.flatMap({ $0.escalationRules + $0.stepDownRules }) + rules {
            try DefinitionReader.identifier(rule.id, "rule \(rule.id.prefix(40))")
        }
        for role in roles { try DefinitionReader.identifier(role.id, "role \(role.id.prefix(40))") }
        let version = try object.int("version")
        guard version >= 1 else { throw FieldError("version", "must be 1 or more") }
        return Pathway(
            id: try object.string("id"), name: try object.string("name"), version: version,
            summary: try reader.text(object.string("summary"), path: "summary"), source: try object.string("source"),
            tiers: tiers, rules: rules, rights: DecisionRights(rights), roles: roles, handoverContacts: handovers,
            parameters: reader.parameters,
            builder: PathwayBuilder { values in (try? read(root, values: values)) ?? fallback(root) })
    }

    /// Never used: a definition that read once reads again with any values a configuration allows.
    private static func fallback(_ root: JSONValue) -> Pathway {
        (try? read(root, values: [:]))
            ?? Pathway(
                id: "unreadable", name: "unreadable", version: 1, summary: "", source: "", tiers: [], rules: [],
                rights: DecisionRights([]), handoverContacts: [], parameters: [])
    }

    private static func bounded(
        _ entries: [(path: String, value: JSONValue)], _ name: String
    ) throws(FieldError) -> [(path: String, value: JSONValue)] {
        guard entries.count <= mostEntries else { throw FieldError(name, "must list at most \(mostEntries)") }
        return entries
    }
}

/// Reads the parts of a pathway definition, resolving parameter references against ``parameters``.
struct DefinitionReader {
    var parameters: [PathwayParameter]

    /// An id as StepCare writes one: lower-case ASCII letters, digits and '-', starting with a letter, at most 64
    /// characters, so no id can look like another when printed.
    static func identifier(_ id: String, _ field: String) throws(FieldError) {
        guard (1...64).contains(id.utf8.count), let first = id.unicodeScalars.first, ("a"..."z").contains(first),
            id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        else {
            throw FieldError(field, "must be 1 to 64 lower-case ASCII letters, digits or '-', starting with a letter")
        }
    }

    // MARK: Parameters and values

    func parameter(_ value: JSONValue, path: String) throws(FieldError) -> PathwayParameter {
        let object = try JSONReader(value, path: path)
        try object.refuseUnknown(["id", "count", "score", "percent", "span", "meaning", "source"])
        let kinds = ["count", "score", "percent", "span"].filter { object.value($0) != nil }
        guard kinds.count == 1, let kind = kinds.first else {
            throw FieldError(path, "must give exactly one of count, score, percent or span")
        }
        let id = try object.string("id")
        try Self.identifier(id, JSONReader.join(path, "id"))
        let parsed: PathwayParameter.Value
        switch kind {
        case "span": parsed = .span(try literalSpan(object.value("span"), path: JSONReader.join(path, "span")))
        default:
            let number = try object.int(kind)
            guard number >= 0 else { throw FieldError(JSONReader.join(path, kind), "must not be negative") }
            parsed = kind == "count" ? .count(number) : kind == "score" ? .score(number) : .percent(number)
        }
        return PathwayParameter(id, parsed, meaning: try object.string("meaning"), source: try object.string("source"))
    }

    /// A whole number: literal, or `"$id"` naming a count, score or percentage parameter.
    func number(_ value: JSONValue?, path: String) throws(FieldError) -> Int {
        switch value {
        case .int(let number)?:
            guard (0...JSONReader.largestNumber).contains(number) else {
                throw FieldError(path, "must be from 0 to \(JSONReader.largestNumber)")
            }
            return number
        case .string(let text)? where text.hasPrefix("$"):
            let parameter = try referenced(text, path: path)
            guard case .span = parameter.value else { return parameter.number }
            throw FieldError(path, "names \(parameter.id), a length of time, where a number is needed")
        case nil: throw FieldError(path, "is required")
        default: throw FieldError(path, "must be a whole number or \"$parameter\"")
        }
    }

    /// A length of time: `"30d"` (m, h, d or w), or `"$id"` naming a span parameter.
    func span(_ value: JSONValue?, path: String) throws(FieldError) -> TimeSpan {
        if case .string(let text)? = value, text.hasPrefix("$") {
            let parameter = try referenced(text, path: path)
            guard case .span(let span) = parameter.value else {
                throw FieldError(path, "names \(parameter.id), which is not a length of time")
            }
            return span
        }
        return try literalSpan(value, path: path)
    }

    private func literalSpan(_ value: JSONValue?, path: String) throws(FieldError) -> TimeSpan {
        guard case .string(let text)? = value else {
            throw FieldError(path, value == nil ? "is required" : "must be a length of time such as \"30d\"")
        }
        guard let span = TimeSpan(parsing: text), span.minutes > 0 else {
            throw FieldError(path, "must be a whole number and a unit (m, h, d, w) above 0, such as \"30d\"")
        }
        return span
    }

    private func referenced(_ text: String, path: String) throws(FieldError) -> PathwayParameter {
        let id = String(text.dropFirst())
        guard let parameter = parameters.first(where: { $0.id == id }) else {
            throw FieldError(path, "names no parameter \(id.prefix(64)); list it under parameters first")
        }
        return parameter
    }

    /// Text with `{id}` replaced by the parameter's value as staff read it (`4 weeks`, `3`), and `{id.days}` by a
    /// length of time in days (`30 days`).
    func text(_ text: String, path: String) throws(FieldError) -> String {
        guard text.contains("{") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { throw FieldError(path, "has an unclosed {") }
            var name = String(rest[rest.index(after: open)..<close])
            let inDays = name.hasSuffix(".days")
            if inDays { name.removeLast(5) }
            let parameter = try referenced("$" + name, path: path)
            switch parameter.value {
            case .span(let span):
                result += inDays && span.minutes % 1440 == 0 && span.days > 1 ? "\(span.days) days" : span.spoken
            case .percent(let n): result += "\(n)%"
            case .count(let n), .score(let n): result += String(n)
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    // MARK: Tiers, rules and conditions

    func tier(_ value: JSONValue, path: String) throws(FieldError) -> TierPackage {
        let object = try JSONReader(value, path: path)
        try object.refuseUnknown([
            "id", "name", "components", "sessions", "timeframe", "documentationStandard", "accessStandard",
            "entry", "exclusions", "escalationRules", "stepDownRules", "capacity",
        ])
        guard let sessions = try object.object("sessions") else {
            throw FieldError(JSONReader.join(path, "sessions"), "is required: {\"min\": N, \"max\": N}")
        }
        try sessions.refuseUnknown(["min", "max"])
        let low = try number(sessions.value("min"), path: JSONReader.join(sessions.path, "min"))
        let high = try number(sessions.value("max"), path: JSONReader.join(sessions.path, "max"))
        guard low <= high else { throw FieldError(sessions.path, "min must not exceed max") }
        guard let capacity = try object.object("capacity") else {
            throw FieldError(JSONReader.join(path, "capacity"), "is required")
        }
        try capacity.refuseUnknown(["standardSlots", "rapidAccessSlots"])
        let slots = try number(capacity.value("standardSlots"), path: JSONReader.join(capacity.path, "standardSlots"))
        let rapid =
            capacity.value("rapidAccessSlots") == nil
            ? 0
            : try number(capacity.value("rapidAccessSlots"), path: JSONReader.join(capacity.path, "rapidAccessSlots"))
        return TierPackage(
            id: try object.string("id"), name: try object.string("name"),
            components: try strings(object, "components"), sessions: low...high,
            timeframe: try span(object.value("timeframe"), path: JSONReader.join(path, "timeframe")),
            documentationStandard: try text(
                object.string("documentationStandard"), path: JSONReader.join(path, "documentationStandard")),
            accessStandard: try object.value("accessStandard").map { (value) throws(FieldError) in
                try span(value, path: JSONReader.join(path, "accessStandard"))
            },
            entryCriteria: try condition(object.value("entry"), path: JSONReader.join(path, "entry"), depth: 0),
            exclusions: try object.array("exclusions", required: false).map { (path, value) throws(FieldError) in
                try exclusion(value, path: path)
            },
            escalationRules: try object.array("escalationRules", required: false).map {
                (path, value) throws(FieldError) in try rule(value, path: path)
            },
            stepDownRules: try object.array("stepDownRules", required: false).map {
                (path, value) throws(FieldError) in try rule(value, path: path)
            },
            capacity: Capacity(standardSlots: slots, rapidAccessSlots: rapid))
    }

    func exclusion(_ value: JSONValue, path: String) throws(FieldError) -> Exclusion {
        let object = try JSONReader(value, path: path)
        try object.refuseUnknown(["id", "when", "routeTo", "source"])
        return Exclusion(
            id: try object.string("id"),
            when: try condition(object.value("when"), path: JSONReader.join(path, "when"), depth: 0),
            routeTo: try object.string("routeTo"), source: try object.string("source"))
    }

    func rule(_ value: JSONValue, path: String) throws(FieldError) -> MovementRule {
        let object = try JSONReader(value, path: path)
        try object.refuseUnknown([
            "id", "version", "title", "scope", "when", "recommend", "deadline", "documentation", "source",
        ])
        let version = try object.optionalInt("version") ?? 1
        guard version >= 1 else { throw FieldError(JSONReader.join(path, "version"), "must be 1 or more") }
        let deadline: Deadline
        if case .string("same-day")? = object.value("deadline") {
            deadline = .sameDay
        } else {
            deadline = .within(try span(object.value("deadline"), path: JSONReader.join(path, "deadline")))
        }
        return MovementRule(
            id: try object.string("id"), version: version,
            title: try text(object.string("title"), path: JSONReader.join(path, "title")),
            scope: try scope(object.value("scope"), path: JSONReader.join(path, "scope")),
            when: try condition(object.value("when"), path: JSONReader.join(path, "when"), depth: 0),
            recommend: try recommendation(object.value("recommend"), path: JSONReader.join(path, "recommend")),
            deadline: deadline,
            documentation: try strings(object, "documentation", required: false).map {
                (text) throws(FieldError) in
                guard let documentation = Documentation(rawValue: text) else {
                    throw FieldError(
                        JSONReader.join(path, "documentation"),
                        "names no documentation \(text.prefix(40)); one of "
                            + Documentation.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return documentation
            },
            source: try text(object.string("source"), path: JSONReader.join(path, "source")))
    }

    func scope(_ value: JSONValue?, path: String) throws(FieldError) -> RuleScope {
        switch value {
        case .string("everyTier")?: return .everyTier
        case .string("always")?: return .always
        case .string("beforePlacement")?: return .beforePlacement
        case .object?:
            let object = try JSONReader(value ?? .null, path: path)
            try object.refuseUnknown(["tiers"])
            return .tiers(try strings(object, "tiers"))
        default:
            throw FieldError(path, "must be \"everyTier\", \"always\", \"beforePlacement\" or {\"tiers\": [...]}")
        }
    }

    func recommendation(_ value: JSONValue?, path: String) throws(FieldError) -> RecommendationKind {
        let simple: [String: RecommendationKind] = [
            "place": .place, "tierReview": .tierReview, "urgentSafetyReview": .urgentSafetyReview,
            "followUpContact": .followUpContact, "scheduledContact": .scheduledContact, "stepUpPlan": .stepUpPlan,
        ]
        if case .string(let word)? = value, let kind = simple[word] { return kind }
        if case .object(let members)? = value, members.count == 1, case .string(let target) = members[0].1,
            !target.isEmpty
        {
            switch members[0].0 {
            case "stepUp": return .stepUp(to: target)
            case "stepDown": return .stepDown(to: target)
            case "routeElsewhere": return .routeElsewhere(target)
            default: break
            }
        }
        throw FieldError(
            path,
            "must be one of " + simple.keys.sorted().joined(separator: ", ")
                + ", or {\"stepUp\": TIER}, {\"stepDown\": TIER}, {\"routeElsewhere\": SERVICE}")
    }

    /// Event names as written: `crisisContact`, `emergencyVisit`, `noShow`, `session`, `medicationConcern`,
    /// `riskFlag`, `structuredReview`.
    static let events: [String: CountedEvent] = [
        "crisisContact": .crisisContact, "emergencyVisit": .emergencyVisit, "noShow": .noShow, "session": .session,
        "medicationConcern": .medicationConcern, "riskFlag": .riskFlag, "structuredReview": .structuredReview,
    ]

    func event(_ value: JSONValue?, path: String) throws(FieldError) -> CountedEvent {
        guard case .string(let name)? = value, let event = Self.events[name] else {
            throw FieldError(path, "must be one of " + Self.events.keys.sorted().joined(separator: ", "))
        }
        return event
    }

    /// One condition: an object with one key naming it (`{"scoreAtLeast": {...}}`), or the words `"always"`,
    /// `"notPlaced"`, `"openRiskFlag"`.
    func condition(_ value: JSONValue?, path: String, depth: Int) throws(FieldError) -> Condition {
        guard depth <= DataDefinedPathway.deepestCondition else {
            throw FieldError(path, "nests all, any and not more than \(DataDefinedPathway.deepestCondition) deep")
        }
        switch value {
        case .string("always")?: return .always
        case .string("notPlaced")?: return .notPlaced
        case .string("openRiskFlag")?: return .openRiskFlag
        case .object(let members)? where members.count == 1:
            let (name, body) = members[0]
            let at = JSONReader.join(path, name)
            switch name {
            case "all", "any":
                guard case .array(let parts) = body, !parts.isEmpty, parts.count <= 64 else {
                    throw FieldError(at, "must be a list of 1 to 64 conditions")
                }
                var conditions: [Condition] = []
                for (index, part) in parts.enumerated() {
                    conditions.append(try condition(part, path: "\(at)[\(index)]", depth: depth + 1))
                }
                return name == "all" ? .all(conditions) : .any(conditions)
            case "not": return .not(try condition(body, path: at, depth: depth + 1))
            case "enteredFrom":
                guard case .array(let tiers) = body, !tiers.isEmpty else { throw FieldError(at, "must list tiers") }
                var ids: [String] = []
                for tier in tiers {
                    guard case .string(let id) = tier, !id.isEmpty else { throw FieldError(at, "must list tier ids") }
                    ids.append(id)
                }
                return .enteredFrom(ids)
            case "recorded": return .recorded(try event(body, path: at))
            default: return try measured(name, body, path: at)
            }
        default:
            throw FieldError(
                path,
                "must be a condition: \"always\", \"notPlaced\", \"openRiskFlag\" or an object with one key, "
                    + "e.g. {\"scoreAtLeast\": {\"instrument\": \"phq9\", \"threshold\": 10}}")
        }
    }

    /// The conditions whose body is an object of named fields.
    private func measured(_ name: String, _ body: JSONValue, path: String) throws(FieldError) -> Condition {
        let fields: [String: [String]] = [
            "scoreAtLeast": ["instrument", "threshold"], "scoreBelow": ["instrument", "threshold"],
            "noReliableImprovement": ["instrument", "threshold", "caseness", "bySession"],
            "persistsAtLeast": ["instrument", "threshold", "span"], "bandWorsened": ["instrument"],
            "bandImproved": ["instrument"], "eventsWithin": ["event", "count", "window"],
            "noEventsFor": ["event", "span"], "timeInTier": ["atLeast"], "recurring": ["event", "every"],
            "sessions": ["atLeast"], "attendance": ["atLeastPercent", "window", "minimumContacts"],
        ]
        guard let known = fields[name] else {
            throw FieldError(
                path,
                "names no condition; the conditions: always, notPlaced, openRiskFlag, all, any, not, "
                    + "enteredFrom, recorded, " + fields.keys.sorted().joined(separator: ", "))
        }
        let object = try JSONReader(body, path: path)
        try object.refuseUnknown(known)
        func at(_ field: String) -> String { JSONReader.join(path, field) }
        func int(_ field: String) throws(FieldError) -> Int { try number(object.value(field), path: at(field)) }
        func time(_ field: String) throws(FieldError) -> TimeSpan { try span(object.value(field), path: at(field)) }
        func instrument() throws(FieldError) -> String { try object.string("instrument") }
        switch name {
        case "scoreAtLeast": return .scoreAtLeast(instrument: try instrument(), threshold: try int("threshold"))
        case "scoreBelow": return .scoreBelow(instrument: try instrument(), threshold: try int("threshold"))
        case "noReliableImprovement":
            return .noReliableImprovement(
                instrument: try instrument(), threshold: try int("threshold"), caseness: try int("caseness"),
                bySession: try int("bySession"))
        case "persistsAtLeast":
            return .persistsAtLeast(
                instrument: try instrument(), threshold: try int("threshold"), span: try time("span"))
        case "bandWorsened": return .bandWorsened(instrument: try instrument())
        case "bandImproved": return .bandImproved(instrument: try instrument())
        case "eventsWithin":
            return .eventsWithin(
                try event(object.value("event"), path: at("event")), count: try int("count"), window: try time("window")
            )
        case "noEventsFor":
            return .noEventsFor(try event(object.value("event"), path: at("event")), span: try time("span"))
        case "timeInTier": return .timeInTier(atLeast: try time("atLeast"))
        case "recurring":
            return .recurring(try event(object.value("event"), path: at("event")), every: try time("every"))
        case "sessions": return .sessions(atLeast: try int("atLeast"))
        default:
            return .attendance(
                atLeastPercent: try int("atLeastPercent"), window: try time("window"),
                minimumContacts: try int("minimumContacts"))
        }
    }

    // MARK: Roles and rights

    func roles(_ entries: [(path: String, value: JSONValue)]) throws(FieldError) -> [Role] {
        try entries.map { (path, value) throws(FieldError) in
            let object = try JSONReader(value, path: path)
            try object.refuseUnknown(["id", "name"])
            return Role(try object.string("id"), name: try object.string("name"))
        }
    }

    func right(_ value: JSONValue, path: String, roles: [Role]) throws(FieldError) -> DecisionRight {
        let object = try JSONReader(value, path: path)
        try object.refuseUnknown(["role", "action", "verdict", "coSigners", "from", "to", "documentation", "note"])
        func role(_ id: String, _ field: String) throws(FieldError) -> Role {
            guard let role = roles.first(where: { $0.id == id }) else {
                throw FieldError(
                    JSONReader.join(path, field),
                    "names no role \(id.prefix(40)); roles: "
                        + roles.map(\.id).joined(separator: ", "))
            }
            return role
        }
        let actionName = try object.string("action")
        guard let action = Action(rawValue: actionName) else {
            throw FieldError(
                JSONReader.join(path, "action"),
                "must be one of " + Action.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let verdict: Verdict
        switch try object.string("verdict") {
        case "yes": verdict = .allowed
        case "no": verdict = .denied
        case "co-sign":
            var coSigners: [Role] = []
            for name in try strings(object, "coSigners") { coSigners.append(try role(name, "coSigners")) }
            verdict = .needsCoSign(by: coSigners)
        default: throw FieldError(JSONReader.join(path, "verdict"), "must be yes, no or co-sign")
        }
        if case .needsCoSign = verdict {
        } else if object.value("coSigners") != nil {
            throw FieldError(JSONReader.join(path, "coSigners"), "is only for a co-sign verdict")
        }
        return DecisionRight(
            try role(object.string("role"), "role"), action, verdict,
            scope: TierScope(from: try object.optionalString("from"), to: try object.optionalString("to")),
            documentation: try strings(object, "documentation", required: false).map { (text) throws(FieldError) in
                guard let documentation = Documentation(rawValue: text) else {
                    throw FieldError(
                        JSONReader.join(path, "documentation"), "names no documentation \(text.prefix(40))")
                }
                return documentation
            },
            note: try object.optionalString("note") ?? "")
    }

    private func strings(_ object: JSONReader, _ name: String, required: Bool = true) throws(FieldError) -> [String] {
        try object.array(name, required: required).map { (path, value) throws(FieldError) in
            guard case .string(let text) = value, !text.isEmpty else {
                throw FieldError(path, "must be a non-empty string")
            }
            return text
        }
    }
}
