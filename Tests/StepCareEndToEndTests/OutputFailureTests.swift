import Foundation
import Testing

/// Every file the program writes is written whole or not at all: on a full disk (every `write` failing with
/// ENOSPC, injected into the real binary by strace) each command fails with the I/O exit status, leaves no
/// partial or temporary file and the old file unchanged, and audits no disclosure that did not happen. Output
/// paths that are symbolic links, in missing folders, or (for exports) already present are refused, and a
/// replaced file is private.
@Suite struct OutputFailureTests {
    static let strace = "/usr/bin/strace"

    /// A folder with a caseload holding one case.
    static func prepared() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        let setup = try Binary.run(
            ["--db", "db.sqlite"], stdin: "case new C001\nrecord crisis\n", directory: folder.url)
        #expect(setup.status == 0, "\(setup.stderr)")
        try "client_id,date,item1,item2,item3,item4,item5,item6,item7,item8,item9\nC1,2026-01-05,1,1,1,1,1,1,1,1,1\n"
            .write(to: folder.url.appendingPathComponent("scores.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    /// Runs the binary under strace with every `write` failing as on a full disk; returns the exit status and
    /// how many writes were failed.
    static func runOnFullDisk(
        _ arguments: [String], stdin: String, in folder: URL
    ) throws -> (status: Int32, injected: Int) {
        guard FileManager.default.isExecutableFile(atPath: strace) else {
            throw SetupProblem("strace is missing: run scripts/install-deps --tests")
        }
        let log = folder.appendingPathComponent("strace.log")
        let input = folder.appendingPathComponent("stdin.txt")
        try stdin.write(to: input, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: strace)
        process.arguments =
            ["-f", "-o", log.path, "-e", "trace=write", "-e", "inject=write:error=ENOSPC", Binary.path] + arguments
        process.currentDirectoryURL = folder
        process.environment = ["HOME": folder.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "STEPCARE_HISTORY": ""]
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let trace = try String(contentsOf: log, encoding: .utf8)
        try FileManager.default.removeItem(at: log)
        try FileManager.default.removeItem(at: input)
        return (process.terminationStatus, trace.components(separatedBy: "INJECTED").count - 1)
    }

    static func files(in folder: URL) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
    }

    /// Each writing command, the file it writes, and whether that file may already exist.
    static let writers: [(name: String, arguments: [String], stdin: String, file: String, replaces: Bool)] = [
        ("export --to", ["--db", "db.sqlite"], "export --to out.jsonl\n", "out.jsonl", false),
        ("dashboard --html (REPL)", ["--db", "db.sqlite"], "dashboard --html out.html\n", "out.html", true),
        ("stepcare dashboard --html", ["dashboard", "--db", "db.sqlite", "--html", "out.html"], "", "out.html", true),
        (
            "score --batch --output",
            ["score", "--batch", "scores.csv", "--instrument", "phq9", "--output", "out.csv"],
            "", "out.csv", true
        ),
    ]

    @Test(arguments: writers.map(\.name))
    func aFullDiskLeavesNoFileAndAuditsNothing(name: String) throws {
        let writer = try #require(Self.writers.first { $0.name == name })
        let folder = try Self.prepared()
        let target = folder.url.appendingPathComponent(writer.file)
        if writer.replaces { try "the old report\n".write(to: target, atomically: true, encoding: .utf8) }
        let before = try Self.files(in: folder.url)
        let run = try Self.runOnFullDisk(writer.arguments, stdin: writer.stdin, in: folder.url)
        #expect(run.injected > 0, "no write was failed, so nothing was tested")
        #expect(run.status == 5, "a failed write must exit with the I/O status, not \(run.status)")
        #expect(try Self.files(in: folder.url) == before, "a partial or temporary file was left behind")
        if writer.replaces {
            #expect(try String(contentsOf: target, encoding: .utf8) == "the old report\n", "the old file changed")
        }
        let audit = try Binary.run(["--db", "db.sqlite"], stdin: "audit show --action export\n", directory: folder.url)
        #expect(audit.status == 0)
        #expect(!audit.stdout.contains("export"), "a failed export was audited as a disclosure: \(audit.stdout)")
        let verify = try Binary.run(["--db", "db.sqlite"], stdin: "audit verify\n", directory: folder.url)
        #expect(verify.stdout.hasPrefix("audit log intact"), "\(verify.stdout)\(verify.stderr)")
    }

    @Test(arguments: [
        ["score", "phq9", "1", "1", "1", "1", "1", "1", "1", "1", "1"],
        ["score", "--batch", "scores.csv", "--instrument", "phq9"],
        ["--db", "db.sqlite"],
    ])
    func aFullStandardOutputIsAnError(arguments: [String]) throws {
        let folder = try Self.prepared()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = arguments
        process.currentDirectoryURL = folder.url
        process.environment = ["HOME": folder.url.path, "PATH": "/usr/bin:/bin", "STEPCARE_HISTORY": ""]
        let input = folder.url.appendingPathComponent("stdin.txt")
        try "export\nstatus\n".write(to: input, atomically: true, encoding: .utf8)
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 5, "\(message)")
        #expect(message.contains("No space left on device"), "\(message)")
    }

    @Test func unsafeOrMistakenOutputPathsAreRefusedByName() throws {
        let folder = try Self.prepared()
        try "x".write(to: folder.url.appendingPathComponent("taken.jsonl"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: folder.url.path + "/link.html", withDestinationPath: "/tmp/x")
        let cases: [(String, String)] = [
            ("export --to taken.jsonl\n", "already exists"),
            ("export --to link.jsonl\n", "symbolic link"),
            ("dashboard --html link.html\n", "symbolic link"),
            ("export --to missing/out.jsonl\n", "does not exist"),
        ]
        try FileManager.default.createSymbolicLink(
            atPath: folder.url.path + "/link.jsonl", withDestinationPath: folder.url.path + "/elsewhere.jsonl")
        for (line, message) in cases {
            let run = try Binary.run(["--db", "db.sqlite"], stdin: line, directory: folder.url)
            #expect(run.status == 1, "\(line): \(run.status)")
            #expect(run.stderr.contains(message), "\(line): \(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.url.path + "/elsewhere.jsonl"))
        let audit = try Binary.run(["--db", "db.sqlite"], stdin: "audit show --action export\n", directory: folder.url)
        #expect(!audit.stdout.contains("export"), "a refused export was audited")
    }

    @Test func aReplacedOutputFileIsPrivate() throws {
        let folder = try Self.prepared()
        for (arguments, stdin, file) in [
            (["--db", "db.sqlite"], "dashboard --html out.html\n", "out.html"),
            (["score", "--batch", "scores.csv", "--instrument", "phq9", "--output", "out.csv"], "", "out.csv"),
        ] {
            let path = folder.url.path + "/" + file
            try "old".write(toFile: path, atomically: true, encoding: .utf8)
            chmod(path, 0o644)
            let run = try Binary.run(arguments, stdin: stdin, directory: folder.url)
            #expect(run.status == 0, "\(run.stderr)")
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(file) has mode \(String(mode ?? 0, radix: 8))")
            #expect(try String(contentsOfFile: path, encoding: .utf8) != "old")
        }
    }

    @Test func aDatabaseInAMissingFolderIsRefusedUnlessAsked() throws {
        let folder = try TemporaryDirectory()
        let refused = try Binary.run(["--db", "typo/db.sqlite"], stdin: "status\n", directory: folder.url)
        #expect(refused.status == 5)
        #expect(refused.stderr.contains("does not exist"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.url.path + "/typo"))
        let created = try Binary.run(
            ["--db", "typo/db.sqlite", "--create-folder"], stdin: "status\n", directory: folder.url)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.url.path + "/typo/db.sqlite"))
    }
}

struct SetupProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
