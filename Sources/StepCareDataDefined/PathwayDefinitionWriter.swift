public import StepCareCore
public import StepCareJSON

extension DataDefinedPathway {
    /// `pathway` in the definition format, every number and length of time written as a literal: what
    /// `pathway --definition` prints, as a start for a service's own pathway. Reading it back gives `pathway`
    /// (without a builder).
    public static func definition(_ pathway: Pathway) -> JSONValue {
        .object([
            ("format", .string(format)), ("id", .string(pathway.id)), ("name", .string(pathway.name)),
            ("version", .int(pathway.version)), ("summary", .string(pathway.summary)),
            ("source", .string(pathway.source)),
            ("roles", .array(pathway.roles.map { .object([("id", .string($0.id)), ("name", .string($0.name))]) })),
            ("parameters", .array(pathway.parameters.map(parameter))),
            ("tiers", .array(pathway.tiers.map(tier))),
            ("rules", .array(pathway.rules.map(rule))),
            ("rights", .array(pathway.rights.rights.map(right))),
            ("handoverContacts", .array(pathway.handoverContacts.map { .string($0.description) })),
        ])
    }

    private static func parameter(_ parameter: PathwayParameter) -> JSONValue {
        let value: (String, JSONValue) =
            switch parameter.value {
            case .count(let n): ("count", .int(n))
            case .score(let n): ("score", .int(n))
            case .percent(let n): ("percent", .int(n))
            case .span(let span): ("span", .string(span.description))
            }
        return .object([
            ("id", .string(parameter.id)), value, ("meaning", .string(parameter.meaning)),
            ("source", .string(parameter.source)),
        ])
    }

    private static func tier(_ tier: TierPackage) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(tier.id)), ("name", .string(tier.name)),
            ("components", .array(tier.components.map(JSONValue.string))),
            ("sessions", .object([("min", .int(tier.sessions.lowerBound)), ("max", .int(tier.sessions.upperBound))])),
            ("timeframe", .string(tier.timeframe.description)),
            ("documentationStandard", .string(tier.documentationStandard)),
        ]
        if let access = tier.accessStandard { members.append(("accessStandard", .string(access.description))) }
        members += [
            ("entry", condition(tier.entryCriteria)),
            (
                "exclusions",
                .array(
                    tier.exclusions.map {
                        .object([
                            ("id", .string($0.id)), ("when", condition($0.condition)), ("routeTo", .string($0.routeTo)),
                            ("source", .string($0.source)),
                        ])
                    })
            ),
            ("escalationRules", .array(tier.escalationRules.map(rule))),
            ("stepDownRules", .array(tier.stepDownRules.map(rule))),
            (
                "capacity",
                .object([
                    ("standardSlots", .int(tier.capacity.standardSlots)),
                    ("rapidAccessSlots", .int(tier.capacity.rapidAccessSlots)),
                ])
            ),
        ]
        return .object(members)
    }

    private static func rule(_ rule: MovementRule) -> JSONValue {
        let scope: JSONValue =
            switch rule.scope {
            case .everyTier: .string("everyTier")
            case .always: .string("always")
            case .beforePlacement: .string("beforePlacement")
            case .tiers(let tiers): .object([("tiers", .array(tiers.map(JSONValue.string)))])
            }
        let recommend: JSONValue =
            switch rule.recommendation {
            case .place: .string("place")
            case .tierReview: .string("tierReview")
            case .urgentSafetyReview: .string("urgentSafetyReview")
            case .followUpContact: .string("followUpContact")
            case .scheduledContact: .string("scheduledContact")
            case .stepUpPlan: .string("stepUpPlan")
            case .stepUp(let tier): .object([("stepUp", .string(tier))])
            case .stepDown(let tier): .object([("stepDown", .string(tier))])
            case .routeElsewhere(let service): .object([("routeElsewhere", .string(service))])
            case .handoverContact(let number): .object([("handoverContact", .int(number))])
            }
        let deadline: JSONValue =
            switch rule.deadline {
            case .sameDay: .string("same-day")
            case .within(let span): .string(span.description)
            }
        return .object([
            ("id", .string(rule.id)), ("version", .int(rule.version)), ("title", .string(rule.title)),
            ("scope", scope), ("when", condition(rule.condition)), ("recommend", recommend), ("deadline", deadline),
            ("documentation", .array(rule.documentation.map { .string($0.rawValue) })),
            ("source", .string(rule.source)),
        ])
    }

    private static func event(_ event: CountedEvent) -> JSONValue {
        .string(DefinitionReader.events.first { $0.value == event }?.key ?? event.rawValue)
    }

    static func condition(_ condition: Condition) -> JSONValue {
        func named(_ name: String, _ fields: [(String, JSONValue)]) -> JSONValue {
            .object([(name, .object(fields))])
        }
        func span(_ span: TimeSpan) -> JSONValue { .string(span.description) }
        switch condition {
        case .always: return .string("always")
        case .notPlaced: return .string("notPlaced")
        case .openRiskFlag: return .string("openRiskFlag")
        case .scoreAtLeast(let id, let threshold):
            return named("scoreAtLeast", [("instrument", .string(id)), ("threshold", .int(threshold))])
        case .scoreBelow(let id, let threshold):
            return named("scoreBelow", [("instrument", .string(id)), ("threshold", .int(threshold))])
        case .noReliableImprovement(let id, let threshold, let caseness, let session):
            return named(
                "noReliableImprovement",
                [
                    ("instrument", .string(id)), ("threshold", .int(threshold)), ("caseness", .int(caseness)),
                    ("bySession", .int(session)),
                ])
        case .persistsAtLeast(let id, let threshold, let length):
            return named(
                "persistsAtLeast",
                [("instrument", .string(id)), ("threshold", .int(threshold)), ("span", span(length))])
        case .bandWorsened(let id): return named("bandWorsened", [("instrument", .string(id))])
        case .bandImproved(let id): return named("bandImproved", [("instrument", .string(id))])
        case .eventsWithin(let kind, let count, let window):
            return named("eventsWithin", [("event", event(kind)), ("count", .int(count)), ("window", span(window))])
        case .noEventsFor(let kind, let length):
            return named("noEventsFor", [("event", event(kind)), ("span", span(length))])
        case .timeInTier(let length): return named("timeInTier", [("atLeast", span(length))])
        case .recurring(let kind, let every):
            return named("recurring", [("event", event(kind)), ("every", span(every))])
        case .enteredFrom(let tiers): return .object([("enteredFrom", .array(tiers.map(JSONValue.string)))])
        case .recorded(let kind): return .object([("recorded", event(kind))])
        case .sessions(let count): return named("sessions", [("atLeast", .int(count))])
        case .attendance(let percent, let window, let minimum):
            return named(
                "attendance",
                [("atLeastPercent", .int(percent)), ("window", span(window)), ("minimumContacts", .int(minimum))])
        case .all(let conditions): return .object([("all", .array(conditions.map(Self.condition)))])
        case .any(let conditions): return .object([("any", .array(conditions.map(Self.condition)))])
        case .not(let inner): return .object([("not", Self.condition(inner))])
        }
    }

    private static func right(_ right: DecisionRight) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("role", .string(right.role.id)), ("action", .string(right.action.rawValue)),
        ]
        switch right.verdict {
        case .allowed: members.append(("verdict", .string("yes")))
        case .denied: members.append(("verdict", .string("no")))
        case .needsCoSign(let roles):
            members.append(("verdict", .string("co-sign")))
            members.append(("coSigners", .array(roles.map { .string($0.id) })))
        }
        if let from = right.scope.from { members.append(("from", .string(from))) }
        if let to = right.scope.to { members.append(("to", .string(to))) }
        members.append(("documentation", .array(right.documentation.map { .string($0.rawValue) })))
        if !right.note.isEmpty { members.append(("note", .string(right.note))) }
        return .object(members)
    }
}
