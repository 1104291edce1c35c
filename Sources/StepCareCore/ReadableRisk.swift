/// Reading risk answers from a form that cannot be scored: a risk answer is never lost because something else
/// on the form is wrong.
extension Instrument {
    /// The risk flags a form raises even when it cannot be scored.
    ///
    /// Each answer that cannot be read (`nil`, or a value its item does not offer) and each answer the form lacks
    /// is taken as not answered, so an unreadable or missing risk answer raises its own "not answered" flag and a
    /// readable positive one raises its flag, whatever else is wrong with the form. The flags are the ones
    /// scoring the readable answers would raise (so an instrument's own levels still apply), or, if even that
    /// form cannot be scored, the risk rules read directly.
    public func readableRiskFlags(_ answers: [ItemResponse?]) -> [RiskFlag] {
        let responses = readableResponses(answers)
        if let report = try? score(responses: responses) { return report.flags }
        let resolved: [ResolvedResponse] = responses.map { response in
            switch response {
            case .answered(let value): .value(value)
            case .notAnswered: .notAnswered
            case .notApplicable: .notApplicable
            }
        }
        return SummedScale.riskFlags(resolved, rules: definition.riskRules)
    }
}

extension Instrument {
    /// One response per item: each readable answer the item accepts, and "not answered" for the rest.
    public func readableResponses(_ answers: [ItemResponse?]) -> [ItemResponse] {
        definition.items.indices.map { index in
            guard answers.indices.contains(index), let response = answers[index],
                definition.items[index].accepts(response)
            else { return .notAnswered }
            return response
        }
    }
}

extension Item {
    /// Whether `response` is one this item can take.
    public func accepts(_ response: ItemResponse) -> Bool {
        switch response {
        case .answered(let value): option(scoring: value) != nil
        case .notAnswered: true
        case .notApplicable: notApplicableFor != nil
        }
    }
}
