public import StepCareCore
import StepCareEngine

/// The engine's case state as it was before the incremental engine: every fact recomputed by scanning the
/// events, kept as the slow, obvious oracle the incremental ``CaseState`` is checked against.
///
/// A state covers a prefix of the timeline's events; indices are positions in the timeline, so evidence can
/// name the exact event and later events can be told from earlier ones at the same minute.
public struct ReplayState: Sendable {
    /// The events on record as of ``now``, oldest first.
    public let events: ArraySlice<CaseEvent>
    /// The moment the state describes.
    public let now: Instant
    /// The index of the referral, if there is one.
    public private(set) var referralIndex: Int?
    /// The tier the client said they would prefer.
    public private(set) var preference: String?
    /// The index of the latest placement.
    public private(set) var placementIndex: Int?
    /// The client's current tier, or `nil` before placement and after discharge.
    public private(set) var tier: String?
    /// Whether the client has been discharged.
    public private(set) var isDischarged = false
    /// Indices of the sessions attended since the latest placement.
    public private(set) var sessions: [Int] = []
    /// The index of the latest documented risk review.
    public private(set) var lastRiskReviewIndex: Int?
    /// Risk flags raised since the latest risk review, with the index of the administration that raised them.
    public private(set) var openFlags: [(index: Int, flag: RiskFlag)] = []

    /// The state of `timeline` as of `now`: every event dated at or before it.
    public init(_ timeline: CaseTimeline, asOf now: Instant) {
        let count = timeline.events.firstIndex { $0.at > now } ?? timeline.events.count
        self.init(timeline.events[..<count], now: now)
    }

    /// The state after the events in `events` (a prefix of a timeline), at `now`.
    public init(_ events: ArraySlice<CaseEvent>, now: Instant) {
        self.events = events
        self.now = now
        for index in events.indices {
            switch events[index].kind {
            case .referral(let preference):
                referralIndex = index
                self.preference = preference
            case .placement(let placement):
                placementIndex = index
                tier = placement.tier
                sessions = []
            case .contact(attended: true):
                if tier != nil { sessions.append(index) }
            case .review(.risk, _, _):
                lastRiskReviewIndex = index
                openFlags = []
            case .administration(let record):
                openFlags += record.riskFlags.map { (index, $0) }
            case .discharge:
                isDischarged = true
                tier = nil
            default:
                break
            }
        }
    }

    /// When the client entered the current tier (or was referred, before placement).
    public var tierStart: Instant {
        if let placementIndex { return events[placementIndex].at }
        if let referralIndex { return events[referralIndex].at }
        return events.first?.at ?? now
    }

    /// The placement that put the client in the current tier.
    public var placement: Placement? {
        guard let placementIndex, case .placement(let placement) = events[placementIndex].kind else { return nil }
        return placement
    }

    /// The scored administrations of `instrumentID`, oldest first, with their indices.
    public func administrations(of instrumentID: String) -> [(index: Int, at: Instant, record: AdministrationRecord)] {
        events.indices.compactMap { index in
            guard case .administration(let record) = events[index].kind, record.instrumentID == instrumentID,
                record.total != nil
            else { return nil }
            return (index, events[index].at, record)
        }
    }

    /// The administration a tier's progress is measured from: the latest at or before entry to the tier,
    /// else the first after it.
    public func baseline(of instrumentID: String) -> (index: Int, at: Instant, record: AdministrationRecord)? {
        let all = administrations(of: instrumentID)
        guard let placementIndex else { return all.last }
        return all.last { $0.index <= placementIndex } ?? all.first
    }

    /// Indices of events of `kind`, oldest first.
    public func indices(of kind: CountedEvent) -> [Int] {
        events.indices.filter { index in
            switch (kind, events[index].kind) {
            case (.crisisContact, .crisisContact), (.emergencyVisit, .emergencyVisit),
                (.noShow, .contact(attended: false)), (.session, .contact(attended: true)),
                (.medicationConcern, .medicationConcern), (.structuredReview, .review(.structured, _, _)):
                return true
            case (.riskFlag, .administration(let record)):
                return !record.riskFlags.isEmpty
            default:
                return false
            }
        }
    }

    /// Whether a documented event of `kind` exists since entry to the current tier.
    public func hasSinceTierStart(_ matches: (CaseEventKind) -> Bool) -> Bool {
        let start = placementIndex ?? events.startIndex
        return events[start...].contains { matches($0.kind) }
    }
}
