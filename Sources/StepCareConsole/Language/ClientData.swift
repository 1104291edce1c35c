/// Which typed lines may carry client data (answers, demographics, free text), so that they are kept out of
/// the history file and out of the source lines that diagnostics echo.
enum ClientData {
    /// Commands whose words may be client data: answers, demographics, plans, reasons, variables that may hold
    /// any of these, and commands that run another command.
    static let commands: Set<String> = [
        "score", "record", "outcome", "case", "place", "step-up", "step-down", "override", "discharge",
        "break-glass", "import-scores", "let", "as", "expect", "correct",
    ]

    /// How many words after the command name are kept when a line is masked: words that name things (an
    /// instrument, a record kind, a tier), never answers or free text.
    static let keptWords: [String: Int] = [
        "score": 1, "record": 1, "outcome": 1, "case": 1, "place": 1, "step-up": 1, "step-down": 1, "override": 1,
    ]

    /// Whether `line` starts with a command whose words may be client data. A line that does not parse as a
    /// command (a typo, a variable, a partial line) is treated as carrying it.
    static func mayCarry(_ line: some StringProtocol) -> Bool {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = words.first else { return false }
        guard first.allSatisfy({ $0.isLetter || $0 == "-" }), CommandTable.standard.command(named: String(first)) != nil
        else { return true }
        return commands.contains(String(first)) || line.contains("$")
    }

    /// `line` with every word after the command name replaced by `*`, one for one so a caret still lines up;
    /// option names (`--case`) and the words that name things (``keptWords``) are kept, so the error can still
    /// be read.
    static func masked(_ line: some StringProtocol) -> String {
        let words: [String] = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { String($0) }
        let command = words.first ?? ""
        // `record score ID …` also names its instrument; any other record kind's words may be free text.
        let kept = (keptWords[command] ?? 0) + (command == "record" && words.dropFirst().first == "score" ? 1 : 0)
        var result = ""
        var wordIndex = -1
        var inWord = false
        var isOption = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {  // the character after a backslash inside double quotes is text, never a quote
                escaped = false
                result.append("*")
                continue
            }
            if quote == "\"", character == "\\" {
                escaped = true
                result.append("*")
                continue
            }
            if quote == nil, character == " " || character == "\t" {
                inWord = false
                result.append(character)
                continue
            }
            if !inWord {
                inWord = true
                wordIndex += 1
                isOption = character == "-" && quote == nil && line.isEmpty == false
            }
            if character == "\"" || character == "'" {
                if quote == nil || quote == character {
                    quote = quote == nil ? character : nil
                    result.append(character)  // the quotes themselves are kept, so the line's shape reads
                    continue
                }
            }
            let keep =
                wordIndex <= kept && quote == nil && character != "$"
                || (isOption && quote == nil && (character == "-" || character.isLetter))
            result.append(keep ? character : "*")
        }
        return result
    }
}
