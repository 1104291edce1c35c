import StepCareReports

/// Parses command-language source into a ``Script``.
///
/// The grammar, the same for the REPL and script files:
/// ```
/// script     = { statement? ( newline | ";" ) }
/// statement  = "let" NAME "=" word* | word word*
/// word       = { bare | "double quoted" | 'single quoted' | $NAME | ${NAME} }
/// ```
/// `#` at the start of a word comments out the rest of the line; a backslash at the end of a line
/// continues the statement on the next. Double-quoted strings may contain `$NAME`, `\"`, `\\`, `\$`,
/// `\n` and `\t`, and may span lines. Input that ends inside a string or after a continuation backslash
/// throws a diagnostic with code `incompleteInput`, which the REPL answers with a continuation prompt.
public struct Parser {
    /// The source as Unicode scalars: a grapheme cluster may join a separator to the mark after it
    /// (a tab then U+0369), which must still separate words.
    private let characters: [Unicode.Scalar]
    private var index = 0
    private var line: Int
    private var column = 1

    /// Creates a parser for `source`, whose first line is numbered `firstLine`.
    public init(_ source: String, firstLine: Int = 1) {
        characters = Array(source.unicodeScalars)
        line = firstLine
    }

    /// Parses `source` into a script.
    public static func parse(_ source: String, firstLine: Int = 1) throws(Diagnostic) -> Script {
        var parser = Parser(source, firstLine: firstLine)
        return try parser.parseScript()
    }

    private var location: SourceLocation { SourceLocation(line: line, column: column) }
    private var current: Unicode.Scalar? { index < characters.count ? characters[index] : nil }
    private var next: Unicode.Scalar? { index + 1 < characters.count ? characters[index + 1] : nil }

    private mutating func advance() {
        if characters[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func parseScript() throws(Diagnostic) -> Script {
        var statements: [Statement] = []
        var words: [Word] = []
        func finish() throws(Diagnostic) {
            if let statement = try Parser.statement(from: words) { statements.append(statement) }
            words = []
        }
        while let character = current {
            switch character {
            case " ", "\t", "\r":
                advance()
            case "\n", ";":
                advance()
                try finish()
            case "#":
                while let c = current, c != "\n" { advance() }
            case "\\" where next == "\n":
                advance()
                advance()
            case "\\" where next == nil:
                throw Diagnostic(
                    .incompleteInput, "the input ends with a line-continuation backslash",
                    hint: "continue the statement on the next line, or remove the trailing backslash",
                    at: location)
            default:
                words.append(try parseWord())
            }
        }
        try finish()
        return Script(statements: statements)
    }

    private mutating func parseWord() throws(Diagnostic) -> Word {
        let start = location
        var parts: [Word.Part] = []
        var literal = String.UnicodeScalarView()
        var isQuoted = false
        func flush() {
            if !literal.isEmpty { parts.append(.literal(String(literal))) }
            literal = String.UnicodeScalarView()
        }
        while let character = current {
            switch character {
            case " ", "\t", "\r", "\n", ";":
                flush()
                return Word(parts: parts, isQuoted: isQuoted, location: start)
            case "'":
                isQuoted = true
                let open = location
                advance()
                while current != "'" {
                    guard let c = current else { throw unterminated("'", at: open) }
                    literal.append(c)
                    advance()
                }
                advance()
            case "\"":
                isQuoted = true
                let open = location
                advance()
                while current != "\"" {
                    guard let c = current else { throw unterminated("\"", at: open) }
                    switch c {
                    case "\\":
                        advance()
                        guard let escaped = current else { throw unterminated("\"", at: open) }
                        switch escaped {
                        case "n": literal.append("\n")
                        case "t": literal.append("\t")
                        case "\"", "\\", "$": literal.append(escaped)
                        case "\n": break
                        default: literal.append(contentsOf: ["\\", escaped])
                        }
                        advance()
                    case "$":
                        flush()
                        parts.append(.variable(try parseVariableName()))
                    default:
                        literal.append(c)
                        advance()
                    }
                }
                advance()
            case "$":
                flush()
                parts.append(.variable(try parseVariableName()))
            case "\\":
                advance()
                switch current {
                case nil:
                    throw Diagnostic(
                        .incompleteInput, "the input ends with a line-continuation backslash",
                        hint: "continue the statement on the next line, or remove the trailing backslash", at: location)
                case "\n":
                    advance()
                    flush()
                    return Word(parts: parts, isQuoted: isQuoted, location: start)
                case let escaped?:
                    literal.append(escaped)
                    advance()
                }
            default:
                literal.append(character)
                advance()
            }
        }
        flush()
        return Word(parts: parts, isQuoted: isQuoted, location: start)
    }

    /// Parses `$NAME` or `${NAME}` starting at the `$`.
    private mutating func parseVariableName() throws(Diagnostic) -> String {
        let dollar = location
        advance()
        let braced = current == "{"
        if braced { advance() }
        var name = ""
        while let c = current, c.isASCII, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" {
            name.unicodeScalars.append(c)
            advance()
        }
        if braced {
            guard current == "}" else {
                throw Diagnostic(
                    .syntax, "expected } to close ${\(name)", hint: "write ${name} or $name", at: dollar)
            }
            advance()
        }
        guard Parser.isName(name) else {
            throw Diagnostic(
                .syntax, "expected a variable name after $",
                hint:
                    "variable names are letters, digits and _, starting with a letter or _; write \\$ for a literal $",
                at: dollar)
        }
        return name
    }

    private func unterminated(_ quote: Unicode.Scalar, at open: SourceLocation) -> Diagnostic {
        Diagnostic(.incompleteInput, "unterminated string", hint: "close the string with a matching \(quote)", at: open)
    }

    /// Whether `text` is a valid variable name.
    static func isName(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    private static func statement(from words: [Word]) throws(Diagnostic) -> Statement? {
        guard let first = words.first else { return nil }
        guard !first.isQuoted, first.literal == "let" else {
            return .command(CommandCall(name: first, arguments: Array(words.dropFirst())))
        }
        guard words.count >= 2, !words[1].isQuoted, let target = words[1].literal else {
            throw Diagnostic(
                .syntax, "expected a variable name after let", hint: "write: let NAME = VALUE…",
                at: words.count >= 2 ? words[1].location : first.location)
        }
        var name = target
        var value = Array(words.dropFirst(2))
        var valueStart = words[1].location
        if let equals = target.firstIndex(of: "=") {
            // `let x=1 2` or `let x= 1 2`
            name = String(target[..<equals])
            let rest = String(target[target.index(after: equals)...])
            valueStart.column += name.count + 1
            if !rest.isEmpty {
                value.insert(Word(parts: [.literal(rest)], isQuoted: false, location: valueStart), at: 0)
            }
        } else if let equalsWord = value.first, !equalsWord.isQuoted, equalsWord.literal == "=" {
            value.removeFirst()
        } else {
            throw Diagnostic(
                .syntax, "expected = after the variable name", hint: "write: let \(target) = VALUE…",
                at: value.first?.location
                    ?? SourceLocation(line: words[1].location.line, column: words[1].location.column + target.count))
        }
        guard isName(name) else {
            throw Diagnostic(
                .syntax, "\"\(name)\" is not a valid variable name",
                hint: "use letters, digits and _, starting with a letter or _", at: words[1].location)
        }
        return .assignment(Assignment(name: name, location: words[1].location, value: value))
    }
}
