import Foundation
import Testing

/// The dependency rule the architecture page states, checked on the sources: no command-language type below
/// the console, and the command line never turns typed options back into command words.
@Suite struct LayeringTests {
    /// Every Swift file under `Sources`, with its path relative to the repository.
    static func sources() throws -> [(path: String, text: String)] {
        let root = Binary.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var found: [(String, String)] = []
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let relative = String(url.path.dropFirst(Binary.root.path.count + 1))
            found.append((relative, try String(contentsOf: url, encoding: .utf8)))
        }
        return found
    }

    @Test func noCommandLanguageTypeOutsideTheConsole() throws {
        let files = try Self.sources()
        #expect(files.count > 100)
        for (path, text) in files where !path.hasPrefix("Sources/StepCareConsole/") {
            for name in ["CommandArgument", "SourceLocation", "Invocation", "Diagnostic("] {
                #expect(!text.contains(name), "\(path) uses \(name), a command-language type")
            }
        }
        // The command line runs the interpreter only for the REPL and script files; its other subcommands call
        // the use cases, and none passes words to a command by name.
        for (path, text) in files where path.hasPrefix("Sources/stepcare/") {
            #expect(!text.contains("execute(commandNamed"), "\(path) re-serialises options into command words")
        }
    }
}
