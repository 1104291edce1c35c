import StepCareReports

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads lines from standard input without editing, prompts or history, for input that is not a terminal.
///
/// A line longer than ``InputLimits/lineCharacters`` is read to its end without being kept, so a
/// newline-free stream of any size cannot exhaust memory.
public final class PlainLineEditor: LineEditor {
    private let descriptor: Int32
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var end = 0
    private var atEnd = false

    /// Creates an editor that reads `descriptor` (0, standard input, unless given) line by line.
    public init(descriptor: Int32 = 0) {
        self.descriptor = descriptor
    }

    /// Reads one line; `prompt` is ignored so piped output stays clean. A final line without a newline
    /// counts; a carriage return before the newline is dropped.
    public func readLine(prompt: String) -> LineRead {
        var line: [UInt8] = []
        // A scalar is at most 4 bytes, so this many bytes hold any line within the limit.
        let byteLimit = InputLimits.lineCharacters * 4
        var tooLong = false
        while true {
            if start == end {
                guard fill() else {
                    if line.isEmpty, !tooLong { return .endOfInput }
                    break
                }
            }
            let available = buffer[start..<end]
            if let newline = available.firstIndex(of: UInt8(ascii: "\n")) {
                if !tooLong { line += buffer[start..<newline] }
                start = newline + 1
                break
            }
            if !tooLong { line += available }
            start = end
            if line.count > byteLimit {
                tooLong = true
                line = []
            }
        }
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        let text = String(decoding: line, as: UTF8.self)
        if tooLong || text.unicodeScalars.count > InputLimits.lineCharacters { return .tooLong }
        return .line(text)
    }

    /// Does nothing: piped input has no history.
    public func addHistory(_ line: String) {}

    /// Reads more input into the buffer; false at the end of input or on a read error.
    private func fill() -> Bool {
        guard !atEnd else { return false }
        start = 0
        end = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                end = count
                return true
            }
            if count < 0, errno == EINTR { continue }
            atEnd = true
            return false
        }
    }
}
