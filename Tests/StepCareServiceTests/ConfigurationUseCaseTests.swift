import Foundation
import StepCareCore
import StepCareEngine
import StepCareMetrics
import StepCareService
import StepCareStore
import Testing

/// The service's configuration through the application core on a real SQLite file: a change is one audited,
/// versioned entry that a new session reads back; the engine runs on it from its effective time; a surge ends
/// on its date; and every bad change is refused naming the setting, with nothing stored.
@Suite struct ConfigurationUseCaseTests {
    static let lead = Actor(name: "raj", role: .clinicalLead)

    /// Opens `caseID` at `day`, placed in Tier 1 on a mild PHQ-9, then records crisis contacts and ED visits
    /// at the given days after it.
    static func tier1Case(
        _ caseID: String, from day: Instant, crises: [Int] = [], edVisits: [Int] = [], in service: ServiceFixture
    ) throws {
        let workspace = service.workspace
        try workspace.openCase(caseID, referred: day)
        try workspace.record(try service.phq9([1, 1, 1, 1, 1, 1, 1, 1, 0]), on: caseID, at: day)
        try workspace.decide(
            MoveRequest(.place, tier: "tier-1", by: Actor(name: "ana", role: .clinician), at: day), on: caseID)
        let events = crises.map { ($0, CaseEventKind.crisisContact()) } + edVisits.map { ($0, .emergencyVisit()) }
        for (offset, kind) in events.sorted(by: { $0.0 < $1.0 }) {
            try workspace.record(kind, on: caseID, at: day + .days(offset))
        }
    }

    /// The rules of the step-up triggers the huddle lists as outstanding at the end of the week ending `day`.
    static func outstandingTriggers(weekEnding day: Instant, in service: ServiceFixture) throws -> [String] {
        var request = DashboardRequest()
        request.week = day
        return try service.workspace.dashboard(request, registry: service.registry).week.outstanding.map(\.ruleID)
    }

    /// A live service with raj (clinical lead) logged in.
    static func liveLead() throws -> ServiceFixture {
        let service = try UseCaseTests.liveService()
        try service.workspace.login("raj")
        return service
    }

    @Test func aChangeIsOneAuditedVersionThatANewSessionReadsBack() throws {
        let service = try Self.liveLead()
        let change = try service.expectOneEntry("configure", by: "raj") {
            try $0.configure(
                [("tier-3.slots", "10"), ("step-up-window", "14d")], reason: "second psychiatrist", by: Self.lead,
                registry: service.registry)
        }
        #expect(change.version == 1 && change.effective == ServiceFixture.now)
        let pathway = try #require(service.workspace.engine?.pathway)
        #expect(pathway.configurationVersion == 1)
        #expect(pathway.tier("tier-3")?.capacity.standardSlots == 10)
        #expect(pathway.parameters.first { $0.id == "step-up-window" }?.value == .span(.days(14)))
        let entry = try #require(try service.entries().last)
        #expect(entry.detail.contains("configuration v1") && entry.detail.contains("tier-3.slots=10"))
        #expect(try service.store.verify(anchor: nil).isIntact)

        let second = try service.workspace.configure(
            [("tier-3.rapid-access-slots", "3")], reason: "crisis beds", by: Self.lead, registry: service.registry)
        #expect(second.version == 2)

        let reopened = try Workspace(
            pathway: try service.registry.pathway("community-stepped-care"), now: ServiceFixture.now,
            store: service.store, context: .live, clock: { ServiceFixture.now })
        #expect(reopened.configurationHistory == [change, second])
        #expect(reopened.configuration.version == 2)
        let tier3 = try #require(reopened.engine?.pathway.tier("tier-3")?.capacity)
        #expect(tier3.standardSlots == 10 && tier3.rapidAccessSlots == 3)
        // Training records in the same file have their own configuration: none.
        let training = try Workspace(
            pathway: try service.registry.pathway("community-stepped-care"), now: ServiceFixture.now,
            store: service.store, context: .training)
        #expect(training.configuration.version == 0)
        #expect(training.engine?.pathway.tier("tier-3")?.capacity.standardSlots == 8)
    }

    /// Two crisis contacts and an ED visit 20 days apart trigger the default 30-day step-up. With the window set
    /// to 14 days, that step-up stands (it fired under the defaults, and says so) until acted on, in this session
    /// and in a new one; the same pattern after the change fires nothing.
    @Test func theEngineRunsOnTheConfigurationInForceWhenEachEventHappened() throws {
        let service = try ServiceFixture(context: .training)
        let workspace = service.workspace
        let start = ServiceFixture.now
        func crises(_ caseID: String, from day: Instant) throws {
            try Self.tier1Case(caseID, from: day, crises: [1, 11], edVisits: [21], in: service)
        }
        func stepUps(_ workspace: Workspace, _ caseID: String) throws -> [Recommendation] {
            try #require(workspace.monitor(caseID)).recommendations(asOf: workspace.now).filter {
                $0.ruleID == "crisis-step-up"
            }
        }
        try crises("C001", from: start)
        try workspace.setClock(to: start + .days(21))
        #expect(try stepUps(workspace, "C001").map(\.configurationVersion) == [0])
        try workspace.configure(
            [("step-up-window", "14d")], reason: "crises cluster within a fortnight", by: Self.lead,
            registry: service.registry)
        #expect(try stepUps(workspace, "C001").map(\.configurationVersion) == [0], "what fired stands")
        #expect(
            workspace.engine?.pathway.allRules.first { $0.id == "crisis-step-up" }?.title.contains("14 days") == true)

        try crises("C002", from: start + .days(22))
        try workspace.setClock(to: start + .days(43))
        #expect(try stepUps(workspace, "C002").isEmpty, "20 days apart is outside the 14-day window")
        #expect(try stepUps(workspace, "C001").map(\.configurationVersion) == [0])

        let reopened = try Workspace(
            pathway: try service.registry.pathway("community-stepped-care"), now: start + .days(43),
            store: service.store, context: .training)
        #expect(try stepUps(reopened, "C001") == stepUps(workspace, "C001"), "a new session reads the same")
        #expect(try stepUps(reopened, "C002").isEmpty)
    }

    /// A moment before a change is read under the configuration in force then: `evaluate --at`, the worklist
    /// and the huddle's past weeks name that version and find what it found, not what today's would.
    @Test func aPastMomentIsReadUnderTheConfigurationInForceThen() throws {
        let service = try ServiceFixture(context: .training)
        let workspace = service.workspace
        let start = ServiceFixture.now
        try Self.tier1Case("C001", from: start, crises: [1, 11], edVisits: [21], in: service)
        try workspace.setClock(to: start + .days(25))
        try workspace.configure(
            [("step-up-window", "14d")], reason: "crises cluster within a fortnight", by: Self.lead,
            registry: service.registry)
        try workspace.record(.contact(attended: true), on: "C001", at: start + .days(30))
        try workspace.setClock(to: start + .days(40))

        let then = start + .days(22)
        #expect(workspace.engine(inForceAt: then)?.pathway.configurationVersion == 0)
        #expect(workspace.engine(inForceAt: workspace.now)?.pathway.configurationVersion == 1)
        // Today's configuration alone would find nothing then: the crises are 20 days apart.
        let today = try #require(workspace.engine)
        let timeline = try #require(workspace.caseload.cases["C001"])
        #expect(
            !CaseMonitor(engine: today, timeline: timeline, asOf: then).recommendations(asOf: then).contains {
                $0.ruleID == "crisis-step-up"
            })
        let past = try #require(workspace.monitor("C001", asOf: then)).evaluation(asOf: then)
        let stepUp = try #require(past.recommendations.first { $0.ruleID == "crisis-step-up" })
        #expect(stepUp.configurationVersion == 0)
        #expect(try workspace.worklist(asOf: then).contains { $0.ruleID == "crisis-step-up" })

        #expect(try Self.outstandingTriggers(weekEnding: start + .days(23), in: service) == ["crisis-step-up"])
    }

    /// Widening a window can make a rule hold over what is already recorded: it fires when the change takes
    /// effect, with its deadline from then, names the new version, and stands until acted on, in this session,
    /// a new one, a past moment after the change and the huddle; before the change nothing is outstanding.
    @Test func aWidenedWindowFiresWhenTheChangeTakesEffectAndStands() throws {
        let service = try ServiceFixture(context: .training)
        let workspace = service.workspace
        let start = ServiceFixture.now
        try Self.tier1Case("C001", from: start, crises: [1, 9], edVisits: [44], in: service)
        func stepUps(_ workspace: Workspace, asOf moment: Instant) throws -> [Recommendation] {
            try #require(workspace.monitor("C001", asOf: moment)).recommendations(asOf: moment).filter {
                $0.ruleID == "crisis-step-up"
            }
        }
        let change = start + .days(49)
        try workspace.setClock(to: change)
        #expect(try stepUps(workspace, asOf: change).isEmpty, "35 days apart: outside the 30-day window")
        try workspace.configure(
            [("step-up-window", "60d")], reason: "crises here are weeks apart", by: Self.lead,
            registry: service.registry)
        let fired = try #require(try stepUps(workspace, asOf: change).first)
        #expect(fired.firedAt == change && fired.configurationVersion == 1)
        #expect(fired.deadline == change + .days(7), "the full deadline, from the change")
        #expect(fired.trace.last?.contains("took effect") == true)
        // Sixty days after the first crisis the widened window no longer covers it: the step-up still stands.
        try workspace.setClock(to: start + .days(70))
        #expect(try stepUps(workspace, asOf: workspace.now).map(\.firedAt) == [change])
        let reopened = try Workspace(
            pathway: try service.registry.pathway("community-stepped-care"), now: workspace.now,
            store: service.store, context: .training)
        #expect(try stepUps(reopened, asOf: reopened.now).map(\.firedAt) == [change])
        #expect(try stepUps(workspace, asOf: start + .days(48)).isEmpty, "before the change, nothing")
        #expect(try Self.outstandingTriggers(weekEnding: start + .days(70), in: service) == ["crisis-step-up"])
    }

    /// A week's occupancy is taken against the slots it had: Tier 3's eight ordinary slots full (and two
    /// rapid-access slots kept free) read the same for that week after thirty slots are configured later.
    @Test func aPastWeeksOccupancyIsAgainstTheSlotsItHad() throws {
        let service = try ServiceFixture(context: .training)
        let workspace = service.workspace
        let start = ServiceFixture.now
        let lee = Actor(name: "lee", role: .supervisor)
        for number in 1...10 {
            let id = "C\(number)"
            try workspace.openCase(id, referred: start)
            try workspace.record(try service.phq9([3, 3, 3, 3, 3, 2, 2, 2, 0]), on: id, at: start)
            try workspace.decide(MoveRequest(.place, tier: "tier-3", by: lee, at: start), on: id)
        }
        var request = DashboardRequest()
        request.week = start + .days(7)
        try workspace.setClock(to: start + .days(8))
        let before = try workspace.dashboard(request, registry: service.registry).week.value("tier-3.occupancy")
        #expect(before >= 70, "eight ordinary slots full of ten: \(before)")
        try workspace.setClock(to: start + .days(14))
        try workspace.configure(
            [("tier-3.slots", "30")], reason: "new team", by: Self.lead, registry: service.registry)
        let after = try workspace.dashboard(request, registry: service.registry).week.value("tier-3.occupancy")
        #expect(after == before, "the week had 10 slots, not 32: \(after)")
    }

    /// A training clock set back behind its records cannot slip a change in under them.
    @Test func aChangeNeverTakesEffectBeforeTheRecords() throws {
        let service = try ServiceFixture(context: .training)
        let workspace = service.workspace
        let start = ServiceFixture.now
        try workspace.openCase("C001", referred: start + .days(10))
        try workspace.setClock(to: start + .days(2))
        #expect {
            try workspace.configure(
                [("step-up-crisis-contacts", "3")], reason: "x", by: Self.lead, registry: service.registry)
        } throws: { error in
            (error as? StepCareError)?.field == "effective"
                && (error as? StepCareError)?.message.contains("records are dated up to") == true
        }
        #expect(workspace.configurationHistory.isEmpty)
    }

    @Test func aFutureChangeAndASurgeTakeEffectAndEndOnTheirDates() throws {
        let service = try ServiceFixture(context: .training)
        let workspace = service.workspace
        let start = ServiceFixture.now
        func slots() -> Int? { workspace.engine?.pathway.tier("tier-3")?.capacity.standardSlots }
        try workspace.configure(
            [("tier-3.slots", "12")], effective: start + .days(7), reason: "new team from next week", by: Self.lead,
            registry: service.registry)
        try workspace.configure(
            [("tier-3.surge", "2")], until: start + .days(3), reason: "winter pressure", by: Self.lead,
            registry: service.registry)
        #expect(slots() == 10 && workspace.configuration.version == 2)
        try workspace.setClock(to: start + .days(3))
        #expect(slots() == 8, "the surge ended")
        #expect(workspace.configuration.version == 2, "a surge ending is not a new version")
        try workspace.setClock(to: start + .days(7))
        #expect(slots() == 12 && workspace.configuration.version == 2, "the change took effect on its date")
    }

    /// A service may require more before a decision (a safety plan before a step-up to Tier 3), never less than
    /// the pathway's checks demand (a step-down always needs a stability plan).
    @Test func aServiceSetsTheDocumentationADecisionNeeds() throws {
        let service = try ServiceFixture(context: .training)
        let workspace = service.workspace
        let clinician = Actor(name: "ana", role: .clinician)
        let supervisor = Actor(name: "lee", role: .supervisor)
        try workspace.configure(
            [("step-up.to-tier-3.documentation", "structured-review,supervisor-consult,safety-plan")],
            reason: "a safety plan before Tier 3", by: Self.lead, registry: service.registry)
        try workspace.openCase("C001")
        try workspace.record(try service.phq9([1, 1, 1, 1, 1, 1, 1, 1, 0]), on: "C001")
        try workspace.decide(MoveRequest(.place, tier: "tier-1", by: clinician, at: workspace.now), on: "C001")
        try workspace.record(.review(.structured, by: clinician), on: "C001")
        try workspace.record(.review(.supervisor, by: supervisor), on: "C001")
        let stepUp = MoveRequest(.stepUp, tier: "tier-3", by: clinician, coSigner: supervisor, at: workspace.now)
        do {
            try workspace.decide(stepUp, on: "C001")
            Issue.record("a step-up to Tier 3 without the safety plan the service requires was accepted")
        } catch {
            #expect(error.message.contains("safety-plan"), "\(error.message)")
        }
        try workspace.record(.plan(.safety(summary: "crisis line, remove means")), on: "C001")
        #expect(
            try workspace.decide(stepUp, on: "C001").timeline.events.last.map { "\($0.kind)" }?.contains("tier-3")
                == true)
        #expect(workspace.configurationHistory.last?.settings.first?.name == "step-up.to-tier-3.documentation")

        #expect(throws: StepCareError.self, "a step-down must keep its stability plan") {
            try workspace.configure(
                [("step-down.documentation", "structured-review")], reason: "quicker", by: Self.lead,
                registry: service.registry)
        }
    }

    @Test func aBadChangeIsRefusedNamingTheSettingAndNothingIsStored() throws {
        let service = try Self.liveLead()
        let registry = service.registry
        func attempt(
            _ settings: [(String, String)], reason: String = "a reason", until: Instant? = nil,
            effective: Instant? = nil, by actor: Actor = Self.lead
        ) -> StepCareError? {
            service.expectRefusal { workspace in
                try workspace.configure(
                    settings.map { (name: $0.0, value: $0.1) }, until: until, effective: effective, reason: reason,
                    by: actor, registry: registry)
            }?.stepCare
        }
        let cases: [(StepCareError?, StepCareError.Code, String?)] = [
            (attempt([("tier-3.slots", "-1")]), .invalidSetting, "tier-3.slots"),
            (attempt([("tier-3.slots", "10001")]), .invalidSetting, "tier-3.slots"),
            (attempt([("step-up-window", "0d")]), .invalidSetting, "step-up-window"),
            (attempt([("step-up-window", "14")]), .invalidSetting, "step-up-window"),
            (attempt([("step-up-crisis-contacts", "0")]), .invalidSetting, "step-up-crisis-contacts"),
            (attempt([("engagement-attendance", "101%")]), .invalidSetting, "engagement-attendance"),
            (attempt([("phq9-caseness", "40")]), .invalidSetting, "phq9-caseness"),
            (attempt([("phq9-reliable-change", "5")]), .invalidSetting, "phq9-reliable-change"),
            (attempt([("exclusion-audit", "0")]), .invalidSetting, "exclusion-audit"),
            (attempt([("tier-2-phq9", "22")]), .invalidSetting, "tier-2-phq9"),
            (attempt([("no-such-threshold", "3")]), .invalidSetting, "no-such-threshold"),
            (attempt([("tier-9.slots", "3")]), .invalidSetting, "tier-9.slots"),
            (attempt([("tier-3.beds", "3")]), .invalidSetting, "tier-3.beds"),
            (attempt([("teleport.documentation", "reason")]), .invalidSetting, "teleport.documentation"),
            (attempt([("place.to-tier-9.documentation", "reason")]), .invalidSetting, "place.to-tier-9.documentation"),
            (attempt([("place.documentation", "hope")]), .invalidSetting, "place.documentation"),
            (attempt([("tier-3.surge", "2")]), .invalidSetting, "tier-3.surge"),
            (
                attempt([("tier-3.surge", "2")], until: ServiceFixture.now - .days(1)), .invalidSetting,
                "tier-3.surge"
            ),
            (attempt([("tier-3.slots", "9"), ("tier-3.slots", "10")]), .invalidSetting, "tier-3.slots"),
            (attempt([]), .missingArgument, "settings"),
            (attempt([("tier-3.slots", "10")], reason: "  "), .missingArgument, "reason"),
            (
                attempt([("tier-3.slots", "10")], effective: ServiceFixture.now - .days(1)), .invalidOption,
                "effective"
            ),
            (attempt([("tier-3.slots", "10")], by: Actor(name: "ana", role: .clinician)), .notAuthorised, "as"),
        ]
        for (error, code, field) in cases {
            #expect(error?.code == code && error?.field == field, "\(String(describing: error))")
        }
        #expect(service.workspace.configurationHistory.isEmpty)
        #expect(service.workspace.configuration.version == 0)
    }
}

/// A sandbox of one case: the same configuration, its own clock, and nothing written back.
@Suite struct SandboxUseCaseTests {
    @Test func aSandboxRunsOnTheSameConfigurationAndWritesNothingBack() throws {
        let service = try ConfigurationUseCaseTests.liveLead()
        let workspace = service.workspace
        try workspace.configure(
            [("step-up-window", "14d")], reason: "crises cluster within a fortnight",
            by: ConfigurationUseCaseTests.lead, registry: service.registry)
        let before = try service.store.records(.live, cases: nil)
        let entries = try service.entries().count
        let sandbox = try workspace.sandbox("C001")
        #expect(try service.entries().count == entries + 1, "copying a live case is an audited read")
        #expect(try service.entries().last?.action == "read sandbox")
        #expect(sandbox.engine?.pathway.configurationVersion == 1)
        #expect(sandbox.currentCase == "C001" && sandbox.context == .training)
        try sandbox.setClock(to: ServiceFixture.now + .days(3))
        try sandbox.record(.crisisContact(), on: "C001")
        try sandbox.record(.emergencyVisit(), on: "C001")
        #expect(sandbox.caseload.cases["C001"]?.events.count == 3)
        #expect(try service.store.records(.live, cases: nil) == before, "nothing reached the caseload")
        #expect(try service.entries().count == entries + 1)
        #expect(workspace.caseload.cases["C001"]?.events.count == 1)
    }
}
