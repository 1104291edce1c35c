package import StepCareCore

/// The decision-rights table as published to staff: one row per action, one column per role.
///
/// Each cell gives the role's verdict for any move, then the moves with a different verdict:
/// `yes; to tier-3: co-sign (supervisor)`. Verdicts are `yes`, `no` and `co-sign (ROLE or ROLE)`.
package enum RightsTable {
    /// The cell for `role` and `action`.
    package static func cell(_ rights: DecisionRights, _ role: Role, _ action: Action) -> String {
        let rows = rights.rights.filter { $0.role == role && $0.action == action }
        let general = rows.first { $0.scope == .any }?.verdict ?? .denied
        let scoped = rows.filter { $0.scope != .any }.map { "\($0.scope): \($0.verdict)" }
        return ([general.description] + scoped).joined(separator: "; ")
    }

    /// The published page: the matrix, then what each right requires on record.
    package static func markdown(_ pathway: Pathway) -> String {
        var text = "# Decision rights: \(pathway.name)\n\n"
        text += "Generated from the `\(pathway.id)` pathway module (version \(pathway.version)) by "
        text += "`rights --markdown`; a test fails when this page and the module disagree.\n\n"
        text += "Each cell is the role's verdict for any move, then the moves where it differs. `yes`: may act "
        text += "alone. `co-sign (…)`: may act when a different person in one of those roles co-signs. `no`: may "
        text += "not. A role and action with no entry are `no`.\n\n"
        let roles = pathway.roles
        text += "| action | " + roles.map(\.id).joined(separator: " | ") + " |\n"
        text += "|---|" + String(repeating: "---|", count: roles.count) + "\n"
        for action in Action.allCases {
            text +=
                "| \(action.rawValue) | " + roles.map { cell(pathway.rights, $0, action) }.joined(separator: " | ")
                + " |\n"
        }
        text +=
            "\n## What must be documented\n\n| action | role | moves | must document | note |\n|---|---|---|---|---|\n"
        for right in pathway.rights.rights where right.verdict != .denied {
            let documents = right.documentation.map(\.rawValue).joined(separator: ", ")
            text +=
                "| \(right.action.rawValue) | \(right.role.id) | \(right.scope) | \(documents.isEmpty ? "—" : documents) | "
            text += (right.note.isEmpty ? "—" : right.note) + " |\n"
        }
        text += "\n## How to supply each document\n\n"
        for documentation in Documentation.allCases {
            text += "- `\(documentation.rawValue)`: `\(documentation.howToSupply)`\n"
        }
        return text
    }

    /// The table as plain text for the REPL, one block per role.
    package static func plain(_ pathway: Pathway) -> String {
        var text = "decision rights: \(pathway.id) v\(pathway.version)\n"
        for role in pathway.roles {
            text += "\(role.id):\n"
            for action in Action.allCases {
                text += "  \(action.rawValue.padding(to: 20))\(cell(pathway.rights, role, action))\n"
            }
        }
        return text
    }
}
