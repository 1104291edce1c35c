import StepCareCore
import StepCareEngine
import StepCareRegistry

/// Builds case timelines day by day for engine tests, scoring administrations with the real instruments.
struct CaseFixture {
    static let registry: Registry = {
        do { return try Registry.builtIn() } catch { fatalError("the built-in registry is broken: \(error)") }
    }()
    static let pathway: Pathway = {
        do { return try registry.pathway("community-stepped-care") } catch { fatalError("\(error)") }
    }()
    static let engine = Engine(pathway: pathway)
    /// Day 0: 2026-01-05, 09:00.
    static let start = Instant(year: 2026, month: 1, day: 5, hour: 9) ?? Instant(minutes: 0)

    static let clinician = Actor(name: "ana", role: .clinician)
    static let supervisor = Actor(name: "lee", role: .supervisor)
    static let lead = Actor(name: "raj", role: .clinicalLead)
    static let coach = Actor(name: "kim", role: .coach)

    var timeline: CaseTimeline

    /// A case referred on day 0, with a preference if given.
    init(_ caseID: String = "C001", prefers preference: String? = nil) {
        timeline = CaseTimeline(caseID: caseID)
        add(0, .referral(preference: preference))
    }

    /// The instant `day` days (and `hours` hours) after day 0.
    static func day(_ day: Int, hours: Int = 0) -> Instant { start + .days(day) + .hours(hours) }

    /// Appends an event on `day`.
    mutating func add(_ day: Int, _ kind: CaseEventKind, hours: Int = 0) {
        do { try timeline.append(CaseEvent(at: Self.day(day, hours: hours), kind)) } catch { fatalError("\(error)") }
    }

    /// An administration scored by the real instrument.
    static func score(_ id: String, _ values: [Int]) -> CaseEventKind {
        do {
            let instrument = try registry.instrument(id)
            let report = try instrument.score(values: values)
            return .administration(AdministrationRecord(report, definition: instrument.definition))
        } catch {
            fatalError("\(error)")
        }
    }

    /// PHQ-9 answers summing to `total` with item 9 at 0 (no risk flag); `total` ≤ 24.
    static func phq9(_ total: Int, item9: Int = 0) -> CaseEventKind {
        score("phq9", spread(total - item9, over: 8, maximum: 3) + [item9])
    }

    /// GAD-7 answers summing to `total`.
    static func gad7(_ total: Int) -> CaseEventKind { score("gad7", spread(total, over: 7, maximum: 3)) }

    /// WSAS answers summing to `total`.
    static func wsas(_ total: Int) -> CaseEventKind { score("wsas", spread(total, over: 5, maximum: 8)) }

    static func spread(_ total: Int, over count: Int, maximum: Int) -> [Int] {
        precondition(total >= 0 && total <= count * maximum, "total out of range")
        return (0..<count).map { index in min(maximum, max(0, total - index * maximum)) }
    }

    /// Places the client in `tier` on `day` (bypassing rights, for setting up a state).
    mutating func place(
        _ tier: String, on day: Int, from: String? = nil, kind: MoveKind = .place, slot: Slot = .standard
    ) {
        add(day, .placement(Placement(tier: tier, from: from, kind: kind, slot: slot, actor: Self.supervisor)))
    }

    /// The engine's evaluation as of `day`.
    func evaluate(on day: Int, hours: Int = 0) -> Evaluation {
        Self.engine.evaluate(timeline, asOf: Self.day(day, hours: hours))
    }

    /// The kinds of the outstanding recommendations as of `day`.
    func recommended(on day: Int, hours: Int = 0) -> [String] {
        evaluate(on: day, hours: hours).recommendations.map(\.kind.word)
    }

    /// The outstanding recommendation from `ruleID` as of `day`.
    func recommendation(_ ruleID: String, on day: Int) -> Recommendation? {
        evaluate(on: day).recommendations.first { $0.ruleID == ruleID }
    }
}
