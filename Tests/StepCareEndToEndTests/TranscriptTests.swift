import Foundation
import Testing

/// Every `Transcripts/NAME.stepcare` is piped into the real binary; its standard output, standard error and
/// exit status must equal `Transcripts/NAME.transcript`. Re-record with `STEPCARE_RECORD=1 swift test`.
@Suite struct TranscriptTests {
    static let folder = Binary.root.appendingPathComponent("Tests/StepCareEndToEndTests/Transcripts")

    static let scripts: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".stepcare") }.map { String($0.dropLast(".stepcare".count)) }.sorted()
    }()

    @Test func thereAreTranscripts() {
        #expect(Self.scripts.count >= 10)
    }

    @Test(arguments: scripts)
    func pipedScriptMatchesItsTranscript(name: String) throws {
        let script = Self.folder.appendingPathComponent("\(name).stepcare")
        let expectedURL = Self.folder.appendingPathComponent("\(name).transcript")
        let result = try Binary.run([], stdinFile: script)
        if ProcessInfo.processInfo.environment["STEPCARE_RECORD"] == "1" {
            try result.transcript.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(result.transcript == expected)
    }
}
