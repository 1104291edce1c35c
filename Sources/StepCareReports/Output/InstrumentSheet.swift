package import StepCareCore

/// The text `describe` prints.
package enum InstrumentSheet {
    package static func render(_ definition: InstrumentDefinition, variants: [InstrumentVariant] = []) -> String {
        var lines = header(definition, variants: variants)
        lines += items(definition)
        lines.append("")
        lines += rules(definition)
        lines.append("")
        lines.append("Licence: \(definition.licence.status.rawValue) — \(definition.licence.terms)")
        lines.append("Attribution: \(definition.licence.attribution)")
        lines.append("Citations:")
        for citation in definition.citations { lines.append("  \(citation.text)") }
        for note in definition.notes { lines.append("Note: \(note)") }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func header(_ definition: InstrumentDefinition, variants: [InstrumentVariant]) -> [String] {
        var lines = ["\(definition.shortName) — \(definition.title) (\(definition.id))"]
        lines.append("Edition: \(definition.edition)")
        if let variant = definition.variant {
            lines.append("Variant: \(variant.id) — \(variant.name) (\(variant.source))")
            let others = variants.map { $0.id + ($0 == variants.first ? " (default)" : "") }
            lines.append("Variants: \(others.joined(separator: ", ")); choose one with --variant")
        }
        lines.append("Kind: \(definition.kind.rawValue); recall period: \(definition.recallPeriod)")
        let direction = definition.direction == .higherIsWorse ? "higher is worse" : "higher is better"
        switch definition.result {
        case .total:
            lines.append(
                "Scoring: sum of \(definition.items.count) items, total \(span(definition.scoreRange)) (\(direction))")
        case .level:
            lines.append(
                "Scoring: a level from the answers, not a total: "
                    + definition.bands.map(\.label).joined(separator: ", "))
        }
        for transform in definition.transforms {
            lines.append("Also reported: \(transform.name) = total × \(transform.multiplier) — \(transform.source)")
        }
        lines.append("")
        return lines
    }

    private static func items(_ definition: InstrumentDefinition) -> [String] {
        var lines: [String] = []
        if !definition.licence.status.allowsWording {
            lines.append(
                "Items (data-collection shell: the wording is not licensed for distribution, so StepCare shows short "
                    + "neutral labels; a service holding a licence supplies its own wording on its forms):")
        } else {
            lines.append("Items:")
        }
        for item in definition.items {
            var marks: [String] = []
            if item.isReversed { marks.append("reverse-scored") }
            if let who = item.notApplicableFor { marks.append("n/a allowed for \(who)") }
            lines.append(
                "  \(item.number). \(item.text)" + (marks.isEmpty ? "" : " [\(marks.joined(separator: "; "))]"))
        }
        if let options = sharedOptions(definition) {
            lines.append("Options (every item): " + options)
        } else {
            for item in definition.items {
                lines.append("Options, item \(item.number): " + describeAnswers(item))
            }
        }
        for rule in definition.skipRules {
            lines.append("Skip rule \(rule.id): \(rule.text) — \(rule.source)")
        }
        for subscale in definition.subscales {
            lines.append(
                "Subscale \(subscale.id): \(subscale.name), items "
                    + subscale.items.map(String.init).joined(separator: ", "))
        }
        return lines
    }

    private static func rules(_ definition: InstrumentDefinition) -> [String] {
        var lines = ["Bands (\(definition.bandSource)):"]
        for band in definition.bands {
            lines.append("  \(span(band.range).padding(to: 7)) \(band.label)")
        }
        if !definition.cutOffs.isEmpty {
            lines.append("Cut-offs:")
            for rule in definition.cutOffs {
                let who = rule.population.map { ", for \($0)" } ?? ""
                lines.append("  \(rule.id): \(rule.name), positive at \(rule.condition)\(who) — \(rule.source)")
            }
        }
        if let change = definition.reliableChange {
            lines.append("Reliable change: a change of ≥ \(change.threshold) points — \(change.source)")
        } else {
            lines.append("Reliable change: no published threshold")
        }
        for rule in definition.riskRules {
            lines.append(
                "Risk rule \(rule.id): item \(rule.item) ≥ \(rule.minimumValue) → \(rule.urgency.label): \(rule.action)"
                    + " — \(rule.source). An unanswered item \(rule.item) raises its own flag.")
        }
        let policy = definition.missingItems
        if policy.isUnpublished {
            lines.append(
                "Missing items: not scored when incomplete (\(policy.source)); risk items are read regardless. "
                    + "A service may choose: " + MissingItemPolicy.serviceChoices.map(\.id).joined(separator: ", "))
        } else {
            lines.append("Missing items: \(policy.name) (\(policy.source)); risk items are read regardless.")
        }
        if !definition.codes.isEmpty {
            lines.append(
                "Codes: "
                    + definition.codes.map { "\($0.system) \($0.value)" + ($0.display.map { " \($0)" } ?? "") }
                    .joined(separator: "; "))
        }
        return lines
    }

    /// The answers an item takes as typed: its options' scores, or, for an item typed as the form's column,
    /// the columns with the scores they give.
    package static func describeAnswers(_ item: Item) -> String {
        guard item.typedAsColumn else { return describeOptions(item.options) }
        return item.options.enumerated().map { column, option in "\(column) = \(option.label)" }
            .joined(separator: ", ") + " (typed as the form's column; scored "
            + item.options.map { String($0.value) }.joined(separator: ", ") + ")"
    }

    package static func describeOptions(_ options: [ResponseOption]) -> String {
        options.map { option in
            "\(option.value)" + (option.key.map { " (\($0))" } ?? "") + " = \(option.label)"
        }.joined(separator: ", ")
    }

    private static func sharedOptions(_ definition: InstrumentDefinition) -> String? {
        guard let first = definition.items.first?.options,
            definition.items.allSatisfy({ $0.options == first })
        else { return nil }
        return describeOptions(first)
    }

    package static func span(_ range: ClosedRange<Int>) -> String { "\(range.lowerBound)–\(range.upperBound)" }
}
