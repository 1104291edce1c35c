public import StepCareCore
import StepCareEngine
public import StepCareTesting

/// Seeded random case timelines for differential tests: every kind of event, in any order the timeline
/// accepts, with same-minute events, discharges followed by more events and returns, moves between any tiers,
/// and administrations scored by the real instruments (with risk items answered).
///
/// The timelines are not clinically plausible on purpose: the engines must agree on anything a timeline can
/// hold, including what a careless import could put there.
public struct RandomTimelines: Sendable {
    /// The pathway whose tiers, roles and rules the events name.
    public let pathway: Pathway
    /// The instruments administered.
    public let instruments: [any Instrument]

    /// Creates a generator for `pathway`, scoring with `instruments`.
    public init(pathway: Pathway, instruments: [any Instrument]) {
        self.pathway = pathway
        self.instruments = instruments
    }

    /// A timeline of up to `maximumEvents` events for case `caseID`, starting at `start`.
    public func timeline(
        _ caseID: String, start: Instant, maximumEvents: Int, random: inout SplitMix64
    ) -> CaseTimeline {
        var timeline = CaseTimeline(caseID: caseID)
        var now = start
        let count = random.next(below: maximumEvents + 1)
        for index in 0..<count {
            now = now + gap(&random)
            let kind =
                index == 0 && random.next(below: 10) > 0 ? .referral(preference: preference(&random)) : event(&random)
            try? timeline.append(CaseEvent(at: now, kind))
        }
        return timeline
    }

    /// Moments to ask about `timeline`: before its first event, at and between its events, and after its last.
    public func moments(of timeline: CaseTimeline, count: Int, random: inout SplitMix64) -> [Instant] {
        guard let first = timeline.events.first?.at, let last = timeline.lastEventAt else {
            return [Instant(minutes: 29_000_000)]
        }
        let span = max(1, (last - first).minutes)
        return (0..<count).map { _ in
            switch random.next(below: 4) {
            case 0: return timeline.events[random.next(below: timeline.events.count)].at
            case 1: return first + TimeSpan(minutes: random.next(below: span + 1) - 1440)
            case 2: return last + TimeSpan(minutes: random.next(below: 1440 * 120))
            default: return last.startOfDay + TimeSpan(minutes: 1439 + 1440 * random.next(below: 40))
            }
        }
    }

    /// Time to the next event: often none (the same minute), minutes, hours or days.
    func gap(_ random: inout SplitMix64) -> TimeSpan {
        switch random.next(below: 10) {
        case 0, 1: TimeSpan(minutes: 0)
        case 2: TimeSpan(minutes: random.next(below: 60))
        case 3: .hours(random.next(below: 24))
        case 4, 5, 6: .days(random.next(below: 8))
        default: TimeSpan(minutes: random.next(below: 1440 * 30))
        }
    }

    func preference(_ random: inout SplitMix64) -> String? {
        random.next(below: 3) == 0 ? tier(&random) : nil
    }

    func tier(_ random: inout SplitMix64) -> String { pathway.tiers[random.next(below: pathway.tiers.count)].id }

    func actor(_ random: inout SplitMix64) -> Actor {
        let role = pathway.roles[random.next(below: pathway.roles.count)]
        return Actor(name: "\(role.id)-\(random.next(below: 3))", role: role)
    }

    func event(_ random: inout SplitMix64) -> CaseEventKind {
        switch random.next(below: 46) {
        case 0: return .referral(preference: preference(&random))
        case 1...12: return administration(&random)
        case 13...17: return .contact(attended: true)
        case 18, 19: return .contact(attended: false)
        case 20, 21: return .crisisContact()
        case 22: return .emergencyVisit()
        case 23: return .medicationConcern
        case 24, 25: return plan(&random)
        case 26...29:
            let kinds = ReviewKind.allCases
            return .review(kinds[random.next(below: kinds.count)], by: actor(&random))
        case 30...33: return placement(&random)
        case 34: return .waitlisted(tier: tier(&random), move: .stepUp, actor: actor(&random))
        case 35, 36:
            return .handoverScheduled(
                number: 1 + random.next(below: 2), due: Instant(minutes: 29_400_000 + random.next(below: 400_000)))
        case 37: return .discharge(by: actor(&random))
        case 38, 39:
            let outcomes = OutreachOutcome.allCases
            return .outreach(
                method: .phone, outcome: outcomes[random.next(below: outcomes.count)], by: actor(&random))
        case 40: return .prescriberQuestion
        case 41:
            return .plan(.stepUp(StepUpPlan(safetyActions: "agreed", checkIns: "weekly", stepDownTarget: "stable")))
        case 42: return .assignment(Assignment(clinician: "ana", by: actor(&random)))
        case 43:
            return .crisisContact(CrisisDetail(channel: .crisisTeam, outcome: .resolved))
        default: return .contact(attended: random.next(below: 2) == 0)
        }
    }

    func administration(_ random: inout SplitMix64) -> CaseEventKind {
        let instrument = instruments[random.next(below: instruments.count)]
        let items = instrument.definition.items
        // Mostly high or mostly low answer sets, so bands and thresholds are crossed both ways.
        let level = random.next(below: 4)
        let values = items.map { item -> Int in
            let options = item.options.map(\.value)
            guard let low = options.min(), let high = options.max() else { return 0 }
            let range = high - low + 1
            let draw = random.next(below: range)
            return low + min(range - 1, level == 0 ? draw / 3 : level == 3 ? range - 1 - draw / 3 : draw)
        }
        guard let report = try? instrument.score(values: values) else { return .contact(attended: true) }
        return .administration(AdministrationRecord(report, definition: instrument.definition))
    }

    func plan(_ random: inout SplitMix64) -> CaseEventKind {
        if random.next(below: 3) == 0 { return .plan(.safety(summary: "agreed")) }
        let gap = random.next(below: 3) == 0
        return .plan(
            .stability(
                StabilityPlan(
                    earlyWarningSigns: "signs", copingActions: gap ? " " : "actions", reaccessRoute: "route",
                    followUpSchedule: "weekly")))
    }

    func placement(_ random: inout SplitMix64) -> CaseEventKind {
        let kinds: [MoveKind] = [.place, .stepUp, .stepDown, .override]
        let slots: [Slot] = [.standard, .rapidAccess, .exception]
        return .placement(
            Placement(
                tier: tier(&random), from: random.next(below: 4) == 0 ? nil : tier(&random),
                kind: kinds[random.next(below: kinds.count)], slot: slots[random.next(below: slots.count)],
                actor: actor(&random)))
    }
}
