/// A record marked entered in error: which one, why, by whom, and optionally what it should have said.
///
/// Nothing is erased. The stored record keeps the original and the correction; the timeline the rules,
/// metrics and outcomes read (``CaseTimeline/corrected``) leaves the original out, or puts the replacement in
/// its place at the original's effective time.
public struct Correction: Sendable, Hashable {
    /// The corrected event's 1-based number in its case's stored record, as `timeline` numbers them.
    public var number: Int
    /// Why it was entered in error (required).
    public var reason: String
    /// Who marked it.
    public var by: Actor
    /// What the record should have said, at the original's effective time; `nil` when it is simply withdrawn.
    public var replacement: CaseEventKind?

    /// Creates a correction.
    public init(number: Int, reason: String, by: Actor, replacement: CaseEventKind? = nil) {
        self.number = number
        self.reason = reason
        self.by = by
        self.replacement = replacement
    }
}

extension CaseTimeline {
    /// The timeline the rules read: each event entered in error left out, or replaced by its correction's
    /// replacement at the original's time, and the corrections themselves left out. `self` is the record as
    /// stored, every event kept in the order it was recorded.
    public var corrected: CaseTimeline {
        CaseTimeline(caseID: caseID, demographics: demographics, events: Self.corrected(events))
    }

    /// Whether any event is a correction.
    public var hasCorrections: Bool {
        events.contains { if case .correction = $0.kind { true } else { false } }
    }

    /// `raw` with its corrections applied (see ``corrected``). A correction of a correction says that correction
    /// was itself a mistake: the record it corrected stands again, or takes the new replacement. A correction
    /// that names no earlier record is ignored; ``problem(with:in:)`` refuses those before they are stored.
    public static func corrected(_ raw: [CaseEvent]) -> [CaseEvent] {
        var slots: [CaseEvent?] = []
        slots.reserveCapacity(raw.count)
        var originalOf: [Int: Int] = [:]  // a correction's position → the position of the record it corrects
        for (index, event) in raw.enumerated() {
            guard case .correction(let correction) = event.kind else {
                slots.append(event)
                continue
            }
            slots.append(nil)
            var target = correction.number - 1
            guard raw.indices.contains(target), target < index else { continue }
            if case .correction = raw[target].kind {
                guard let original = originalOf[target] else { continue }
                target = original
                slots[target] = correction.replacement.map { CaseEvent(at: raw[target].at, $0) } ?? raw[target]
            } else {
                slots[target] = correction.replacement.map { CaseEvent(at: raw[target].at, $0) }
            }
            originalOf[index] = target
        }
        return slots.compactMap { $0 }
    }

    /// Why `correction` cannot follow `raw` (the case's events as stored), or `nil` when it can: it must name an
    /// earlier record that may be corrected and is not corrected already, and a replacement must be of the
    /// corrected record's kind. A correction that is still in force may itself be corrected.
    public static func problem(with correction: Correction, in raw: [CaseEvent]) -> StepCareError? {
        let number = correction.number
        guard raw.indices.contains(number - 1) else {
            return StepCareError(
                .invalidCorrection, "the case has no record \(number)",
                hint: "records are numbered 1 to \(raw.count) in timeline", field: "number")
        }
        guard !correction.reason.allSatisfy(\.isWhitespace) else {
            return StepCareError(.invalidCorrection, "a correction needs its reason", field: "reason")
        }
        if let later = raw.indices.first(where: { index in
            if case .correction(let other) = raw[index].kind { other.number == number } else { false }
        }) {
            return StepCareError(
                .invalidCorrection, "record \(number) is already marked entered in error, by record \(later + 1)",
                hint: "to change that correction, correct record \(later + 1)", field: "number")
        }
        var original = raw[number - 1]
        if case .correction(let earlier) = original.kind {
            // What the earlier correction corrected, followed back to the ordinary record.
            var target = earlier.number - 1
            while raw.indices.contains(target), case .correction(let deeper) = raw[target].kind {
                target = deeper.number - 1
            }
            guard raw.indices.contains(target) else {
                return StepCareError(.invalidCorrection, "record \(number) corrects nothing", field: "number")
            }
            original = raw[target]
        } else if let kind = uncorrectable(original.kind) {
            return StepCareError(
                .invalidCorrection, "record \(number) is \(kind), which cannot be marked entered in error",
                hint: "a decision is reversed by another decision, with its reason", field: "number")
        }
        if let replacement = correction.replacement, Self.sameKind(replacement, original.kind) == false {
            return StepCareError(
                .invalidCorrection, "the replacement is not of the corrected record's kind",
                hint: "mark the record entered in error, then record the other kind as usual", field: "replacement")
        }
        return nil
    }

    /// Why `kind` cannot be corrected, or `nil` when it can.
    static func uncorrectable(_ kind: CaseEventKind) -> String? {
        switch kind {
        case .referral: "the referral"
        case .placement: "a placement or move"
        case .waitlisted: "a waitlisting"
        case .handoverScheduled: "a scheduled handover"
        case .discharge: "a discharge"
        case .review(.risk, _, _): "a risk review"
        default: nil
        }
    }

    /// Whether two kinds are the same kind of record; administrations must also be of the same instrument.
    static func sameKind(_ a: CaseEventKind, _ b: CaseEventKind) -> Bool {
        switch (a, b) {
        case (.administration(let x), .administration(let y)): x.instrumentID == y.instrumentID
        case (.contact, .contact), (.crisisContact, .crisisContact), (.emergencyVisit, .emergencyVisit),
            (.medicationConcern, .medicationConcern), (.plan, .plan), (.note, .note):
            true
        case (.review(let x, _, _), .review(let y, _, _)): x == y
        default: false
        }
    }
}

extension StepCareError.Code {
    /// A correction names no record, a record that cannot be corrected, or one already corrected.
    public static let invalidCorrection = Self("invalid-correction")
}

extension String {
    /// Whether the text holds a control character other than a line break or a tab (escape sequences could
    /// rewrite what a terminal shows).
    public var containsControlCharacters: Bool {
        unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
    }

    /// The text with each control character other than a line break or a tab shown as `�`, for display.
    public var escapingControlCharacters: String {
        guard containsControlCharacters else { return self }
        return String(
            String.UnicodeScalarView(
                unicodeScalars.map { scalar in
                    (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
                        ? "\u{FFFD}" : scalar
                }))
    }
}
