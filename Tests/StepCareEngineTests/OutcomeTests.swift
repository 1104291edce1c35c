import StepCareCore
import StepCareEngine
import StepCareRegistry
import Testing

/// The NHS Talking Therapies vectors of instruments.md §10, and the boundaries of §7.
@Suite struct OutcomeTests {
    let phq9: OutcomeMeasure
    let gad7: OutcomeMeasure

    init() throws {
        let registry = try Registry.builtIn()
        phq9 = try OutcomeMeasure(registry.instrument("phq9").definition)
        gad7 = try OutcomeMeasure(registry.instrument("gad7").definition)
    }

    func classify(phq9 first: Int, _ last: Int, gad7 anxietyFirst: Int = 3, _ anxietyLast: Int = 3) -> Outcome {
        OutcomeRules().classify([
            (phq9, Score(first), Score(last)), (gad7, Score(anxietyFirst), Score(anxietyLast)),
        ])
    }

    @Test func reliableImprovementWithoutRecoveryWhenStillACase() {
        let outcome = classify(phq9: 16, 10)
        #expect(outcome.reliableImprovement == true)
        #expect(outcome.recovery == false)
        #expect(outcome.reliableRecovery == false)
    }

    @Test func reliableRecovery() {
        let outcome = classify(phq9: 16, 9)
        #expect(outcome.recovery == true)
        #expect(outcome.reliableImprovement == true)
        #expect(outcome.reliableRecovery == true)
    }

    @Test func recoveryWithoutReliableImprovementIsNotReliableRecovery() {
        let outcome = classify(phq9: 12, 7)
        #expect(outcome.recovery == true)
        #expect(outcome.reliableImprovement == false)
        #expect(outcome.reliableRecovery == false)
    }

    @Test func notACaseAtFirstIsLeftOutOfRecoveryButCanDeteriorate() {
        let outcome = classify(phq9: 8, 14)
        #expect(outcome.caseAtFirst == false)
        #expect(outcome.recovery == nil)
        #expect(outcome.reliableDeterioration == true)
        #expect(outcome.trace.contains { $0.contains("left out of recovery") })
    }

    @Test(arguments: [(6, true), (5, false)])
    func theReliableChangeThresholdIsInclusive(drop: Int, reliable: Bool) {
        #expect(classify(phq9: 20, 20 - drop).reliableImprovement == reliable)
        #expect(classify(phq9: 3, 3 + drop).reliableDeterioration == reliable)
    }

    @Test func gad7CasenessIsEightUnderTalkingTherapies() {
        #expect(classify(phq9: 3, 3, gad7: 7, 3).caseAtFirst == false)
        #expect(classify(phq9: 3, 3, gad7: 8, 3).caseAtFirst == true)
        #expect(classify(phq9: 3, 3, gad7: 8, 3).recovery == true)
        #expect(classify(phq9: 3, 3, gad7: 12, 8).recovery == false)
    }

    @Test func improvementOnOneMeasureWithDeteriorationOnTheOtherFollowsTheNamedRule() {
        let pairs: [(measure: OutcomeMeasure, first: Score, last: Score)] = [(phq9, 18, 10), (gad7, 3, 9)]
        let strict = OutcomeRules().classify(pairs)
        #expect(strict.reliableImprovement == false)
        #expect(strict.reliableDeterioration == true)
        let lenient = OutcomeRules(improvement: .anyMeasure, deterioration: .noImprovement).classify(pairs)
        #expect(lenient.reliableImprovement == true)
        #expect(lenient.reliableDeterioration == false)
    }

    @Test func aMeasureWithoutAThresholdIsNotGivenOne() throws {
        let k6 = try OutcomeMeasure(Registry.builtIn().instrument("k6").definition)
        let outcome = OutcomeRules().classify([(k6, 20, 5)])
        #expect(outcome.reliableImprovement == nil)
        #expect(outcome.recovery == true)
        #expect(outcome.trace.contains { $0.contains("no published reliable-change threshold") })
    }

    @Test func anUnknownCasenessRuleIsAnError() throws {
        let definition = try Registry.builtIn().instrument("gad7").definition
        #expect(throws: StepCareError.self) { try OutcomeMeasure(definition, casenessRule: "nope") }
        #expect(try OutcomeMeasure(definition, casenessRule: "spitzer-gad-screen").caseness?.threshold == 10)
    }
}
