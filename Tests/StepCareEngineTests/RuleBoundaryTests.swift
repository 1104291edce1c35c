import StepCareCore
import StepCareEngine
import Testing

/// Every rule of the community stepped-care pathway at each side of its thresholds.
@Suite struct RuleBoundaryTests {
    typealias F = CaseFixture

    /// A client placed in `tier` on day 0 after an intake PHQ-9 of `intake`.
    func placed(in tier: String = "tier-1", intake: Int = 12) -> CaseFixture {
        var fixture = CaseFixture()
        fixture.add(0, F.phq9(intake))
        fixture.place(tier, on: 0)
        return fixture
    }

    @Test(arguments: [(crises: 1, fires: false), (crises: 2, fires: true), (crises: 3, fires: true)])
    func crisisContactsForStepUp(crises: Int, fires: Bool) {
        var fixture = placed()
        for day in 1...crises { fixture.add(day, .crisisContact()) }
        fixture.add(10, .emergencyVisit())
        #expect((fixture.recommendation("crisis-step-up", on: 10) != nil) == fires)
    }

    @Test(arguments: [(visits: 0, fires: false), (visits: 1, fires: true)])
    func emergencyVisitsForStepUp(visits: Int, fires: Bool) {
        var fixture = placed()
        fixture.add(1, .crisisContact())
        fixture.add(2, .crisisContact())
        if visits == 1 { fixture.add(3, .emergencyVisit()) }
        #expect((fixture.recommendation("crisis-step-up", on: 3) != nil) == fires)
    }

    /// The window is 30 days with both ends included: an event 30 days earlier counts, 31 days does not.
    @Test(arguments: [(edDay: 31, fires: true), (edDay: 32, fires: false)])
    func crisisWindowBoundary(edDay: Int, fires: Bool) {
        var fixture = placed()
        fixture.add(1, .crisisContact())
        fixture.add(10, .crisisContact())
        fixture.add(edDay, .emergencyVisit())
        let recommendation = fixture.recommendation("crisis-step-up", on: edDay)
        #expect((recommendation != nil) == fires)
        if let recommendation {
            #expect(recommendation.kind == .stepUp(to: "tier-3"))
            #expect(recommendation.deadline == F.day(edDay + 7))
            #expect(recommendation.trace.contains { $0.contains("crisis contact on 2026-01-06T09:00") })
        }
    }

    @Test func crisisStepUpDoesNotApplyInTier3() {
        var fixture = placed(in: "tier-3", intake: 22)
        fixture.add(1, .crisisContact())
        fixture.add(2, .crisisContact())
        fixture.add(3, .emergencyVisit())
        #expect(fixture.recommendation("crisis-step-up", on: 3) == nil)
    }

    /// Session 3 review: PHQ-9 falls of 5 and 6 from a baseline of 12, after 2 or 3 sessions.
    @Test(arguments: [
        (sessions: 3, fall: 5, fires: true), (sessions: 3, fall: 6, fires: false), (sessions: 2, fall: 0, fires: false),
    ])
    func sessionThreeReview(sessions: Int, fall: Int, fires: Bool) {
        var fixture = placed(intake: 12)
        for session in 1...sessions {
            fixture.add(session * 7, .contact(attended: true))
            fixture.add(session * 7, F.phq9(session == sessions ? 12 - fall : 12))
        }
        let recommendation = fixture.recommendation("t1-session-review-phq9", on: sessions * 7)
        #expect((recommendation != nil) == fires)
        #expect(recommendation?.kind == (fires ? .tierReview : nil))
    }

    /// A baseline below caseness (PHQ-9 9) gives no review; at caseness (10) it does.
    @Test(arguments: [(baseline: 9, fires: false), (baseline: 10, fires: true)])
    func sessionReviewNeedsACaseAtBaseline(baseline: Int, fires: Bool) {
        var fixture = placed(intake: baseline)
        for session in 1...3 {
            fixture.add(session * 7, .contact(attended: true))
            fixture.add(session * 7, F.phq9(baseline))
        }
        #expect((fixture.recommendation("t1-session-review-phq9", on: 21) != nil) == fires)
    }

    @Test(arguments: [(fall: 3, fires: true), (fall: 4, fires: false)])
    func sessionThreeReviewOnGAD7(fall: Int, fires: Bool) {
        var fixture = CaseFixture()
        fixture.add(0, F.gad7(12))
        fixture.place("tier-1", on: 0)
        for session in 1...3 {
            fixture.add(session * 7, .contact(attended: true))
            fixture.add(session * 7, F.gad7(session == 3 ? 12 - fall : 12))
        }
        #expect((fixture.recommendation("t1-session-review-gad7", on: 21) != nil) == fires)
    }

    /// Symptoms at caseness at every administration in the tier for 27 and 28 days.
    @Test(arguments: [(lastDay: 28, fires: false), (lastDay: 29, fires: true)])
    func symptomsPersisting(lastDay: Int, fires: Bool) {
        var fixture = placed()
        fixture.add(1, F.phq9(11))
        fixture.add(15, F.phq9(12))
        fixture.add(lastDay, F.phq9(10))
        #expect((fixture.recommendation("t1-symptoms-persist", on: lastDay) != nil) == fires)
    }

    @Test func aScoreBelowCasenessRestartsPersistence() {
        var fixture = placed()
        fixture.add(1, F.phq9(11))
        fixture.add(15, F.phq9(9))
        fixture.add(29, F.phq9(12))
        fixture.add(40, F.phq9(12))
        #expect(fixture.recommendation("t1-symptoms-persist", on: 40) == nil)
    }

    @Test(arguments: [(item9: 0, fires: false), (item9: 1, fires: true), (item9: 3, fires: true)])
    func positiveRiskItemNeedsSameDayReview(item9: Int, fires: Bool) {
        var fixture = placed()
        fixture.add(5, F.phq9(12, item9: item9))
        let recommendation = fixture.recommendation("risk-same-day-review", on: 5)
        #expect((recommendation != nil) == fires)
        if let recommendation {
            #expect(recommendation.kind == .urgentSafetyReview)
            #expect(recommendation.deadline == F.day(5).endOfDay)
            #expect(!recommendation.isOverdue(asOf: F.day(5).endOfDay))
            #expect(recommendation.isOverdue(asOf: F.day(6).startOfDay))
        }
    }

    @Test func riskFlagBeforePlacementNeedsReviewToo() {
        var fixture = CaseFixture()
        fixture.add(0, F.phq9(12, item9: 1))
        #expect(fixture.recommended(on: 0).contains("safety-review"))
    }

    @Test func aLaterScoreNeverClearsARiskFlag() {
        var fixture = placed()
        fixture.add(5, F.phq9(12, item9: 2))
        fixture.add(6, F.phq9(4, item9: 0))
        #expect(fixture.evaluate(on: 6).state.openFlags.count == 1)
        #expect(fixture.recommended(on: 6).contains("safety-review"))
    }

    @Test func aRiskReviewClearsAndANewFlagFiresAgain() {
        var fixture = placed()
        fixture.add(5, F.phq9(12, item9: 1))
        fixture.add(5, .review(.risk, by: F.clinician), hours: 2)
        #expect(!fixture.recommended(on: 5, hours: 3).contains("safety-review"))
        fixture.add(9, F.phq9(12, item9: 1))
        #expect(fixture.recommendation("risk-same-day-review", on: 9)?.firedAt == F.day(9))
    }

    @Test func aFlagRecordedAfterAReviewAtTheSameMinuteStaysOpen() {
        var fixture = placed()
        fixture.add(5, .review(.risk, by: F.clinician))
        fixture.add(5, F.phq9(12, item9: 1))
        #expect(fixture.evaluate(on: 5).state.openFlags.count == 1)
        #expect(fixture.recommended(on: 5).contains("safety-review"))
    }

    /// Repeated no-shows (1 vs 2) with a risk flag 90 vs 91 days old.
    @Test(arguments: [
        (noShows: 1, flagAge: 10, fires: false), (noShows: 2, flagAge: 10, fires: true),
        (noShows: 2, flagAge: 90, fires: true), (noShows: 2, flagAge: 91, fires: false),
    ])
    func noShowsWithOngoingRisk(noShows: Int, flagAge: Int, fires: Bool) {
        var fixture = placed()
        fixture.add(1, F.phq9(12, item9: 1))
        fixture.add(1, .review(.risk, by: F.clinician), hours: 1)
        let day = 1 + flagAge
        for offset in (0..<noShows).reversed() { fixture.add(day - offset, .contact(attended: false)) }
        #expect((fixture.recommendation("no-shows-with-risk", on: day) != nil) == fires)
    }

    @Test(arguments: [(wsas: 9, fires: false), (wsas: 10, fires: true)])
    func functionalDeteriorationIsAWorseWSASBand(wsas: Int, fires: Bool) {
        var fixture = CaseFixture()
        fixture.add(0, F.wsas(9))
        fixture.place("tier-1", on: 0)
        fixture.add(14, F.wsas(wsas))
        #expect((fixture.recommendation("t1-functional-deterioration", on: 14) != nil) == fires)
    }

    @Test func medicationConcernNeedsReview() {
        var fixture = placed()
        #expect(fixture.recommendation("medication-safety", on: 3) == nil)
        fixture.add(3, .medicationConcern)
        #expect(fixture.recommendation("medication-safety", on: 3)?.deadline == F.day(5))
    }

    @Test(arguments: [(sessions: 5, fires: false), (sessions: 6, fires: true)])
    func packageCompleteAtTheSessionCount(sessions: Int, fires: Bool) {
        var fixture = placed(intake: 6)
        for session in 1...sessions { fixture.add(session * 7, .contact(attended: true)) }
        #expect((fixture.recommendation("t1-package-complete", on: sessions * 7) != nil) == fires)
    }

    @Test func placementDueWithin48Hours() {
        var fixture = CaseFixture()
        fixture.add(0, F.phq9(12))
        let recommendation = fixture.recommendation("placement-due", on: 1)
        #expect(recommendation?.deadline == F.day(2))
        #expect(recommendation?.isOverdue(asOf: F.day(2)) == false)
        #expect(recommendation?.isOverdue(asOf: F.day(2) + TimeSpan(minutes: 1)) == true)
        fixture.place("tier-1", on: 3)
        #expect(fixture.recommendation("placement-due", on: 3) == nil)
    }
}
