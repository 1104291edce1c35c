package import StepCareCore
import StepCareJSON

/// What the registry holds, as JSON (schema/stepcare-catalogue-1.schema.json): `instruments --json` (one
/// line per instrument) and `describe --json` (one instrument in full), with the same facts and sources the
/// text shows. Codes are the stable lowercase ones (`same-day`, `free-with-conditions`, `at-least`).
package enum CatalogueJSON {
    /// One line of `instruments --json`.
    package static func listed(_ definition: InstrumentDefinition, variants: [String]) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.string("record", "instrument")
        writer.string("id", definition.id)
        writer.string("shortName", definition.shortName)
        writer.string("title", definition.title)
        writer.string("kind", definition.kind.rawValue)
        writer.integer("items", definition.items.count)
        writer.string("licence", definition.licence.status.rawValue)
        writer.beginArray("variants")
        variants.forEach { writer.string(nil, $0) }
        writer.endArray()
        writer.endObject()
        return writer.text
    }

    /// `describe --json`: the instrument in full.
    package static func described(_ definition: InstrumentDefinition, variants: [InstrumentVariant]) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.string("record", "instrument-definition")
        writer.string("id", definition.id)
        if let variant = definition.variant {
            writer.beginObject("variant")
            writer.string("id", variant.id)
            writer.string("name", variant.name)
            writer.string("source", variant.source)
            writer.endObject()
        }
        writer.beginArray("variants")
        variants.forEach { writer.string(nil, $0.id) }
        writer.endArray()
        writer.string("shortName", definition.shortName)
        writer.string("title", definition.title)
        writer.string("edition", definition.edition)
        writer.string("kind", definition.kind.rawValue)
        writer.string("recallPeriod", definition.recallPeriod)
        writer.string("result", definition.result.rawValue)
        writer.string("direction", definition.direction == .higherIsWorse ? "higher-is-worse" : "higher-is-better")
        range("scoreRange", definition.scoreRange, into: &writer)
        items(definition, into: &writer)
        rules(definition, into: &writer)
        writer.beginObject("licence")
        writer.string("status", definition.licence.status.rawValue)
        writer.bool("wordingIncluded", definition.licence.status.allowsWording)
        writer.string("terms", definition.licence.terms)
        writer.string("attribution", definition.licence.attribution)
        writer.endObject()
        writer.beginArray("citations")
        definition.citations.forEach { writer.string(nil, $0.text) }
        writer.endArray()
        writer.beginArray("notes")
        definition.notes.forEach { writer.string(nil, $0) }
        writer.endArray()
        writer.endObject()
        return writer.text
    }

    private static func items(_ definition: InstrumentDefinition, into writer: inout JSONWriter) {
        writer.beginArray("items")
        for item in definition.items {
            writer.beginObject()
            writer.integer("number", item.number)
            writer.string("text", item.text)
            writer.bool("reversed", item.isReversed)
            writer.optionalString("notApplicableFor", item.notApplicableFor)
            if let code = item.code { self.code("code", code, into: &writer) }
            writer.beginArray("options")
            for option in item.options {
                writer.beginObject()
                writer.integer("value", option.value)
                writer.string("label", option.label)
                writer.optionalString("key", option.key)
                if let code = option.code { self.code("code", code, into: &writer) }
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.beginArray("skipRules")
        for rule in definition.skipRules {
            writer.beginObject()
            writer.string("id", rule.id)
            writer.string("text", rule.text)
            writer.string("source", rule.source)
            writer.endObject()
        }
        writer.endArray()
        writer.beginArray("subscales")
        for subscale in definition.subscales {
            writer.beginObject()
            writer.string("id", subscale.id)
            writer.string("name", subscale.name)
            writer.beginArray("items")
            subscale.items.forEach { writer.integer(nil, $0) }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
    }

    private static func rules(_ definition: InstrumentDefinition, into writer: inout JSONWriter) {
        writer.beginArray("bands")
        for band in definition.bands {
            writer.beginObject()
            writer.string("label", band.label)
            writer.integer("min", band.range.lowerBound)
            writer.integer("max", band.range.upperBound)
            writer.endObject()
        }
        writer.endArray()
        writer.string("bandSource", definition.bandSource)
        writer.beginArray("cutOffs")
        for rule in definition.cutOffs {
            writer.beginObject()
            writer.string("id", rule.id)
            writer.string("name", rule.name)
            writer.string("side", rule.side == .atLeast ? "at-least" : "at-most")
            writer.integer("threshold", rule.threshold)
            writer.optionalString("population", rule.population)
            writer.string("source", rule.source)
            writer.endObject()
        }
        writer.endArray()
        if let change = definition.reliableChange {
            writer.beginObject("reliableChange")
            writer.integer("threshold", change.threshold)
            writer.string("source", change.source)
            writer.endObject()
        }
        writer.beginArray("riskRules")
        for rule in definition.riskRules {
            writer.beginObject()
            writer.string("id", rule.id)
            writer.integer("item", rule.item)
            writer.integer("minimumValue", rule.minimumValue)
            writer.string("urgency", rule.urgency.identifier)
            writer.string("action", rule.action)
            writer.string("source", rule.source)
            writer.bool("unansweredRaisesFlag", true)
            writer.endObject()
        }
        writer.endArray()
        writer.beginObject("missingItems")
        writer.string("id", definition.missingItems.id)
        writer.string("name", definition.missingItems.name)
        writer.integer("maxMissing", definition.missingItems.maxMissing)
        writer.string("source", definition.missingItems.source)
        writer.endObject()
        writer.beginArray("transforms")
        for transform in definition.transforms {
            writer.beginObject()
            writer.string("id", transform.id)
            writer.string("name", transform.name)
            writer.integer("multiplier", transform.multiplier)
            writer.string("source", transform.source)
            writer.endObject()
        }
        writer.endArray()
        writer.beginArray("codes")
        definition.codes.forEach { code(nil, $0, into: &writer) }
        writer.endArray()
    }

    static func code(_ key: String?, _ code: Code, into writer: inout JSONWriter) {
        writer.beginObject(key)
        writer.string("system", code.system)
        writer.string("value", code.value)
        writer.optionalString("display", code.display)
        writer.endObject()
    }

    static func range(_ key: String, _ range: ClosedRange<Int>, into writer: inout JSONWriter) {
        writer.beginObject(key)
        writer.integer("min", range.lowerBound)
        writer.integer("max", range.upperBound)
        writer.endObject()
    }
}
