import StepCareCore

extension CommandSpec {
    /// `describe ID`: everything about one instrument.
    static let describe = CommandSpec(
        name: "describe", abstract: "Show an instrument's items, options, bands, cut-offs and sources",
        discussion: "Shows the items (with wording where the licence allows it), the response options and their "
            + "points, the severity bands, every named cut-off rule, the reliable-change threshold, the risk rules, "
            + "the missing-item policy, terminology codes, licence and citations.",
        arguments: [ArgumentSpec("ID", "an instrument id, e.g. phq9", completion: .instrument)],
        examples: ["describe phq9"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let definition = try interpreter.instrument(invocation.positionals[0]).definition
        interpreter.output.write(InstrumentSheet.render(definition))
    }
}

/// The text `describe` prints.
enum InstrumentSheet {
    static func render(_ definition: InstrumentDefinition) -> String {
        var lines: [String] = []
        lines.append("\(definition.shortName) — \(definition.title) (\(definition.id))")
        lines.append("Edition: \(definition.edition)")
        lines.append("Kind: \(definition.kind.rawValue); recall period: \(definition.recallPeriod)")
        let direction = definition.direction == .higherIsWorse ? "higher is worse" : "higher is better"
        lines.append(
            "Scoring: sum of \(definition.items.count) items, total \(span(definition.scoreRange)) (\(direction))")
        lines.append("")
        if !definition.licence.status.allowsWording {
            lines.append(
                "Items (data-collection shell: the wording is not licensed for distribution; a service with a "
                    + "licence supplies its own wording):")
        } else {
            lines.append("Items:")
        }
        for item in definition.items {
            lines.append("  \(item.number). \(item.text)")
        }
        if let options = sharedOptions(definition) {
            lines.append("Options (every item): " + options)
        } else {
            for item in definition.items {
                lines.append("Options, item \(item.number): " + describeOptions(item.options))
            }
        }
        lines.append("")
        lines.append("Bands (\(definition.bandSource)):")
        for band in definition.bands {
            lines.append("  \(span(band.range).padding(to: 7)) \(band.label)")
        }
        if !definition.cutOffs.isEmpty {
            lines.append("Cut-offs:")
            for rule in definition.cutOffs {
                lines.append("  \(rule.id): \(rule.name), positive at ≥ \(rule.threshold) — \(rule.source)")
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
        switch definition.missingItems {
        case .notScoredWhenIncomplete(let reason):
            lines.append("Missing items: not scored when incomplete (\(reason)); risk items are read regardless.")
        }
        if !definition.codes.isEmpty {
            lines.append(
                "Codes: "
                    + definition.codes.map { "\($0.system) \($0.value)" + ($0.display.map { " \($0)" } ?? "") }
                    .joined(separator: "; "))
        }
        lines.append("")
        lines.append("Licence: \(definition.licence.status.rawValue) — \(definition.licence.terms)")
        lines.append("Attribution: \(definition.licence.attribution)")
        lines.append("Citations:")
        for citation in definition.citations { lines.append("  \(citation.text)") }
        for note in definition.notes { lines.append("Note: \(note)") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func describeOptions(_ options: [ResponseOption]) -> String {
        options.map { "\($0.value) = \($0.label)" }.joined(separator: ", ")
    }

    private static func sharedOptions(_ definition: InstrumentDefinition) -> String? {
        guard let first = definition.items.first?.options,
            definition.items.allSatisfy({ $0.options == first })
        else { return nil }
        return describeOptions(first)
    }

    static func span(_ range: ClosedRange<Int>) -> String { "\(range.lowerBound)–\(range.upperBound)" }
}

extension Interpreter {
    /// The instrument named by `argument`, with an error located at it.
    func instrument(_ argument: CommandArgument) throws(Diagnostic) -> any Instrument {
        do {
            return try registry.instrument(argument.text)
        } catch {
            throw Diagnostic(error, at: argument.location)
        }
    }
}
