public import StepCareCore

/// What a case timeline says as of one moment: the facts rules read, kept up to date one event at a time.
///
/// A state covers a prefix of the timeline's events; indices are positions in the timeline, so evidence can
/// name the exact event and later events can be told from earlier ones at the same minute. Appending an event
/// updates every fact in amortised constant time: scored administrations and counted events are kept as
/// per-kind index lists (in time order, so a window is found by binary search, never by a re-scan).
public struct CaseState: Sendable {
    /// The events on record as of ``now``, oldest first.
    public private(set) var events: ArraySlice<CaseEvent>
    /// The moment the state describes.
    public internal(set) var now: Instant
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
    /// Indices of the scored administrations of each instrument, oldest first (a short list searched by id:
    /// a case has a handful of instruments).
    private var series: [(instrumentID: String, indices: [Int])] = []
    /// Each event's total and band index, when it is a scored administration (NaN and -1 otherwise), so
    /// conditions read scores without copying records.
    private(set) var totals: [Double] = []
    private(set) var bands: [Int] = []
    /// Indices of the events of each ``CountedEvent`` kind (by ``CountedEvent/ordinal``), oldest first.
    private(set) var counted: [[Int]] = Array(repeating: [], count: CountedEvent.allCases.count)
    /// Handover contacts scheduled since the latest placement: number and due time.
    private(set) var handovers: [(number: Int, due: Instant)] = []
    /// Who holds the case: the latest assignment.
    public private(set) var assignment: Assignment?
    /// Every appointment booked on the case, by number (the first is number 1), as it now stands.
    public private(set) var appointments: [AppointmentStatus] = []

    /// The state of `timeline` as of `now`: every event dated at or before it.
    public init(_ timeline: CaseTimeline, asOf now: Instant) {
        let count = timeline.events.firstIndex { $0.at > now } ?? timeline.events.count
        self.init(timeline.events[..<count], now: now)
    }

    /// The state after the events in `events` (a prefix of a timeline), at `now`.
    init(_ events: ArraySlice<CaseEvent>, now: Instant) {
        self.events = events
        self.now = now
        for index in events.indices { absorb(index) }
    }

    /// Appends `event` (dated at or after every event held) and moves ``now`` to its time.
    mutating func append(_ event: CaseEvent) {
        events.append(event)
        now = event.at
        absorb(events.endIndex - 1)
    }

    /// Appends the event of `timeline` that follows those held (which must be its first events), sharing the
    /// timeline's storage instead of copying the event: a state folded from a stored timeline holds no second
    /// copy of its history.
    mutating func appendNext(of timeline: [CaseEvent]) {
        let index = events.endIndex
        precondition(events.startIndex == 0 && index < timeline.count, "the state holds a prefix of the timeline")
        events = timeline[..<(index + 1)]
        now = events[index].at
        absorb(index)
    }

    /// The kinds of the events at `indices`, for deciding which rules they may change.
    func reads(_ indices: Range<Int>) -> EventReads {
        indices.reduce(into: []) { $0.formUnion(EventReads(events[$1].kind)) }
    }

    /// Updates the facts for the event at `index`, the newest held.
    private mutating func absorb(_ index: Int) {
        let kind = events[index].kind
        if let countedKind = CountedEvent(kind) { counted[countedKind.ordinal].append(index) }
        totals.append(.nan)
        bands.append(-1)
        switch kind {
        case .referral(let preference):
            referralIndex = index
            self.preference = preference
        case .placement(let placement):
            placementIndex = index
            tier = placement.tier
            sessions = []
            handovers = []
        case .contact(let attended):
            if attended, tier != nil { sessions.append(index) }
            // The contact settles the first open appointment of its day that is due no more than an hour after it
            // (a client may be seen a little early; a morning contact does not settle an afternoon appointment).
            let at = events[index].at
            if let open = appointments.firstIndex(where: {
                $0.isOpen && $0.appointment.due.startOfDay == at.startOfDay
                    && $0.appointment.due <= at + AppointmentStatus.earlyArrival
            }) {
                appointments[open].kept = attended
            }
        case .assignment(let assignment):
            self.assignment = assignment
        case .appointment(let change, _):
            switch change {
            case .booked(let appointment):
                appointments.append(AppointmentStatus(appointment: appointment))
            case .rescheduled(let number, let due):
                if appointments.indices.contains(number - 1) { appointments[number - 1].appointment.due = due }
            case .cancelled(let number, _):
                if appointments.indices.contains(number - 1) { appointments[number - 1].isCancelled = true }
            }
        case .review(.risk, _, _):
            lastRiskReviewIndex = index
            openFlags = []
        case .administration(let record):
            openFlags += record.riskFlags.map { (index, $0) }
            if let total = record.total {
                totals[totals.count - 1] = total.value
                bands[bands.count - 1] = record.bandIndex ?? -1
                if let position = series.firstIndex(where: { $0.instrumentID == record.instrumentID }) {
                    series[position].indices.append(index)
                } else {
                    series.append((record.instrumentID, [index]))
                }
            }
        case .handoverScheduled(let number, let due):
            if placementIndex != nil { handovers.append((number, due)) }
        case .discharge:
            isDischarged = true
            tier = nil
            for number in appointments.indices where appointments[number].isOpen {
                appointments[number].closedAtDischarge = true
            }
        default:
            break
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
        scored(instrumentID).map { (index: $0, at: events[$0].at, record: administration($0)) }
    }

    /// The administration a tier's progress is measured from: the latest at or before entry to the tier,
    /// else the first after it.
    public func baseline(of instrumentID: String) -> (index: Int, at: Instant, record: AdministrationRecord)? {
        baselineIndex(of: instrumentID).map { (index: $0, at: events[$0].at, record: administration($0)) }
    }

    /// The index of the administration ``baseline(of:)`` returns.
    func baselineIndex(of instrumentID: String) -> Int? {
        let all = scored(instrumentID)
        guard let last = all.last else { return nil }
        guard let placementIndex else { return last }
        let after = all.partitionPoint(where: { $0 > placementIndex })
        return after > 0 ? all[after - 1] : all.first
    }

    /// Indices of the scored administrations of `instrumentID`, oldest first.
    func scored(_ instrumentID: String) -> [Int] {
        for entry in series where entry.instrumentID == instrumentID { return entry.indices }
        return []
    }

    /// The administration record at `index`, which must hold one.
    func administration(_ index: Int) -> AdministrationRecord {
        guard case .administration(let record) = events[index].kind else {
            preconditionFailure("event \(index) is not an administration")
        }
        return record
    }

    /// Indices of events of `kind`, oldest first.
    public func indices(of kind: CountedEvent) -> [Int] { counted[kind.ordinal] }

    /// Indices of events of `kind` dated at or after `start`, oldest first.
    func indices(of kind: CountedEvent, from start: Instant) -> ArraySlice<Int> {
        let all = counted[kind.ordinal]
        return all[all.partitionPoint(where: { events[$0].at >= start })...]
    }

    /// Whether a documented event of `kind` exists since entry to the current tier.
    public func hasSinceTierStart(_ matches: (CaseEventKind) -> Bool) -> Bool {
        let start = placementIndex ?? events.startIndex
        return events[start...].contains { matches($0.kind) }
    }
}

/// One booked appointment as it stands: its current time, and whether it was cancelled, kept or missed.
public struct AppointmentStatus: Sendable, Hashable {
    /// The appointment, at its current time.
    public var appointment: Appointment
    /// Whether it was cancelled.
    public var isCancelled = false
    /// Whether the client attended (`true`), did not attend (`false`), or nothing is recorded yet (`nil`): a
    /// contact recorded on the appointment's day, no more than ``earlyArrival`` before it, settles it.
    public var kept: Bool?
    /// Whether the case was discharged while it was still open (it will not happen).
    public var closedAtDischarge = false

    /// How early a contact may be and still settle an appointment: an hour.
    public static let earlyArrival = TimeSpan(minutes: 60)

    /// Whether it still stands: not cancelled, no contact recorded for it, the case not discharged.
    public var isOpen: Bool { !isCancelled && kept == nil && !closedAtDischarge }
}

extension CountedEvent {
    /// The kind `event` counts as, if any.
    init?(_ event: CaseEventKind) {
        switch event {
        case .crisisContact: self = .crisisContact
        case .emergencyVisit: self = .emergencyVisit
        case .contact(attended: false): self = .noShow
        case .contact(attended: true): self = .session
        case .medicationConcern: self = .medicationConcern
        case .administration(let record) where !record.riskFlags.isEmpty: self = .riskFlag
        case .review(.structured, _, _): self = .structuredReview
        default: return nil
        }
    }

    /// The kind's position in ``allCases``.
    var ordinal: Int {
        switch self {
        case .crisisContact: 0
        case .emergencyVisit: 1
        case .noShow: 2
        case .session: 3
        case .medicationConcern: 4
        case .riskFlag: 5
        case .structuredReview: 6
        }
    }
}
