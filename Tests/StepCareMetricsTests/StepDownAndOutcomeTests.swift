import StepCareCore
import StepCareMetrics
import Testing

/// Step-downs, re-escalation, overrides and NHS Talking Therapies outcomes on hand-built timelines.
@Suite struct StepDownAndOutcomeTests {
    @Test func stepDownsWithAPlanAndReEscalationCohorts() {
        // 30-day cohort: step-downs on days −23 to −17 (their 30 days end in the week).
        var k = Timeline("K", referred: -60)  // steps down day −20 with a plan, back up day −5: returned
        k.place("tier-3", on: -60)
        k.plan(-21)
        k.place("tier-2", on: -20, from: "tier-3", kind: .stepDown)
        k.place("tier-3", on: -5, from: "tier-2", kind: .stepUp)
        var l = Timeline("L", referred: -60)  // steps down day −19, never back: followed, not returned
        l.place("tier-3", on: -60)
        l.place("tier-2", on: -19, from: "tier-3", kind: .stepDown)
        // 90-day cohort: step-downs on days −83 to −77.
        var m = Timeline("M", referred: -100)  // steps down day −80, back 60 days later: within 90, not 30
        m.place("tier-2", on: -100)
        m.place("tier-1", on: -80, from: "tier-2", kind: .stepDown)
        m.place("tier-2", on: -20, from: "tier-1", kind: .stepUp)
        // Step-downs in the week: one with a complete plan, one whose plan misses a part.
        var n1 = Timeline("N1", referred: 0)
        n1.place("tier-2", on: 0)
        n1.plan(7)
        n1.place("tier-1", on: 8, from: "tier-2", kind: .stepDown)
        var n2 = Timeline("N2", referred: 0)
        n2.place("tier-2", on: 0)
        n2.plan(8, complete: false)
        n2.place("tier-1", on: 9, from: "tier-2", kind: .stepDown)
        let set = Timeline.metrics([k, l, m, n1, n2])

        #expect(set.value("step-downs") == 2)  // N1, N2
        #expect(set.value("step-down.with-plan") == 50)  // N1 only: N2's plan has no follow-up schedule
        #expect(set.value("re-escalation.30") == 50)  // K returned of K, L
        #expect(set["re-escalation.30"]?.support == 2)
        #expect(set.value("re-escalation.90") == 100)  // M returned on day 60 of its 90
        #expect(set["re-escalation.90"]?.numerator == 1)
    }

    @Test func overridesAndExceptionsAreCountedAgainstPlacements() {
        var a = Timeline("A", referred: 7)
        a.place("tier-2", on: 7, kind: .override)
        var b = Timeline("B", referred: 7)
        b.place("tier-3", on: 8, slot: .exception)
        var c = Timeline("C", referred: 7)
        c.place("tier-1", on: 7)
        var d = Timeline("D", referred: 0)  // placed before the week: not a placement in it
        d.place("tier-1", on: 0, kind: .override)
        let set = Timeline.metrics([a, b, c, d])
        #expect(set.value("referrals") == 3)
        #expect(set.value("placements") == 3)
        #expect(set.value("overrides") == 1)
        #expect(abs(set.value("override-rate") - 100.0 / 3) < 1e-9)
        #expect(set.value("exceptions") == 1)
    }

    @Test func talkingTherapiesOutcomesOfCoursesFinishedInTheWeek() {
        func course(_ id: String, phq9: [Int], gad7: [Int], contacts: Int = 3) -> Timeline {
            var t = Timeline(id, referred: -40)
            t.place("tier-2", on: -40)
            for offset in 0..<max(phq9.count, gad7.count) {  // scored on days −39 and −19
                if offset < phq9.count { t.score("phq9", phq9[offset], on: -39 + 20 * offset) }
                if offset < gad7.count { t.score("gad7", gad7[offset], on: -39 + 20 * offset, hours: 1) }
            }
            for session in 0..<contacts { t.contact(-15 + session) }
            t.discharge(9)
            return t
        }
        let sets = [
            course("P", phq9: [16, 8], gad7: [12, 6]),  // case → not a case; both fall reliably: recovered
            course("Q", phq9: [12, 13], gad7: [9, 14]),  // GAD-7 up 5 (≥ 4): reliable deterioration
            course("R", phq9: [15], gad7: [12, 7]),  // PHQ-9 scored once: finished, not paired
            course("S", phq9: [7, 5], gad7: [5, 3]),  // not a case at the start; no reliable change
            course("T", phq9: [16, 4], gad7: [12, 2], contacts: 1),  // one session: not a finished course
        ]
        let set = Timeline.metrics(sets)
        #expect(set.value("tier-2.finished") == 4)  // P, Q, R, S
        #expect(set.value("tier-2.finished.unpaired") == 1)  // R
        #expect(set.value("tier-2.recovery") == 50)  // P of P, Q (S was not a case)
        #expect(abs(set.value("tier-2.reliable-improvement") - 100.0 / 3) < 1e-9)  // P of P, Q, S
        #expect(set.value("tier-2.reliable-recovery") == 50)  // P of P, Q
        #expect(abs(set.value("tier-2.deterioration") - 100.0 / 3) < 1e-9)  // Q of P, Q, S
        #expect(set.value("tier-1.finished") == 0)
    }
}
