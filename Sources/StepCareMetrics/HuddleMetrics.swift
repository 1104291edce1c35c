public import StepCareCore
public import StepCareEngine

/// One named figure of the huddle dashboard.
public struct MetricValue: Sendable, Hashable {
    /// A stable identifier, e.g. `tier-1.first-contact.median-days`.
    public var id: String
    /// The tier it is about, or `nil` for the whole service.
    public var tier: String?
    /// What it is, as the dashboard labels it.
    public var label: String
    /// The value (NaN when nothing was there to measure, e.g. a median of no waits).
    public var value: Double
}

/// The weekly huddle metrics of DESIGN.md over a window of a caseload, computed from the timelines alone, so
/// the same code serves live records and simulated ones.
///
/// Definitions (window [from, to], days):
/// - first contact: from referral (first placement) or from joining the waitlist or moving (later placements)
///   to the first attended contact in that tier, for entries in the window; entries not yet seen at `to` are
///   censored (counted in `not seen yet`, not in the median); the share within the tier's access standard is
///   of the entries seen plus those censored already past the standard (those still inside it are undecided);
/// - step-up delay: from the moment the engine's step-up recommendation fired to the placement that met it;
///   a breach is a step-up made after its deadline, or one still outstanding past it at `to`;
/// - crisis contacts per 100 client-weeks of each tier's cohort (time placed in the tier within the window);
/// - occupancy: the time-average of clients placed in a tier over the window, as a share of its slots;
///   length of stay: mean days of stays in the tier that ended in the window;
/// - re-escalation: step-downs in the window followed by a return to the tier within 30 (90) days, of the
///   step-downs whose 30 (90) days have passed by `to`.
public enum HuddleMetrics {
    /// The metrics of `caseload` under `engine`'s pathway over [from, to].
    public static func compute(_ caseload: Caseload, engine: Engine, from: Instant, to: Instant) -> [MetricValue] {
        let pathway = engine.pathway
        let windowDays = Double((to - from).minutes) / 1440
        var firstContact = [[Double]](repeating: [], count: pathway.tiers.count)
        var notSeen = [Int](repeating: 0, count: pathway.tiers.count)
        var withinStandard = [Int](repeating: 0, count: pathway.tiers.count)
        var pastStandard = [Int](repeating: 0, count: pathway.tiers.count)
        var entries = [Int](repeating: 0, count: pathway.tiers.count)
        var crisis = [Int](repeating: 0, count: pathway.tiers.count)
        var placedDays = [Double](repeating: 0, count: pathway.tiers.count)
        var stays: [[Double]] = Array(repeating: [], count: pathway.tiers.count)
        var stepUpDelays: [Double] = []
        var breaches = 0
        var outstandingStepUps = 0
        var stepDowns = 0
        var stepDownsWithPlan = 0
        var returns30 = (events: 0, eligible: 0)
        var returns90 = (events: 0, eligible: 0)
        var overrides = 0
        var exceptions = 0
        var rapidAccess = 0
        var referrals = 0

        func days(_ a: Instant, _ b: Instant) -> Double { Double((b - a).minutes) / 1440 }
        func inWindow(_ t: Instant) -> Bool { t >= from && t <= to }

        for caseID in caseload.order {
            guard let timeline = caseload.cases[caseID] else { continue }
            let events = timeline.events
            var referredAt: Instant?
            var current: (rank: Int, since: Instant, sought: Instant, seen: Bool)?
            var waitingSince: [String: Instant] = [:]
            func close(at end: Instant) {
                guard let stay = current else { return }
                let start = max(stay.since, from)
                let stop = min(end, to)
                if stop > start { placedDays[stay.rank] += days(start, stop) }
                if end <= to, inWindow(end) { stays[stay.rank].append(days(stay.since, end)) }
                if !stay.seen, inWindow(stay.since) {
                    notSeen[stay.rank] += 1
                    if let standard = pathway.tiers[stay.rank].accessStandard,
                        days(stay.sought, to) * 1440 > Double(standard.minutes)
                    {
                        pastStandard[stay.rank] += 1
                    }
                }
                current = nil
            }
            for (index, event) in events.enumerated() where event.at <= to {
                switch event.kind {
                case .referral:
                    referredAt = event.at
                    if inWindow(event.at) { referrals += 1 }
                case .waitlisted(let tier, _, _):
                    if waitingSince[tier] == nil { waitingSince[tier] = event.at }
                case .placement(let placement):
                    close(at: event.at)
                    guard let rank = pathway.rank(of: placement.tier) else { continue }
                    let sought =
                        placement.from == nil ? (referredAt ?? event.at) : (waitingSince[placement.tier] ?? event.at)
                    waitingSince[placement.tier] = nil
                    current = (rank, event.at, sought, false)
                    guard inWindow(event.at) else { continue }
                    entries[rank] += 1
                    if placement.kind == .override { overrides += 1 }
                    if placement.slot == .exception { exceptions += 1 }
                    if placement.slot == .rapidAccess { rapidAccess += 1 }
                    if placement.kind == .stepUp {
                        let before = CaseTimeline(caseID: caseID, events: Array(events[..<index]))
                        let met = engine.evaluate(before, asOf: event.at).recommendations.first {
                            if case .stepUp = $0.kind { true } else { false }
                        }
                        if let met {
                            stepUpDelays.append(days(met.firedAt, event.at))
                            if event.at > met.deadline { breaches += 1 }
                        }
                    }
                    if placement.kind == .stepDown
                        || (placement.from.flatMap(pathway.rank(of:)).map { rank < $0 } ?? false)
                    {
                        stepDowns += 1
                        let since =
                            events[..<index].lastIndex {
                                if case .placement = $0.kind { true } else { false }
                            }.map { $0 + 1 } ?? 0
                        if events[since..<index].contains(where: {
                            if case .plan(.stability(let plan)) = $0.kind { plan.missingParts.isEmpty } else { false }
                        }) {
                            stepDownsWithPlan += 1
                        }
                        if days(event.at, to) >= 30 { returns30.eligible += 1 }
                        if days(event.at, to) >= 90 { returns90.eligible += 1 }
                    }
                case .contact(attended: true):
                    if let stay = current, !stay.seen {
                        current?.seen = true
                        if inWindow(stay.since) {
                            let wait = days(stay.sought, event.at)
                            firstContact[stay.rank].append(wait)
                            if let standard = pathway.tiers[stay.rank].accessStandard,
                                wait * 1440 <= Double(standard.minutes)
                            {
                                withinStandard[stay.rank] += 1
                            }
                        }
                    }
                case .crisisContact:
                    if let stay = current, inWindow(event.at) { crisis[stay.rank] += 1 }
                case .discharge:
                    close(at: event.at)
                default:
                    break
                }
            }
            close(at: to)
            let evaluation = engine.evaluate(timeline, asOf: to)
            for recommendation in evaluation.recommendations {
                guard case .stepUp = recommendation.kind else { continue }
                outstandingStepUps += 1
                if recommendation.deadline < to { breaches += 1 }
            }
            for reEscalation in evaluation.reEscalations where inWindow(reEscalation.steppedDownAt) {
                let observed = days(reEscalation.steppedDownAt, to)
                if observed >= 30, reEscalation.days <= 30 { returns30.events += 1 }
                if observed >= 90, reEscalation.days <= 90 { returns90.events += 1 }
            }
        }

        var values: [MetricValue] = [
            MetricValue(id: "referrals", label: "referrals", value: Double(referrals))
        ]
        for (rank, tier) in pathway.tiers.enumerated() {
            let id = tier.id
            let slots = Double(tier.capacity.standardSlots + tier.capacity.rapidAccessSlots)
            values += [
                MetricValue(id: "\(id).entries", tier: id, label: "entries", value: Double(entries[rank])),
                MetricValue(
                    id: "\(id).first-contact.median-days", tier: id, label: "first contact, median days",
                    value: quantile(firstContact[rank], 0.5)),
                MetricValue(
                    id: "\(id).first-contact.p90-days", tier: id, label: "first contact, p90 days",
                    value: quantile(firstContact[rank], 0.9)),
                MetricValue(
                    id: "\(id).first-contact.within-standard", tier: id, label: "seen within access standard, %",
                    value: share(
                        withinStandard[rank], of: firstContact[rank].count + pastStandard[rank],
                        applies: tier.accessStandard != nil)),
                MetricValue(
                    id: "\(id).not-seen-yet", tier: id, label: "not seen yet (censored)",
                    value: Double(notSeen[rank])),
                MetricValue(
                    id: "\(id).crisis-per-100-client-weeks", tier: id, label: "crises per 100 client-weeks",
                    value: placedDays[rank] > 0 ? 100 * Double(crisis[rank]) / (placedDays[rank] / 7) : .nan),
                MetricValue(
                    id: "\(id).occupancy", tier: id, label: "occupancy, % of slots",
                    value: slots > 0 ? 100 * placedDays[rank] / windowDays / slots : .nan),
                MetricValue(
                    id: "\(id).length-of-stay-days", tier: id, label: "length of stay, mean days",
                    value: mean(stays[rank])),
            ]
        }
        values += [
            MetricValue(id: "step-ups", label: "step-ups made", value: Double(stepUpDelays.count)),
            MetricValue(
                id: "step-up.median-days", label: "trigger to step-up, median days", value: quantile(stepUpDelays, 0.5)),
            MetricValue(
                id: "step-up.outstanding", label: "step-up triggers outstanding", value: Double(outstandingStepUps)),
            MetricValue(id: "step-up.breaches", label: "step-up deadline breaches", value: Double(breaches)),
            MetricValue(id: "step-downs", label: "step-downs", value: Double(stepDowns)),
            MetricValue(
                id: "step-down.with-plan", label: "step-downs with a stability plan, %",
                value: stepDowns == 0 ? .nan : 100 * Double(stepDownsWithPlan) / Double(stepDowns)),
            MetricValue(
                id: "re-escalation.30", label: "re-escalated within 30 days, %",
                value: returns30.eligible == 0 ? .nan : 100 * Double(returns30.events) / Double(returns30.eligible)),
            MetricValue(
                id: "re-escalation.90", label: "re-escalated within 90 days, %",
                value: returns90.eligible == 0 ? .nan : 100 * Double(returns90.events) / Double(returns90.eligible)),
            MetricValue(id: "rapid-access", label: "rapid-access placements", value: Double(rapidAccess)),
            MetricValue(id: "overrides", label: "overrides", value: Double(overrides)),
            MetricValue(id: "exceptions", label: "over-capacity exceptions", value: Double(exceptions)),
        ]
        return values
    }

    /// Clients placed in each tier and waiting for each tier at the end of each week from `from` to `to`.
    public static func weekly(
        _ caseload: Caseload, engine: Engine, from: Instant, to: Instant
    ) -> [(week: Instant, placed: [Int], waiting: [Int])] {
        var series: [(week: Instant, placed: [Int], waiting: [Int])] = []
        var week = from + .weeks(1)
        while week <= to {
            let statuses = engine.capacity(caseload, asOf: week)
            series.append(
                (
                    week, statuses.map { $0.standardUsed + $0.rapidAccessUsed + $0.exceptionsUsed },
                    statuses.map { $0.waitlist.count }
                ))
            week = week + .weeks(1)
        }
        return series
    }

    /// The `p` quantile (type 7) of `values`, or NaN when there are none.
    static func quantile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let h = Double(sorted.count - 1) * p
        let lower = Int(h)
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
    }

    static func share(_ part: Int, of whole: Int, applies: Bool) -> Double {
        applies && whole > 0 ? 100 * Double(part) / Double(whole) : .nan
    }

    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }
}
