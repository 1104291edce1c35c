import StepCareCore
import StepCareMetrics
import Testing

/// Adherence to Tier 3's check-in schedule and crises around a step-up, on hand-built timelines (the week under
/// test is days 7–13, each event at 09:00).
@Suite struct CheckInAndCrisisTests {
    @Test func checkInAdherenceCountsEachScheduledWeekEndingInTheWindow() {
        // P: Tier 3 from day 0. Periods end on day 7 (09:00, in the window) and day 14 (after it): one due, met
        // by the contact on day 3.
        var p = Timeline("P", referred: 0)
        p.place("tier-3", on: 0)
        p.contact(3)
        // Q: Tier 3 from day −7. Periods end on days 0 (before the window) and 7 (in it): one due, missed (the
        // only contact, day −2, is in the earlier period; a no-show does not count).
        var q = Timeline("Q", referred: -7)
        q.place("tier-3", on: -7)
        q.contact(-2)
        q.add(4, .contact(attended: false))
        // R: Tier 3 from day −14, steps down on day 3: the period ending on day 7 is cut short and not due.
        var r = Timeline("R", referred: -14)
        r.place("tier-3", on: -14)
        r.add(
            3,
            .plan(
                .stability(
                    StabilityPlan(earlyWarningSigns: "a", copingActions: "b", reaccessRoute: "c", followUpSchedule: "d")
                )))
        r.place("tier-2", on: 3, from: "tier-3", kind: .stepDown)
        // S: Tier 2 only: no schedule.
        var s = Timeline("S", referred: 0)
        s.place("tier-2", on: 0)
        let set = Timeline.metrics([p, q, r, s])
        #expect(set.value("tier-3.check-in.weeks") == 2)
        #expect(set.value("tier-3.check-in.weeks-seen") == 50)
        #expect(set["tier-3.check-in.weeks-seen"]?.numerator == 1)
        #expect(set.value("tier-2.check-in.weeks") == 0)
        #expect(set.value("tier-2.check-in.weeks-seen").isNaN, "tier 2 schedules no check-ins")
    }

    @Test func theBoundaryOfAPeriodIsItsLastMinute() {
        // A contact at the very minute a period ends belongs to the next period.
        var p = Timeline("P", referred: 0)
        p.place("tier-3", on: 0)
        p.contact(7)
        #expect(Timeline.metrics([p]).value("tier-3.check-in.weeks-seen") == 0)
        var q = Timeline("Q", referred: 0)
        q.place("tier-3", on: 0)
        q.add(6, .contact(attended: true), hours: 23)
        #expect(Timeline.metrics([q]).value("tier-3.check-in.weeks-seen") == 100)
    }

    @Test func crisesAreCountedThirtyDaysEitherSideOfAFollowedStepUp() {
        // T steps up on day −20: its 30 days end on day 10, in the window. Crises on days −51 (outside), −45 and
        // −21 (before), and −20 at the step-up's own minute (before), then −5 (after) and 11 (after day 10: out).
        var t = Timeline("T", referred: -60)
        t.place("tier-1", on: -60)
        for day in [-51, -45, -21] { t.add(day, .crisisContact()) }
        t.add(-20, .crisisContact())
        t.place("tier-3", on: -20, from: "tier-1", kind: .stepUp)
        t.add(-5, .crisisContact())
        t.add(11, .crisisContact())
        // U steps up on day 0: its 30 days end after the window, so it is not followed yet.
        var u = Timeline("U", referred: -10)
        u.place("tier-1", on: -10)
        u.add(-1, .crisisContact())
        u.place("tier-2", on: 0, from: "tier-1", kind: .stepUp)
        let set = Timeline.metrics([t, u])
        #expect(set.value("step-up.followed-30") == 1)
        #expect(set.value("step-up.crisis-before-30") == 3)
        #expect(set.value("step-up.crisis-after-30") == 1)
        #expect(set["step-up.crisis-after-30"]?.support == 1)
    }

    /// ED visits count where crisis contacts do: while placed, in the window. Sessions are counted per stay that
    /// ends in the window, against the package's range (Tier 1: 4–6).
    @Test func edVisitsAndSessionsAgainstThePackageAreCountedPerTier() {
        // V: Tier 1 from day 0; ED visits on days 2 (before the window), 8 and 9; 5 sessions, discharged day 12.
        var v = Timeline("V", referred: 0)
        v.place("tier-1", on: 0)
        v.contact(1)
        v.add(2, .emergencyVisit())
        v.contact(3)
        v.contact(5)
        v.contact(8)
        v.add(8, .emergencyVisit(), hours: 1)
        v.add(9, .emergencyVisit())
        v.contact(10)
        v.discharge(12)
        // W: Tier 1 from day 0, an ED visit on day 10 before placement elsewhere is still Tier 1's; 2 sessions,
        // stepped up on day 11: a stay ended below the package's 4 sessions.
        var w = Timeline("W", referred: 0)
        w.place("tier-1", on: 0)
        w.contact(2)
        w.contact(4)
        w.add(10, .emergencyVisit())
        w.place("tier-3", on: 11, from: "tier-1", kind: .stepUp)
        // X: referred, not placed: its ED visit on day 9 is counted nowhere.
        var x = Timeline("X", referred: 7)
        x.add(9, .emergencyVisit())
        let set = Timeline.metrics([v, w, x])
        #expect(set.value("tier-1.ed-visits") == 3)
        #expect(set.value("tier-3.ed-visits") == 0)
        #expect(set.value("tier-1.sessions.median-per-stay") == 3.5)  // stays of 5 and 2 sessions
        #expect(set.value("tier-1.sessions.within-package") == 50)
        #expect(set["tier-1.sessions.within-package"]?.numerator == 1)
        #expect(set.value("tier-3.sessions.median-per-stay").isNaN, "no Tier 3 stay ended")
    }
}
