import StepCareCore
import StepCareEngine
import Testing

/// Applying decisions: rights, co-signers, documentation, safety, dates and capacity.
@Suite struct MoveTests {
    typealias F = CaseFixture

    /// A caseload holding `fixture`'s case.
    func caseload(_ fixtures: [CaseFixture]) -> Caseload {
        var caseload = Caseload()
        for fixture in fixtures {
            do { try caseload.open(fixture.timeline) } catch { Issue.record("\(error)") }
        }
        return caseload
    }

    func refusal(_ request: MoveRequest, _ fixture: CaseFixture, others: [CaseFixture] = []) -> StepCareError.Code? {
        do {
            _ = try F.engine.apply(request, to: fixture.timeline.caseID, in: caseload([fixture] + others))
            return nil
        } catch {
            return error.code
        }
    }

    func apply(_ request: MoveRequest, _ fixture: CaseFixture, others: [CaseFixture] = []) throws -> MoveOutcome {
        try F.engine.apply(request, to: fixture.timeline.caseID, in: caseload([fixture] + others))
    }

    /// A client in `tier` since day 0 with a structured review and supervisor consult on record.
    func reviewed(in tier: String, intake: Int = 12, id: String = "C001") -> CaseFixture {
        var fixture = CaseFixture(id)
        fixture.add(0, F.phq9(intake))
        fixture.place(tier, on: 0)
        fixture.add(1, .review(.structured, by: F.clinician))
        fixture.add(1, .review(.supervisor, by: F.supervisor))
        return fixture
    }

    static let plan = StabilityPlan(
        earlyWarningSigns: "sleep loss", copingActions: "routine", reaccessRoute: "duty line",
        followUpSchedule: "weeks 1 and 2")

    @Test func placementFollowsTriage() throws {
        var fixture = CaseFixture()
        fixture.add(0, F.phq9(16))
        let outcome = try apply(MoveRequest(.place, by: F.clinician, at: F.day(0)), fixture)
        guard case .moved(let placement) = outcome.result else { throw Failure("not moved") }
        #expect(placement.tier == "tier-2")
        #expect(placement.slot == .standard)
        #expect(refusal(MoveRequest(.place, tier: "tier-1", by: F.clinician, at: F.day(0)), fixture) == .invalidMove)
        #expect(refusal(MoveRequest(.place, by: F.coach, at: F.day(0)), fixture) == .notAuthorised)
    }

    @Test func anHonouredPreferenceIsADocumentedDeviation() throws {
        var fixture = CaseFixture(prefers: "tier-1")
        fixture.add(0, F.phq9(16))
        let outcome = try apply(MoveRequest(.place, by: F.clinician, at: F.day(0)), fixture)
        guard case .moved(let placement) = outcome.result else { throw Failure("not moved") }
        #expect(placement.tier == "tier-1")
        #expect(placement.deviation == "client preference: placed in tier-1, indicated tier-2")
    }

    @Test func stepUpNeedsTheRightsDocumentationAndCoSigner() throws {
        var bare = CaseFixture()
        bare.add(0, F.phq9(12))
        bare.place("tier-1", on: 0)
        let request = MoveRequest(.stepUp, tier: "tier-3", by: F.clinician, coSigner: F.supervisor, at: F.day(2))
        #expect(refusal(request, bare) == .missingDocumentation)
        let fixture = reviewed(in: "tier-1")
        #expect(
            refusal(MoveRequest(.stepUp, tier: "tier-3", by: F.clinician, at: F.day(2)), fixture) == .coSignRequired)
        let sameName = Actor(name: "ana", role: .supervisor)
        #expect(
            refusal(MoveRequest(.stepUp, tier: "tier-3", by: F.clinician, coSigner: sameName, at: F.day(2)), fixture)
                == .coSignRequired)
        #expect(
            refusal(MoveRequest(.stepUp, tier: "tier-3", by: F.clinician, coSigner: F.coach, at: F.day(2)), fixture)
                == .coSignRequired)
        #expect(refusal(MoveRequest(.stepUp, tier: "tier-3", by: F.coach, at: F.day(2)), fixture) == .notAuthorised)
        let outcome = try apply(request, fixture)
        guard case .moved(let placement) = outcome.result else { throw Failure("not moved") }
        #expect(placement.coSigner == F.supervisor)
        #expect(outcome.timeline.events.count == fixture.timeline.events.count + 1)
    }

    @Test func overrideNeedsAReasonAndASecondPerson() throws {
        let fixture = reviewed(in: "tier-1")
        let noReason = MoveRequest(.overridePlacement, tier: "tier-2", by: F.clinician, coSigner: F.lead, at: F.day(2))
        #expect(refusal(noReason, fixture) == .missingDocumentation)
        var alone = noReason
        alone.coSigner = nil
        alone.reason = "clinical judgement"
        #expect(refusal(alone, fixture) == .coSignRequired)
        var accepted = alone
        accepted.coSigner = F.lead
        let outcome = try apply(accepted, fixture)
        guard case .moved(let placement) = outcome.result else { throw Failure("not moved") }
        #expect(placement.kind == .override)
        #expect(placement.reason == "clinical judgement")
    }

    @Test func stepDownIsRefusedWithAnOpenRiskFlagAndWithoutAStabilityPlan() throws {
        var fixture = reviewed(in: "tier-2", intake: 16)
        let request = MoveRequest(.stepDown, by: F.clinician, at: F.day(3))
        #expect(refusal(request, fixture) == .missingDocumentation)
        fixture.add(2, .plan(.stability(Self.plan)))
        fixture.add(2, F.phq9(8, item9: 1))
        #expect(refusal(request, fixture) == .openRiskFlag)
        #expect(refusal(MoveRequest(.discharge, by: F.clinician, at: F.day(3)), fixture) == .openRiskFlag)
        fixture.add(2, .review(.risk, by: F.clinician))
        let outcome = try apply(request, fixture)
        guard case .moved(let placement) = outcome.result else { throw Failure("not moved") }
        #expect(placement.tier == "tier-1")
    }

    @Test func aStepDownSchedulesTwoHandoverContacts() throws {
        var fixture = reviewed(in: "tier-2", intake: 16)
        fixture.add(2, .plan(.stability(Self.plan)))
        let outcome = try apply(MoveRequest(.stepDown, by: F.clinician, at: F.day(3)), fixture)
        let scheduled = outcome.timeline.events.compactMap { event -> Instant? in
            if case .handoverScheduled(_, let due) = event.kind { return due }
            return nil
        }
        #expect(scheduled == [F.day(10), F.day(17)])
        var after = CaseFixture()
        after.timeline = outcome.timeline
        #expect(after.recommended(on: 4).filter { $0 == "handover" }.count == 2)
        after.add(8, .contact(attended: true))
        #expect(after.recommended(on: 8).filter { $0 == "handover" }.count == 1)
        #expect(
            after.evaluate(on: 18).recommendations.contains {
                $0.kind == .handoverContact(number: 2) && $0.isOverdue(asOf: F.day(18))
            })
    }

    /// An override to a less intensive tier is a step-down in all but name, and gets the same safeguards.
    @Test func aDownwardOverrideIsHeldToTheStepDownSafeguards() throws {
        var fixture = reviewed(in: "tier-3", intake: 22)
        fixture.add(2, F.phq9(22, item9: 1))
        let request = MoveRequest(
            .overridePlacement, tier: "tier-1", by: F.clinician, coSigner: F.lead, reason: "r", at: F.day(3))
        #expect(refusal(request, fixture) == .openRiskFlag)
        fixture.add(2, .review(.risk, by: F.clinician))
        #expect(refusal(request, fixture) == .missingDocumentation)
        fixture.add(2, .plan(.stability(Self.plan)))
        let outcome = try apply(request, fixture)
        #expect(
            outcome.timeline.events.filter { if case .handoverScheduled = $0.kind { true } else { false } }.count == 2)
        var unplaced = CaseFixture()
        unplaced.add(0, F.phq9(22, item9: 1))
        let below = MoveRequest(
            .overridePlacement, tier: "tier-1", by: F.clinician, coSigner: F.lead, reason: "r", at: F.day(0))
        #expect(refusal(below, unplaced) == .openRiskFlag)
    }

    @Test func decisionsCannotBeRecordedAndConsultsNeedASupervisor() {
        let fixture = reviewed(in: "tier-1")
        let loaded = caseload([fixture])
        func recordRefusal(_ kind: CaseEventKind) -> StepCareError.Code? {
            do {
                _ = try F.engine.record(kind, at: F.day(2), to: "C001", in: loaded)
                return nil
            } catch {
                return error.code
            }
        }
        #expect(recordRefusal(.review(.supervisor, by: F.coach)) == .notAuthorised)
        #expect(recordRefusal(.review(.risk, by: F.clinician)) == .invalidMove)
        #expect(recordRefusal(.discharge(by: F.clinician)) == .invalidMove)
        #expect(recordRefusal(.review(.supervisor, by: F.supervisor)) == nil)
        #expect(recordRefusal(.crisisContact()) == nil)
    }

    @Test func riskFlagsAreClearedOnlyByAnAuthorisedRiskReview() throws {
        var fixture = reviewed(in: "tier-1")
        fixture.add(2, F.phq9(12, item9: 1))
        #expect(refusal(MoveRequest(.clearRiskFlag, by: F.coach, at: F.day(2)), fixture) == .notAuthorised)
        let coordinator = Actor(name: "jo", role: .careCoordinator)
        #expect(refusal(MoveRequest(.clearRiskFlag, by: coordinator, at: F.day(2)), fixture) == .coSignRequired)
        let outcome = try apply(MoveRequest(.clearRiskFlag, by: F.clinician, at: F.day(2)), fixture)
        #expect(outcome.result == .riskReviewed(cleared: 1))
        #expect(CaseState(outcome.timeline, asOf: F.day(2)).openFlags.isEmpty)
    }

    @Test func badInputIsRefusedByName() {
        let fixture = reviewed(in: "tier-1")
        #expect(refusal(MoveRequest(.stepUp, tier: "tier-9", by: F.clinician, at: F.day(2)), fixture) == .unknownTier)
        #expect(
            refusal(MoveRequest(.stepUp, tier: "tier-2", by: F.clinician, at: F.day(0)), fixture) == .datesOutOfOrder)
        #expect(refusal(MoveRequest(.stepDown, by: F.clinician, at: F.day(2)), fixture) == .invalidMove)
        #expect(refusal(MoveRequest(.place, by: F.clinician, at: F.day(2)), fixture) == .invalidMove)
        do {
            _ = try F.engine.apply(
                MoveRequest(.place, by: F.clinician, at: F.day(2)), to: "C404", in: caseload([fixture]))
            Issue.record("an unknown case was accepted")
        } catch {
            #expect(error.code == .unknownCase)
        }
    }

    /// Tier 3 has 8 ordinary and 2 rapid-access slots.
    @Test func capacityUsesOrdinaryThenRapidAccessThenTheWaitlist() throws {
        let occupants = (1...8).map { reviewed(in: "tier-3", intake: 22, id: "T\($0)") }
        let client = reviewed(in: "tier-1", id: "C001")
        let stepUp = MoveRequest(.stepUp, tier: "tier-3", by: F.supervisor, at: F.day(2))
        let rapid = try apply(stepUp, client, others: occupants)
        guard case .moved(let placement) = rapid.result else { throw Failure("not moved") }
        #expect(placement.slot == .rapidAccess)

        let rapidOccupants = (1...2).map { index -> CaseFixture in
            var fixture = reviewed(in: "tier-1", id: "R\(index)")
            fixture.place("tier-3", on: 1, from: "tier-1", kind: .stepUp, slot: .rapidAccess)
            return fixture
        }
        let waiting = try apply(stepUp, client, others: occupants + rapidOccupants)
        #expect(waiting.result == .waitlisted(tier: "tier-3", position: 1))
        #expect(CaseState(waiting.timeline, asOf: F.day(2)).tier == "tier-1")

        let place = MoveRequest(
            .overridePlacement, tier: "tier-3", by: F.supervisor, coSigner: F.lead, reason: "r", at: F.day(2))
        let notUrgent = try apply(place, client, others: occupants)
        #expect(notUrgent.result == .waitlisted(tier: "tier-3", position: 1))

        var exception = stepUp
        exception.exception = true
        #expect(refusal(exception, client, others: occupants + rapidOccupants) == .notAuthorised)
        exception.coSigner = F.lead
        #expect(refusal(exception, client, others: occupants + rapidOccupants) == .missingDocumentation)
        exception.reason = "crisis; no slot frees this week"
        let over = try apply(exception, client, others: occupants + rapidOccupants)
        guard case .moved(let overPlacement) = over.result else { throw Failure("not moved") }
        #expect(overPlacement.slot == .exception)
    }

    @Test func aWaitlistedStepUpReportsItsDeadlineBreach() throws {
        var client = reviewed(in: "tier-1")
        client.add(2, .crisisContact())
        client.add(3, .crisisContact())
        client.add(4, .emergencyVisit())
        let full = (1...10).map { index -> CaseFixture in
            var fixture = reviewed(in: "tier-1", id: "T\(index)")
            fixture.place("tier-3", on: 1, from: "tier-1", kind: .stepUp, slot: index <= 8 ? .standard : .rapidAccess)
            return fixture
        }
        let late = try apply(
            MoveRequest(.stepUp, tier: "tier-3", by: F.supervisor, at: F.day(13)), client, others: full)
        #expect(late.result == .waitlisted(tier: "tier-3", position: 1))
        #expect(late.trace.contains("step-up deadline 2026-01-16T09:00 BREACHED by 48 hours; the client has not moved"))
        var waiting = CaseFixture()
        waiting.timeline = late.timeline
        #expect(
            waiting.evaluate(on: 13).recommendations.contains {
                $0.kind == .stepUp(to: "tier-3") && $0.isOverdue(asOf: F.day(13))
            })
    }

    /// Tier 3 → Tier 2 after 60 quiet days, with a better WSAS band and 75% attendance.
    @Test(arguments: [
        (day: 59, crisisDay: nil as Int?, attended: 8, fires: false),
        (day: 60, crisisDay: nil, attended: 8, fires: true),
        (day: 60, crisisDay: 5, attended: 8, fires: false), (day: 65, crisisDay: 5, attended: 8, fires: true),
        (day: 60, crisisDay: nil, attended: 6, fires: true), (day: 60, crisisDay: nil, attended: 5, fires: false),
    ])
    func stepDownFromTier3(day: Int, crisisDay: Int?, attended: Int, fires: Bool) {
        var fixture = CaseFixture()
        fixture.add(0, F.phq9(22))
        fixture.add(0, F.wsas(25))
        fixture.place("tier-3", on: 0)
        if let crisisDay { fixture.add(crisisDay, .crisisContact()) }
        for week in 1...8 { fixture.add(week * 7, .contact(attended: week <= attended)) }
        fixture.add(57, F.wsas(20))
        #expect((fixture.recommendation("t3-step-down", on: day) != nil) == fires)
    }

    @Test func stepDownNeedsAnImprovedWSASBand() {
        var fixture = CaseFixture()
        fixture.add(0, F.wsas(25))
        fixture.place("tier-3", on: 0)
        for week in 1...8 { fixture.add(week * 7, .contact(attended: true)) }
        fixture.add(57, F.wsas(21))
        #expect(fixture.recommendation("t3-step-down", on: 60) == nil)
    }
}

struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
