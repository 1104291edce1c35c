import StepCareCore
import StepCareEngine
import StepCareMetrics
import StepCareReports
import StepCareService
import StepCareSimulation
import StepCareStore
import Testing

/// What-ifs on the service's own rules: a simulation starts from the configuration in force, sets or sweeps
/// any population figure and any configuration parameter (several at once make a grid), compares points with
/// common random numbers, and marks estimates too unstable to act on.
@Suite struct WhatIfTests {
    static let lead = Actor(name: "raj", role: .clinicalLead)

    func request(_ settings: String..., reps: Int = 3, days: Double = 60) throws -> PathwayRunRequest {
        var request = PathwayRunRequest(pathway: "community-stepped-care")
        request.settings = try settings.map { try ParameterSetting(parsing: $0) }
        request.reps = reps
        request.days = days
        request.jobs = 2
        return request
    }

    /// A run is sized to memory: one replication holds at most 250,000 clients, and no more replications run at
    /// once than 500,000 clients between them allow (the results do not depend on how many run at once).
    @Test func aRunTooLargeForMemoryIsRefusedAndAWideOneRunsFewerAtOnce() throws {
        #expect(try Workspace.jobs(referrals: 50_000, asked: 64) == 10)
        #expect(try Workspace.jobs(referrals: 50_000, asked: 2) == 2)
        #expect(try Workspace.jobs(referrals: 250_000, asked: 8) == 2)
        #expect(throws: StepCareError.self) { try Workspace.jobs(referrals: 250_001, asked: 1) }
        let service = try ServiceFixture(context: .training)
        var request = PathwayRunRequest(pathway: "community-stepped-care")
        request.days = 3_660
        request.settings = [try ParameterSetting(parsing: "referral.rate=1000")]
        #expect {
            _ = try service.workspace.simulatePathway(request, registry: service.registry)
        } throws: { error in
            (error as? StepCareError)?.message.contains("expects 3660000 clients") == true
        }
    }

    @Test func severalSweptSettingsMakeAGridOfEveryCombination() throws {
        let service = try ServiceFixture(context: .training)
        let (_, pathway, grid) = try service.workspace.simulationGrid(
            try request("tier-3.slots=6,8", "step-up-window=14...28/7", "referral.rate=10"),
            registry: service.registry)
        #expect(grid.axes.map(\.name) == ["tier-3.slots", "step-up-window"])
        #expect(grid.points == [[6, 14], [6, 21], [6, 28], [8, 14], [8, 21], [8, 28]])
        #expect(grid.population["referral.rate"] == 10)
        let (_, values) = try grid.settings(at: [8, 21], in: pathway)
        #expect(values["step-up-window"] == .span(.days(21)), "a length of time is written in days")
    }

    @Test func theRunStartsFromTheServicesConfiguration() throws {
        let service = try ServiceFixture(context: .training)
        try service.workspace.configure(
            [("tier-3.slots", "11"), ("step-up-window", "14d")], reason: "pilot", by: Self.lead,
            registry: service.registry)
        let report = try service.workspace.simulatePathway(try request(reps: 1), registry: service.registry)
        #expect(report.configurationVersion == 1)
        #expect(report.population["tier-3.slots"] == 11)
        #expect(report.pathway.parameters.first { $0.id == "step-up-window" }?.value == .span(.days(14)))
    }

    /// Two points with the same settings share every seed, so their paired differences are exactly zero: the
    /// comparison is made on common random numbers. A real change (4 against 16 Tier 3 slots) is detected.
    @Test func pointsArePairedByCommonRandomNumbers() throws {
        let service = try ServiceFixture(context: .training)
        let same = try service.workspace.simulatePathway(
            try request("tier-3.slots=8,8", reps: 3, days: 90), registry: service.registry)
        let occupancy = "tier-3.occupancy"
        let difference = same.points[1].difference(occupancy, from: same.points[0])
        #expect(difference.mean == 0 && difference.halfWidth == 0)
        #expect(same.points[0].estimate(occupancy).halfWidth ?? 0 > 0, "replications differ from each other")

        let changed = try service.workspace.simulatePathway(
            try request("tier-3.slots=4,16", reps: 3, days: 90), registry: service.registry)
        #expect(changed.points[1].difference(occupancy, from: changed.points[0]).mean < 0)
        #expect(changed.table().contains("paired difference from the first row"))
        // Arrivals have a stream of their own: whatever the slots, every point sees the same referrals.
        let referrals = changed.points[1].difference("referrals", from: changed.points[0])
        #expect(referrals.mean == 0 && referrals.halfWidth == 0, "\(referrals)")
        #expect(changed.points[0].estimate("referrals").halfWidth ?? 0 > 0)
    }

    @Test func everyPointIsCheckedBeforeAnythingRuns() throws {
        let service = try ServiceFixture(context: .training)
        let registry = service.registry
        for settings in [
            ["step-up-window=0"], ["step-up-crisis-contacts=1.5"], ["engagement-attendance=120"],
            ["tier-3.slots=8", "tier-3.slots=9...10"], ["no-such-figure=3"],
            ["referral.rate=1...1000", "tier-3.slots=1...100"],
        ] {
            #expect(throws: StepCareError.self, "\(settings)") {
                _ = try service.workspace.simulationGrid(try request(settings), registry: registry)
            }
        }
        // A value each setting allows but the pathway's checks do not (PHQ-9 caseness above 27) is refused
        // before any replication runs.
        do {
            _ = try service.workspace.simulatePathway(try request("phq9-caseness=10,40"), registry: registry) { _ in
                Issue.record("a replication ran")
            }
            Issue.record("the run was not refused")
        } catch {
            let refusal = error.stepCare
            #expect(
                refusal?.code == .invalidSetting && refusal?.field == "set"
                    && refusal?.message.contains("thresholds-in-range") == true, "\(error)")
        }
    }

    /// Tier 3 cut to two slots with both taken and one client waiting: a run from the caseload starts full (100 %
    /// occupancy over two weeks, where a run from an empty service cannot be), a run with four slots places the
    /// waiting client at once, and nothing is written to the caseload.
    @Test func aRunCanStartFromTheCaseloadAsItStands() throws {
        let service = try ServiceFixture(context: .training)
        let workspace = service.workspace
        try workspace.configure(
            [("tier-3.slots", "2"), ("tier-3.rapid-access-slots", "0")], reason: "leave", by: Self.lead,
            registry: service.registry)
        let lee = Actor(name: "lee", role: .supervisor)
        for id in ["C001", "C002", "C003"] {
            try workspace.openCase(id)
            try workspace.record(try service.phq9([3, 3, 3, 3, 3, 2, 2, 2, 0]), on: id)
            try workspace.decide(MoveRequest(.place, by: lee, at: workspace.now), on: id)
        }
        #expect(workspace.engine.map { $0.capacity(workspace.caseload, asOf: workspace.now)[2].waitlist } == ["C003"])
        let stored = try service.store.records(.training, cases: nil)
        var request = try request("tier-3.slots=2,4", reps: 2, days: 14)
        request.fromCaseload = true
        let report = try workspace.simulatePathway(request, registry: service.registry)
        #expect(report.points[0].estimate("tier-3.occupancy").mean == 100)
        #expect(report.points[1].replications.allSatisfy { $0.value("tier-3.waitlist.placed-median-days") == 0 })
        request.fromCaseload = false
        let empty = try workspace.simulatePathway(request, registry: service.registry)
        #expect(empty.points[0].estimate("tier-3.occupancy").mean < 100)
        #expect(try service.store.records(.training, cases: nil) == stored, "the run wrote nothing")
        #expect(workspace.caseload.order == ["C001", "C002", "C003"])

        request.fromCaseload = true
        request.save = true
        #expect(throws: StepCareError.self) { try workspace.simulatePathway(request, registry: service.registry) }
    }

    /// A run from a saved simulation, with the seed that made it: new referrals take ids the saved cases do not
    /// hold (they once took the same ones, and the run stopped on a case's events out of order).
    @Test func aRunFromASavedSimulationGivesNewReferralsFreshIDs() throws {
        let service = try ServiceFixture(context: .simulation)
        let workspace = service.workspace
        var request = try request("referral.rate=0.6", reps: 1, days: 60)
        request.save = true
        _ = try workspace.simulatePathway(request, registry: service.registry)
        let saved = workspace.caseload.order
        #expect(saved.count > 20)
        let latest = try #require(workspace.caseload.cases.values.compactMap(\.lastEventAt).max())
        try workspace.setClock(to: latest)
        request.save = false
        request.fromCaseload = true
        request.days = 30
        let report = try workspace.simulatePathway(request, registry: service.registry)
        #expect(report.points[0].replications[0].value("referrals") > 0)
        #expect(workspace.caseload.order == saved, "the run wrote nothing")
    }

    /// The sweep table shows the tier a swept setting names: moving Tier 2's slots shows Tier 2's waitlist.
    @Test func theSweepTableShowsTheTiersTheSweptSettingsName() throws {
        let service = try ServiceFixture(context: .training)
        let report = try service.workspace.simulatePathway(
            try request("tier-2.slots=18,20", "tier-3.slots=8,9", reps: 2, days: 30), registry: service.registry)
        let columns = report.sweepColumns.map(\.id)
        #expect(columns.contains("tier-2.waitlist") && columns.contains("tier-3.waitlist"), "\(columns)")
        #expect(!columns.contains("tier-1.waitlist"))
        let plain = try service.workspace.simulatePathway(
            try request("referral.rate=0.4,0.6", reps: 2, days: 30), registry: service.registry)
        #expect(plain.sweepColumns.map(\.id).contains("tier-3.waitlist"), "no tier named: the most intensive")
    }

    @Test func anEstimateWiderThanItselfOrBeyondItsRangeIsUnstable() {
        #expect(PathwayReport.isUnstable(Estimate([0, 5, 200]), .days))
        #expect(PathwayReport.isUnstable(Estimate([40, 100, 100]), .percent), "80 ± 75 reaches past 100 %")
        #expect(!PathwayReport.isUnstable(Estimate([50, 52, 51]), .percent))
        #expect(!PathwayReport.isUnstable(Estimate([10]), .days), "one replication has no interval to judge")
        #expect(PathwayReport.isUnstable(Estimate([53.4, .nan, .nan]), .days), "one value of three has no interval")
    }
}

extension WhatIfTests {
    func request(_ settings: [String]) throws -> PathwayRunRequest {
        var request = PathwayRunRequest(pathway: "community-stepped-care")
        request.settings = try settings.map { try ParameterSetting(parsing: $0) }
        return request
    }
}
