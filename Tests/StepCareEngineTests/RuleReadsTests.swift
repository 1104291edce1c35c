import StepCareCore
import StepCareEngineReference
import StepCareTesting
import Testing

@testable import StepCareEngine

/// A rule's check is skipped after events it does not read (``EventReads``), so what it reads must cover every
/// event that can act on its recommendation. (That it covers what its condition reads is shown by
/// `DifferentialTests`, which fail when a condition's reads are left out.)
@Suite struct RuleReadsTests {
    @Test(arguments: ["community-stepped-care", "talking-therapies"])
    func everyEventThatResolvesARuleIsReadByIt(pathwayID: String) throws {
        let pathway = try CaseFixture.registry.pathway(pathwayID)
        let engine = Engine(pathway: pathway)
        let generator = RandomTimelines(
            pathway: pathway, instruments: try ["phq9", "gad7", "wsas"].map { try CaseFixture.registry.instrument($0) })
        var random = SplitMix64(seed: 0x2EAD)
        var resolving = 0
        for number in 0..<2_000 {
            let timeline = generator.timeline(
                "C\(number)", start: CaseFixture.start, maximumEvents: 24, random: &random)
            for event in timeline.events {
                for (index, rule) in engine.compiled.checks.enumerated()
                where engine.resolves(event.kind, rule.recommendation) {
                    resolving += 1
                    #expect(
                        engine.compiled.reads[index].isSuperset(of: EventReads(event.kind)),
                        "rule \(engine.compiled.rules[index].id) is resolved by \(event.kind) but does not read it")
                }
            }
        }
        #expect(resolving > 1_000)
    }
}
