public import Foundation

/// Validates JSON lines against a checked-in JSON Schema with the Python `jsonschema` package, run from the
/// virtualenv `scripts/install-deps --tests` makes: an independent validator, not this package's own reader.
public enum SchemaValidation {
    /// The problems found (`line N: /pointer: message`); empty when every line is valid.
    ///
    /// - Parameters:
    ///   - schema: the schema file's path relative to the package root, e.g. `schema/stepcare-case-2.schema.json`.
    ///   - root: the package root.
    /// - Throws: when the virtualenv is missing (run `scripts/install-deps --tests`) or the validator fails to run.
    public static func problems(_ lines: [String], schema: String, root: URL) throws -> [String] {
        let python = root.appendingPathComponent(".build-venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw ValidatorMissing(path: python.path)
        }
        let process = Process()
        process.executableURL = python
        process.arguments = [
            root.appendingPathComponent("scripts/validate-records.py").path, root.appendingPathComponent(schema).path,
        ]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let text = lines.joined(separator: "\n") + "\n"
        let writer = Thread {
            input.fileHandleForWriting.write(Data(text.utf8)); try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let found = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        guard process.terminationStatus == 0 || !found.isEmpty else {
            throw ValidatorMissing(path: "the validator exited \(process.terminationStatus) with no report")
        }
        return found
    }

    /// The validator could not run.
    public struct ValidatorMissing: Error, CustomStringConvertible {
        /// What is missing.
        public var path: String
        public var description: String { "no JSON Schema validator at \(path): run scripts/install-deps --tests" }
    }
}
