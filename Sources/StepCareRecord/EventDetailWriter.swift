public import StepCareCore
public import StepCareJSON

/// Writes what an event says beyond its kind and time, as the JSON object the schema calls `detail`. Field
/// names and order are fixed here and pinned by golden files; optional fields are left out when absent.
public enum EventDetailWriter {
    /// The detail of `kind` as compact JSON (`{}` for kinds that carry nothing more).
    public static func json(_ kind: CaseEventKind) -> String {
        switch kind {
        case .contact, .medicationConcern, .prescriberQuestion, .crisisContact(CrisisDetail()),
            .emergencyVisit(outcome: nil):
            return "{}"
        default: break
        }
        var writer = JSONWriter()
        write(kind, into: &writer)
        return writer.text
    }

    /// Writes the detail of `kind` as an object, the value of `key` when given.
    public static func write(_ kind: CaseEventKind, into writer: inout JSONWriter, key: String? = nil) {
        writer.beginObject(key)
        switch kind {
        case .referral(let preference):
            writer.optionalString("preference", preference)
        case .administration(let record):
            administration(record, into: &writer)
        case .contact, .medicationConcern, .prescriberQuestion:
            break
        case .crisisContact(let detail):
            writer.optionalString("channel", detail.channel?.rawValue)
            writer.optionalString("outcome", detail.outcome?.rawValue)
        case .emergencyVisit(let outcome):
            writer.optionalString("outcome", outcome?.rawValue)
        case .plan(.stepUp(let plan)):
            writer.string("plan", "step-up")
            writer.string("safetyActions", plan.safetyActions)
            writer.string("checkIns", plan.checkIns)
            writer.string("stepDownTarget", plan.stepDownTarget)
        case .assignment(let assignment):
            writer.string("clinician", assignment.clinician)
            writer.optionalString("coordinator", assignment.coordinator)
            writer.optionalString("team", assignment.team)
            actor("by", assignment.by, into: &writer)
        case .appointment(let change, let by):
            switch change {
            case .booked(let appointment):
                writer.string("change", "booked")
                writer.integer("number", appointment.number)
                writer.string("due", RecordTime.text(appointment.due))
                writer.string("with", appointment.with)
                writer.string("purpose", appointment.purpose.rawValue)
            case .rescheduled(let number, let due):
                writer.string("change", "rescheduled")
                writer.integer("number", number)
                writer.string("due", RecordTime.text(due))
            case .cancelled(let number, let reason):
                writer.string("change", "cancelled")
                writer.integer("number", number)
                writer.optionalString("reason", reason)
            }
            actor("by", by, into: &writer)
        case .outreach(let method, let outcome, let by):
            writer.string("method", method.rawValue)
            writer.string("outcome", outcome.rawValue)
            actor("by", by, into: &writer)
        case .plan(.stability(let plan)):
            writer.string("plan", "stability")
            writer.string("earlyWarningSigns", plan.earlyWarningSigns)
            writer.string("copingActions", plan.copingActions)
            writer.string("reaccessRoute", plan.reaccessRoute)
            writer.string("followUpSchedule", plan.followUpSchedule)
        case .plan(.safety(let summary)):
            writer.string("plan", "safety")
            writer.string("summary", summary)
        case .review(let review, let by, let coSigner):
            writer.string("review", review.rawValue)
            actor("by", by, into: &writer)
            if let coSigner { actor("coSigner", coSigner, into: &writer) }
        case .note(let note):
            writer.string("about", note.subject.rawValue)
            writer.string("text", note.text)
        case .correction(let correction):
            writer.integer("number", correction.number)
            writer.string("reason", correction.reason)
            actor("by", correction.by, into: &writer)
            if let replacement = correction.replacement {
                writer.beginObject("replacement")
                writer.string("kind", EventKindCode.code(replacement))
                write(replacement, into: &writer, key: "detail")
                writer.endObject()
            }
        case .placement(let placement):
            writer.string("tier", placement.tier)
            writer.optionalString("from", placement.from)
            writer.string("slot", placement.slot.rawValue)
            actor("by", placement.actor, into: &writer)
            if let coSigner = placement.coSigner { actor("coSigner", coSigner, into: &writer) }
            writer.optionalString("reason", placement.reason)
            writer.optionalString("deviation", placement.deviation)
        case .waitlisted(let tier, let move, let by):
            writer.string("tier", tier)
            writer.string("move", MoveCode.code(move))
            actor("by", by, into: &writer)
        case .handoverScheduled(let number, let due):
            writer.integer("number", number)
            writer.string("due", RecordTime.text(due))
        case .discharge(let by, let coSigner, let reason):
            actor("by", by, into: &writer)
            if let coSigner { actor("coSigner", coSigner, into: &writer) }
            writer.optionalString("reason", reason)
        }
        writer.endObject()
    }

    /// `{"staff":"ana","role":"clinician","roleName":"clinician"}`.
    static func actor(_ key: String, _ actor: Actor, into writer: inout JSONWriter) {
        writer.beginObject(key)
        writer.string("staff", actor.name)
        writer.string("role", actor.role.id)
        writer.string("roleName", actor.role.name)
        writer.endObject()
    }

    private static func administration(_ record: AdministrationRecord, into writer: inout JSONWriter) {
        writer.string("instrument", record.instrumentID)
        writer.optionalString("variant", record.variantID)
        writer.optionalString("edition", record.edition)
        if let codes = record.codes, !codes.instrument.isEmpty {
            writer.beginArray("codes")
            for code in codes.instrument { self.code(nil, code, into: &writer) }
            writer.endArray()
        }
        writer.beginArray("answers")
        for (index, answer) in record.answers.enumerated() {
            writer.beginObject()
            writer.integer("item", index + 1)
            switch answer {
            case .answered(let value): writer.integer("value", value)
            case .notAnswered: writer.string("status", "not-answered")
            case .notApplicable: writer.string("status", "not-applicable")
            }
            if let code = record.codes?.items.element(index) { writer.string("itemCode", token(code)) }
            if let code = record.codes?.answers.element(index) { writer.string("answerCode", token(code)) }
            writer.endObject()
        }
        writer.endArray()
        if let total = record.total { writer.number("total", total.value) }
        if let index = record.bandIndex {
            writer.beginObject("band")
            writer.integer("index", index)
            writer.optionalString("label", record.bandLabel)
            writer.endObject()
        }
        writer.beginArray("riskFlags")
        for flag in record.riskFlags {
            writer.beginObject()
            writer.string("rule", flag.ruleID)
            writer.integer("item", flag.item)
            switch flag.reason {
            case .positiveAnswer(let value):
                writer.string("reason", "positive-answer")
                writer.integer("value", value)
            case .notAnswered:
                writer.string("reason", "not-answered")
            }
            writer.string("urgency", flag.urgency.identifier)
            writer.string("action", flag.action)
            writer.endObject()
        }
        writer.endArray()
    }

    /// An item or answer code as one token, `SYSTEM|CODE` (FHIR's token form), e.g. `LOINC|44250-9`.
    static func token(_ code: Code) -> String { code.system + "|" + code.value }

    /// `{"system":"LOINC","code":"44261-6","display":"PHQ-9 total score"}`.
    static func code(_ key: String?, _ code: Code, into writer: inout JSONWriter) {
        writer.beginObject(key)
        writer.string("system", code.system)
        writer.string("code", code.value)
        writer.optionalString("display", code.display)
        writer.endObject()
    }
}

extension Array {
    /// The element at `index` flattened, or `nil` past the end.
    func element<Wrapped>(_ index: Int) -> Wrapped? where Element == Wrapped? {
        index < count ? self[index] : nil
    }
}
