import StepCareCore
package import StepCareEngine
import StepCareJSON

/// `outcome --json`, as schema/stepcare-outcome-1.schema.json defines it: each measure's change and the
/// NHS Talking Therapies classification, with the rules used and the reasons. A classification that does not
/// apply (no caseness cut-off or reliable-change threshold) is left out, never guessed.
package enum OutcomeJSON {
    /// The outcome as one line of JSON.
    package static func line(_ outcome: Outcome) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.beginArray("measures")
        for change in outcome.changes {
            writer.beginObject()
            writer.string("instrument", change.measure.instrumentID)
            writer.number("first", change.first.value)
            writer.number("last", change.last.value)
            writer.number("improvement", change.improvement)
            optional("caseAtFirst", change.caseAtFirst, into: &writer)
            optional("caseAtLast", change.caseAtLast, into: &writer)
            optional("reliablyImproved", change.reliablyImproved, into: &writer)
            optional("reliablyDeteriorated", change.reliablyDeteriorated, into: &writer)
            writer.string("explanation", change.explanation)
            writer.endObject()
        }
        writer.endArray()
        optional("caseAtFirst", outcome.caseAtFirst, into: &writer)
        optional("caseAtLast", outcome.caseAtLast, into: &writer)
        optional("recovery", outcome.recovery, into: &writer)
        optional("reliableImprovement", outcome.reliableImprovement, into: &writer)
        optional("reliableDeterioration", outcome.reliableDeterioration, into: &writer)
        optional("reliableRecovery", outcome.reliableRecovery, into: &writer)
        writer.bool("talkingTherapiesMeasures", outcome.usesTalkingTherapiesMeasures)
        writer.beginObject("rules")
        writer.string("improvement", outcome.rules.improvement.rawValue)
        writer.string("deterioration", outcome.rules.deterioration.rawValue)
        writer.endObject()
        writer.beginArray("because")
        for line in outcome.trace { writer.string(nil, line) }
        writer.endArray()
        writer.endObject()
        return writer.text
    }

    private static func optional(_ key: String, _ value: Bool?, into writer: inout JSONWriter) {
        if let value { writer.bool(key, value) }
    }
}
