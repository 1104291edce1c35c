import StepCareCore
import StepCareEngine
import StepCareMetrics
import StepCareRegistry
import Testing

@testable import StepCareSimulation

@Suite("Pathway mode: a synthetic population through the real engine")
struct PathwaySimulationTests {
    /// The simulated population carries only codes a real case may carry, so a simulated caseload's equity
    /// breakdown reads like a real one's.
    @Test func theSimulatedDemographicsAreEquityCodes() throws {
        let pathway = try Registry.builtIn().pathway("community-stepped-care")
        for (field, mix) in PopulationModel(pathway: pathway).demographics {
            for (code, _) in mix { try EquityFields.check([field: code]) }
        }
    }

    static let start = Instant(minutes: 29_453_760)  // 2026-01-01

    static func simulation(
        days: Double = 120, _ change: (inout PopulationModel) throws -> Void = { _ in }
    ) throws
        -> PathwaySimulation
    {
        let registry = try Registry.builtIn()
        let pathway = try registry.pathway("community-stepped-care")
        var population = PopulationModel(pathway: pathway)
        try change(&population)
        return try PathwaySimulation(
            pathway: pathway, population: population, registry: registry, days: days, start: start)
    }

    static func events(_ run: PathwayRun) -> [CaseEvent] {
        run.caseload.order.flatMap { run.caseload.cases[$0]?.events ?? [] }
    }

    @Test("the same seed gives the same cases and metrics; another seed gives others")
    func determinism() throws {
        let simulation = try Self.simulation()
        let a = simulation.simulate(seed: 3)
        let b = simulation.simulate(seed: 3)
        let c = simulation.simulate(seed: 4)
        #expect(a.caseload == b.caseload)
        #expect(a.caseload != c.caseload)
        let metrics = HuddleMetrics(engine: Engine(pathway: a.pathway))
        let window = ReportingWindow(from: a.start, to: a.end)
        let metricsA = metrics.compute(a.caseload, window: window).values
        let metricsB = metrics.compute(b.caseload, window: window).values
        #expect(metricsA.map(\.id) == metricsB.map(\.id))
        #expect(zip(metricsA, metricsB).allSatisfy { $0.value == $1.value || ($0.value.isNaN && $1.value.isNaN) })
        // About 0.5 referrals a day for 120 days: Poisson, within 5 standard deviations.
        #expect(abs(Double(a.caseload.order.count) - 60) < 5 * 60.0.squareRoot())
    }

    @Test("every simulated record went through the engine's rules: placements are authorised and in order")
    func recordsAreLawful() throws {
        let run = try Self.simulation().simulate(seed: 8)
        var placements = 0
        for caseID in run.caseload.order {
            let events = try #require(run.caseload.cases[caseID]).events
            #expect(zip(events, events.dropFirst()).allSatisfy { $0.at <= $1.at })
            guard case .referral = events.first?.kind else {
                Issue.record("\(caseID) does not start with a referral")
                continue
            }
            for event in events {
                if case .placement(let placement) = event.kind {
                    placements += 1
                    #expect(placement.actor.role == .clinician)
                }
            }
        }
        #expect(placements > 0)
        // Capacity is a rule: never more clients in a tier's ordinary and rapid-access slots than it has.
        let engine = Engine(pathway: run.pathway)
        for day in stride(from: 0, through: 120, by: 7) {
            for status in engine.capacity(run.caseload, asOf: Self.start + .days(day)) {
                #expect(status.standardUsed <= status.tier.capacity.standardSlots)
                #expect(status.rapidAccessUsed <= status.tier.capacity.rapidAccessSlots)
            }
        }
    }

    /// Whether any case was stepped up by the crisis rule, or has it outstanding at the end.
    static func crisisStepUps(_ run: PathwayRun) -> Int {
        let engine = Engine(pathway: run.pathway)
        var count = 0
        for caseID in run.caseload.order {
            guard let timeline = run.caseload.cases[caseID] else { continue }
            for (index, event) in timeline.events.enumerated() {
                guard case .placement(let placement) = event.kind, placement.kind == .stepUp else { continue }
                let before = CaseTimeline(caseID: caseID, events: Array(timeline.events[..<index]))
                if engine.evaluate(before, asOf: event.at).recommendations.contains(where: {
                    $0.ruleID == "crisis-step-up"
                }) {
                    count += 1
                }
            }
            if engine.evaluate(timeline, asOf: run.end).recommendations.contains(where: {
                $0.ruleID == "crisis-step-up"
            }) {
                count += 1
            }
        }
        return count
    }

    @Test("zero crisis hazard: no crisis contacts and no crisis step-ups; a high hazard makes them happen")
    func crisisHazard() throws {
        let calm = try Self.simulation { try $0.set("crisis.hazard", to: 0) }.simulate(seed: 5)
        #expect(!Self.events(calm).contains { $0.kind == .crisisContact() })
        #expect(Self.crisisStepUps(calm) == 0)
        let stormy = try Self.simulation {
            try $0.set("crisis.hazard", to: 0.2)
            try $0.set("emergency.hazard", to: 0.1)
        }.simulate(seed: 5)
        #expect(Self.events(stormy).filter { $0.kind == .crisisContact() }.count > 50)
        #expect(Self.crisisStepUps(stormy) > 0)
    }

    @Test("parameters: tier3.slots means tier-3.slots; unknown names, bad values and ranges are refused by name")
    func parameters() throws {
        let pathway = try Registry.builtIn().pathway("community-stepped-care")
        var population = PopulationModel(pathway: pathway)
        try population.set("tier3.slots", to: 12)
        #expect(population["tier-3.slots"] == 12)
        #expect(population.applyCapacity(to: pathway).tier("tier-3")?.capacity.standardSlots == 12)
        #expect(throws: StepCareError.self) { try population.set("tier-9.slots", to: 3) }
        #expect(throws: StepCareError.self) { try population.set("tier-3.slots", to: 2.5) }
        #expect(throws: StepCareError.self) { try population.set("referral.rate", to: -1) }
        // A horizon that would never end, or date records past 2199, is refused before anything runs.
        for days in [1e308, 3_661, .infinity, 0] {
            #expect(throws: StepCareError.self, "--days \(days)") { try Self.simulation(days: days) }
        }
        #expect((try? Self.simulation(days: 3_660)) != nil)
        do {
            try population.set("tier3.slotz", to: 3)
            Issue.record("an unknown parameter was accepted")
        } catch {
            #expect(error.message == "tier3.slotz: is not a parameter of this simulation")
            #expect(error.hint?.contains("--parameters") == true)
        }
    }
}
