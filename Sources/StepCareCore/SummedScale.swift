/// Scoring for summed scales: total = sum of item values, band and cut-offs from the total.
public enum SummedScale {
    /// Scores checked responses by summing them.
    ///
    /// Risk rules are evaluated first and always. An incomplete administration is scored according
    /// to the definition's missing-item policy.
    public static func score(_ checked: CheckedResponses, definition: InstrumentDefinition) -> ScoreReport {
        let flags = riskFlags(checked.responses, rules: definition.riskRules)
        guard let values = checked.completeValues else {
            let missing = checked.responses.enumerated().filter { $0.element == .notAnswered }.map { $0.offset + 1 }
            let reason: String
            switch definition.missingItems {
            case .notScoredWhenIncomplete(let policy):
                reason =
                    "item" + (missing.count == 1 ? " " : "s ")
                    + missing.map(String.init).joined(separator: ", ") + " not answered; " + policy
            }
            return ScoreReport(
                instrumentID: definition.id, responses: checked.responses, total: nil,
                scoreRange: definition.scoreRange, band: nil, cutOffs: [], flags: flags, notScoredReason: reason)
        }
        let total = values.reduce(0, +)
        return ScoreReport(
            instrumentID: definition.id, responses: checked.responses, total: total,
            scoreRange: definition.scoreRange, band: definition.band(for: total),
            cutOffs: definition.cutOffs.map { CutOffResult(rule: $0, isPositive: $0.isPositive(total)) },
            flags: flags)
    }

    /// The flags `rules` raise for `responses`, most urgent first.
    public static func riskFlags(_ responses: [ItemResponse], rules: [RiskRule]) -> [RiskFlag] {
        var flags: [RiskFlag] = []
        for rule in rules where responses.indices.contains(rule.item - 1) {
            let reason: RiskFlag.Reason
            switch responses[rule.item - 1] {
            case .notAnswered:
                reason = .notAnswered
            case .answered(let value) where value >= rule.minimumValue:
                reason = .positiveAnswer(value: value)
            case .answered:
                continue
            }
            flags.append(
                RiskFlag(ruleID: rule.id, item: rule.item, reason: reason, urgency: rule.urgency, action: rule.action))
        }
        return flags.sorted { $0.urgency != $1.urgency ? $0.urgency > $1.urgency : $0.item < $1.item }
    }
}
