package import StepCareCore

/// The service's configuration as `configure show` and `configure history` print it.
package enum ConfigurationSheet {
    /// The configuration in force: its version, each tier's slots, every parameter (`*` marks a value the
    /// service set), and changes that have yet to take effect.
    package static func text(
        _ pathway: Pathway, registered: Pathway, configuration: ServiceConfiguration,
        history: [ConfigurationChange], asOf now: Instant
    ) -> String {
        var lines: [String] = []
        if let current = history.last(where: { $0.version == configuration.version }) {
            lines.append(
                "\(pathway.id) configuration v\(current.version), in force since \(current.effective) "
                    + "(set by \(current.by))")
        } else {
            lines.append("\(pathway.id) configuration v0: the module's defaults")
        }
        lines.append("slots (* set by the service):")
        for (tier, original) in zip(pathway.tiers, registered.tiers) {
            let surge = configuration.surges[tier.id].map { " including \($0) surge" } ?? ""
            let standard = tier.capacity.standardSlots
            let rapid = tier.capacity.rapidAccessSlots
            lines.append(
                "  " + (standard != original.capacity.standardSlots ? "* " : "  ")
                    + "\(tier.id).slots = \(standard)\(surge)"
                    + (standard != original.capacity.standardSlots
                        ? " (default \(original.capacity.standardSlots))" : ""))
            lines.append(
                "  " + (rapid != original.capacity.rapidAccessSlots ? "* " : "  ")
                    + "\(tier.id).rapid-access-slots = \(rapid)"
                    + (rapid != original.capacity.rapidAccessSlots
                        ? " (default \(original.capacity.rapidAccessSlots))" : ""))
        }
        lines.append("parameters (* set by the service):")
        for (parameter, original) in zip(pathway.parameters, registered.parameters) {
            let set = parameter.value != original.value
            lines.append(
                "  " + (set ? "* " : "  ") + "\(parameter.id) = \(parameter.value.text)"
                    + (set ? " (default \(original.value.text))" : "") + ": \(parameter.meaning)")
        }
        lines.append("live records may be dated (* set by the service):")
        for bound in RecordWindow.allCases {
            let set = configuration.recordWindow[bound]
            let meaning =
                switch bound {
                case .backdateLimit: "how far before now"
                case .clockSkew: "how far after now"
                case .lateEntry: "an entry recorded this long after its effective time is marked late"
                }
            func text(_ span: TimeSpan) -> String { span.minutes == 0 ? "0" : span.description }
            lines.append(
                "  " + (set != nil ? "* " : "  ") + "\(bound.rawValue) = \(text(set ?? bound.defaultSpan))"
                    + (set != nil ? " (default \(text(bound.defaultSpan)))" : "") + ": \(meaning)")
        }
        if !configuration.documentation.isEmpty {
            lines.append("documentation each decision needs (set by the service):")
            for requirement in configuration.documentation {
                lines.append(
                    "  * \(requirement.action.rawValue)" + (requirement.tier.map { " to \($0)" } ?? "") + ": "
                        + (requirement.documentation.isEmpty
                            ? "nothing" : requirement.documentation.map(\.rawValue).joined(separator: ", ")))
            }
        }
        for change in history where change.effective > now {
            lines.append(
                "pending: v\(change.version) takes effect \(change.effective): "
                    + change.settings.map(\.description).joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One change, as `configure history` lists it.
    package static func change(_ change: ConfigurationChange) -> String {
        "v\(change.version) effective \(change.effective) by \(change.by): "
            + change.settings.map(\.description).joined(separator: ", ") + "\n  reason: \(change.reason)\n"
    }
}
