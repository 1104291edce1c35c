import StepCareCore
import StepCareEngine
import Testing

/// The second pathway, a two-step NHS Talking Therapies style model, at its thresholds.
@Suite struct TalkingTherapiesTests {
    typealias F = CaseFixture
    static let engine: Engine = {
        do { return Engine(pathway: try F.registry.pathway("talking-therapies")) } catch { fatalError("\(error)") }
    }()

    func recommended(_ fixture: CaseFixture, on day: Int) -> [String] {
        Self.engine.evaluate(fixture.timeline, asOf: F.day(day)).recommendations.map(\.ruleID)
    }

    /// Not on track at session 4: a PHQ-9 fall of 5 from 14 steps up; 6 does not; session 3 is too early.
    @Test(arguments: [
        (sessions: 4, fall: 5, fires: true), (sessions: 4, fall: 6, fires: false), (sessions: 3, fall: 0, fires: false),
    ])
    func notOnTrackAtSessionFour(sessions: Int, fall: Int, fires: Bool) {
        var fixture = CaseFixture()
        fixture.add(0, F.phq9(14))
        fixture.place("step-2", on: 0)
        for session in 1...sessions {
            fixture.add(session * 7, .contact(attended: true))
            fixture.add(session * 7, F.phq9(session == sessions ? 14 - fall : 14))
        }
        let rules = recommended(fixture, on: sessions * 7)
        #expect(rules.contains("step-2-not-on-track-phq9") == fires)
        if fires {
            let recommendation = Self.engine.evaluate(fixture.timeline, asOf: F.day(28)).recommendations.first {
                $0.ruleID == "step-2-not-on-track-phq9"
            }
            #expect(recommendation?.kind == .stepUp(to: "step-3"))
        }
    }

    @Test(arguments: [(phq9: 19, step: "step-2"), (phq9: 20, step: "step-3")])
    func severeDepressionStartsAtStep3(phq9: Int, step: String) {
        var fixture = CaseFixture()
        fixture.add(0, F.phq9(phq9))
        #expect(Self.engine.evaluate(fixture.timeline, asOf: F.day(0)).triage?.placement == step)
    }

    /// PCL-5 33 or more (provisional PTSD) starts at step 3; 32 does not.
    @Test(arguments: [(pcl5: 32, step: "step-2"), (pcl5: 33, step: "step-3")])
    func provisionalPTSDStartsAtStep3(pcl5: Int, step: String) {
        var fixture = CaseFixture()
        fixture.add(0, F.phq9(10))
        fixture.add(0, F.score("pcl5", F.spread(pcl5, over: 20, maximum: 4)))
        #expect(Self.engine.evaluate(fixture.timeline, asOf: F.day(0)).triage?.placement == step)
    }

    @Test func aRiskItemNeedsASameDayReviewAtEveryStep() {
        var fixture = CaseFixture()
        fixture.add(0, F.phq9(12))
        fixture.place("step-3", on: 0)
        fixture.add(3, F.phq9(12, item9: 1))
        #expect(recommended(fixture, on: 3).contains("risk-same-day-review"))
    }
}
