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
        var pending: [String] = []
        while !interpreter.isFinished {
            switch interpreter.readLine(prompt: pending.isEmpty ? prompt : continuationPrompt) {
            case .endOfInput:
                return 0
            case .interrupted:
                pending = []
            case .line(let line):
                pending.append(line)
                let source = pending.joined(separator: "\n")
                do {
                    let script = try Parser.parse(source)
                    remember(pending, in: interpreter)
                    pending = []
                    try interpreter.run(script)
                } catch  where error.isIncompleteInput {
                    continue
                } catch {
                    remember(pending, in: interpreter)
                    pending = []
                    errors.write(error.rendered(file: "<input>", source: source))
                    errors.flush()
                }
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
        var pending: [String] = []
        var firstLine = 1
        while !interpreter.isFinished {
            if pending.isEmpty { firstLine = interpreter.linesRead + 1 }
            guard case .line(let line) = interpreter.readLine(prompt: "") else { break }
            pending.append(line)
            let source = pending.joined(separator: "\n")
            do {
                let script = try Parser.parse(source, firstLine: firstLine)
                pending = []
                try interpreter.run(script)
            } catch  where error.isIncompleteInput {
                continue
            } catch {
                report(error, file: file, source: source, firstLine: firstLine, to: errors)
                return ExitStatus.of(error.code)
            }
        }
        guard pending.isEmpty else {
            let source = pending.joined(separator: "\n")
            do {
                _ = try Parser.parse(source, firstLine: firstLine)
            } catch {
                report(error, file: file, source: source, firstLine: firstLine, to: errors)
            }
            return 1
        }
        return 0
    }

    /// Parses a whole script file and runs it, stopping at the first error.
    ///
    /// Nothing runs when the file does not parse.
    /// - Returns: 0, or the ``ExitStatus`` of the error that stopped it.
    public static func file(_ interpreter: Interpreter, name: String, source: String, errors: any TextOutput) -> Int32 {
        do {
            try interpreter.run(try Parser.parse(source))
            return 0
        } catch {
            report(error, file: name, source: source, firstLine: 1, to: errors)
            return ExitStatus.of(error.code)
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
