/// A standardized questionnaire StepCare can administer and score.
///
/// The required surface is one property: ``definition``. Scoring defaults to a summed scale
/// (``SummedScale``); an instrument with other scoring rules implements ``score(_:)`` itself.
///
/// Implementation requirements:
/// - The definition passes every ``DefinitionCheck``; the registry refuses the instrument otherwise.
/// - ``score(_:)`` is pure: the same responses always give the same report.
/// - Risk rules are applied whether or not the total can be scored, and an unanswered risk item
///   raises a flag of its own (``RiskFlag/Reason/notAnswered``).
/// - The module's tests call the conformance kit in `StepCareTesting`, which checks all of the above.
public protocol Instrument: Sendable {
    /// Everything that describes the instrument.
    var definition: InstrumentDefinition { get }

    /// Scores responses that have been checked against ``definition``.
    func score(_ responses: CheckedResponses) -> ScoreReport
}

extension Instrument {
    /// Scores a summed scale (the default).
    public func score(_ responses: CheckedResponses) -> ScoreReport {
        SummedScale.score(responses, definition: definition)
    }

    /// Checks raw responses and scores them.
    ///
    /// - Parameter missingItems: a missing-item policy a service chose instead of the definition's own.
    /// - Throws: ``StepCareError`` when the count is wrong or an answer is not one the item offers.
    public func score(
        responses: [ItemResponse], missingItems: MissingItemPolicy? = nil
    ) throws(StepCareError) -> ScoreReport {
        score(try CheckedResponses(responses, for: definition, missingItems: missingItems))
    }

    /// Checks and scores a complete set of answer values.
    public func score(values: [Int]) throws(StepCareError) -> ScoreReport {
        try score(responses: values.map(ItemResponse.answered))
    }
}

/// A group of instruments shipped as one Swift module.
///
/// Each module under `Instruments/<Name>` declares `public enum <Name>Module: InstrumentModule`;
/// the registry plugin generates the list of modules the executable loads.
public protocol InstrumentModule {
    /// The instruments the module provides.
    static var instruments: [any Instrument] { get }
}
