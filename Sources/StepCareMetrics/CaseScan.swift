import StepCareCore
import StepCareEngine

/// One walk through one client's timeline, adding what falls in the window to a ``Tally``.
///
/// `docs/metrics.md` defines every figure; the comments here name the definition each step serves.
struct CaseScan {
    let metrics: HuddleMetrics
    let window: ReportingWindow
    let timeline: CaseTimeline

    private var pathway: Pathway { metrics.engine.pathway }

    /// A stay in a tier.
    private struct Stay {
        var rank: Int
        var since: Instant
        /// When the access clock started: the referral for a first placement, else joining the tier's waitlist,
        /// else the move.
        var clockStart: Instant
        var seenAt: Instant?
    }

    /// Adds the case's part of the window to `tally`; `watch` follows the case's step-up triggers from window
    /// to window (windows are scanned in order).
    func add(to tally: inout Tally, watch: inout StepUpWatch) {
        let events = timeline.events.prefix { $0.at <= window.to }
        var stay: Stay?
        var referredAt: Instant?
        var attendedSinceReferral = 0
        var waitlistJoined: [String: Instant] = [:]
        var previousPlacement: Int?
        var stepDowns: [(tier: String, at: Instant)] = []
        var stepUps: [Instant] = []
        var attendedInStay: [Instant] = []

        func close(at end: Instant?) {
            guard let current = stay else { return }
            let stop = end ?? window.to + TimeSpan(minutes: 1)
            let overlap = (min(stop, window.to + TimeSpan(minutes: 1)) - max(current.since, window.from)).minutes
            if overlap > 0 {
                tally.tiers[current.rank].placedMinutes += overlap
                tally.tiers[current.rank].cohort += 1
            }
            if let end, window.contains(end) {
                tally.tiers[current.rank].stays.append(days(current.since, end))
                tally.tiers[current.rank].staySessions.append(Double(attendedInStay.count))
                if pathway.tiers[current.rank].sessions.contains(attendedInStay.count) {
                    tally.tiers[current.rank].staysWithinPackage += 1
                }
            }
            decideAccess(current, end: end, &tally)
            countCheckIns(current, end: end, attended: attendedInStay, &tally)
            attendedInStay = []
            stay = nil
        }

        for (index, event) in zip(events.indices, events) {
            let inWindow = window.contains(event.at)
            switch event.kind {
            case .referral:
                referredAt = event.at
                attendedSinceReferral = 0
                if inWindow { tally.referrals += 1 }
            case .waitlisted(let tier, _, _):
                if waitlistJoined[tier] == nil { waitlistJoined[tier] = event.at }
            case .placement(let placement):
                let fromRank = stay?.rank
                close(at: event.at)
                guard let rank = pathway.rank(of: placement.tier) else { continue }
                let joined = waitlistJoined[placement.tier]
                let clockStart = placement.from == nil ? (referredAt ?? event.at) : (joined ?? event.at)
                waitlistJoined = waitlistJoined.filter { (pathway.rank(of: $0.key) ?? 0) > rank }
                stay = Stay(rank: rank, since: event.at, clockStart: clockStart)
                defer { previousPlacement = index }
                if let fromRank, rank < fromRank { stepDowns.append((pathway.tiers[fromRank].id, event.at)) }
                if let fromRank, rank > fromRank { stepUps.append(event.at) }
                guard inWindow else { continue }
                tally.placements += 1
                tally.tiers[rank].entries += 1
                if let joined { tally.tiers[rank].waitsEnded.append(days(joined, event.at)) }
                if placement.kind == .override { tally.overrides += 1 }
                if placement.slot == .exception { tally.exceptions += 1 }
                if placement.slot == .rapidAccess { tally.rapidAccess += 1 }
                if metrics.lateEntries[timeline.caseID]?.contains(index) == true { tally.lateEnteredPlacements += 1 }
                if let fromRank, rank > fromRank { tally.stepUps += 1 }
                if let fromRank, rank < fromRank {
                    tally.stepDowns += 1
                    let since = previousPlacement.map { $0 + 1 } ?? events.startIndex
                    if events[since..<index].contains(where: Self.isCompleteStabilityPlan) {
                        tally.stepDownsWithPlan += 1
                    }
                }
            case .contact(attended: true):
                attendedSinceReferral += 1
                if stay != nil { attendedInStay.append(event.at) }
                guard let current = stay, current.seenAt == nil else { continue }
                stay?.seenAt = event.at
                if inWindow { tally.tiers[current.rank].firstContactWaits.append(days(current.clockStart, event.at)) }
            case .crisisContact:
                if let current = stay, inWindow { tally.tiers[current.rank].crisis += 1 }
            case .emergencyVisit:
                if let current = stay, inWindow { tally.tiers[current.rank].emergencyVisits += 1 }
            case .discharge:
                let rank = stay?.rank
                close(at: event.at)
                waitlistJoined = [:]
                if inWindow, let rank, attendedSinceReferral >= 2 {
                    let start = events[..<index].lastIndex { if case .referral = $0.kind { true } else { false } }
                    metrics.classifyCourse(events[(start ?? events.startIndex)...index], into: &tally.tiers[rank])
                }
            default:
                break
            }
        }
        if let current = stay {
            tally.tiers[current.rank].placed += 1
            if current.seenAt == nil {
                tally.tiers[current.rank].waiting += 1
                if let expiry = expiry(current), window.to > expiry {
                    tally.tiers[current.rank].waitingPastStandard += 1
                }
            }
        }
        close(at: nil)
        watch.add(window, to: &tally)
        // The watch's monitor now holds every event up to the window's end: its waits and returns are the
        // engine's as of then.
        if !watch.monitor.state.isDischarged {
            for wait in watch.monitor.activeWaits {
                guard let rank = pathway.rank(of: wait.tier) else { continue }
                tally.tiers[rank].waitlistAges.append(days(wait.at, window.to))
            }
        }
        addReEscalations(after: stepDowns, returns: watch.monitor.reEscalations, &tally)
        addCrisesAround(stepUps, &tally)
    }

    /// Crises around a step-up: for each step-up whose 30 days of follow-up end in the window, the crisis contacts
    /// in the 30 days before it and in the 30 days after it (the step-up's own minute counts as before).
    private func addCrisesAround(_ stepUps: [Instant], _ tally: inout Tally) {
        let followed = stepUps.filter { window.contains($0 + .days(30)) }
        guard !followed.isEmpty else { return }
        let crises = timeline.events.filter { if case .crisisContact = $0.kind { true } else { false } }.map(\.at)
        for at in followed {
            tally.stepUpsFollowed += 1
            tally.crisisBeforeStepUp += crises.filter { $0 >= at - .days(30) && $0 <= at }.count
            tally.crisisAfterStepUp += crises.filter { $0 > at && $0 <= at + .days(30) }.count
        }
    }

    /// Adherence to a tier's contact schedule: the stay is cut into periods of the schedule's length from the
    /// placement; each period that ends in the window, with the client still in the tier, is a check-in due,
    /// met when an attended contact falls in it.
    private func countCheckIns(_ stay: Stay, end: Instant?, attended: [Instant], _ tally: inout Tally) {
        guard let every = metrics.engine.contactSchedule(of: pathway.tiers[stay.rank].id), every.minutes > 0 else {
            return
        }
        let stop = min(end ?? window.to + TimeSpan(minutes: 1), window.to + TimeSpan(minutes: 1))
        let first = max(0, (window.from - stay.since).minutes / every.minutes - 1)
        var k = first
        while true {
            let periodStart = stay.since + TimeSpan(minutes: k * every.minutes)
            let periodEnd = periodStart + every
            if periodEnd > stop { break }
            k += 1
            guard periodEnd > window.from else { continue }
            tally.tiers[stay.rank].checkInsExpected += 1
            if attended.contains(where: { $0 >= periodStart && $0 < periodEnd }) {
                tally.tiers[stay.rank].checkInsMet += 1
            }
        }
    }

    /// Re-escalation: each step-down whose 30 (90) days of follow-up end in the window, and whether the client
    /// returned to the tier stepped down from (or a more intensive one) within them, as the engine finds returns.
    private func addReEscalations(
        after stepDowns: [(tier: String, at: Instant)], returns: [ReEscalation], _ tally: inout Tally
    ) {
        let cohort = stepDowns.filter { window.contains($0.at + .days(30)) || window.contains($0.at + .days(90)) }
        guard !cohort.isEmpty else { return }
        for stepDown in cohort {
            let back = returns.first { $0.tier == stepDown.tier && $0.steppedDownAt == stepDown.at }
            let after = back.map { $0.returnedAt - stepDown.at }
            if window.contains(stepDown.at + .days(30)) {
                tally.reEscalation30.followed += 1
                if let after, after <= .days(30) { tally.reEscalation30.returned += 1 }
            }
            if window.contains(stepDown.at + .days(90)) {
                tally.reEscalation90.followed += 1
                if let after, after <= .days(90) { tally.reEscalation90.returned += 1 }
            }
        }
    }

    /// The access decision of a stay: met at a first contact within the standard; otherwise breached once the
    /// standard has run out and the client is in the tier, if they are still there unseen then.
    private func decideAccess(_ stay: Stay, end: Instant?, _ tally: inout Tally) {
        guard let expiry = expiry(stay) else { return }
        if let seen = stay.seenAt, seen <= expiry {
            if window.contains(seen) { tally.tiers[stay.rank].metStandard += 1 }
            return
        }
        let decided = max(expiry, stay.since)
        let stillThere = end.map { $0 > decided } ?? true
        if stillThere, window.contains(decided) { tally.tiers[stay.rank].breachedStandard += 1 }
    }

    private func expiry(_ stay: Stay) -> Instant? {
        pathway.tiers[stay.rank].accessStandard.map { stay.clockStart + $0 }
    }

    static func isCompleteStabilityPlan(_ event: CaseEvent) -> Bool {
        if case .plan(.stability(let plan)) = event.kind { plan.missingParts.isEmpty } else { false }
    }
}

/// Days from `start` to `end`, to the minute.
func days(_ start: Instant, _ end: Instant) -> Double { Double((end - start).minutes) / 1440 }
