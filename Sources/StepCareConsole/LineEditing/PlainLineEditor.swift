import StepCareReports

/// Reads lines from standard input without editing, prompts or history, for input that is not a terminal.
public final class PlainLineEditor: LineEditor {
    /// Creates an editor that reads standard input line by line.
    public init() {}

    /// Reads one line; `prompt` is ignored so piped output stays clean.
    public func readLine(prompt: String) -> LineRead {
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line)
    }

    /// Does nothing: piped input has no history.
    public func addHistory(_ line: String) {}
}
