import StepCareCore
import StepCareEngine
import StepCareMetrics
import StepCareSimulation
import Testing

/// The same metrics over a seeded simulation: weeks add up to the whole run, groups to the whole service,
/// and each count agrees with a direct count of the simulated records.
@Suite struct SimulatedCaseloadTests {
    static let start = Instant(year: 2026, month: 1, day: 5) ?? Instant(minutes: 0)
    static let weeks = 26

    static let run: PathwayRun = {
        do {
            let simulation = try PathwaySimulation(
                pathway: Timeline.pathway, population: PopulationModel(pathway: Timeline.pathway),
                registry: Timeline.registry, days: Double(7 * weeks), start: start)
            return simulation.simulate(seed: 11)
        } catch {
            fatalError("the simulation could not be set up: \(error)")
        }
    }()

    static var timelines: [CaseTimeline] { run.caseload.order.compactMap { run.caseload.cases[$0] } }

    /// The simulated events of one kind, by a direct scan.
    static func count(where matches: (CaseEvent) -> Bool) -> Int {
        timelines.reduce(0) { $0 + $1.events.filter(matches).count }
    }

    @Test func weeklyCountsAddUpToTheRecordsOfTheWholeRun() {
        let weeks = (1...Self.weeks).map { ReportingWindow.week(ending: Self.start + .days(7 * $0 - 1)) }
        let sets = weeks.map { Timeline.metrics.compute(Self.timelines, window: $0) }
        func total(_ id: String) -> Int { Int(sets.reduce(0) { $0 + $1.value(id) }) }

        let referrals = Self.count { if case .referral = $0.kind { true } else { false } }
        let placements = Self.count { if case .placement = $0.kind { true } else { false } }
        let crises = Self.count { if case .crisisContact = $0.kind { true } else { false } }
        #expect(referrals > 50)
        #expect(total("referrals") == referrals)
        #expect(total("placements") == placements)
        #expect(Timeline.pathway.tiers.map { total("\($0.id).entries") }.reduce(0, +) == placements)
        // Crisis contacts while placed; a client still waiting for a first placement belongs to no tier.
        #expect(Timeline.pathway.tiers.map { total("\($0.id).crisis-contacts") }.reduce(0, +) <= crises)
        let stepUps = Self.count {
            guard case .placement(let p) = $0.kind, let from = p.from.flatMap(Timeline.pathway.rank(of:)) else {
                return false
            }
            return (Timeline.pathway.rank(of: p.tier) ?? 0) > from
        }
        #expect(total("step-ups") == stepUps)
        #expect(total("step-up.triggered") <= stepUps)
        #expect(total("overrides") == 0)  // the simulated staff never override
    }

    @Test func theCensusAtTheWeeksEndMatchesTheEnginesCapacity() {
        let end = Self.start + .days(7 * Self.weeks - 1)
        let set = Timeline.metrics.compute(Self.timelines, window: .week(ending: end))
        let capacity = Timeline.metrics.engine.capacity(Self.run.caseload, asOf: set.window.to)
        for status in capacity {
            let placed = status.standardUsed + status.rapidAccessUsed + status.exceptionsUsed
            #expect(set.value("\(status.tier.id).placed") == Double(placed))
            #expect(set.value("\(status.tier.id).waitlist") == Double(status.waitlist.count))
        }
    }

    @Test func theDashboardIsTheSameForTheSameSeedAndBreaksDownByEveryField() throws {
        let week = ReportingWindow.week(ending: Self.start + .days(7 * Self.weeks - 1))
        let first = Dashboard(
            Self.run.caseload, metrics: Timeline.metrics, context: .simulation, week: week,
            equityFields: ["ethnicity", "age-band"])
        let again = Dashboard(
            Self.run.caseload, metrics: Timeline.metrics, context: .simulation, week: week,
            equityFields: ["ethnicity", "age-band"])
        // Bit patterns, so that unmeasured figures (NaN) compare equal too.
        let bits = { (dashboard: Dashboard) in dashboard.history.map { $0.values.map(\.value.bitPattern) } }
        #expect(bits(first) == bits(again))
        #expect(first.history.map(\.outstanding) == again.history.map(\.outstanding))
        #expect(first.history.count == 12)
        #expect(first.fields.contains("ethnicity"))
        for breakdown in first.equity {
            #expect(breakdown.groups.count >= 2, "\(breakdown.field)")
            #expect(breakdown.groups.reduce(0) { $0 + $1.clients } == Self.run.caseload.order.count)
            for value in breakdown.overall.values where value.definition.kind == .count {
                let sum = breakdown.groups.reduce(0.0) { $0 + $1.metrics.value(value.id) }
                #expect(sum == value.value, "\(breakdown.field) \(value.id)")
            }
        }
    }
}
