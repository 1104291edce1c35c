import StepCareCore
import StepCareEngine
import Testing

/// The follow-up and review rules of the community stepped-care pathway at each side of their thresholds: the
/// crisis follow-up, Tier 3's weekly check-in and continued-stay review, and the step-up plan.
@Suite struct FollowUpRuleTests {
    typealias F = CaseFixture

    func placed(in tier: String = "tier-1", intake: Int = 12) -> CaseFixture {
        var fixture = CaseFixture()
        fixture.add(0, F.phq9(intake))
        fixture.place(tier, on: 0)
        return fixture
    }

    func recommendation(_ fixture: CaseFixture, _ rule: String, day: Int, hours: Int = 0) -> Recommendation? {
        fixture.evaluate(on: day, hours: hours).recommendations.first { $0.ruleID == rule }
    }

    /// A crisis contact or an ED visit fires the follow-up, due 7 days later, whatever the tier.
    @Test(arguments: [CaseEventKind.crisisContact(), .emergencyVisit(outcome: .dischargedHome)])
    func aCrisisOrEDVisitStartsTheFollowUpClock(event: CaseEventKind) throws {
        var fixture = placed(in: "tier-2", intake: 16)
        #expect(recommendation(fixture, "crisis-follow-up", day: 2) == nil)
        fixture.add(2, event)
        let made = try #require(recommendation(fixture, "crisis-follow-up", day: 2))
        #expect(made.kind == .followUpContact)
        #expect(made.deadline == F.day(9), "7 days after the event")
        #expect(!made.isOverdue(asOf: F.day(9)) && made.isOverdue(asOf: F.day(9) + TimeSpan(minutes: 1)))
        #expect(made.authorisers.contains("care team"))
    }

    /// Met by an attended contact or a call or visit that reached the client (HEDIS FUM counts visits and
    /// telephone contacts); a declined or unanswered call, a message, a letter or a no-show does not meet it.
    @Test(arguments: [
        (CaseEventKind.contact(attended: true), true),
        (.outreach(method: .phone, outcome: .reached, by: F.clinician), true),
        (.outreach(method: .visit, outcome: .reached, by: F.clinician), true),
        (.outreach(method: .visit, outcome: .declined, by: F.clinician), false),
        (.outreach(method: .phone, outcome: .noAnswer, by: F.clinician), false),
        (.outreach(method: .text, outcome: .messageLeft, by: F.clinician), false),
        (.outreach(method: .text, outcome: .reached, by: F.clinician), false),
        (.outreach(method: .letter, outcome: .reached, by: F.clinician), false),
        (.contact(attended: false), false),
    ])
    func theFollowUpIsMetOnlyByReachingTheClient(contact: CaseEventKind, meets: Bool) {
        var fixture = placed()
        fixture.add(1, .crisisContact(CrisisDetail(channel: .phoneLine, outcome: .followUpArranged)))
        fixture.add(3, contact)
        #expect((recommendation(fixture, "crisis-follow-up", day: 12) == nil) == meets)
        if !meets { #expect(recommendation(fixture, "crisis-follow-up", day: 12)?.isOverdue(asOf: F.day(12)) == true) }
    }

    /// A new crisis after a met follow-up starts a new clock from that crisis, even within 7 days of the first;
    /// a second crisis before the first is followed up keeps the first one's deadline.
    @Test func eachCrisisAfterAFollowUpStartsItsOwnClock() throws {
        var fixture = placed()
        fixture.add(1, .crisisContact())
        fixture.add(2, .contact(attended: true))
        #expect(recommendation(fixture, "crisis-follow-up", day: 3) == nil)
        fixture.add(4, .crisisContact())
        let again = try #require(recommendation(fixture, "crisis-follow-up", day: 9))
        #expect(again.deadline == F.day(11), "7 days from the crisis on day 4, not the one on day 1")
        #expect(!again.isOverdue(asOf: F.day(10)))
        fixture.add(6, .emergencyVisit(outcome: .dischargedHome))
        #expect(recommendation(fixture, "crisis-follow-up", day: 6)?.deadline == F.day(11), "the oldest unmet")
    }

    /// A question for the prescriber is not a safety concern: only the concern escalates.
    @Test(arguments: [(CaseEventKind.medicationConcern, true), (.prescriberQuestion, false)])
    func onlyAMedicationSafetyConcernEscalates(event: CaseEventKind, escalates: Bool) {
        var fixture = placed()
        fixture.add(2, event)
        #expect((recommendation(fixture, "medication-safety", day: 2) != nil) == escalates)
    }

    /// Tier 3's weekly check-in is due 7 days after entry (not a minute before) and the same day is its deadline.
    @Test(arguments: [(hours: 0, due: true), (hours: -1, due: false)])
    func theWeeklyCheckInFallsDueOnTheSeventhDay(hours: Int, due: Bool) {
        let fixture = placed(in: "tier-3", intake: 22)
        let made = recommendation(fixture, "t3-weekly-check-in", day: 7, hours: hours)
        #expect((made != nil) == due)
        if let made {
            #expect(made.kind == .scheduledContact)
            #expect(made.deadline == F.day(7).endOfDay, "the same day")
        }
    }

    /// An attended contact meets the check-in; the next falls due 7 days after that contact, with no event between.
    @Test func theCheckInRecursSevenDaysAfterEachContact() throws {
        var fixture = placed(in: "tier-3", intake: 22)
        fixture.add(5, .contact(attended: true))
        #expect(recommendation(fixture, "t3-weekly-check-in", day: 11, hours: 23) == nil)
        let next = try #require(recommendation(fixture, "t3-weekly-check-in", day: 12))
        #expect(next.firedAt == F.day(12))
        fixture.add(13, .contact(attended: true))
        #expect(recommendation(fixture, "t3-weekly-check-in", day: 19) == nil)
        #expect(recommendation(fixture, "t3-weekly-check-in", day: 20) != nil, "again, a week after day 13")
        #expect(recommendation(fixture, "t3-weekly-check-in", day: 21)?.isOverdue(asOf: F.day(21)) == true)
    }

    /// No check-in in Tier 1 and 2 (the seed model schedules them for Tier 3 only); a no-show does not meet one.
    @Test func checkInsAreTier3sAndANoShowDoesNotMeetOne() {
        #expect(recommendation(placed(in: "tier-2", intake: 16), "t3-weekly-check-in", day: 30) == nil)
        var fixture = placed(in: "tier-3", intake: 22)
        fixture.add(6, .contact(attended: false))
        #expect(recommendation(fixture, "t3-weekly-check-in", day: 7) != nil)
    }

    /// The continued-stay review: due 12 weeks after entry to Tier 3, then 12 weeks after each structured review.
    @Test func theContinuedStayReviewRecursEveryTwelveWeeks() throws {
        var fixture = placed(in: "tier-3", intake: 22)
        #expect(recommendation(fixture, "t3-continued-stay-review", day: 83) == nil)
        let first = try #require(recommendation(fixture, "t3-continued-stay-review", day: 84))
        #expect(first.kind == .tierReview && first.deadline == F.day(91))
        fixture.add(86, .review(.structured, by: F.clinician))
        #expect(recommendation(fixture, "t3-continued-stay-review", day: 169) == nil)
        #expect(recommendation(fixture, "t3-continued-stay-review", day: 170) != nil, "12 weeks after the review")
    }

    /// Stepped up into Tier 3: the plan is due within 3 days and met by a complete step-up plan. A first
    /// placement in Tier 3 is not a step-up and needs none.
    @Test func aStepUpToTier3NeedsItsPlanWithinThreeDays() throws {
        var fixture = placed()
        fixture.place("tier-3", on: 10, from: "tier-1", kind: .stepUp, slot: .rapidAccess)
        let made = try #require(recommendation(fixture, "t3-step-up-plan", day: 10))
        #expect(made.kind == .stepUpPlan && made.deadline == F.day(13))
        #expect(made.documentation == [.stepUpPlan])
        fixture.add(
            11,
            .plan(.stepUp(StepUpPlan(safetyActions: "means removed", checkIns: "weekly", stepDownTarget: "no crisis"))))
        #expect(recommendation(fixture, "t3-step-up-plan", day: 11) == nil)
        #expect(recommendation(placed(in: "tier-3", intake: 22), "t3-step-up-plan", day: 1) == nil)
    }

    /// An override up into Tier 3 is a move up like a step-up, and needs the plan too.
    @Test func anOverrideUpIntoTier3NeedsThePlanToo() {
        var fixture = placed()
        fixture.place("tier-3", on: 10, from: "tier-1", kind: .override, slot: .exception)
        #expect(recommendation(fixture, "t3-step-up-plan", day: 10)?.deadline == F.day(13))
    }

    /// A contact settles an appointment of its day due at most an hour after it; a discharge closes the rest.
    @Test func aContactSettlesOnlyAnAppointmentDueWithinTheHour() {
        var fixture = placed()
        let booked = Appointment(number: 1, due: F.day(1, hours: 6), with: "ana", purpose: .session)
        fixture.add(1, .appointment(.booked(booked), by: F.clinician))
        fixture.add(1, .contact(attended: true), hours: 1)  // 10:00, for a 15:00 appointment: too early
        #expect(CaseState(fixture.timeline, asOf: F.day(2)).appointments[0].isOpen)
        fixture.add(1, .contact(attended: false), hours: 5)  // 14:00: the client did not come
        #expect(CaseState(fixture.timeline, asOf: F.day(2)).appointments[0].kept == false)
        let later = Appointment(number: 2, due: F.day(5), with: "ana", purpose: .checkIn)
        fixture.add(2, .appointment(.booked(later), by: F.clinician))
        fixture.add(3, .discharge(by: F.clinician))
        let closed = CaseState(fixture.timeline, asOf: F.day(6)).appointments[1]
        #expect(closed.closedAtDischarge && !closed.isOpen)
    }

    /// The engine's running view agrees with the reference replay on these rules (random timelines now carry
    /// outreach, step-up plans and medication questions; see `DifferentialTests`). Here: a recurring rule's
    /// wake-up is the moment it falls due, so a caller that follows the case asks again then.
    @Test func aRecurringRuleWakesTheMonitorWhenItFallsDue() {
        let fixture = placed(in: "tier-3", intake: 22)
        let monitor = CaseMonitor(engine: F.engine, timeline: fixture.timeline, asOf: F.day(0))
        let wake = monitor.nextWakeUp(after: F.day(0))
        #expect(wake != nil && wake! <= F.day(7))
    }
}
