import Foundation
import Testing

/// The limits of issue 24 through the real binary: each over-size input is refused with the limit named and a
/// non-zero exit, and nothing after it runs.
@Suite struct InputLimitTests {
    @Test func aPipedLineOverTheLimitStopsTheScript() throws {
        let line = "say " + String(repeating: "z", count: 20_000)
        let result = try Binary.run(["--db", ":memory:"], stdin: "say before\n\(line)\nsay after\n")
        #expect(result.status == 1)
        #expect(result.stdout.contains("# before"))
        #expect(!result.stdout.contains("after"), "nothing after the refused line runs")
        #expect(result.stderr.contains("<stdin>:2:1: error: the line is longer than 16384 characters"))
    }

    @Test func aStreamWithoutNewlinesIsReadInBoundedMemory() throws {
        // 64 MiB with no newline: read to its end and refused, never held whole.
        let scratch = try TemporaryDirectory()
        let file = scratch.url.appendingPathComponent("endless")
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 64 << 20)  // sparse: reads as zero bytes
        try handle.close()
        let result = try Binary.run(["--db", ":memory:"], stdinFile: file)
        #expect(result.status == 1)
        #expect(result.stderr.contains("the line is longer than 16384 characters"))
    }

    @Test func manyContinuationLinesMakeOneStatement() throws {
        // 8,000 continuation lines (the reproduction took tens of seconds when every line re-parsed the
        // statement; the statement is now parsed once, when its last line arrives).
        let words = (0..<8_000).map { "w\($0) \\" }.joined(separator: "\n")
        let result = try Binary.run(["--db", ":memory:"], stdin: "say \(words)\nend\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# w0 w1 w2"))
        #expect(result.stdout.contains("w7999 end"))
    }

    @Test func aStatementOverTheLimitIsRefused() throws {
        // An unclosed quote swallows every line after it, up to the statement limit.
        let filler = String(repeating: "x", count: 1_000)
        let lines = ["say \"open"] + Array(repeating: filler, count: 1_100) + ["say after"]
        let result = try Binary.run(["--db", ":memory:"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("the statement is longer than 1 MiB; none of it was run"))
        #expect(result.stderr.contains("unclosed quote"))
    }

    @Test func doublingAVariableStopsAtTheExpansionLimit() throws {
        let doubling = Array(repeating: "let x = $x $x", count: 41).joined(separator: "\n")
        let result = try Binary.run(["--db", ":memory:"], stdin: "let x = abcdefgh\n\(doubling)\nsay done\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("the statement's words expand to more than 1 MiB"))
        #expect(!result.stdout.contains("done"))
    }

    @Test func manyLargeVariablesStopAtTheSessionLimit() throws {
        // Each variable within its own 1 MiB, but 1,500 of them would hold 1.5 GB.
        let doubling = Array(repeating: "let a = \"$a$a\"", count: 17).joined(separator: "\n")
        let many = (0..<1_500).map { "let b\($0) = \"$a\"" }.joined(separator: "\n")
        let result = try Binary.run(["--db", ":memory:"], stdin: "let a = abcdefg\n\(doubling)\n\(many)\nsay done\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("the session's variables would hold more than 16 MiB"), "\(result.stderr)")
        #expect(!result.stdout.contains("done"))
    }

    @Test func aCoefficientOfVariationWhoseSquareOverflowsIsRefused() throws {
        let result = try Binary.run(
            ["--db", ":memory:"], stdin: "simulate network --dist lognormal --cv 1e155 --days 400\nsay after\n")
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("the coefficient of variation must be at most 100, not 1e+155"), "\(result.stderr)")
        #expect(!result.stdout.contains("after"))
    }

    @Test func filesThatNeverEndAreRefusedAtTheirLimit() throws {
        let scratch = try TemporaryDirectory()
        // Sparse files: as large as the limit and a little more, costing no disk.
        func sparse(_ name: String, bytes: UInt64) throws -> String {
            let path = scratch.url.appendingPathComponent(name).path
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.truncate(atOffset: bytes)
            try handle.close()
            return path
        }
        let big = try sparse("big.json", bytes: 2 << 20)
        let instrument = try Binary.run(["--db", ":memory:"], stdin: "load-instrument \(big)\n")
        #expect(instrument.status == 1)
        #expect(instrument.stderr.contains("big.json is larger than 1 MiB, the most StepCare reads from one file"))
        let long = try sparse("long.stepcare", bytes: 17 << 20)
        let script = try Binary.run(["run", long])
        #expect(script.status == 1)
        #expect(script.stderr.contains("long.stepcare is larger than 16 MiB"), "\(script.stderr)")
        // A device or a folder is not a file at all: refused before anything is read.
        for path in ["/dev/zero", "/"] {
            let refused = try Binary.run(["--db", ":memory:"], stdin: "load-instrument \(path)\n")
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("\(path) is not a regular file"), "\(refused.stderr)")
        }
        let device = try Binary.run(["run", "/dev/zero"])
        #expect(device.status == 1)
        #expect(device.stderr.contains("/dev/zero is not a regular file"))
    }
}
