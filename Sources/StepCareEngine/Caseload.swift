public import StepCareCore

/// Every case a service holds, by pseudonymous id, in the order they were opened.
public struct Caseload: Sendable, Hashable {
    /// The timelines by case id.
    public private(set) var cases: [String: CaseTimeline] = [:]
    /// Case ids in the order they were opened.
    public private(set) var order: [String] = []

    /// Live capacity over every case, for the tiers the caseload is indexed by.
    public private(set) var census: Census

    /// Creates an empty caseload whose live capacity counts `tiers` (least intensive first); with none, capacity
    /// is found by replaying the cases until ``index(tiers:)`` names them.
    public init(tiers: [String] = []) {
        census = Census(tiers: tiers)
    }

    /// Caseloads are equal when they hold the same cases in the same order (the census is derived from them).
    public static func == (lhs: Caseload, rhs: Caseload) -> Bool { lhs.order == rhs.order && lhs.cases == rhs.cases }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(order)
        hasher.combine(cases)
    }

    /// Counts live capacity for `tiers` (least intensive first), re-reading every case once if they changed.
    public mutating func index(tiers: [String]) {
        guard census.tiers != tiers else { return }
        census = Census(tiers: tiers)
        census.reserveCapacity(order.count)
        for caseID in order {
            if let timeline = cases[caseID] { census.open(timeline) }
        }
    }

    /// The timeline of `caseID`.
    ///
    /// - Throws: ``StepCareError`` with code `unknownCase`.
    public func timeline(_ caseID: String) throws(StepCareError) -> CaseTimeline {
        guard let timeline = cases[caseID] else {
            throw StepCareError(
                .unknownCase, "there is no case with that id",
                hint: order.isEmpty
                    ? "open one with: case new"
                    : order.count <= 10
                        ? "open cases: \(order.joined(separator: ", "))"
                        : "\(order.count) cases are open; find one with: case --search TEXT")
        }
        return timeline
    }

    /// Makes room for `count` cases, so opening them does not rehash again and again.
    public mutating func reserveCapacity(_ count: Int) {
        cases.reserveCapacity(count)
        order.reserveCapacity(count)
        census.reserveCapacity(count)
    }

    /// Opens a case.
    ///
    /// - Throws: ``StepCareError`` with code `duplicateCase` when the id is taken.
    public mutating func open(_ timeline: CaseTimeline) throws(StepCareError) {
        guard cases[timeline.caseID] == nil else {
            throw StepCareError(
                .duplicateCase, "case \(timeline.caseID) already exists", hint: "choose another id, or leave it out")
        }
        cases[timeline.caseID] = timeline
        order.append(timeline.caseID)
        census.open(timeline)
    }

    /// Removes a case opened by a change that was then abandoned (the store never kept it).
    public mutating func remove(_ caseID: String) {
        guard cases.removeValue(forKey: caseID) != nil else { return }
        if let index = order.lastIndex(of: caseID) { order.remove(at: index) }
        census.remove(caseID)
    }

    /// Appends `event` to case `caseID` in place (no copy of the timeline).
    ///
    /// - Throws: ``StepCareError`` with code `unknownCase`, or `datesOutOfOrder` when `event` is dated before
    ///   the case's latest event.
    public mutating func append(_ event: CaseEvent, to caseID: String) throws(StepCareError) {
        guard let slot = cases.index(forKey: caseID) else {
            _ = try timeline(caseID)  // throws unknown-case with the open cases listed
            return
        }
        try cases.values[slot].append(event)
        census.update(cases.values[slot])
    }

    /// Replaces a case's timeline (events are only ever appended, or an abandoned change undone).
    public mutating func update(_ timeline: CaseTimeline) {
        precondition(cases[timeline.caseID] != nil, "update of a case that was never opened")
        cases[timeline.caseID] = timeline
        census.update(timeline)
    }
}

/// One tier's capacity as of a moment.
public struct CapacityStatus: Sendable, Hashable {
    /// The tier.
    public var tier: TierPackage
    /// Clients in ordinary slots.
    public var standardUsed: Int
    /// Clients in rapid-access slots.
    public var rapidAccessUsed: Int
    /// Clients placed over capacity by an exception.
    public var exceptionsUsed: Int
    /// Clients waiting for the tier, longest-waiting first.
    public var waitlist: [String]

    /// Creates a status.
    public init(tier: TierPackage, standardUsed: Int, rapidAccessUsed: Int, exceptionsUsed: Int, waitlist: [String]) {
        self.tier = tier
        self.standardUsed = standardUsed
        self.rapidAccessUsed = rapidAccessUsed
        self.exceptionsUsed = exceptionsUsed
        self.waitlist = waitlist
    }

    /// Free ordinary slots.
    public var standardFree: Int { max(0, tier.capacity.standardSlots - standardUsed) }
    /// Free rapid-access slots.
    public var rapidAccessFree: Int { max(0, tier.capacity.rapidAccessSlots - rapidAccessUsed) }
}

extension Engine {
    /// The capacity of every tier as of `now`, counting each case's latest placement and open waits.
    ///
    /// Answered from the caseload's live ``Census`` when it is indexed by this pathway's tiers and `now` is at
    /// or after every event on record (in constant time per tier), else by replaying every case to `now`.
    public func capacity(_ caseload: Caseload, asOf now: Instant) -> [CapacityStatus] {
        let census = caseload.census
        if isIndexed(caseload), now >= census.latestEventAt ?? now {
            return pathway.tiers.indices.map { rank in
                CapacityStatus(
                    tier: pathway.tiers[rank], standardUsed: census.used(.standard, rank: rank),
                    rapidAccessUsed: census.used(.rapidAccess, rank: rank),
                    exceptionsUsed: census.used(.exception, rank: rank), waitlist: census.waitlist(rank: rank))
            }
        }
        var statuses = pathway.tiers.map {
            CapacityStatus(tier: $0, standardUsed: 0, rapidAccessUsed: 0, exceptionsUsed: 0, waitlist: [])
        }
        var waiting: [(at: Instant, tier: String, caseID: String)] = []
        for caseID in caseload.order {
            guard let timeline = caseload.cases[caseID] else { continue }
            let state = CaseState(timeline, asOf: now)
            if let tier = state.tier, let placement = state.placement, let rank = pathway.rank(of: tier) {
                switch placement.slot {
                case .standard: statuses[rank].standardUsed += 1
                case .rapidAccess: statuses[rank].rapidAccessUsed += 1
                case .exception: statuses[rank].exceptionsUsed += 1
                }
            }
            guard !state.isDischarged else { continue }
            waiting += activeWaits(state).map { ($0.at, $0.tier, caseID) }
        }
        for entry in waiting.sorted(by: { $0.at < $1.at }) {
            if let rank = pathway.rank(of: entry.tier) { statuses[rank].waitlist.append(entry.caseID) }
        }
        return statuses
    }
}

extension Engine {
    /// The waits still open for a case: each tier it was waitlisted for (once, from the first time) until a
    /// placement into that tier or a more intensive one.
    public func activeWaits(_ state: CaseState) -> [(at: Instant, tier: String)] {
        var waits: [(at: Instant, tier: String)] = []
        for event in state.events { foldWait(&waits, event) }
        return waits
    }
}

extension StepCareError.Code {
    /// No case has the given id.
    public static let unknownCase = Self("unknown-case")
    /// A case with the given id already exists.
    public static let duplicateCase = Self("duplicate-case")
}
