public import StepCareCore
import Synchronization

/// Applies one pathway to case timelines: recommendations with explanation traces, triage, and moves checked
/// against decision rights and capacity.
///
/// The engine is a value and every method is pure: the time is always passed in, never read from a clock.
public struct Engine: Sendable {
    /// What the engine derives from the pathway once, shared by every copy (an engine is copied into each
    /// case monitor, so a copy must cost one reference).
    final class Compiled: Sendable {
        let pathway: Pathway
        /// Every movement rule, pathway-wide first, then each tier's.
        let rules: [MovementRule]
        /// What checking each rule reads, without the rest of the rule (copied on every check).
        let checks: [RuleCheck]
        /// Whether each rule's condition reads the moment itself (an event "recorded" now), so that asking later
        /// can change it with no new event and no wake-up.
        let readsTheMoment: [Bool]
        /// The kinds of event each rule's status reads: a check after events of other kinds is skipped.
        let reads: [EventReads]
        /// Each rule's first trace line: id, version, scope and condition.
        let ruleHeadlines: [String]
        let ranks: [String: Int]
        /// The tier ids, least intensive first: what a caseload's census must be indexed by.
        let tierIDs: [String]
        /// Whether a structured review by a role resolves recommendations governed by an action: the role may
        /// take that decision alone somewhere in the pathway.
        let reviewResolves: Set<RoleAction>
        /// Who may authorise each move, as text, filled in on first use: a pathway has many more moves than a
        /// session asks about, and working them all out made opening a caseload slow.
        let authorisers = Mutex<[AuthorisersKey: String]>([:])

        struct RuleCheck: Sendable {
            let scope: RuleScope
            let condition: Condition
            let recommendation: RecommendationKind
        }

        struct RoleAction: Hashable {
            var role: Role
            var action: Action
        }

        struct AuthorisersKey: Hashable {
            var action: Action
            var from: String?
            var to: String?
        }

        init(_ pathway: Pathway) {
            self.pathway = pathway
            rules = pathway.allRules
            checks = rules.map {
                RuleCheck(scope: $0.scope, condition: $0.condition, recommendation: $0.recommendation)
            }
            readsTheMoment = rules.map { $0.condition.readsTheMoment }
            reads = rules.map { EventReads(condition: $0.condition, recommendation: $0.recommendation) }
            ruleHeadlines = rules.map { "rule \($0.id) v\($0.version) (\($0.scope)): \($0.condition.summary)" }
            tierIDs = pathway.tiers.map(\.id)
            ranks = Dictionary(pathway.tiers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            reviewResolves = Set(
                pathway.rights.rights.filter { $0.verdict == .allowed }.map {
                    RoleAction(role: $0.role, action: $0.action)
                })
        }
    }

    let compiled: Compiled

    /// The pathway enforced.
    public var pathway: Pathway { compiled.pathway }

    /// Creates an engine for `pathway`.
    public init(pathway: Pathway) {
        compiled = Compiled(pathway)
    }

    /// Whether `other` is this very engine (a copy of it), not merely one for an equal pathway.
    public func isSame(as other: Engine) -> Bool { compiled === other.compiled }

    /// The rank of `tierID` (0 = least intensive), when the pathway has that tier.
    func rank(of tierID: String) -> Int? { compiled.ranks[tierID] }

    /// The roles that may act on `action` for a move from `from` to `to`, with their verdicts, most senior
    /// last as the table lists them.
    public func authorisers(_ action: Action, from: String?, to: String?) -> [(role: Role, verdict: Verdict)] {
        Self.authorisers(pathway, action, from: from, to: to)
    }

    static func authorisers(
        _ pathway: Pathway, _ action: Action, from: String?, to: String?
    ) -> [(role: Role, verdict: Verdict)] {
        pathway.roles.compactMap { role in
            let verdict = pathway.rights.verdict(role, action, from: from, to: to)
            return verdict == .denied ? nil : (role, verdict)
        }
    }

    /// `clinician (co-sign: supervisor), supervisor`: who may act, as staff read it.
    public func authorisersText(_ action: Action, from: String?, to: String?) -> String {
        let key = Compiled.AuthorisersKey(action: action, from: from, to: to)
        if let known = compiled.authorisers.withLock({ $0[key] }) { return known }
        let text = Self.authorisersText(pathway, action, from: from, to: to)
        compiled.authorisers.withLock { $0[key] = text }
        return text
    }

    static func authorisersText(_ pathway: Pathway, _ action: Action, from: String?, to: String?) -> String {
        let list = authorisers(pathway, action, from: from, to: to).map { role, verdict in
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
