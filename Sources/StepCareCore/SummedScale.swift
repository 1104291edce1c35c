/// Scoring for summed scales: total = sum of item values, band and cut-offs from the total.
///
/// Reversed items and weights need no code here: an item's option values are its scored values.
public enum SummedScale {
    /// Scores checked responses by summing them.
    ///
    /// Risk rules are evaluated first and always. Not-applicable and not-asked items are left out of the
    /// total; unanswered items are handled by the missing-item policy in force.
    public static func score(_ checked: CheckedResponses, definition: InstrumentDefinition) -> ScoreReport {
        var report = ScoreReport(
            instrumentID: definition.id, variantID: definition.variant?.id, responses: checked.responses,
            total: nil, scoreRange: definition.scoreRange, band: nil, cutOffs: [],
            subscales: subscales(checked.resolved, definition.subscales),
            flags: riskFlags(checked.resolved, rules: definition.riskRules), notes: checked.inconsistencies)
        var sum = 0
        var answered = 0
        var missingCount = 0
        var notApplicableMaximum = 0
        for (index, response) in checked.resolved.enumerated() {
            switch response {
            case .value(let value):
                sum += value
                answered += 1
            case .notApplicable:
                notApplicableMaximum += definition.items[index].valueRange?.upperBound ?? 0
            case .notAnswered:
                missingCount += 1
            case .notAsked:
                continue
            }
        }
        let missing = missingCount == 0 ? [] : checked.missingItemNumbers
        let policy = checked.missingItems
        if notApplicableMaximum > 0 {
            let maximum = definition.scoreRange.upperBound - notApplicableMaximum
            report.applicableMaximum = maximum
            report.notes.append("items not applicable to this person are left out: the total is out of \(maximum)")
        }
        guard missing.count <= policy.maxMissing else {
            report.notScoredReason =
                "\(itemList(missing)) not answered; "
                + (policy.maxMissing == 0
                    ? policy.source
                    : "at most \(policy.maxMissing) may be missing under the rule in force: \(policy.name)")
            return report
        }
        let total = policy.prorate(sum: sum, answered: answered, scored: answered + missing.count)
        if !missing.isEmpty {
            report.notes.append(
                "\(itemList(missing)) not answered; total prorated from \(answered) answered items under "
                    + "\(policy.name) (\(policy.source))")
        }
        return finish(report, total: total, definition: definition)
    }

    /// Completes `report` for `total`: band, cut-offs and transforms.
    public static func finish(_ report: ScoreReport, total: Score, definition: InstrumentDefinition) -> ScoreReport {
        var report = report
        report.total = total
        report.band = definition.band(for: total)
        report.cutOffs = definition.cutOffs.map { CutOffResult(rule: $0, isPositive: $0.isPositive(total)) }
        report.transformed = definition.transforms.map {
            TransformedScore(transform: $0, value: Score(exactly: total.value * Double($0.multiplier)))
        }
        return report
    }

    /// Each subscale's sum, `nil` when one of its items has no value.
    public static func subscales(_ resolved: [ResolvedResponse], _ subscales: [Subscale]) -> [SubscaleScore] {
        subscales.map { subscale in
            var total: Int? = 0
            for item in subscale.items {
                guard let value = resolved[item - 1].value else {
                    total = nil
                    break
                }
                total? += value
            }
            return SubscaleScore(subscale: subscale, total: total)
        }
    }

    /// The flags `rules` raise for `resolved`, most urgent first.
    ///
    /// An unanswered risk item raises its own flag; a not-asked item (skipped by a rule) raises none.
    public static func riskFlags(_ resolved: [ResolvedResponse], rules: [RiskRule]) -> [RiskFlag] {
        var flags: [RiskFlag] = []
        for rule in rules where resolved.indices.contains(rule.item - 1) {
            let reason: RiskFlag.Reason
            switch resolved[rule.item - 1] {
            case .notAnswered:
                reason = .notAnswered
            case .value(let value) where value >= rule.minimumValue:
                reason = .positiveAnswer(value: value)
            case .value, .notAsked, .notApplicable:
                continue
            }
            flags.append(
                RiskFlag(ruleID: rule.id, item: rule.item, reason: reason, urgency: rule.urgency, action: rule.action))
        }
        return flags.sorted { $0.urgency != $1.urgency ? $0.urgency > $1.urgency : $0.item < $1.item }
    }

    /// "item 3" or "items 3, 5".
    public static func itemList(_ numbers: [Int]) -> String {
        (numbers.count == 1 ? "item " : "items ") + numbers.map(String.init).joined(separator: ", ")
    }
}
