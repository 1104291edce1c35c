import Foundation
import StepCareConsole
import StepCareCore
import StepCareReports
import StepCareService
import StepCareTesting
import Testing

@testable import StepCareFuzzing

/// Replays the fuzz corpus and every input that once failed (Fuzz/regressions) through the same checks
/// libFuzzer runs, so a fixed fault stays fixed in the ordinary test run.
@Suite struct FuzzCorpusTests {
    static let root = String(#filePath.split(separator: "/Tests/").first ?? "")

    static func inputs(_ folder: String, _ target: FuzzTarget) -> [(name: String, bytes: [UInt8])] {
        let directory = "\(root)/Fuzz/\(folder)/\(target.rawValue)"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().compactMap { name in
            FileManager.default.contents(atPath: "\(directory)/\(name)").map { (name, Array($0)) }
        }
    }

    @Test(arguments: FuzzTarget.allCases) func theKeptCorpusPassesItsChecks(target: FuzzTarget) {
        let corpus = Self.inputs("corpus", target)
        #expect(!corpus.isEmpty, "Fuzz/corpus/\(target.rawValue) has no seeds")
        for input in corpus { target.check(Array(input.bytes.prefix(target.largestInput))) }
    }

    @Test(arguments: FuzzTarget.allCases) func everyInputThatOnceFailedNowPasses(target: FuzzTarget) {
        for input in Self.inputs("regressions", target) { target.check(Array(input.bytes.prefix(target.largestInput))) }
    }

    /// The shared invariants can fail: an unexplained error, and a refusal that changed the records, each stop
    /// the process (which is how libFuzzer learns of them).
    @Test func aBrokenInvariantStopsTheProcess() async {
        await #expect(processExitsWith: .failure) {
            FuzzTarget.requireExplained(StepCareError(.inputTooLarge, ""), "test")
        }
        await #expect(processExitsWith: .failure) {
            let interpreter = Interpreter(registry: FuzzTarget.registry, output: StringOutput(), input: NoInput())
            try? interpreter.run(Parser.parse("case new\nrecord score phq9 2 2 2 2 1 1 1 1 0"))
            FuzzTarget.requireUnchanged(interpreter.workspace, since: 0, "test")
        }
    }

    /// Random bytes through every target, seeded, so the checks run beyond the corpus in every test run.
    @Test(arguments: FuzzTarget.allCases) func seededRandomInputs(target: FuzzTarget) {
        var random = SplitMix64(seed: 24)
        let seeds = Self.inputs("corpus", target).map(\.bytes)
        let count = target == .command ? 60 : 300
        for _ in 0..<count {
            var bytes = seeds.isEmpty ? [] : seeds[random.next(below: seeds.count)]
            // Mutate: overwrite, insert and cut a few bytes, as libFuzzer's simplest mutators do.
            for _ in 0..<(1 + random.next(below: 8)) where !bytes.isEmpty {
                let at = random.next(below: bytes.count)
                switch random.next(below: 3) {
                case 0: bytes[at] = UInt8(random.next(below: 256))
                case 1: bytes.insert(UInt8(random.next(below: 256)), at: at)
                default: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.next(below: 16)))
                }
            }
            target.check(Array(bytes.prefix(target.largestInput)))
        }
    }
}
