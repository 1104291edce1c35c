import StepCareCore
import StepCareEngine
import Testing

/// Safeguards around moves and recommendations: nothing triggered silently disappears, queues are fair,
/// one person is never two.
@Suite struct SafeguardTests {
    typealias F = CaseFixture
    let moves = MoveTests()

    func caseload(_ fixtures: [CaseFixture]) -> Caseload { moves.caseload(fixtures) }

    @Test func aDischargeCannotOvertakeAnOutstandingStepUp() {
        var fixture = moves.reviewed(in: "tier-1")
        fixture.add(2, .crisisContact())
        fixture.add(3, .crisisContact())
        fixture.add(4, .emergencyVisit())
        #expect(moves.refusal(MoveRequest(.discharge, by: F.clinician, at: F.day(15)), fixture) == .invalidMove)
        #expect(fixture.evaluate(on: 15).recommendations.contains { $0.kind == .stepUp(to: "tier-3") })
    }

    @Test func aFreedSlotGoesToTheHeadOfTheWaitlist() throws {
        let full = (1...8).map { moves.reviewed(in: "tier-2", intake: 16, id: "T\($0)") }
        var waiting = CaseFixture("W1")
        waiting.add(0, F.phq9(16))
        waiting.add(0, .waitlisted(tier: "tier-2", move: .place, actor: F.clinician), hours: 1)
        var newcomer = CaseFixture("N1")
        newcomer.add(0, F.phq9(16))
        let request = MoveRequest(.place, by: F.clinician, at: F.day(2))
        let load = caseload(full.prefix(7) + [waiting, newcomer])
        let outcome = try F.engine.apply(request, to: "N1", in: load)
        #expect(outcome.result == .waitlisted(tier: "tier-2", position: 2))
        let head = try F.engine.apply(request, to: "W1", in: load)
        guard case .moved(let placement) = head.result else { throw Failure("the head of the queue was not placed") }
        #expect(placement.slot == .standard)
    }

    @Test func aWaitForAHigherTierSurvivesAnInterimMove() {
        var client = moves.reviewed(in: "tier-1")
        client.add(2, .waitlisted(tier: "tier-3", move: .stepUp, actor: F.supervisor))
        client.place("tier-2", on: 3, from: "tier-1", kind: .stepUp)
        let status = F.engine.capacity(caseload([client]), asOf: F.day(4))
        #expect(status[2].waitlist == ["C001"])
    }

    @Test func backDatedDecisionsCannotOverbookATier() {
        let later = (1...8).map { index -> CaseFixture in
            var fixture = CaseFixture("T\(index)")
            fixture.add(0, F.phq9(22))
            fixture.place("tier-3", on: 5)
            return fixture
        }
        var client = CaseFixture()
        client.add(0, F.phq9(22))
        let request = MoveRequest(.place, by: F.supervisor, at: F.day(1))
        #expect(
            (try? F.engine.apply(request, to: "C001", in: caseload(later + [client])))?.result
                == .waitlisted(tier: "tier-3", position: 1))
    }

    @Test func aDownwardOverrideSchedulesHandoversAndCountsAsAStepDownForReEscalation() throws {
        var fixture = moves.reviewed(in: "tier-3", intake: 22)
        fixture.add(2, .plan(.stability(MoveTests.plan)))
        let request = MoveRequest(
            .overridePlacement, tier: "tier-2", by: F.clinician, coSigner: F.supervisor, reason: "r", at: F.day(3))
        let outcome = try moves.apply(request, fixture)
        var after = CaseFixture()
        after.timeline = outcome.timeline
        #expect(after.recommended(on: 20).filter { $0 == "handover" }.count == 2)
        after.place("tier-3", on: 30, from: "tier-2", kind: .stepUp)
        #expect(after.evaluate(on: 30).reEscalations.map(\.days) == [27])
    }

    @Test func aReviewResolvesARecommendationOnlyFromARoleThatMayDecideIt() {
        var fixture = moves.reviewed(in: "tier-1")
        fixture.add(5, .medicationConcern)
        fixture.add(5, .review(.structured, by: F.coach), hours: 1)
        #expect(fixture.recommendation("medication-safety", on: 6) != nil)
        fixture.add(5, .review(.structured, by: F.clinician), hours: 2)
        #expect(fixture.recommendation("medication-safety", on: 6) == nil)
    }

    /// Session 3 attended, then the session's score arrives an hour later showing reliable improvement.
    @Test func aTierReviewIsWithdrawnWhenTheSessionScoreShowsImprovement() {
        var fixture = CaseFixture()
        fixture.add(0, F.phq9(12))
        fixture.place("tier-1", on: 0)
        fixture.add(7, .contact(attended: true))
        fixture.add(7, F.phq9(12), hours: 1)
        fixture.add(14, .contact(attended: true))
        fixture.add(21, .contact(attended: true))
        #expect(fixture.recommendation("t1-session-review-phq9", on: 21) != nil)
        fixture.add(21, F.phq9(6), hours: 1)
        #expect(fixture.recommendation("t1-session-review-phq9", on: 22) == nil)
    }

    @Test func aMeasureNotRepeatedByTheReviewSessionPromptsTheReview() {
        var fixture = CaseFixture()
        fixture.add(0, F.phq9(12))
        fixture.place("tier-1", on: 0)
        for session in 1...3 { fixture.add(session * 7, .contact(attended: true)) }
        let recommendation = fixture.recommendation("t1-session-review-phq9", on: 21)
        #expect(recommendation?.trace.contains { $0.contains("progress cannot be shown") } == true)
    }

    @Test func oneNameIsOnePersonWhateverItsCase() {
        let fixture = moves.reviewed(in: "tier-1")
        let upper = Actor(name: "ANA", role: .supervisor)
        #expect(
            moves.refusal(MoveRequest(.stepUp, tier: "tier-3", by: F.clinician, coSigner: upper, at: F.day(2)), fixture)
                == .coSignRequired)
        let selfSigned = Actor(name: "lee", role: .clinicalLead)
        #expect(
            moves.refusal(
                MoveRequest(.stepUp, tier: "tier-3", by: F.supervisor, coSigner: selfSigned, at: F.day(2)), fixture)
                == .coSignRequired)
    }

    @Test func aPlacementAfterACrisisMayUseRapidAccess() throws {
        let full = (1...8).map { moves.reviewed(in: "tier-3", intake: 22, id: "T\($0)") }
        var client = CaseFixture()
        client.add(0, .crisisContact())
        client.add(0, F.phq9(22))
        let outcome = try moves.apply(MoveRequest(.place, by: F.supervisor, at: F.day(1)), client, others: full)
        guard case .moved(let placement) = outcome.result else { throw Failure("not placed") }
        #expect(placement.slot == .rapidAccess)
    }

    @Test func spansBeyondAHundredYearsAreRefused() {
        #expect(TimeSpan(parsing: "99999999999999999w") == nil)
        #expect(TimeSpan(parsing: "5200w") != nil)
    }
}
