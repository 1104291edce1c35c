public import StepCareCore

/// Applies one pathway to case timelines: recommendations with explanation traces, triage, and moves checked
/// against decision rights and capacity.
///
/// The engine is a value and every method is pure: the time is always passed in, never read from a clock.
public struct Engine: Sendable {
    /// The pathway enforced.
    public let pathway: Pathway

    /// Creates an engine for `pathway`.
    public init(pathway: Pathway) {
        self.pathway = pathway
    }

    /// The roles that may act on `action` for a move from `from` to `to`, with their verdicts, most senior
    /// last as the table lists them.
    public func authorisers(_ action: Action, from: String?, to: String?) -> [(role: Role, verdict: Verdict)] {
        pathway.roles.compactMap { role in
            let verdict = pathway.rights.verdict(role, action, from: from, to: to)
            return verdict == .denied ? nil : (role, verdict)
        }
    }

    /// `clinician (co-sign: supervisor), supervisor`: who may act, as staff read it.
    public func authorisersText(_ action: Action, from: String?, to: String?) -> String {
        let list = authorisers(action, from: from, to: to).map { role, verdict in
            if case .needsCoSign(let by) = verdict {
                return "\(role.id) (co-sign: \(by.map(\.id).joined(separator: " or ")))"
            }
            return role.id
        }
        return list.isEmpty ? "nobody" : list.joined(separator: ", ")
    }

    /// The tier after `tierID`, when there is one.
    public func tier(above tierID: String) -> String? {
        pathway.rank(of: tierID).flatMap { pathway.tiers.indices.contains($0 + 1) ? pathway.tiers[$0 + 1].id : nil }
    }

    /// The tier before `tierID`, when there is one.
    public func tier(below tierID: String) -> String? {
        pathway.rank(of: tierID).flatMap { $0 > 0 ? pathway.tiers[$0 - 1].id : nil }
    }
}
