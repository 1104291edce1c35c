import StepCareReports

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one read from a line editor produced.
public enum LineRead: Sendable, Equatable {
    /// A complete line, without its trailing newline.
    case line(String)
    /// The user pressed Ctrl-C: the line being typed was cancelled.
    case interrupted
    /// Ctrl-D on an empty line, or the end of the input stream.
    case endOfInput
    /// A line longer than ``InputLimits/lineCharacters``: it was read to its end and thrown away.
    case tooLong
}

/// Completion candidates for the word being typed.
public struct Completion: Sendable, Equatable {
    /// Offset, in `Character`s from the start of the text before the cursor, where the word being completed begins.
    public var wordStart: Int
    /// Full replacement words for the text from `wordStart` to the cursor.
    public var candidates: [String]

    /// Creates a completion whose candidates replace the text from `wordStart` to the cursor.
    public init(wordStart: Int, candidates: [String]) {
        self.wordStart = wordStart
        self.candidates = candidates
    }
}

/// Reads lines of input, with or without editing.
///
/// Implementations are used from one thread at a time.
public protocol LineEditor: AnyObject {
    /// Shows `prompt` (if the implementation prompts at all) and reads one line.
    func readLine(prompt: String) -> LineRead
    /// Records a line that was run, so it can be recalled later.
    func addHistory(_ line: String)
}

/// Facts about the process's terminal.
public enum Terminal {
    /// Whether both standard input and standard output are terminals, so line editing makes sense.
    public static func isInteractiveTerminal() -> Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }
}
