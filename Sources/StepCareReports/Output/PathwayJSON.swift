package import StepCareCore
import StepCareJSON

/// Pathways and decision rights as JSON (schema/stepcare-pathway-1.schema.json): `pathways --json`,
/// `pathway --json`, `rights --json`, `who-can --json` and `can --json`, with the same facts the text shows.
/// Spans are whole minutes; verdicts are `yes`, `co-sign` or `no`.
package enum PathwayJSON {
    /// One line of `pathways --json`.
    package static func listed(_ pathway: Pathway, inUse: Bool) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.string("record", "pathway")
        writer.string("id", pathway.id)
        writer.integer("version", pathway.version)
        writer.string("name", pathway.name)
        writer.beginArray("tiers")
        pathway.tiers.forEach { writer.string(nil, $0.id) }
        writer.endArray()
        writer.bool("inUse", inUse)
        writer.endObject()
        return writer.text
    }

    /// `pathway --json`: tiers, criteria, rules, handover contacts and parameters.
    package static func described(_ pathway: Pathway) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.string("record", "pathway-definition")
        writer.string("id", pathway.id)
        writer.integer("version", pathway.version)
        writer.string("name", pathway.name)
        writer.string("summary", pathway.summary)
        writer.string("source", pathway.source)
        writer.beginArray("tiers")
        for tier in pathway.tiers {
            writer.beginObject()
            writer.string("id", tier.id)
            writer.string("name", tier.name)
            CatalogueJSON.range("sessions", tier.sessions, into: &writer)
            writer.integer("timeframeMinutes", tier.timeframe.minutes)
            writer.beginArray("components")
            tier.components.forEach { writer.string(nil, $0) }
            writer.endArray()
            writer.string("documentationStandard", tier.documentationStandard)
            if let access = tier.accessStandard { writer.integer("accessStandardMinutes", access.minutes) }
            writer.string("entryCriteria", tier.entryCriteria.summary)
            writer.beginArray("exclusions")
            for exclusion in tier.exclusions {
                writer.beginObject()
                writer.string("id", exclusion.id)
                writer.string("condition", exclusion.condition.summary)
                writer.string("routeTo", exclusion.routeTo)
                writer.string("source", exclusion.source)
                writer.endObject()
            }
            writer.endArray()
            writer.beginObject("capacity")
            writer.integer("standardSlots", tier.capacity.standardSlots)
            writer.integer("rapidAccessSlots", tier.capacity.rapidAccessSlots)
            writer.endObject()
            writer.endObject()
        }
        writer.endArray()
        writer.beginArray("rules")
        for rule in pathway.allRules {
            writer.beginObject()
            writer.string("id", rule.id)
            writer.integer("version", rule.version)
            writer.string("title", rule.title)
            writer.string("scope", rule.scope.description)
            writer.string("condition", rule.condition.summary)
            writer.string("recommendation", rule.recommendation.word)
            writer.string("recommendationText", rule.recommendation.description)
            switch rule.deadline {
            case .sameDay: writer.string("deadline", "same-day")
            case .within(let span): writer.integer("deadlineMinutes", span.minutes)
            }
            writer.beginArray("documentation")
            rule.documentation.forEach { writer.string(nil, $0.rawValue) }
            writer.endArray()
            writer.string("source", rule.source)
            writer.endObject()
        }
        writer.endArray()
        writer.beginArray("handoverContactMinutes")
        pathway.handoverContacts.forEach { writer.integer(nil, $0.minutes) }
        writer.endArray()
        writer.beginArray("parameters")
        for parameter in pathway.parameters {
            writer.beginObject()
            writer.string("id", parameter.id)
            switch parameter.value {
            case .count(let n): kindAndValue("count", n, into: &writer)
            case .score(let n): kindAndValue("score", n, into: &writer)
            case .percent(let n): kindAndValue("percent", n, into: &writer)
            case .span(let span): kindAndValue("minutes", span.minutes, into: &writer)
            }
            writer.string("meaning", parameter.meaning)
            writer.string("source", parameter.source)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.text
    }

    /// `rights --json`: every right of every role, as published.
    package static func rights(_ pathway: Pathway) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.string("record", "decision-rights")
        writer.string("pathway", pathway.id)
        writer.beginArray("rights")
        for right in pathway.rights.rights { self.right(right, into: &writer) }
        writer.endArray()
        writer.endObject()
        return writer.text
    }

    /// `who-can --json`: the roles that may take the action on the move, and what they must document.
    package static func whoCan(_ pathway: Pathway, _ action: Action, from: String?, to: String?) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.string("record", "who-can")
        writer.string("pathway", pathway.id)
        writer.string("action", action.rawValue)
        writer.optionalString("from", from)
        writer.optionalString("to", to)
        writer.beginArray("rights")
        for role in pathway.roles {
            guard let right = pathway.rights.right(role, action, from: from, to: to), right.verdict != .denied else {
                continue
            }
            self.right(right, into: &writer)
        }
        writer.endArray()
        writer.endObject()
        return writer.text
    }

    /// `can --json`: whether the role may take the action on the move, with what it needs and who else may.
    package static func can(
        _ pathway: Pathway, _ role: Role, _ action: Action, from: String?, to: String?, authorisers: String
    ) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.string("record", "can")
        writer.string("pathway", pathway.id)
        writer.string("role", role.id)
        writer.string("action", action.rawValue)
        writer.optionalString("from", from)
        writer.optionalString("to", to)
        let right = pathway.rights.right(role, action, from: from, to: to)
        verdict(right?.verdict ?? .denied, into: &writer)
        if let right, right.verdict != .denied {
            writer.string("scope", right.scope.description)
            writer.beginArray("documentation")
            right.documentation.forEach { writer.string(nil, $0.rawValue) }
            writer.endArray()
            if !right.note.isEmpty { writer.string("note", right.note) }
            writer.bool("needsNoOpenRiskFlag", action == .stepDown || action == .discharge)
        } else {
            writer.string("whoMay", authorisers)
        }
        writer.endObject()
        return writer.text
    }

    private static func kindAndValue(_ kind: String, _ value: Int, into writer: inout JSONWriter) {
        writer.string("kind", kind)
        writer.integer("value", value)
    }

    private static func right(_ right: DecisionRight, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.string("role", right.role.id)
        writer.string("action", right.action.rawValue)
        writer.string("scope", right.scope.description)
        verdict(right.verdict, into: &writer)
        writer.beginArray("documentation")
        right.documentation.forEach { writer.string(nil, $0.rawValue) }
        writer.endArray()
        if !right.note.isEmpty { writer.string("note", right.note) }
        writer.endObject()
    }

    private static func verdict(_ verdict: Verdict, into writer: inout JSONWriter) {
        switch verdict {
        case .allowed: writer.string("verdict", "yes")
        case .denied: writer.string("verdict", "no")
        case .needsCoSign(let roles):
            writer.string("verdict", "co-sign")
            writer.beginArray("coSigners")
            roles.forEach { writer.string(nil, $0.id) }
            writer.endArray()
        }
    }
}
