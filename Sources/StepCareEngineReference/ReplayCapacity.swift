public import StepCareCore
public import StepCareEngine

extension ReferenceEngine {
    /// The capacity of every tier as of `now`, counting each case's latest placement and open waits.
    public func capacity(_ caseload: Caseload, asOf now: Instant) -> [CapacityStatus] {
        var statuses = pathway.tiers.map {
            CapacityStatus(tier: $0, standardUsed: 0, rapidAccessUsed: 0, exceptionsUsed: 0, waitlist: [])
        }
        var waiting: [(at: Instant, tier: String, caseID: String)] = []
        for caseID in caseload.order {
            guard let timeline = caseload.cases[caseID] else { continue }
            let state = ReplayState(timeline, asOf: now)
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

extension ReferenceEngine {
    /// The waits still open for a case: each tier it was waitlisted for (once, from the first time) until a
    /// placement into that tier or a more intensive one.
    public func activeWaits(_ state: ReplayState) -> [(at: Instant, tier: String)] {
        var waits: [(at: Instant, tier: String)] = []
        for event in state.events {
            switch event.kind {
            case .waitlisted(let tier, _, _) where !waits.contains(where: { $0.tier == tier }):
                waits.append((event.at, tier))
            case .placement(let placement):
                let reached = pathway.rank(of: placement.tier) ?? 0
                waits.removeAll { (pathway.rank(of: $0.tier) ?? 0) <= reached }
            default:
                break
            }
        }
        return waits
    }
}

extension StepCareError.Code {
    /// No case has the given id.
    public static let unknownCase = Self("unknown-case")
    /// A case with the given id already exists.
    public static let duplicateCase = Self("duplicate-case")
}

extension ReferenceEngine {
    /// The weekly census as it was computed before the one-pass fold: the replayed capacity at the end of every
    /// week from `from` to `to`, clients placed (any slot) and waiting per tier.
    public func weekly(
        _ caseload: Caseload, from: Instant, to: Instant
    ) -> [(week: Instant, placed: [Int], waiting: [Int])] {
        var series: [(week: Instant, placed: [Int], waiting: [Int])] = []
        var week = from + .weeks(1)
        while week <= to {
            let statuses = capacity(caseload, asOf: week)
            series.append(
                (
                    week, statuses.map { $0.standardUsed + $0.rapidAccessUsed + $0.exceptionsUsed },
                    statuses.map { $0.waitlist.count }
                ))
            week = week + .weeks(1)
        }
        return series
    }
}
