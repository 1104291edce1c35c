import StepCareConsole
import StepCareReports
import StepCareTesting
import Testing

/// Property tests of the parser over seeded random input built from the characters that matter to it.
@Suite struct ParserPropertyTests {
    static let alphabet: [Character] = Array("ab9 \t\n;#\"'\\${}=-_é—")

    static func randomSource(_ generator: inout SplitMix64) -> String {
        let length = Int.random(in: 0...40, using: &generator)
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
    }

    /// Quotes `text` so the parser reads it back as one literal word.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\\", "\"", "$": result += "\\" + String(character)
            default: result.append(character)
            }
        }
        return result + "\""
    }

    static func literals(_ script: Script) -> [[String?]] {
        script.statements.map { statement in
            switch statement {
            case .command(let call): ([call.name] + call.arguments).map(\.literal)
            case .assignment(let assignment): ["let", assignment.name] + assignment.value.map(\.literal)
            }
        }
    }

    @Test func neverCrashesAndLocatesEveryErrorInsideTheInput() {
        var generator = SplitMix64(state: 20_261_122)
        for _ in 0..<50_000 {
            let source = Self.randomSource(&generator)
            do {
                _ = try Parser.parse(source)
            } catch {
                let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
                guard let location = error.location else {
                    Issue.record("no location for \(source.debugDescription)")
                    continue
                }
                #expect(lines.indices.contains(location.line - 1), "\(source.debugDescription)")
                if lines.indices.contains(location.line - 1) {
                    #expect(location.column <= lines[location.line - 1].count + 1, "\(source.debugDescription)")
                }
                #expect(error.hint != nil, "\(source.debugDescription)")
            }
        }
    }

    @Test func quotingEveryWordParsesBackToTheSameWords() throws {
        var generator = SplitMix64(state: 42)
        var checked = 0
        for _ in 0..<50_000 {
            let source = Self.randomSource(&generator)
            guard let script = try? Parser.parse(source) else { continue }
            let words = Self.literals(script)
            guard words.allSatisfy({ $0.allSatisfy { $0 != nil } }) else { continue }  // skip $variables
            let requoted = words.map { statement -> String in
                let texts = statement.compactMap { $0 }
                if case .assignment = script.statements[words.firstIndex(of: statement) ?? 0], texts.count >= 2 {
                    return "let \(texts[1]) = " + texts.dropFirst(2).map(Self.quoted).joined(separator: " ")
                }
                return texts.map(Self.quoted).joined(separator: " ")
            }.joined(separator: "\n")
            let reparsed = try Parser.parse(requoted)
            #expect(Self.literals(reparsed) == words, "\(source.debugDescription) → \(requoted.debugDescription)")
            checked += 1
        }
        #expect(checked > 10_000)
    }
}
