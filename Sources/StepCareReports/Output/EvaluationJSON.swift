package import StepCareCore
package import StepCareEngine
import StepCareJSON
import StepCareRecord

/// `evaluate --json` and `capacity --json`, as schema/stepcare-evaluation-1.schema.json and
/// schema/stepcare-capacity-1.schema.json define them: what must happen for a client, by when, who may
/// authorise it and why; and each tier's slots and waitlist.
package enum EvaluationJSON {
    /// One case's evaluation as one line of JSON.
    package static func line(_ evaluation: Evaluation, caseID: String, pathway: Pathway) -> String {
        let state = evaluation.state
        var writer = JSONWriter()
        writer.beginObject()
        writer.string("case", caseID)
        writer.string("asOf", RecordTime.text(state.now))
        writer.beginObject("pathway")
        writer.string("id", pathway.id)
        writer.integer("version", pathway.version)
        writer.integer("configuration", pathway.configurationVersion)
        writer.endObject()
        if state.isDischarged {
            writer.string("status", "discharged")
        } else if let tier = state.tier {
            writer.string("status", "placed")
            writer.string("tier", tier)
            writer.string("tierSince", RecordTime.text(state.tierStart))
            writer.integer("sessionsAttended", state.sessions.count)
        } else {
            writer.string("status", "not-placed")
            writer.string("referred", RecordTime.text(state.tierStart))
        }
        writer.beginArray("openRiskFlags")
        for open in state.openFlags {
            writer.beginObject()
            writer.string("rule", open.flag.ruleID)
            writer.integer("item", open.flag.item)
            writer.string("urgency", open.flag.urgency.identifier)
            writer.string("since", RecordTime.text(state.events[open.index].at))
            writer.string("action", open.flag.action)
            writer.endObject()
        }
        writer.endArray()
        if let triage = evaluation.triage {
            writer.beginObject("triage")
            writer.optionalString("placeIn", triage.placement)
            writer.bool("routeElsewhere", triage.placement == nil)
            strings("because", triage.trace, into: &writer)
            writer.beginArray("exclusions")
            for exclusion in triage.exclusions {
                writer.beginObject()
                writer.string("id", exclusion.id)
                writer.string("routeTo", exclusion.routeTo)
                writer.string("source", exclusion.source)
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
        writer.beginArray("recommendations")
        for recommendation in evaluation.recommendations { write(recommendation, asOf: state.now, into: &writer) }
        writer.endArray()
        writer.beginArray("reEscalations")
        for escalation in evaluation.reEscalations {
            writer.beginObject()
            writer.string("tier", escalation.tier)
            writer.string("steppedDownAt", RecordTime.text(escalation.steppedDownAt))
            writer.string("returnedAt", RecordTime.text(escalation.returnedAt))
            writer.integer("days", escalation.days)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.text
    }

    /// Each tier's capacity as one line of JSON.
    package static func line(_ capacity: [CapacityStatus], asOf now: Instant) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.string("asOf", RecordTime.text(now))
        writer.beginArray("tiers")
        for status in capacity {
            writer.beginObject()
            writer.string("tier", status.tier.id)
            writer.beginObject("ordinary")
            writer.integer("used", status.standardUsed)
            writer.integer("slots", status.tier.capacity.standardSlots)
            writer.endObject()
            writer.beginObject("rapidAccess")
            writer.integer("used", status.rapidAccessUsed)
            writer.integer("slots", status.tier.capacity.rapidAccessSlots)
            writer.endObject()
            writer.integer("overCapacity", status.exceptionsUsed)
            strings("waitlist", status.waitlist, into: &writer)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.text
    }

    static func write(_ recommendation: Recommendation, asOf now: Instant, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.string("rule", recommendation.ruleID)
        writer.integer("version", recommendation.ruleVersion)
        writer.integer("configuration", recommendation.configurationVersion)
        writer.string("title", recommendation.title)
        switch recommendation.kind {
        case .place: writer.string("kind", "place")
        case .tierReview: writer.string("kind", "tier-review")
        case .stepUp(let tier):
            writer.string("kind", "step-up")
            writer.string("toTier", tier)
        case .stepDown(let tier):
            writer.string("kind", "step-down")
            writer.string("toTier", tier)
        case .urgentSafetyReview: writer.string("kind", "urgent-safety-review")
        case .routeElsewhere(let service):
            writer.string("kind", "route-elsewhere")
            writer.string("service", service)
        case .handoverContact(let number):
            writer.string("kind", "handover-contact")
            writer.integer("handoverNumber", number)
        case .followUpContact: writer.string("kind", "follow-up-contact")
        case .scheduledContact: writer.string("kind", "scheduled-contact")
        case .stepUpPlan: writer.string("kind", "step-up-plan")
        }
        writer.string("firedAt", RecordTime.text(recommendation.firedAt))
        writer.string("deadline", RecordTime.text(recommendation.deadline))
        writer.bool("overdue", recommendation.isOverdue(asOf: now))
        writer.string("authorisers", recommendation.authorisers)
        strings("documentation", recommendation.documentation.map(\.rawValue), into: &writer)
        strings("evidence", recommendation.trace, into: &writer)
        writer.string("source", recommendation.source)
        writer.endObject()
    }

    private static func strings(_ key: String, _ values: [String], into writer: inout JSONWriter) {
        writer.beginArray(key)
        for value in values { writer.string(nil, value) }
        writer.endArray()
    }
}
