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

    /// `raw` with its corrections applied (see ``corrected``). A correction that names no earlier ordinary event
    /// is ignored; the use case that records corrections refuses those.
    public static func corrected(_ raw: [CaseEvent]) -> [CaseEvent] {
        var slots: [CaseEvent?] = []
        slots.reserveCapacity(raw.count)
        for event in raw {
            guard case .correction(let correction) = event.kind else {
                slots.append(event)
                continue
            }
            slots.append(nil)
            let target = correction.number - 1
            guard raw.indices.contains(target), target < slots.count - 1 else { continue }
            if case .correction = raw[target].kind { continue }
            slots[target] = correction.replacement.map { CaseEvent(at: raw[target].at, $0) }
        }
        return slots.compactMap { $0 }
    }
}
