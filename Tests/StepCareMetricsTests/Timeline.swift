import StepCareCore
import StepCareEngine
import StepCareMetrics
import StepCareRegistry

/// Hand-built timelines for metric tests. Day 0 is Monday 2026-01-05; every event is at 09:00 plus any hours
/// given. The huddle week under test is days 7–13: Monday 2026-01-12 00:00 to Sunday 2026-01-18 23:59.
struct Timeline {
    static let registry: Registry = {
        do { return try Registry.builtIn() } catch { fatalError("the built-in registry is broken: \(error)") }
    }()
    static let pathway: Pathway = {
        do { return try registry.pathway("community-stepped-care") } catch { fatalError("\(error)") }
    }()
    static let metrics = HuddleMetrics(
        engine: Engine(pathway: pathway), outcomeMeasures: HuddleMetrics.talkingTherapiesMeasures(in: registry))
    static let start = Instant(year: 2026, month: 1, day: 5, hour: 9) ?? Instant(minutes: 0)
    /// The week under test: days 7 to 13.
    static let week = ReportingWindow.week(ending: day(13))
    static let staff = Actor(name: "lee", role: .supervisor)

    static func day(_ day: Int, hours: Int = 0) -> Instant { start + .days(day) + .hours(hours) }

    /// Fractional days from `from` to `to`, for hand-computed expectations.
    static func days(from: Instant, to: Instant) -> Double { Double((to - from).minutes) / 1440 }

    var timeline: CaseTimeline

    /// A case referred on `day`.
    init(_ caseID: String, referred day: Int, demographics: [String: String] = [:]) {
        timeline = CaseTimeline(caseID: caseID, demographics: demographics)
        add(day, .referral(preference: nil))
    }

    mutating func add(_ day: Int, _ kind: CaseEventKind, hours: Int = 0) {
        do { try timeline.append(CaseEvent(at: Self.day(day, hours: hours), kind)) } catch { fatalError("\(error)") }
    }

    mutating func place(
        _ tier: String, on day: Int, from: String? = nil, kind: MoveKind = .place, slot: Slot = .standard,
        hours: Int = 0
    ) {
        add(day, .placement(Placement(tier: tier, from: from, kind: kind, slot: slot, actor: Self.staff)), hours: hours)
    }

    mutating func contact(_ day: Int, hours: Int = 0) { add(day, .contact(attended: true), hours: hours) }

    mutating func discharge(_ day: Int, hours: Int = 0) { add(day, .discharge(by: Self.staff), hours: hours) }

    /// A scored total recorded without item answers (outcome rules read totals only).
    mutating func score(_ instrument: String, _ total: Int, on day: Int, hours: Int = 0) {
        add(day, .administration(AdministrationRecord(instrumentID: instrument, total: Score(total))), hours: hours)
    }

    mutating func plan(_ day: Int, complete: Bool = true) {
        let plan = StabilityPlan(
            earlyWarningSigns: "sleep", copingActions: "walk", reaccessRoute: "duty line",
            followUpSchedule: complete ? "weeks 2 and 6" : " ")
        add(day, .plan(.stability(plan)))
    }

    /// The metrics of `cases` over the week under test.
    static func metrics(_ cases: [Timeline], window: ReportingWindow = week) -> MetricSet {
        metrics.compute(cases.map(\.timeline), window: window)
    }
}
