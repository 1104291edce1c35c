public import StepCareCore
public import StepCareEngine

/// The cases, training clock and pathway a session works on.
///
/// Cases live in memory for the length of the session (context: training). The clock is injected: the
/// executable starts it at today's date, scripts set it with `today` and move it with `advance`.
public final class Workspace {
    /// The engine for the pathway in use, or `nil` when the build registers no pathway.
    public internal(set) var engine: Engine?
    /// The cases opened in this session.
    public internal(set) var caseload = Caseload()
    /// The session's clock: what "now" means for records and evaluations.
    public internal(set) var now: Instant
    /// The case commands act on when no `--case` is given.
    public internal(set) var currentCase: String?
    private var nextCaseNumber = 1

    /// Creates a workspace using `pathway` with the clock at `now`.
    public init(pathway: Pathway?, now: Instant) {
        self.engine = pathway.map(Engine.init(pathway:))
        self.now = now
    }

    /// A fresh pseudonymous case id, `C001`, `C002`, …, skipping ids in use.
    func freshCaseID() -> String {
        while true {
            let digits = String(nextCaseNumber)
            let id = "C" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
            nextCaseNumber += 1
            if caseload.cases[id] == nil { return id }
        }
    }

    /// Opens a case, making it current.
    func open(_ timeline: CaseTimeline) throws(StepCareError) {
        try caseload.open(timeline)
        currentCase = timeline.caseID
    }

    /// Stores a case's longer timeline after an accepted record or decision.
    func store(_ timeline: CaseTimeline) {
        caseload.update(timeline)
    }
}
