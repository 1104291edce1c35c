/// Tells, line by line, whether the lines read so far end a statement, so that a statement typed or piped
/// over many continuation lines is parsed once, when it is complete, instead of after every line.
///
/// It follows the ``Parser``'s lexical rules (quotes, backslash escapes, `#` comments at the start of a
/// word) and agrees with it on which input is incomplete (`DifferentialTests` checks this on random input):
/// the input is incomplete when it ends inside a quoted string or right after a continuation backslash.
struct StatementBoundary {
    private enum Quote { case none, single, double }
    private var quote = Quote.none
    /// Whether the next scalar starts a word (so `#` starts a comment).
    private var atWordStart = true
    private var endsWithBackslash = false

    /// Reads one more line (without its newline) and tells whether the input so far is complete.
    mutating func isComplete(after line: String) -> Bool {
        var scalars = line.unicodeScalars.makeIterator()
        endsWithBackslash = false
        // The newline that joined this line to the one before.
        if quote == .none { atWordStart = true }
        while let scalar = scalars.next() {
            switch quote {
            case .single:
                if scalar == "'" { quote = .none }
            case .double:
                if scalar == "\"" {
                    quote = .none
                } else if scalar == "\\" {
                    if scalars.next() == nil { endsWithBackslash = true }
                }
            case .none:
                switch scalar {
                case " ", "\t", "\r", ";":
                    atWordStart = true
                case "#" where atWordStart:
                    while scalars.next() != nil {}
                case "'":
                    quote = .single
                    atWordStart = false
                case "\"":
                    quote = .double
                    atWordStart = false
                case "\\":
                    atWordStart = false
                    if scalars.next() == nil { endsWithBackslash = true }
                default:
                    atWordStart = false
                }
            }
        }
        return quote == .none && !endsWithBackslash
    }
}
