import Foundation
import StepCareCore
import StepCareEngine
import StepCareEngineReference
import StepCareRecord
import StepCareRegistry
import StepCareStore
import StepCareTesting
import Testing

/// Loading a caseload reads events straight from SQLite's statement in one scan (`EventRows`); exporting
/// reads them through GRDB rows, one query per case or one scan. The two paths must give the same timelines,
/// over a seeded random corpus with every kind of event, two contexts interleaved row by row.
@Suite struct LoadAgreementTests {
    @Test func theLoadAndTheExportReadTheSameTimelines() throws {
        let folder = try ScratchFolder()
        let store = try SQLiteCaseloadStore(.file(folder.path + "/load.sqlite"), clock: { 1_790_000_000 })
        let registry = try Registry.builtIn()
        let pathway = try registry.pathway("community-stepped-care")
        let generator = RandomTimelines(pathway: pathway, instruments: registry.instruments)
        var random = SplitMix64(seed: 20_261_206)
        var timelines: [RecordContext: [CaseTimeline]] = [:]
        for index in 0..<1_500 {
            let context: RecordContext = index % 3 == 0 ? .simulation : .training
            var timeline = generator.timeline(
                "C\(index)", start: Instant(minutes: 29_453_760), maximumEvents: 40, random: &random)
            guard !timeline.events.isEmpty else { continue }
            timeline.demographics = index % 2 == 0 ? ["age-band": "25-34"] : [:]
            timelines[context, default: []].append(timeline)
        }
        var sequence: Int64 = 0
        for (context, cases) in timelines.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            var opening = StoreChange()
            opening.openedCases = cases.map {
                .init(id: $0.caseID, pathway: pathway.id, demographics: $0.demographics)
            }
            sequence = try store.commit(opening, audit: draft(), context: context, after: sequence).sequence
        }
        // The k-th event of every case in one commit, the two contexts alternating: rows interleave.
        for round in 0..<40 {
            for (context, cases) in timelines.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                var change = StoreChange()
                change.events = cases.compactMap { timeline in
                    timeline.events.indices.contains(round) ? (timeline.caseID, timeline.events[round]) : nil
                }
                guard !change.events.isEmpty else { continue }
                sequence = try store.commit(change, audit: draft(), context: context, after: sequence).sequence
            }
        }
        for (context, cases) in timelines {
            let loaded = try store.load(context, tiers: pathway.tiers.map(\.id)).caseload
            let exported = try store.records(context, cases: nil)
            #expect(loaded.order == cases.map(\.caseID))
            #expect(exported.map(\.id) == cases.map(\.caseID))
            for (timeline, record) in zip(cases, exported) {
                #expect(loaded.cases[timeline.caseID]?.events == timeline.events, "\(timeline.caseID) loaded")
                #expect(record.events.map(\.event) == timeline.events, "\(timeline.caseID) exported")
                #expect(loaded.cases[timeline.caseID]?.demographics == timeline.demographics)
            }
            // A few cases asked for by id take the indexed path, and agree with the scan.
            let few = Array(cases.map(\.caseID).shuffled(using: &random).prefix(7))
            let asked = try store.records(context, cases: few)
            #expect(Set(asked.map(\.id)) == Set(few))
            for record in asked {
                #expect(record == exported.first { $0.id == record.id }, "\(record.id) by id")
            }
        }
    }

    private func draft() -> AuditDraft {
        AuditDraft(user: "stepcare", role: "system", client: nil, action: "load test", detail: "")
    }
}
