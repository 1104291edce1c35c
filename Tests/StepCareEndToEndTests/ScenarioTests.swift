import Foundation
import Testing

/// Every trainer scenario in `Examples/scenarios/` runs through the real binary (`stepcare run`, from the
/// repository root) and prints exactly its checked-in `NAME.transcript`, exiting 0.
/// Re-record with `STEPCARE_RECORD=1 swift test --filter ScenarioTests`.
@Suite struct ScenarioTests {
    static let folder = Binary.root.appendingPathComponent("Examples/scenarios")

    static let scenarios: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".stepcare") }.map { String($0.dropLast(".stepcare".count)) }.sorted()
    }()

    @Test func theTrainerScenariosAreThere() {
        for name in [
            "tier1-session-3-review", "crisis-step-up", "step-down-stability-plan", "risk-same-day-review",
            "tier3-rapid-access", "override-co-signer", "coordinator-day", "service-configuration", "control-loop",
        ] {
            #expect(Self.scenarios.contains(name), "Examples/scenarios/\(name).stepcare is missing")
        }
    }

    @Test(arguments: scenarios)
    func scenarioMatchesItsTranscript(name: String) throws {
        let result = try Binary.run(
            ["run", "--db", ":memory:", "Examples/scenarios/\(name).stepcare"], directory: Binary.root)
        let expectedURL = Self.folder.appendingPathComponent("\(name).transcript")
        let transcript = Self.maskingAuditTimes(result.transcript)
        if ProcessInfo.processInfo.environment["STEPCARE_RECORD"] == "1" {
            try transcript.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        #expect(result.status == 0, "\(name) failed: \(result.stderr)")
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(transcript == expected)
    }

    /// The transcript with the time of every audit entry `audit show` lists (`12  2026-12-07T06:06:22Z  …`, the
    /// store's real clock) replaced by `<audit time>`: the one thing in a scenario its `today` does not set.
    static func maskingAuditTimes(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard let match = line.prefixMatch(of: #/([0-9]+  )[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z  /#) else {
                return String(line)
            }
            return match.output.1 + "<audit time>  " + line[match.range.upperBound...]
        }.joined(separator: "\n")
    }
}
