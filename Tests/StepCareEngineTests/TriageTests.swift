import StepCareCore
import StepCareEngine
import Testing

/// Triage from intake scores, exclusions and preference, at each entry threshold.
@Suite struct TriageTests {
    typealias F = CaseFixture

    func triage(_ events: [CaseEventKind], prefers preference: String? = nil) -> Triage? {
        var fixture = CaseFixture(prefers: preference)
        for event in events { fixture.add(0, event) }
        return fixture.evaluate(on: 0).triage
    }

    @Test(arguments: [
        (phq9: 14, tier: "tier-1"), (phq9: 15, tier: "tier-2"), (phq9: 19, tier: "tier-2"), (phq9: 20, tier: "tier-3"),
    ])
    func phq9EntryThresholds(phq9: Int, tier: String) {
        #expect(triage([F.phq9(phq9)])?.placement == tier)
    }

    @Test(arguments: [(gad7: 14, tier: "tier-1"), (gad7: 15, tier: "tier-2")])
    func gad7EntryThresholds(gad7: Int, tier: String) {
        #expect(triage([F.phq9(5), F.gad7(gad7)])?.placement == tier)
    }

    @Test(arguments: [(wsas: 20, tier: "tier-1"), (wsas: 21, tier: "tier-2")])
    func wsasEntryThresholds(wsas: Int, tier: String) {
        #expect(triage([F.phq9(5), F.wsas(wsas)])?.placement == tier)
    }

    @Test func highRiskOnTheCSSRSIndicatesTier3() {
        #expect(triage([F.phq9(5), F.score("cssrs", [1, 1, 1, 1, 1, 1, 1])])?.placement == "tier-3")
    }

    /// AUDIT 19 stays in Tier 1; 20 (WHO zone IV) routes to a specialist service, unless Tier 3 is indicated.
    @Test func alcoholDependenceRoutesElsewhereBelowTier3() throws {
        let zoneIII = F.score("audit", [4, 4, 4, 4, 3, 0, 0, 0, 0, 0])
        let zoneIV = F.score("audit", [4, 4, 4, 4, 4, 0, 0, 0, 0, 0])
        #expect(triage([F.phq9(12), zoneIII])?.placement == "tier-1")
        let routed = try #require(triage([F.phq9(12), zoneIV]))
        #expect(routed.placement == nil)
        #expect(routed.exclusions.map(\.routeTo) == ["specialist alcohol service"])
        #expect(triage([F.phq9(22), zoneIV])?.placement == "tier-3")
    }

    /// A risk review clears the flag, but a less intensive preference than indicated stays unsafe.
    @Test func aReviewedRiskFlagStillBlocksALessIntensivePreference() {
        var fixture = CaseFixture(prefers: "tier-1")
        fixture.add(0, F.score("cssrs", [1, 1, 1, 1, 1, 0, 0]))
        fixture.add(0, .review(.risk, by: F.clinician), hours: 1)
        let result = fixture.evaluate(on: 0, hours: 1).triage
        #expect(result?.indicated == "tier-3")
        #expect(result?.placement == "tier-3")
    }

    @Test func aSaferPreferenceIsHonouredAndDocumented() {
        let lower = triage([F.phq9(16)], prefers: "tier-1")
        #expect(lower?.indicated == "tier-2")
        #expect(lower?.placement == "tier-1")
        #expect(lower?.deviation != nil)
        let higher = triage([F.phq9(5)], prefers: "tier-2")
        #expect(higher?.placement == "tier-2")
    }

    @Test func aLessIntensivePreferenceIsNotHonouredWithAnOpenRiskFlag() {
        let result = triage([F.phq9(16, item9: 1)], prefers: "tier-1")
        #expect(result?.placement == "tier-2")
        #expect(result?.deviation == nil)
        #expect(result?.trace.contains { $0.contains("not honoured: a risk flag was raised") } == true)
    }
}
