/// A free-text note on a case: on the case as a whole, on a contact or session, or the content of a review.
/// Notes are client data: they are stored and shown to staff, never written to logs, diagnostics or history.
public struct CaseNote: Sendable, Hashable {
    /// What the note is about.
    public enum Subject: String, Sendable, Hashable, CaseIterable {
        /// The case as a whole.
        case general
        /// A session or other contact (the pathway's documentation standards ask for session notes).
        case contact
        /// The content of a documented risk review.
        case riskReview = "risk-review"
        /// The content of a structured review.
        case structuredReview = "structured-review"
        /// The content of a supervisor's review.
        case supervisorReview = "supervisor-review"
    }

    /// The longest note accepted, in characters.
    public static let maximumLength = 8_000

    /// What the note is about.
    public var subject: Subject
    /// The text, 1 to ``maximumLength`` characters, not all whitespace.
    public var text: String

    /// A note, checked.
    ///
    /// - Throws: `invalid-note` for an empty or over-long text.
    public init(_ subject: Subject, text: String) throws(StepCareError) {
        guard !text.allSatisfy(\.isWhitespace) else {
            throw StepCareError(.invalidNote, "the note is empty", hint: "write what happened", field: "text")
        }
        guard !text.containsControlCharacters else {
            throw StepCareError(
                .invalidNote, "the note holds control characters (such as an escape sequence)",
                hint: "write plain text; line breaks and tabs are kept", field: "text")
        }
        guard text.count <= Self.maximumLength else {
            throw StepCareError(
                .invalidNote, "the note is longer than \(Self.maximumLength) characters",
                hint: "split it into several notes", field: "text")
        }
        self.subject = subject
        self.text = text
    }

    /// The subject for the review of `kind`.
    public static func subject(of kind: ReviewKind) -> Subject {
        switch kind {
        case .risk: .riskReview
        case .structured: .structuredReview
        case .supervisor: .supervisorReview
        }
    }
}

extension StepCareError.Code {
    /// A note is empty or too long.
    public static let invalidNote = Self("invalid-note")
}
