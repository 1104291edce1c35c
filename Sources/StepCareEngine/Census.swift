public import StepCareCore

/// Live capacity: how many clients hold each kind of slot in each tier, and each tier's waitlist in order,
/// kept up to date as cases are opened, extended and removed, so a move never re-reads the caseload.
///
/// The census describes every event on record (the latest state of each case); ``Engine/capacity(_:asOf:)``
/// answers from it whenever the moment asked about is at or after every event, and replays the caseload
/// otherwise. A change to one case costs that case's new events plus a binary search in a waitlist.
public struct Census: Sendable, Hashable {
    /// The tiers counted, least intensive first.
    public let tiers: [String]
    private let ranks: [String: Int]
    private var footprints: [String: Footprint] = [:]
    private var used: [[Slot: Int]]
    private var waitlists: [[Wait]]
    private var openings = 0
    /// The latest event dated in any case ever counted (an upper bound once a case is removed).
    public private(set) var latestEventAt: Instant?

    /// What one case contributes, and how far into its timeline it has been read.
    struct Footprint: Sendable, Hashable {
        var opening: Int
        var events = 0
        var capacity = CapacityFootprint()
        var waits: [Wait] {
            capacity.waits.map { Wait(at: $0.at, tier: $0.tier, opening: opening, caseID: caseID) }
        }
        var caseID: String
    }

    /// A client waiting for a tier; waitlists are ordered by when the wait began, then by when the case was
    /// opened.
    struct Wait: Sendable, Hashable, Comparable {
        var at: Instant
        var tier: String
        var opening: Int
        var caseID: String

        static func < (lhs: Wait, rhs: Wait) -> Bool { (lhs.at, lhs.opening) < (rhs.at, rhs.opening) }
    }

    /// An empty census of `tiers` (least intensive first).
    public init(tiers: [String]) {
        self.tiers = tiers
        ranks = Dictionary(tiers.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        used = Array(repeating: [:], count: tiers.count)
        waitlists = Array(repeating: [], count: tiers.count)
    }

    /// Makes room for `count` cases.
    mutating func reserveCapacity(_ count: Int) { footprints.reserveCapacity(count) }

    /// Clients in `slot` slots of the tier at `rank`.
    public func used(_ slot: Slot, rank: Int) -> Int { used[rank][slot] ?? 0 }

    /// The client who has waited longest for the tier at `rank`, if any.
    public func waitlistHead(rank: Int) -> String? { waitlists[rank].first?.caseID }

    /// The clients waiting for the tier at `rank`, longest-waiting first.
    public func waitlist(rank: Int) -> [String] { waitlists[rank].map(\.caseID) }

    /// Where `caseID` stands in the waitlist of the tier at `rank` (1 = next): where it waits, or where it
    /// would stand if it joined at `at`.
    public func waitlistPosition(
        of caseID: String, rank: Int, joiningAt at: Instant
    ) -> (position: Int, waiting: Bool) {
        let list = waitlists[rank]
        if let wait = wait(of: caseID, rank: rank) { return (list.partitionPoint(where: { !($0 < wait) }) + 1, true) }
        guard let opening = footprints[caseID]?.opening else { return (list.count + 1, false) }
        let entry = Wait(at: at, tier: tiers[rank], opening: opening, caseID: caseID)
        return (list.partitionPoint(where: { entry < $0 }) + 1, false)
    }

    /// How many clients wait ahead of `caseID` for the tier at `rank`: all who wait, when it does not.
    public func waitingAhead(of caseID: String, rank: Int) -> Int {
        guard let wait = wait(of: caseID, rank: rank) else { return waitlists[rank].count }
        return waitlists[rank].partitionPoint(where: { !($0 < wait) })
    }

    /// The entry of `caseID` in the waitlist of the tier at `rank`, when it waits there.
    private func wait(of caseID: String, rank: Int) -> Wait? {
        guard let footprint = footprints[caseID], !footprint.capacity.isDischarged else { return nil }
        return footprint.waits.first { $0.tier == tiers[rank] }
    }

    /// Counts a newly opened case.
    mutating func open(_ timeline: CaseTimeline) {
        footprints[timeline.caseID] = Footprint(opening: openings, caseID: timeline.caseID)
        openings += 1
        update(timeline)
    }

    /// Brings a case's contribution up to its timeline: new events only when the timeline grew, all of them
    /// when it was replaced by a shorter one (an abandoned change undone).
    mutating func update(_ timeline: CaseTimeline) {
        guard let slot = footprints.index(forKey: timeline.caseID) else { return }
        var footprint = footprints.values[slot]
        var changed = false
        if timeline.events.count < footprint.events {
            withdraw(footprint)
            footprint = Footprint(opening: footprint.opening, caseID: footprint.caseID)
            changed = true
        }
        for event in timeline.events[footprint.events...] {
            latestEventAt = max(latestEventAt ?? event.at, event.at)
            guard CapacityFootprint.matters(event) else { continue }
            if !changed { withdraw(footprint) }
            changed = true
            footprint.capacity.fold(event, ranks: ranks)
        }
        footprint.events = timeline.events.count
        if changed { add(footprint) }
        footprints.values[slot] = footprint
    }

    /// Forgets a case.
    mutating func remove(_ caseID: String) {
        guard let old = footprints.removeValue(forKey: caseID) else { return }
        withdraw(old)
    }

    private mutating func add(_ footprint: Footprint) {
        if let (rank, slot) = footprint.capacity.held { used[rank][slot, default: 0] += 1 }
        guard !footprint.capacity.isDischarged else { return }
        for wait in footprint.waits {
            guard let rank = ranks[wait.tier] else { continue }
            waitlists[rank].insert(wait, at: waitlists[rank].partitionPoint(where: { wait < $0 }))
        }
    }

    private mutating func withdraw(_ footprint: Footprint) {
        if let (rank, slot) = footprint.capacity.held { used[rank][slot, default: 0] -= 1 }
        guard !footprint.capacity.isDischarged else { return }
        for wait in footprint.waits {
            guard let rank = ranks[wait.tier] else { continue }
            let start = waitlists[rank].partitionPoint(where: { !($0 < wait) })
            if let offset = waitlists[rank][start...].firstIndex(of: wait) { waitlists[rank].remove(at: offset) }
        }
    }

    /// Folds `event` into a case's open waits: a wait starts the first time the client is waitlisted for a tier
    /// and ends with a placement into that tier or a more intensive one (`rank` orders the tiers).
    static func foldWait(
        _ waits: inout [(at: Instant, tier: String)], _ event: CaseEvent, rank: (String) -> Int?
    ) {
        switch event.kind {
        case .waitlisted(let tier, _, _) where !waits.contains(where: { $0.tier == tier }):
            waits.append((event.at, tier))
        case .placement(let placement):
            let reached = rank(placement.tier) ?? 0
            waits.removeAll { (rank($0.tier) ?? 0) <= reached }
        default:
            break
        }
    }
}

/// What one case takes of the service's capacity, followed event by event: the slot it holds in a tier and the
/// tiers it waits for. ``Census`` sums these over a caseload; the huddle's weekly census sums them at each week.
public struct CapacityFootprint: Sendable, Hashable {
    /// The rank of the tier whose slot the client holds, and the kind of slot.
    public var held: (rank: Int, slot: Slot)? { placedRank.flatMap { rank in slot.map { (rank, $0) } } }
    /// Whether the client has been discharged (waits no longer count).
    public private(set) var isDischarged = false
    /// The waits still open, oldest first.
    public var waits: [(at: Instant, tier: String)] { openWaits.map { ($0.at, $0.tier) } }
    private var placedRank: Int?
    private var slot: Slot?
    private var openWaits: [OpenWait] = []

    private struct OpenWait: Sendable, Hashable {
        var at: Instant
        var tier: String
    }

    /// A case with no events.
    public init() {}

    /// The ranks of the tiers waited for, when the waits count (not after discharge).
    public func waitingRanks(_ ranks: [String: Int]) -> [Int] {
        isDischarged ? [] : openWaits.compactMap { ranks[$0.tier] }
    }

    /// Whether `event` can change a footprint: a placement, a discharge or a wait.
    public static func matters(_ event: CaseEvent) -> Bool {
        switch event.kind {
        case .placement, .discharge, .waitlisted: true
        default: false
        }
    }

    /// Folds the next event of the case; `ranks` gives each tier's rank (least intensive 0).
    public mutating func fold(_ event: CaseEvent, ranks: [String: Int]) {
        switch event.kind {
        case .placement(let placement):
            (placedRank, slot) = (ranks[placement.tier], placement.slot)
            if placedRank == nil { slot = nil }
        case .discharge:
            (placedRank, slot) = (nil, nil)
            isDischarged = true
        default:
            break
        }
        switch event.kind {
        case .waitlisted, .placement: break
        default: return
        }
        var waits = self.waits
        Census.foldWait(&waits, event) { ranks[$0] }
        openWaits = waits.map { OpenWait(at: $0.at, tier: $0.tier) }
    }
}
