public import StepCareReports

/// Drives an interpreter from lines of input: the REPL, piped scripts and script files.
public enum Session {
    /// The REPL's prompt.
    public static let prompt = "stepcare> "
    /// The prompt for a continuation line.
    public static let continuationPrompt = "...> "

    /// Runs an interactive session: errors are reported and the session goes on.
    ///
    /// - Returns: the exit status, 0 after `quit` or Ctrl-D.
    public static func interactive(_ interpreter: Interpreter, errors: any TextOutput) -> Int32 {
        var statement = PendingStatement()
        while !interpreter.isFinished {
            let read = interpreter.readLine(prompt: statement.isEmpty ? interpreter.prompt : continuationPrompt)
            let source: String
            switch statement.add(read) {
            case .endOfInput:
                return 0
            case .waiting:
                continue
            case .refused(let error):
                errors.write(error.rendered(file: "<input>", source: ""))
                errors.flush()
                continue
            case .complete(let lines):
                source = lines.joined(separator: "\n")
                remember(lines, in: interpreter)
            }
            do {
                try interpreter.run(try Parser.parse(source))
            } catch {
                errors.write(error.rendered(file: "<input>", source: source))
                errors.flush()
            }
        }
        return 0
    }

    /// Adds a typed statement to the history, unless its words may be client data (answers, demographics,
    /// free text): the history file lives outside the caseload, so those lines are never saved.
    static func remember(_ lines: [String], in interpreter: Interpreter) {
        let entry = historyEntry(lines)
        guard !ClientData.mayCarry(entry) else { return }
        interpreter.remember(entry)
    }

    /// One history line for a statement typed over several lines: continuation backslashes dropped, lines
    /// joined with spaces, so recalling it gives one editable line.
    static func historyEntry(_ lines: [String]) -> String {
        lines.enumerated().map { index, line in
            index < lines.count - 1 && line.hasSuffix("\\") ? String(line.dropLast()) : line
        }.joined(separator: " ")
    }

    /// Runs lines from the interpreter's input as a script, statement by statement, stopping at the first error.
    ///
    /// - Returns: 0, or the ``ExitStatus`` of the error that stopped it.
    public static func script(_ interpreter: Interpreter, file: String, errors: any TextOutput) -> Int32 {
        var statement = PendingStatement()
        var firstLine = 1
        while !interpreter.isFinished {
            if statement.isEmpty { firstLine = interpreter.linesRead + 1 }
            let source: String
            switch statement.add(interpreter.readLine(prompt: "")) {
            case .waiting:
                continue
            case .endOfInput:
                guard let lines = statement.unfinished else { return 0 }
                let source = lines.joined(separator: "\n")
                do {
                    _ = try Parser.parse(source, firstLine: firstLine)
                } catch {
                    report(error, file: file, source: source, firstLine: firstLine, to: errors)
                }
                return 1
            case .refused(let error):
                var located = error
                located.location = SourceLocation(line: interpreter.linesRead, column: 1)
                report(located, file: file, source: "", firstLine: firstLine, to: errors)
                return ExitStatus.of(error.code)
            case .complete(let lines):
                source = lines.joined(separator: "\n")
            }
            do {
                try interpreter.run(try Parser.parse(source, firstLine: firstLine))
            } catch {
                report(error, file: file, source: source, firstLine: firstLine, to: errors)
                return ExitStatus.of(error.code)
            }
        }
        return 0
    }

    /// Parses a whole script file and runs it, stopping at the first error.
    ///
    /// Nothing runs when the file does not parse.
    /// - Returns: 0, or the ``ExitStatus`` of the error that stopped it.
    public static func file(_ interpreter: Interpreter, name: String, source: String, errors: any TextOutput) -> Int32 {
        do throws(Diagnostic) {
            guard source.utf8.count <= InputLimits.scriptBytes else {
                throw Diagnostic(
                    .inputTooLarge, "the script is larger than \(InputLimits.scriptBytes >> 20) MiB",
                    hint: "split it into smaller files and run them one after another")
            }
            try interpreter.run(try Parser.parse(source))
            return 0
        } catch {
            report(error, file: name, source: source, firstLine: 1, to: errors)
            return ExitStatus.of(error.code)
        }
    }

    /// The lines of a statement being read, until they end it.
    struct PendingStatement {
        /// What the line just read did.
        enum Step {
            /// The statement goes on; read another line.
            case waiting
            /// These lines are one complete statement (or a statement with a syntax error the parser names).
            case complete([String])
            /// The line or the statement was too long; it was thrown away.
            case refused(Diagnostic)
            /// The input ended (or Ctrl-D); ``unfinished`` holds a statement left open.
            case endOfInput
        }

        private var lines: [String] = []
        private var bytes = 0
        private var boundary = StatementBoundary()

        var isEmpty: Bool { lines.isEmpty }
        /// The lines of a statement the input ended inside, if any.
        var unfinished: [String]? { lines.isEmpty ? nil : lines }

        mutating func add(_ read: LineRead) -> Step {
            switch read {
            case .endOfInput:
                return .endOfInput
            case .interrupted:
                self = PendingStatement()
                return .waiting
            case .tooLong:
                self = PendingStatement()
                return .refused(InputLimits.lineTooLong())
            case .line(let line):
                bytes += line.utf8.count + 1
                guard bytes <= InputLimits.statementBytes else {
                    self = PendingStatement()
                    return .refused(
                        Diagnostic(
                            .inputTooLarge,
                            "the statement is longer than \(InputLimits.statementBytes >> 20) MiB; none of it was run",
                            hint: "check for an unclosed quote or a stray \\ at a line end; put long text in a file"))
                }
                lines.append(line)
                guard boundary.isComplete(after: line) else { return .waiting }
                defer { self = PendingStatement() }
                return .complete(lines)
            }
        }
    }

    private static func report(
        _ error: Diagnostic, file: String, source: String, firstLine: Int, to errors: any TextOutput
    ) {
        // Pad the source so line numbers in the diagnostic index the right line.
        let padded = String(repeating: "\n", count: max(0, firstLine - 1)) + source
        errors.write(error.rendered(file: file, source: padded))
        errors.flush()
    }
}
