import StepCareCore
import StepCareEngine
import StepCareMetrics
import Testing

/// The equity breakdown: suppression at the threshold, gaps and group membership.
@Suite struct EquityTests {
    /// Groups of 4, 5 and 6 clients, each placed in Tier 1 in the week and seen after `wait` days.
    static func caseload(overridesInC: Int = 0) -> [Timeline] {
        var cases: [Timeline] = []
        for (group, size, wait) in [("a", 4, 1), ("b", 5, 2), ("c", 6, 3)] {
            for index in 0..<size {
                var t = Timeline("\(group.uppercased())\(index)", referred: 7, demographics: ["ethnicity": group])
                t.place("tier-1", on: 7, kind: group == "c" && index < overridesInC ? .override : .place)
                t.contact(7 + wait)
                cases.append(t)
            }
        }
        var unknown = Timeline("U0", referred: 7)  // no ethnicity recorded
        unknown.place("tier-1", on: 7)
        cases.append(unknown)
        return cases
    }

    static func breakdown(_ cases: [Timeline], threshold: Int = 5) -> EquityBreakdown {
        let timelines = cases.map(\.timeline)
        return EquityBreakdown(
            timelines, field: "ethnicity", metrics: Timeline.metrics, window: Timeline.week,
            overall: Timeline.metrics.compute(timelines, window: Timeline.week),
            suppression: Suppression(threshold: threshold))
    }

    @Test func countsUnderFiveAreSuppressedAndFiveAndSixAreShown() throws {
        let equity = Self.breakdown(Self.caseload())
        #expect(equity.groups.map(\.value) == ["c", "b", "a", EquityBreakdown.notRecorded])
        let a = try #require(equity.groups.first { $0.value == "a" })
        let b = try #require(equity.groups.first { $0.value == "b" })
        let c = try #require(equity.groups.first { $0.value == "c" })
        #expect(equity.clients(of: a) == nil)
        #expect(equity.clients(of: b) == 5)
        #expect(equity.clients(of: c) == 6)
        #expect(equity.cell("tier-1.entries", in: a).isSuppressed)
        #expect(equity.cell("tier-1.entries", in: b) == EquityCell(value: 5, gap: nil, isSuppressed: false))
        #expect(equity.cell("tier-1.entries", in: c) == EquityCell(value: 6, gap: nil, isSuppressed: false))
        // A median of 4 waits is suppressed; of 5 and 6 it is shown with its gap to the overall median.
        // Overall waits: four of 1 day, five of 2, six of 3 → the median of 15 is the 8th: 2 days.
        #expect(equity.cell("tier-1.first-contact.median-days", in: a).isSuppressed)
        #expect(
            equity.cell("tier-1.first-contact.median-days", in: b) == EquityCell(value: 2, gap: 0, isSuppressed: false))
        #expect(
            equity.cell("tier-1.first-contact.median-days", in: c) == EquityCell(value: 3, gap: 1, isSuppressed: false))
        // Zero is shown: it discloses nobody.
        #expect(equity.cell("overrides", in: c) == EquityCell(value: 0, gap: nil, isSuppressed: false))
    }

    @Test func aShareIsSuppressedWhenItsNumeratorIsUnderTheThreshold() throws {
        for (overrides, hidden) in [(4, true), (5, false), (6, false), (0, false)] {
            let equity = Self.breakdown(Self.caseload(overridesInC: overrides))
            let c = try #require(equity.groups.first { $0.value == "c" })
            let cell = equity.cell("override-rate", in: c)
            #expect(cell.isSuppressed == hidden, "\(overrides) overrides of 6")
            if !hidden {
                // Overall: the same overrides of 16 placements.
                let gap = 100 * Double(overrides) / 6 - 100 * Double(overrides) / 16
                #expect(abs((cell.gap ?? .nan) - gap) < 1e-9)
            }
        }
    }

    @Test func theThresholdIsSettable() throws {
        let equity = Self.breakdown(Self.caseload(), threshold: 6)
        let b = try #require(equity.groups.first { $0.value == "b" })
        let c = try #require(equity.groups.first { $0.value == "c" })
        #expect(equity.clients(of: b) == nil)
        #expect(equity.clients(of: c) == 6)
        let none = Self.breakdown(Self.caseload(), threshold: 1)
        let a = try #require(none.groups.first { $0.value == "a" })
        #expect(!none.cell("tier-1.entries", in: a).isSuppressed)
    }

    @Test func groupFiguresAddUpToTheOverallCounts() {
        let equity = Self.breakdown(Self.caseload(overridesInC: 2))
        for value in equity.overall.values where value.definition.kind == .count {
            let total = equity.groups.reduce(0.0) { $0 + $1.metrics.value(value.id) }
            #expect(total == value.value, "\(value.id)")
        }
    }

    /// Over a quarter, clients seen in the weeks before the huddle week count too: the week leaves group "d"
    /// (seen 40 days before) empty, the quarter shows its five first contacts; the window is named.
    @Test func aQuarterCountsTheWeeksBeforeTheHuddleWeek() throws {
        var cases = Self.caseload()
        for index in 0..<5 {
            var t = Timeline("D\(index)", referred: -30, demographics: ["ethnicity": "d"])
            t.place("tier-1", on: -30)
            t.contact(-28)
            cases.append(t)
        }
        var caseload = Caseload()
        for t in cases { try caseload.open(t.timeline) }
        func group(_ period: EquityPeriod) -> EquityGroup? {
            Dashboard(
                caseload, metrics: Timeline.metrics, context: .training, week: Timeline.week,
                equityFields: ["ethnicity"], equityPeriod: period
            ).equity.first?.groups.first { $0.value == "d" }
        }
        #expect(try #require(group(.week)).metrics.value("tier-1.first-contact.seen") == 0)
        #expect(try #require(group(.quarter)).metrics.value("tier-1.first-contact.seen") == 5)
        let quarter = EquityPeriod.quarter.window(endingWith: Timeline.week)
        #expect(quarter.days == 91 && quarter.to == Timeline.week.to)
        #expect(EquityPeriod.year.window(endingWith: Timeline.week).days == 364)
    }
}
