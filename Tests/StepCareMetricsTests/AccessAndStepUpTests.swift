import StepCareCore
import StepCareMetrics
import Testing

/// Access, waitlists and step-ups on hand-built timelines; each expectation is worked out in its comment.
@Suite struct AccessAndStepUpTests {
    @Test func theHuddleWeekIsSevenWholeDaysEndingOnTheDateGiven() {
        let week = Timeline.week
        #expect(week.from == Instant(year: 2026, month: 1, day: 12))
        #expect(week.to == Instant(year: 2026, month: 1, day: 18, hour: 23, minute: 59))
        #expect(week.days == 7)
        #expect(week.previous.to == week.from - TimeSpan(minutes: 1))
        #expect(week.previous.days == 7)
    }

    @Test func firstContactIsMeasuredFromReferralAndCensoredWhenNotSeen() {
        // Tier 1's access standard is 48 hours (the community pathway's placement deadline).
        var a = Timeline("A", referred: 7)  // seen after 1 day: met, in the week
        a.place("tier-1", on: 7)
        a.contact(8)
        var b = Timeline("B", referred: 6)  // seen after 4 days; the standard ran out on day 8: breached then
        b.place("tier-1", on: 6)
        b.contact(10)
        var c = Timeline("C", referred: 12)  // not seen; the standard runs out on day 14, after the week
        c.place("tier-1", on: 12)
        var d = Timeline("D", referred: 9)  // not seen; the standard ran out on day 11: breached, past it
        d.place("tier-1", on: 9)
        var e = Timeline("E", referred: 2)  // seen on day 3, before the week: not counted
        e.place("tier-1", on: 2)
        e.contact(3)
        var f = Timeline("F", referred: 11)  // seen after exactly 48 hours: met (the boundary is inclusive)
        f.place("tier-1", on: 11)
        f.contact(13)
        let set = Timeline.metrics([a, b, c, d, e, f])

        #expect(set.value("tier-1.entries") == 4)  // A, C, D, F placed in the week
        #expect(set.value("tier-1.first-contact.seen") == 3)  // A, B, F
        #expect(set.value("tier-1.first-contact.median-days") == 2)  // waits 1, 2, 4
        #expect(abs(set.value("tier-1.first-contact.p90-days") - 3.6) < 1e-9)  // 2 + 0.8 × (4 − 2)
        #expect(set.value("tier-1.first-contact.within-standard") == 50)  // met A, F; breached B, D
        #expect(set["tier-1.first-contact.within-standard"]?.support == 4)
        #expect(set.value("tier-1.first-contact.waiting") == 2)  // C, D
        #expect(set.value("tier-1.first-contact.waiting-past-standard") == 1)  // D
        #expect(set.value("tier-2.first-contact.median-days").isNaN)  // nobody seen in tier 2
    }

    @Test func aTierWithoutAnAccessStandardHasNoShareWithinIt() {
        var a = Timeline("A", referred: 7)
        a.place("tier-2", on: 7)
        a.contact(9)
        let set = Timeline.metrics([a])
        #expect(set.value("tier-2.first-contact.median-days") == 2)
        #expect(set.value("tier-2.first-contact.within-standard").isNaN)
    }

    @Test func stepUpDelaysBreachesAndOutstandingTriggers() {
        // The crisis rule: 2 crisis contacts and 1 ED visit within 30 days → step up to Tier 3 within 7 days.
        var g = Timeline("G", referred: 0)  // fires day 3, due day 10, stepped up day 12: 9 days, a breach
        g.place("tier-2", on: 0)
        g.add(1, .crisisContact())
        g.add(2, .crisisContact())
        g.add(3, .emergencyVisit())
        g.place("tier-3", on: 12, from: "tier-2", kind: .stepUp, slot: .rapidAccess)
        var h = Timeline("H", referred: 0)  // fires day 9 10:00, due day 16: outstanding, not overdue
        h.place("tier-1", on: 0)
        h.add(8, .crisisContact())
        h.add(9, .crisisContact())
        h.add(9, .emergencyVisit(), hours: 1)
        var i = Timeline("I", referred: 0)  // fires day 2, due day 9, never met: outstanding, overdue, a breach
        i.place("tier-1", on: 0)
        i.add(1, .crisisContact())
        i.add(2, .crisisContact())
        i.add(2, .emergencyVisit(), hours: 1)
        var j = Timeline("J", referred: 0)  // a step-up no rule asked for: counted, with no delay
        j.place("tier-1", on: 0)
        j.place("tier-2", on: 10, from: "tier-1", kind: .stepUp)
        let set = Timeline.metrics([g, h, i, j])

        #expect(set.value("step-ups") == 2)  // G, J
        #expect(set.value("step-up.triggered") == 1)  // G
        #expect(set.value("step-up.median-days") == 9)  // day 3 to day 12
        #expect(set.value("step-up.breaches") == 2)  // G (due day 10, met day 12), I (due day 9, never met)
        #expect(set.value("step-up.outstanding") == 2)  // I, H
        #expect(set.outstanding.map(\.caseID) == ["I", "H"])
        let end = Timeline.week.to
        let oldest = Timeline.days(from: Timeline.day(2, hours: 1), to: end)  // 11 days 4 h 59 min
        #expect(abs(set.value("step-up.outstanding.oldest-days") - oldest) < 1e-9)
        #expect(set.outstanding.map(\.isOverdue) == [true, false])
        #expect(set.value("tier-1.crisis-contacts") == 2)  // H's, on days 8 and 9
        #expect(set.value("rapid-access") == 1)  // G's step-up
    }

    @Test func aTriggerThatLapsesBeforeItsDeadlineIsNoBreach() {
        // Fires day 8, due day 15; discharged on day 9: the trigger is gone before its deadline.
        var k = Timeline("K", referred: 0)
        k.place("tier-1", on: 0)
        k.add(7, .crisisContact())
        k.add(7, .crisisContact(), hours: 1)
        k.add(8, .emergencyVisit())
        k.discharge(9)
        let set = Timeline.metrics([k])
        #expect(set.value("step-up.breaches") == 0)
        #expect(set.value("step-up.outstanding") == 0)
        // The week after its deadline, nothing is counted either.
        #expect(Timeline.metrics([k], window: .week(ending: Timeline.day(20))).value("step-up.breaches") == 0)
    }

    @Test func occupancyLengthOfStayCrisisRateAndWaitlists() {
        var u = Timeline("U", referred: 0)  // Tier 3 from day 0 to day 10 09:00: 3 days 9 h in the week
        u.place("tier-3", on: 0)
        u.discharge(10)
        var v = Timeline("V", referred: 9)  // Tier 3 from day 9 09:00 to the week's end: 4 days 15 h
        v.place("tier-3", on: 9)
        v.add(11, .crisisContact())
        var w1 = Timeline("W1", referred: 0)  // waiting for Tier 3 since day 5: on the list at the week's end
        w1.place("tier-2", on: 0)
        w1.add(5, .waitlisted(tier: "tier-3", move: .stepUp, actor: Timeline.staff))
        var w2 = Timeline("W2", referred: 0)  // waited from day 8 to day 12: a 4-day wait ended in the week
        w2.place("tier-2", on: 0)
        w2.add(8, .waitlisted(tier: "tier-3", move: .stepUp, actor: Timeline.staff))
        w2.place("tier-3", on: 12, from: "tier-2", kind: .stepUp)  // 1 day 15 h in Tier 3 in the week
        let set = Timeline.metrics([u, v, w1, w2])

        let clientDays = 3.375 + 4.625 + 1.625
        #expect(abs(set.value("tier-3.occupancy") - 100 * clientDays / (7 * 10)) < 1e-9)  // 8 + 2 slots
        #expect(set.value("tier-3.length-of-stay.median-days") == 10)  // U's stay ended in the week
        #expect(set.value("tier-3.placed") == 2)  // V, W2
        #expect(set.value("tier-3.crisis-contacts") == 1)
        #expect(abs(set.value("tier-3.crisis-per-100-client-weeks") - 100 / (clientDays / 7)) < 1e-9)
        #expect(set["tier-3.crisis-per-100-client-weeks"]?.support == 3)  // U, V, W2 in the cohort
        #expect(set.value("tier-3.waitlist") == 1)  // W1
        let waited = Timeline.days(from: Timeline.day(5), to: Timeline.week.to)
        #expect(abs(set.value("tier-3.waitlist.median-wait-days") - waited) < 1e-9)
        #expect(set.value("tier-3.waitlist.placed-median-days") == 4)  // W2
        #expect(set.value("tier-2.placed") == 1)  // W1
    }

    /// A placement recorded late (live) is counted again as entered late; the access figures themselves are
    /// unchanged, so the huddle sees which of them rest on late entries.
    @Test func latePlacementsAreCountedSeparately() {
        var a = Timeline("A", referred: 7)
        a.place("tier-1", on: 7)  // event 1
        var b = Timeline("B", referred: 8)
        b.place("tier-1", on: 9)
        var metrics = Timeline.metrics
        metrics.lateEntries = ["A": [1], "B": [0]]  // B's referral was late, not its placement
        let set = metrics.compute([a.timeline, b.timeline], window: Timeline.week)
        #expect(set.value("placements.entered-late") == 1)
        #expect(set.value("tier-1.entries") == Timeline.metrics([a, b]).value("tier-1.entries"))
        #expect(Timeline.metrics([a, b]).value("placements.entered-late") == 0)
    }
}
