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

    /// What one case contributes: the slot it holds and the tiers it waits for.
    struct Footprint: Sendable, Hashable {
        var opening: Int
        var events = 0
        var placed: PlacedSlot?
        var waits: [Wait] = []
        var isDischarged = false
    }

    struct PlacedSlot: Sendable, Hashable {
        var rank: Int?
        var slot: Slot
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

    /// The rank of `tier`, or `nil` when it is not one of ``tiers``.
    public func rank(of tier: String) -> Int? { ranks[tier] }

    /// Clients in `slot` slots of the tier at `rank`.
    public func used(_ slot: Slot, rank: Int) -> Int { used[rank][slot] ?? 0 }

    /// The clients waiting for the tier at `rank`, longest-waiting first.
    public func waitlist(rank: Int) -> [String] { waitlists[rank].map(\.caseID) }

    /// Counts a newly opened case.
    mutating func open(_ timeline: CaseTimeline) {
        footprints[timeline.caseID] = Footprint(opening: openings)
        openings += 1
        update(timeline)
    }

    /// Brings a case's contribution up to its timeline: new events only when the timeline grew, all of them
    /// when it was replaced by a shorter one (an abandoned change undone).
    mutating func update(_ timeline: CaseTimeline) {
        guard let old = footprints[timeline.caseID] else { return }
        var new = old
        if timeline.events.count < old.events { new = Footprint(opening: old.opening) }
        for event in timeline.events[new.events...] {
            fold(event, into: &new, caseID: timeline.caseID)
            latestEventAt = max(latestEventAt ?? event.at, event.at)
        }
        new.events = timeline.events.count
        guard new != old else { return }
        withdraw(old)
        add(new)
        footprints[timeline.caseID] = new
    }

    /// Forgets a case.
    mutating func remove(_ caseID: String) {
        guard let old = footprints.removeValue(forKey: caseID) else { return }
        withdraw(old)
    }

    private func fold(_ event: CaseEvent, into footprint: inout Footprint, caseID: String) {
        switch event.kind {
        case .placement(let placement):
            footprint.placed = PlacedSlot(rank: ranks[placement.tier], slot: placement.slot)
        case .discharge:
            footprint.placed = nil
            footprint.isDischarged = true
        default:
            break
        }
        var waits = footprint.waits.map { (at: $0.at, tier: $0.tier) }
        Self.foldWait(&waits, event) { ranks[$0] }
        footprint.waits = waits.map { Wait(at: $0.at, tier: $0.tier, opening: footprint.opening, caseID: caseID) }
    }

    private mutating func add(_ footprint: Footprint) {
        if let placed = footprint.placed, let rank = placed.rank { used[rank][placed.slot, default: 0] += 1 }
        guard !footprint.isDischarged else { return }
        for wait in footprint.waits {
            guard let rank = ranks[wait.tier] else { continue }
            waitlists[rank].insert(wait, at: waitlists[rank].partitionPoint(where: { wait < $0 }))
        }
    }

    private mutating func withdraw(_ footprint: Footprint) {
        if let placed = footprint.placed, let rank = placed.rank { used[rank][placed.slot, default: 0] -= 1 }
        guard !footprint.isDischarged else { return }
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
