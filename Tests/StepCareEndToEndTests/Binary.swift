import Foundation
import StepCareTesting

/// The real `stepcare` binary, built beside the test bundle, and ways to run it.
enum Binary {
    /// The path of the built `stepcare` executable (`STEPCARE_BINARY` overrides it).
    static let path: String = {
        if let explicit = ProcessInfo.processInfo.environment["STEPCARE_BINARY"] { return explicit }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return bundle.appendingPathComponent("stepcare").path
    }()

    /// The repository root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// What one run printed and how it ended.
    struct Result: Equatable {
        var stdout: String
        var stderr: String
        var status: Int32

        /// The transcript format checked in beside each script.
        var transcript: String { stdout + "--- stderr\n" + stderr + "--- exit \(status)\n" }
    }

    #if os(Linux)
        /// Starts the REPL on a new pseudo-terminal, with `home` as its home and history folder.
        static func terminal(home: URL, columns: UInt16 = 80) throws -> PseudoTerminalProcess {
            try PseudoTerminalProcess(
                executable: path, arguments: [],
                environment: [
                    "HOME": home.path, "TERM": "xterm", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin",
                    "XDG_STATE_HOME": home.appendingPathComponent("state").path, "SWIFT_BACKTRACE": "enable=no",
                ],
                columns: columns)
        }
    #endif

    /// Runs the binary with `arguments`, standard input read from `stdinFile` (or empty), in a scratch home,
    /// in `directory` (default: the scratch directory).
    ///
    /// - Parameters:
    ///   - environment: variables added to the scratch environment (`TZ`, `LC_ALL`, …).
    ///   - launcher: a program and its arguments that start the binary (e.g. in a mount namespace); the
    ///     binary's path and `arguments` follow them.
    static func run(
        _ arguments: [String], stdinFile: URL? = nil, stdin: String? = nil, directory: URL? = nil,
        environment: [String: String] = [:], launcher: [String] = []
    ) throws -> Result {
        let scratch = try TemporaryDirectory()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: launcher.first ?? path)
        process.arguments = launcher.isEmpty ? arguments : Array(launcher.dropFirst()) + [path] + arguments
        process.currentDirectoryURL = directory ?? scratch.url
        process.environment = [
            "HOME": scratch.url.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "STEPCARE_HISTORY": "",
        ].merging(environment) { $1 }
        let input = scratch.url.appendingPathComponent("stdin")
        try (stdin ?? "").write(to: input, atomically: true, encoding: .utf8)
        process.standardInput = try FileHandle(forReadingFrom: stdinFile ?? input)
        let out = scratch.url.appendingPathComponent("stdout")
        let err = scratch.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Result(
            stdout: try String(contentsOf: out, encoding: .utf8), stderr: try String(contentsOf: err, encoding: .utf8),
            status: process.terminationStatus)
    }
}

/// A directory removed when the value is released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("stepcare-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
