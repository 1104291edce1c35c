import Foundation
public import StepCareCore

/// One case as a line of JSON, for export and import: `{"format":"stepcare-case/1","context":…,"id":…,
/// "pathway":…,"demographics":{…},"events":[…]}`.
public struct ExchangedCase: Sendable, Hashable, Codable {
    /// The format marker every line carries.
    public static let currentFormat = "stepcare-case/1"

    /// The format marker.
    public var format: String
    /// The context the case was exported from.
    public var context: RecordContext
    /// The pseudonymous id.
    public var id: String
    /// The pathway it was opened under.
    public var pathway: String
    /// Demographic fields.
    public var demographics: [String: String]
    /// The events, oldest first.
    public var events: [CaseEvent]

    /// Creates an exchanged case from a timeline.
    public init(_ timeline: CaseTimeline, context: RecordContext, pathway: String) {
        self.format = Self.currentFormat
        self.context = context
        self.id = timeline.caseID
        self.pathway = pathway
        self.demographics = timeline.demographics
        self.events = timeline.events
    }

    /// The line, without a newline.
    public var line: String { StoredRows.json(self) }

    /// Reads a line.
    ///
    /// - Throws: ``StepCareError`` with code `invalidImport` saying what is wrong, never quoting the line.
    public init(line: String) throws(StepCareError) {
        do {
            self = try StoredRows.decode(ExchangedCase.self, line)
        } catch let error as DecodingError {
            throw StepCareError(.invalidImport, "not a StepCare case line: " + Self.describe(error))
        } catch {
            throw StepCareError(.invalidImport, "not a StepCare case line")
        }
        guard format == Self.currentFormat else {
            throw StepCareError(
                .invalidImport, "the line's format is \(format.prefix(40)), not \(Self.currentFormat)",
                hint: "export it again with this StepCare")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context): "missing \(path(context.codingPath + [key]))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "wrong kind of value at \(path(context.codingPath))"
        case .dataCorrupted(let context):
            context.codingPath.isEmpty ? "not valid JSON" : "bad value at \(path(context.codingPath))"
        @unknown default: "unreadable"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

extension StepCareError.Code {
    /// An import file or line cannot be used.
    public static let invalidImport = Self("invalid-import")
}
