package import StepCareCore

/// A pathway described for staff: tiers, criteria, rules and parameters.
package enum PathwaySheet {
    package static func text(_ pathway: Pathway) -> String {
        var lines = ["\(pathway.name) — \(pathway.id) v\(pathway.version)", pathway.summary, ""]
        for tier in pathway.tiers {
            lines.append("\(tier.id): \(tier.name)")
            lines.append(
                "  sessions \(tier.sessions.lowerBound)–\(tier.sessions.upperBound) over \(tier.timeframe.spoken)")
            lines.append("  components: " + tier.components.joined(separator: "; "))
            lines.append("  documentation: \(tier.documentationStandard)")
            if let access = tier.accessStandard { lines.append("  access: placed within \(access.spoken) of referral") }
            lines.append("  entry: \(tier.entryCriteria.summary)")
            lines += tier.exclusions.map { "  exclusion \($0.id): \($0.condition.summary) → \($0.routeTo)" }
            lines.append(
                "  capacity: \(tier.capacity.standardSlots) ordinary + \(tier.capacity.rapidAccessSlots) rapid-access")
        }
        lines.append("")
        lines.append("rules:")
        for rule in pathway.allRules {
            lines.append("  \(rule.id) v\(rule.version) [\(rule.scope)]: \(rule.title)")
            lines.append("    when \(rule.condition.summary) → \(rule.recommendation), \(rule.deadline)")
        }
        if !pathway.handoverContacts.isEmpty {
            lines.append(
                "handover after a step-down: contacts within "
                    + pathway.handoverContacts.map(\.spoken).joined(separator: " and "))
        }
        lines.append("")
        lines.append("parameters: pathway --parameters; decision rights: rights")
        return lines.joined(separator: "\n") + "\n"
    }

    package static func parameters(_ pathway: Pathway) -> String {
        pathway.parameters.map { parameter in
            "\(parameter.id) = \(parameter.value): \(parameter.meaning)\n  source: \(parameter.source)"
        }.joined(separator: "\n") + "\n"
    }
}
