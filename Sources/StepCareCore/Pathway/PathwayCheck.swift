/// One static check the registry applies to every pathway before registering it.
public struct PathwayCheck: Sendable {
    /// The check's name, shown in the error when it fails, e.g. `tiers-known`.
    public let name: String
    /// Returns one message per problem; `instruments` holds the registered instruments' default definitions
    /// by id.
    public let problems: @Sendable (_ pathway: Pathway, _ instruments: [String: InstrumentDefinition]) -> [String]

    /// Creates a check.
    public init(
        _ name: String,
        problems: @escaping @Sendable (_ pathway: Pathway, _ instruments: [String: InstrumentDefinition]) -> [String]
    ) {
        self.name = name
        self.problems = problems
    }

    /// Every built-in check, in the order the registry applies them.
    public static let all: [PathwayCheck] = [
        .identifiers, .tiersKnown, .movesPointTheRightWay, .instrumentsRegistered, .thresholdsInRange,
        .thresholdsDiscriminate, .tierThresholdsAscend, .parametersInRange, .riskFlagsReviewed, .reliableChangeMatches,
        .rightsWellFormed, .overridesNeedTwo, .rulesCanBeActedOn, .sourcesGiven,
    ]
}

extension PathwayCheck {
    /// The pathway, tier, rule and role ids are non-empty and unique.
    public static let identifiers = PathwayCheck("identifiers") { pathway, _ in
        var problems: [String] = []
        if pathway.id.isEmpty || pathway.id.contains(" ") { problems.append("pathway id must be one word") }
        if pathway.tiers.isEmpty { problems.append("the pathway has no tiers") }
        for (kind, ids) in [
            ("tier", pathway.tiers.map(\.id)), ("rule", pathway.allRules.map(\.id)), ("role", pathway.roles.map(\.id)),
            ("parameter", pathway.parameters.map(\.id)),
        ] {
            var seen = Set<String>()
            for id in ids where !seen.insert(id.lowercased()).inserted {
                problems.append("\(kind) id \"\(id)\" repeats")
            }
            if ids.contains(where: { $0.isEmpty || $0.contains(" ") }) {
                problems.append("a \(kind) id is not one word")
            }
        }
        return problems
    }

    /// Every tier a rule, scope or right names exists.
    public static let tiersKnown = PathwayCheck("tiers-known") { pathway, _ in
        let known = Set(pathway.tiers.map(\.id))
        var named: [(String, String)] = []
        for rule in pathway.allRules {
            if case .tiers(let tiers) = rule.scope { named += tiers.map { ($0, "rule \(rule.id)") } }
            switch rule.recommendation {
            case .stepUp(let tier), .stepDown(let tier): named.append((tier, "rule \(rule.id)"))
            default: break
            }
        }
        for right in pathway.rights.rights {
            named += [right.scope.from, right.scope.to].compactMap { $0 }.map { ($0, "a \(right.action) right") }
        }
        return named.filter { !known.contains($0.0) }.map { "\($0.1) names unknown tier \"\($0.0)\"" }
    }

    /// Step-up rules point to a more intensive tier than every tier they apply in, step-down rules to a less
    /// intensive one.
    public static let movesPointTheRightWay = PathwayCheck("moves-point-the-right-way") { pathway, _ in
        pathway.allRules.compactMap { rule -> String? in
            guard case .tiers(let tiers) = rule.scope else { return nil }
            let ranks = tiers.compactMap(pathway.rank(of:))
            switch rule.recommendation {
            case .stepUp(let target):
                guard let rank = pathway.rank(of: target), ranks.allSatisfy({ $0 < rank }) else {
                    return "rule \(rule.id) steps up to \(target) from a tier at or above it"
                }
            case .stepDown(let target):
                guard let rank = pathway.rank(of: target), ranks.allSatisfy({ $0 > rank }) else {
                    return "rule \(rule.id) steps down to \(target) from a tier at or below it"
                }
            default: break
            }
            return nil
        }
    }

    /// Every condition of `pathway` with what owns it, for messages: each rule's, each tier's entry criteria and
    /// each exclusion's.
    static func conditions(of pathway: Pathway) -> [(condition: Condition, owner: String)] {
        pathway.allRules.map { ($0.condition, "rule \($0.id)") }
            + pathway.tiers.map { ($0.entryCriteria, "entry criteria of \($0.id)") }
            + pathway.tiers.flatMap { tier in tier.exclusions.map { ($0.condition, "exclusion \($0.id)") } }
    }

    /// Every instrument a condition reads is registered.
    public static let instrumentsRegistered = PathwayCheck("instruments-registered") { pathway, instruments in
        let conditions = PathwayCheck.conditions(of: pathway)
        return conditions.flatMap { condition, owner in
            condition.instrumentIDs.filter { instruments[$0] == nil }.map {
                "\(owner) reads unregistered instrument \($0)"
            }
        }
    }

    /// Every score threshold lies within the instrument's range of totals, so a rule can fire and a criterion be
    /// met (a service's configuration is held to this too: PHQ-9 caseness 40 is refused).
    public static let thresholdsInRange = PathwayCheck("thresholds-in-range") { pathway, instruments in
        func outside(_ condition: Condition, _ owner: String) -> [String] {
            let checked: [(String, Int, String)]
            switch condition {
            case .scoreAtLeast(let id, let threshold), .scoreBelow(let id, let threshold):
                checked = [(id, threshold, "threshold")]
            case .persistsAtLeast(let id, let threshold, _): checked = [(id, threshold, "threshold")]
            case .noReliableImprovement(let id, _, let caseness, _): checked = [(id, caseness, "caseness")]
            case .all(let conditions), .any(let conditions): return conditions.flatMap { outside($0, owner) }
            case .not(let inner): return outside(inner, owner)
            default: return []
            }
            return checked.compactMap { id, value, what in
                guard let range = instruments[id]?.scoreRange, !range.contains(value) else { return nil }
                return "\(owner) uses \(what) \(value) for \(id), outside its totals "
                    + "\(range.lowerBound)–\(range.upperBound)"
            }
        }
        let conditions = PathwayCheck.conditions(of: pathway)
        return conditions.flatMap { outside($0, $1) }
    }

    /// No score threshold sits at the bottom of the instrument's range, where it would tell no score from
    /// another: "latest AUDIT ≥ 0" is met by every client who has an AUDIT, and "latest PHQ-9 < 0" by none.
    public static let thresholdsDiscriminate = PathwayCheck("thresholds-discriminate") { pathway, instruments in
        func flat(_ condition: Condition, _ owner: String) -> [String] {
            switch condition {
            case .scoreAtLeast(let id, let threshold), .persistsAtLeast(let id, let threshold, _):
                guard let range = instruments[id]?.scoreRange, threshold == range.lowerBound else { return [] }
                return ["\(owner) uses \(id) ≥ \(threshold), the lowest total: every score meets it"]
            case .scoreBelow(let id, let threshold):
                guard let range = instruments[id]?.scoreRange, threshold == range.lowerBound else { return [] }
                return ["\(owner) uses \(id) < \(threshold), the lowest total: no score meets it"]
            case .all(let conditions), .any(let conditions): return conditions.flatMap { flat($0, owner) }
            case .not(let inner): return flat(inner, owner)
            default: return []
            }
        }
        let conditions = PathwayCheck.conditions(of: pathway)
        return conditions.flatMap { flat($0, $1) }
    }

    /// A more intensive tier does not take clients on a lower score than a less intensive one: where two tiers'
    /// entry criteria both read an instrument's score (`latest X ≥ t`, outside any `not`), the more intensive
    /// tier's threshold is at least the other's. Tier 2 entering at PHQ-9 ≥ 22 above Tier 3 at ≥ 20 is refused.
    public static let tierThresholdsAscend = PathwayCheck("tier-thresholds-ascend") { pathway, _ in
        func thresholds(_ condition: Condition) -> [String: Int] {
            switch condition {
            case .scoreAtLeast(let id, let threshold): return [id: threshold]
            case .all(let conditions), .any(let conditions):
                return conditions.map(thresholds).reduce(into: [:]) { merged, next in
                    merged.merge(next) { min($0, $1) }
                }
            default: return [:]
            }
        }
        let byTier = pathway.tiers.map { ($0.id, thresholds($0.entryCriteria)) }
        var problems: [String] = []
        for later in byTier.indices {
            for earlier in byTier.indices where earlier < later {
                for (id, high) in byTier[later].1.sorted(by: { $0.key < $1.key }) {
                    guard let low = byTier[earlier].1[id], low > high else { continue }
                    problems.append(
                        "entry criteria of \(byTier[later].0) read \(id) ≥ \(high), below \(byTier[earlier].0)'s "
                            + "\(id) ≥ \(low): a more intensive tier would take clients on lower scores")
                }
            }
        }
        return problems
    }

    /// Every parameter holds a value any configuration could set (`configure` applies the same bounds): a count
    /// from 1, a percentage from 1 to 100, a window or deadline from 1 hour to 156 weeks. A count of 0 crisis
    /// contacts or a 250 % attendance would make a rule fire always or never.
    public static let parametersInRange = PathwayCheck("parameters-in-range") { pathway, _ in
        pathway.parameters.compactMap { parameter in
            switch parameter.value {
            case .count(let n) where !(1...ConfigurationSetting.largestCount).contains(n):
                "parameter \(parameter.id) is a count of \(n), outside 1–\(ConfigurationSetting.largestCount)"
            case .percent(let n) where !(1...100).contains(n):
                "parameter \(parameter.id) is \(n)%, outside 1–100%"
            case .span(let span)
            where span < ConfigurationSetting.shortestSpan || span > ConfigurationSetting.longestSpan:
                "parameter \(parameter.id) is \(span), outside 1 hour to 156 weeks"
            case .score(let n) where n < 0:
                "parameter \(parameter.id) is a negative score, \(n)"
            default: nil
            }
        }
    }

    /// A positive risk answer is never left without a same-day review: some rule, for every client, recommends
    /// an urgent safety review while a risk flag is open (DESIGN.md's seed model: "a positive risk item →
    /// same-day safety review whatever the tier").
    public static let riskFlagsReviewed = PathwayCheck("risk-flags-reviewed") { pathway, _ in
        let reviewed = pathway.allRules.contains { rule in
            rule.recommendation == .urgentSafetyReview && rule.scope == .always && rule.condition == .openRiskFlag
                && rule.deadline == .sameDay
        }
        return reviewed
            ? []
            : [
                "no rule recommends a same-day safety review for every client with an open risk flag (scope always, "
                    + "when openRiskFlag, recommend urgentSafetyReview, deadline sameDay)"
            ]
    }

    /// Every decision a rule recommends can be taken by some role (alone or with a co-signer): a step-up, a
    /// step-down, a placement, a risk review or a discharge that nobody may make would stay overdue for ever.
    public static let rulesCanBeActedOn = PathwayCheck("rules-can-be-acted-on") { pathway, _ in
        pathway.allRules.compactMap { rule in
            let action: Action
            switch rule.recommendation {
            case .place: action = .place
            case .stepUp: action = .stepUp
            case .stepDown: action = .stepDown
            case .urgentSafetyReview: action = .clearRiskFlag
            case .routeElsewhere: action = .discharge
            case .tierReview, .handoverContact, .followUpContact, .scheduledContact, .stepUpPlan: return nil
            }
            let someone = pathway.rights.rights.contains { $0.action == action && $0.verdict != .denied }
            return someone ? nil : "rule \(rule.id) recommends \(action.rawValue), which no role may do"
        }
    }

    /// A reliable-improvement condition uses the instrument's published reliable-change threshold.
    public static let reliableChangeMatches = PathwayCheck("reliable-change-matches") { pathway, instruments in
        func mismatches(_ condition: Condition, _ owner: String) -> [String] {
            switch condition {
            case .noReliableImprovement(let id, let threshold, _, _):
                guard let published = instruments[id]?.reliableChange?.threshold, published != threshold else {
                    return []
                }
                return [
                    "\(owner) uses reliable change \(threshold) for \(id), but the instrument publishes \(published)"
                ]
            case .all(let conditions), .any(let conditions): return conditions.flatMap { mismatches($0, owner) }
            case .not(let inner): return mismatches(inner, owner)
            default: return []
            }
        }
        return pathway.allRules.flatMap { mismatches($0.condition, "rule \($0.id)") }
    }

    /// Rights name known roles, no two rows share a role, action and scope, clearing a risk flag needs a
    /// documented risk review, and a step-down needs a stability plan.
    public static let rightsWellFormed = PathwayCheck("rights-well-formed") { pathway, _ in
        var problems: [String] = []
        var seen = Set<String>()
        let roles = Set(pathway.roles)
        for right in pathway.rights.rights {
            let key = "\(right.role.id) \(right.action) \(right.scope)"
            if !seen.insert(key).inserted { problems.append("two rows give \(key)") }
            if !roles.contains(right.role) { problems.append("a right names unknown role \(right.role.id)") }
            if case .needsCoSign(let by) = right.verdict {
                if by.isEmpty { problems.append("\(key) needs a co-signer but names no role") }
                problems += by.filter { !roles.contains($0) }.map { "\(key) names unknown co-signer role \($0.id)" }
            }
            if right.verdict != .denied {
                if right.action == .clearRiskFlag, !right.documentation.contains(.riskReview) {
                    problems.append("\(key) must require a documented risk review")
                }
                if right.action == .stepDown, !right.documentation.contains(.stabilityPlan) {
                    problems.append("\(key) must require a stability plan")
                }
            }
        }
        return problems
    }

    /// Nobody may override a placement alone, and every override needs a reason.
    public static let overridesNeedTwo = PathwayCheck("overrides-need-two") { pathway, _ in
        pathway.rights.rows(for: .overridePlacement).compactMap { right in
            if right.verdict == .allowed { return "\(right.role.id) may override alone; an override needs a co-signer" }
            if right.verdict != .denied, !right.documentation.contains(.reason) {
                return "\(right.role.id)'s override right must require a reason"
            }
            return nil
        }
    }

    /// Every rule, exclusion and parameter says where it comes from.
    public static let sourcesGiven = PathwayCheck("sources-given") { pathway, _ in
        let missing =
            pathway.allRules.filter { $0.source.isEmpty }.map { "rule \($0.id)" }
            + pathway.tiers.flatMap(\.exclusions).filter { $0.source.isEmpty }.map { "exclusion \($0.id)" }
            + pathway.parameters.filter { $0.source.isEmpty }.map { "parameter \($0.id)" }
        return missing.map { "\($0) gives no source" }
    }
}
