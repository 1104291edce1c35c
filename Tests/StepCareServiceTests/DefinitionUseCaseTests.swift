import Foundation
import StepCareCore
import StepCareDataDefined
import StepCareEngine
import StepCareService
import StepCareStore
import Testing

/// Pathways and instruments written as data, kept in the caseload: one audited version each, read back by a
/// new session into its registry; only the clinical lead keeps them, never over a compiled module's id, and a
/// refused definition stores nothing.
@Suite struct DefinitionUseCaseTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func file(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(path)))
    }

    /// The north-locality example kept (as the clinical lead) and in use: its text, and the registry with it.
    static func keepNorthLocality(
        in service: ServiceFixture
    ) throws -> (text: String, kept: (definition: StoredDefinition, registry: Registry)) {
        let text = String(decoding: try file("Examples/pathways/north-locality.json"), as: UTF8.self)
        let kept = try service.workspace.keepDefinition(
            .pathway, json: Array(text.utf8), reason: "ours", by: ConfigurationUseCaseTests.lead,
            registry: service.registry)
        try service.workspace.use(try kept.registry.pathway("north-locality"))
        return (text, kept)
    }

    @Test func aKeptPathwayAndInstrumentAreRegisteredByTheNextSession() throws {
        let service = try ConfigurationUseCaseTests.liveLead()
        let lead = ConfigurationUseCaseTests.lead
        let pathway = try Self.file("Examples/pathways/north-locality.json")
        let kept = try service.expectOneEntry("keep pathway", by: "raj") {
            try $0.keepDefinition(
                .pathway, json: pathway, reason: "our own pathway", by: lead, registry: service.registry)
        }
        #expect(kept.definition.id == "north-locality" && kept.definition.version == 1)
        #expect(kept.registry.pathways.map(\.id).contains("north-locality"))
        let instrument = try Self.file("Examples/instruments/demo4.json")
        try service.expectOneEntry("keep instrument", by: "raj") {
            _ = try $0.keepDefinition(
                .instrument, json: instrument, reason: "pilot", by: lead, registry: kept.registry)
        }
        #expect(try service.store.verify(anchor: nil).isIntact)

        // The same file again is refused; an edited one is version 2.
        #expect(throws: StepCareError.self) {
            try service.workspace.keepDefinition(
                .pathway, json: pathway, reason: "again", by: lead, registry: kept.registry)
        }
        let edited = Array(
            String(decoding: pathway, as: UTF8.self).replacing("\"version\": 1,", with: "\"version\": 2,").utf8)
        #expect(
            try service.workspace.keepDefinition(
                .pathway, json: edited, reason: "v2", by: lead, registry: kept.registry
            ).definition.version == 2)

        let reopened = try Workspace(
            pathway: try service.registry.pathway("community-stepped-care"), now: ServiceFixture.now,
            store: service.store, context: .live, clock: { ServiceFixture.now })
        let (registry, refused) = reopened.registryWithKeptDefinitions(service.registry)
        #expect(refused.isEmpty)
        #expect(try registry.pathway("north-locality").version == 2, "the latest version is registered")
        #expect(registry.instruments.contains { $0.definition.id == "demo4" })
        #expect(!service.registry.instruments.contains { $0.definition.id == "demo4" })
        // Training records in the same file keep their own definitions: none.
        let training = try Workspace(
            pathway: try service.registry.pathway("community-stepped-care"), now: ServiceFixture.now,
            store: service.store, context: .training)
        #expect(training.registryWithKeptDefinitions(service.registry).registry.pathways.count == 2)
    }

    @Test func aRefusedDefinitionStoresNothing() throws {
        let service = try ConfigurationUseCaseTests.liveLead()
        let registry = service.registry
        let lead = ConfigurationUseCaseTests.lead
        let pathway = try Self.file("Examples/pathways/north-locality.json")
        let module = try Self.file("Examples/pathways/community-stepped-care.json")
        let cases: [(StepCareError?, StepCareError.Code)] = [
            (
                service.expectRefusal {
                    _ = try $0.keepDefinition(.pathway, json: module, reason: "x", by: lead, registry: registry)
                }?.stepCare, .invalidDefinition
            ),
            (
                service.expectRefusal {
                    _ = try $0.keepDefinition(
                        .pathway, json: pathway, reason: "x", by: Actor(name: "ana", role: .clinician),
                        registry: registry)
                }?.stepCare, .notAuthorised
            ),
            (
                service.expectRefusal {
                    _ = try $0.keepDefinition(.pathway, json: pathway, reason: " ", by: lead, registry: registry)
                }?.stepCare, .missingArgument
            ),
            (
                service.expectRefusal {
                    _ = try $0.keepDefinition(
                        .pathway, json: Array("{\"format\":\"stepcare-pathway/1\"}".utf8), reason: "x", by: lead,
                        registry: registry)
                }?.stepCare, .invalidDefinition
            ),
        ]
        for (error, code) in cases { #expect(error?.code == code, "\(String(describing: error))") }
        #expect(service.workspace.definitions.isEmpty)
    }

    /// A new version of a kept pathway must say so (a higher `version`, which every trace names) and keep every
    /// tier an open case is in; a changed instrument must name a new edition.
    @Test func aNewVersionRaisesItsVersionAndStrandsNoCase() throws {
        let service = try ServiceFixture(context: .training)
        let workspace = service.workspace
        let lead = ConfigurationUseCaseTests.lead
        let (text, kept) = try Self.keepNorthLocality(in: service)
        try workspace.openCase("C001")
        try workspace.record(try service.phq9([3, 3, 3, 3, 3, 3, 3, 3, 0]), on: "C001")
        try workspace.decide(
            MoveRequest(.place, by: Actor(name: "pat", role: .psychiatrist), at: workspace.now), on: "C001")
        func keep(_ body: String) -> StepCareError? {
            do {
                _ = try workspace.keepDefinition(
                    .pathway, json: Array(body.utf8), reason: "next", by: lead, registry: kept.registry)
                return nil
            } catch { return error }
        }
        let fewerSlots = text.replacing("\"standardSlots\": 6", with: "\"standardSlots\": 5")
        #expect(keep(fewerSlots)?.message.contains("version 1 is not above the kept v1") == true)
        let renamed = text.replacing("tier-3", with: "tier-9").replacing("\"version\": 1,", with: "\"version\": 2,")
        #expect(keep(renamed)?.message.contains("1 in tier-3") == true, "the case in tier-3 would be stranded")
        #expect(keep(fewerSlots.replacing("\"version\": 1,", with: "\"version\": 2,")) == nil)

        let instrument = String(decoding: try Self.file("Examples/instruments/demo4.json"), as: UTF8.self)
        _ = try workspace.keepDefinition(
            .instrument, json: Array(instrument.utf8), reason: "pilot", by: lead, registry: kept.registry)
        let reworded = instrument.replacing("\"title\": \"", with: "\"title\": \"Revised ")
        #expect(throws: StepCareError.self, "a changed instrument keeps its edition") {
            try workspace.keepDefinition(
                .instrument, json: Array(reworded.utf8), reason: "reworded", by: lead, registry: kept.registry)
        }
    }

    /// A new version may not drop a step-up already demanded: crises and an ED visit 19 days apart fire under
    /// the kept 21-day window; a version 2 with a 14-day window would withdraw it, and is refused naming the case.
    @Test func aNewVersionMayNotWithdrawWhatTheOldOneDemanded() throws {
        let service = try ServiceFixture(context: .training)
        let workspace = service.workspace
        let lead = ConfigurationUseCaseTests.lead
        let (text, kept) = try Self.keepNorthLocality(in: service)
        let start = workspace.now
        try ConfigurationUseCaseTests.tier1Case("C001", from: start, crises: [1, 11], edVisits: [20], in: service)
        try workspace.setClock(to: start + .days(21))
        #expect(
            try #require(workspace.monitor("C001")).recommendations(asOf: workspace.now).contains {
                $0.ruleID == "crisis-step-up"
            })
        let narrower = text.replacing("\"span\": \"21d\"", with: "\"span\": \"14d\"")
            .replacing("\"version\": 1,", with: "\"version\": 2,")
        #expect(narrower != text)
        do {
            _ = try workspace.keepDefinition(
                .pathway, json: Array(narrower.utf8), reason: "fortnight", by: lead, registry: kept.registry)
            Issue.record("a version withdrawing an outstanding step-up was kept")
        } catch {
            #expect(error.message.contains("would withdraw") && error.message.contains("C001 crisis-step-up"))
        }
        #expect(workspace.definitions.count == 1)
    }
}
