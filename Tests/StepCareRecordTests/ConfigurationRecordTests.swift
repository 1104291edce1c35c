import Foundation
import StepCareCore
import StepCareRecord
import Testing

/// A configuration change's settings as stored: pinned byte for byte by a golden file, read back exactly, and
/// read strictly (an unknown kind or field, a missing field, a wrong type is refused with the field named).
@Suite struct ConfigurationRecordTests {
    /// One setting of every kind.
    static let settings: [ConfigurationSetting] = [
        .parameter(id: "step-up-crisis-contacts", .count(3)),
        .parameter(id: "phq9-caseness", .score(10)),
        .parameter(id: "engagement-attendance", .percent(80)),
        .parameter(id: "step-up-window", .span(.days(14))),
        .slots(tier: "tier-3", 10),
        .rapidAccessSlots(tier: "tier-3", 3),
        .surge(tier: "tier-2", slots: 4, until: Instant(year: 2027, month: 3, day: 1) ?? Instant(minutes: 0)),
        .documentation(action: .stepUp, tier: "tier-3", [.structuredReview, .supervisorConsult, .safetyPlan]),
        .documentation(action: .place, tier: nil, []),
        .recordWindow(.backdateLimit, .days(14)),
        .recordWindow(.clockSkew, TimeSpan(minutes: 2)),
    ]

    @Test func everySettingKindMatchesTheGoldenFileAndReadsBack() throws {
        let json = ConfigurationRecord.json(Self.settings)
        try RecordFormatTests().compare(json, golden: "configuration-settings.json")
        #expect(try ConfigurationRecord.settings(json) == Self.settings)
    }

    @Test(arguments: [
        (#"{}"#, ""),
        (#"[{"kind":"slots","tier":"tier-3"}]"#, "/0/value"),
        (#"[{"kind":"slots","tier":"tier-3","value":"10"}]"#, "/0/value"),
        (#"[{"kind":"slots","tier":"tier-3","value":10,"extra":1}]"#, "/0/extra"),
        (#"[{"kind":"bogus","tier":"tier-3","value":10}]"#, "/0/kind"),
        (#"[{"kind":"span","parameter":"step-up-window","value":14}]"#, "/0/minutes"),
        (#"[{"kind":"surge","tier":"tier-3","value":2,"until":"2027-03-01"}]"#, "/0/until"),
        (#"[{"kind":"count","parameter":"no-shows","value":2},3]"#, "/1"),
        (#"[{"kind":"documentation","action":"teleport","documentation":[]}]"#, "/0/action"),
        (#"[{"kind":"documentation","action":"place","documentation":["hope"]}]"#, "/0/documentation/0"),
        (#"[{"kind":"record-window","bound":"records.forever","minutes":5}]"#, "/0/bound"),
        (#"[{"kind":"record-window","bound":"records.clock-skew"}]"#, "/0/minutes"),
    ])
    func aMalformedRecordIsRefusedNamingTheField(json: String, field: String) {
        #expect(throws: SchemaError.self) { try ConfigurationRecord.settings(json) }
        do {
            _ = try ConfigurationRecord.settings(json)
        } catch {
            #expect(error.field == field, "\(json): \(error)")
        }
    }
}
