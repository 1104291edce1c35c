public import StepCareCore
public import StepCareEngine

/// One replication of a pathway simulation: every simulated case, as the engine recorded it.
public struct PathwayRun: Sendable {
    /// The replication's seed.
    public var seed: UInt64
    /// Every case referred, in referral order; kept (`simulate --save`) only in the `simulation` context.
    public var caseload: Caseload
    /// The pathway as simulated (with any changed capacity).
    public var pathway: Pathway
    /// The first day of the run.
    public var start: Instant
    /// The end of the horizon.
    public var end: Instant
    /// Staff decisions the engine refused (a sign the service policy and the rules disagree).
    public var refusedDecisions: Int
}

/// A synthetic population driven through a pathway by the real engine: triage, escalation, step-downs with
/// plans, rapid-access slots, waitlists and deadlines are the pathway's own rules, enforced as in practice.
///
/// Each referral gets a hidden severity that moves each week (responders improve, others drift, sudden
/// deteriorations happen); crisis contacts and ED visits arrive with hazards that rise with severity; placed
/// clients have weekly contacts (some missed) with PHQ-9 and GAD-7 scored by the registered instruments, WSAS
/// every fourth. Staff act on the engine's recommendations after a delay, as the decision rights allow.
public struct PathwaySimulation: Sendable {
    /// The pathway simulated, with the population's slots.
    public let pathway: Pathway
    /// The population and service figures.
    public let population: PopulationModel
    /// The horizon, days.
    public let days: Double
    /// The first day.
    public let start: Instant
    /// Open cases the run starts with (a service's caseload as it stands), followed from where their records end.
    public var initialCases: [CaseTimeline] = []
    let phq9: any Instrument
    let gad7: any Instrument
    let wsas: any Instrument

    /// The longest horizon simulated, in days: ten years, so a run ends and its records stay in the dates a record
    /// may carry.
    public static let longestRun = 3_660.0

    /// Creates a simulation of `pathway` with `population`'s figures over `days` days from `start`.
    ///
    /// - Throws: ``StepCareError`` when the horizon is not positive or an instrument the population is measured
    ///   with (PHQ-9, GAD-7, WSAS) is not registered.
    public init(
        pathway: Pathway, population: PopulationModel, registry: Registry, days: Double, start: Instant
    ) throws(StepCareError) {
        guard days > 0, days.isFinite else {
            throw .simulation("--days", "must be a positive number of days, not \(shown(days))")
        }
        guard days <= Self.longestRun else {
            throw .simulation(
                "--days", "must be at most \(Int(Self.longestRun)) (ten years of simulated records), not \(shown(days))"
            )
        }
        self.pathway = population.applyCapacity(to: pathway)
        self.population = population
        self.days = days
        self.start = start
        phq9 = try registry.instrument("phq9")
        gad7 = try registry.instrument("gad7")
        wsas = try registry.instrument("wsas")
    }

    /// Runs one replication with `seed`.
    public func simulate(seed: UInt64) -> PathwayRun {
        var runner = PathwayRunner(simulation: self, seed: seed)
        runner.run()
        return PathwayRun(
            seed: seed, caseload: runner.allCases(), pathway: pathway, start: start,
            end: start + TimeSpan(minutes: Int(days * 1440)), refusedDecisions: runner.refused)
    }
}

/// The mutable state of one pathway replication.
private struct PathwayRunner {
    enum Event: Sendable {
        case referral, week(Int), contact(Int, generation: Int), crisis(Int), emergency(Int), act(Int)
    }

    let simulation: PathwaySimulation
    let engine: Engine
    let p: Figures
    /// Draws for everything that happens in care (measurements, crises, responses, attendance).
    var random: SimulationRandom
    /// Draws for who arrives and when (referral times, and each client's demographics and hidden severity), a
    /// stream of their own, so every point of a what-if with the same seed sees the same referrals, whatever
    /// the service does with them (common random numbers that stay common).
    var intake: SimulationRandom
    var queue = EventQueue<Event>()
    var clients: [SyntheticClient] = []
    /// The engine's running view of each client's case, advanced with every event recorded (staff act on the
    /// kinds of recommendation, so the evidence is not written out).
    var monitors: [CaseMonitor] = []
    /// Whether each client waits for a tier (waitlisted since their latest placement).
    var waiting: [Bool] = []
    /// Each client's latest PHQ-9 total (0 before the first).
    var latestPHQ9: [Double] = []
    var clientOfCase: [String: Int] = [:]
    var caseload: Caseload
    var finished: [String: CaseTimeline] = [:]
    var refused = 0
    /// Case ids are `S<seed>-<n>`, so replications saved side by side never clash.
    let caseIDPrefix: String

    static let clinician = Actor(name: "sim-clinician", role: .clinician)
    static let supervisor = Actor(name: "sim-supervisor", role: .supervisor)

    init(simulation: PathwaySimulation, seed: UInt64) {
        self.simulation = simulation
        engine = Engine(pathway: simulation.pathway)
        p = Figures(simulation.population, pathway: simulation.pathway)
        random = SimulationRandom(seed: seed)
        intake = SimulationRandom(seed: seed, stream: 1)
        caseload = Caseload(tiers: simulation.pathway.tiers.map(\.id))
        caseIDPrefix = seed < 1_000_000 ? "S\(seed)-" : "S-"
    }

    mutating func run() {
        for timeline in simulation.initialCases { adopt(timeline) }
        if !simulation.initialCases.isEmpty { fillWaitlists(at: simulation.start) }  // slots the run adds
        queue.schedule(.referral, at: intake.exponential(mean: 1 / p.referralRate))
        while let (time, event) = queue.next(until: simulation.days) {
            switch event {
            case .referral:
                refer(at: time)
                queue.schedule(.referral, at: time + intake.exponential(mean: 1 / p.referralRate))
            case .week(let k): week(k, at: time)
            case .contact(let k, let generation): contact(k, generation: generation, at: time)
            case .crisis(let k): record(k, .crisisContact(), at: time)
            case .emergency(let k): record(k, .emergencyVisit(), at: time)
            case .act(let k): act(k, at: time)
            }
        }
    }

    /// Every case: those discharged and those still open, in referral order.
    func allCases() -> Caseload {
        var all = Caseload()
        for client in clients {
            if let timeline = finished[client.caseID] ?? caseload.cases[client.caseID] { try? all.open(timeline) }
        }
        return all
    }

    func instant(_ day: Double) -> Instant { simulation.start + TimeSpan(minutes: Int(day * 1440)) }

    // MARK: Clients and what happens to them

    mutating func refer(at time: Double) {
        let k = clients.count
        // A run that starts from a caseload holds its cases' ids already: a new referral takes the next free one.
        var number = k + 1
        while caseload.cases[caseIDPrefix + "\(number)"] != nil { number += 1 }
        let caseID = caseIDPrefix + "\(number)"
        var demographics: [String: String] = [:]
        for (field, mix) in simulation.population.demographics {
            let u = intake.uniform()
            var running = 0.0
            demographics[field] =
                mix.first {
                    running += $0.share; return u < running
                }?.code ?? mix.last?.code
        }
        clients.append(
            SyntheticClient(
                caseID: caseID,
                severity: clamp(p.intakeMean + p.intakeSD * intake.standardNormal(), 0, 27),
                anxietyRatio: clamp(0.7 + 0.1 * intake.standardNormal(), 0.3, 1.2),
                functionRatio: clamp(1.2 + 0.2 * intake.standardNormal(), 0.5, 2), updatedAt: time))
        try? caseload.open(CaseTimeline(caseID: caseID, demographics: demographics))
        monitors.append(CaseMonitor(engine: engine, explaining: false))
        waiting.append(false)
        latestPHQ9.append(0)
        clientOfCase[caseID] = k
        append(k, .referral(preference: nil), at: time)
        measure(k, at: time, function: true)
        queue.schedule(.week(k), at: time + 7)
        review(k, at: time)
    }

    /// Takes on an open case as it stands: its record so far, its tier and sessions, its place on a waitlist;
    /// severity from its latest PHQ-9 (the intake mean without one). Its week and first contact fall at random
    /// in the first week, so the caseload does not move in step.
    mutating func adopt(_ timeline: CaseTimeline) {
        guard let last = timeline.events.last, last.at <= simulation.start else { return }
        let k = clients.count
        var latest: Double?
        for event in timeline.events {
            if case .administration(let record) = event.kind, record.instrumentID == "phq9", let total = record.total {
                latest = total.value
            }
        }
        clients.append(
            SyntheticClient(
                caseID: timeline.caseID, severity: clamp(latest ?? p.intakeMean, 0, 27),
                anxietyRatio: clamp(0.7 + 0.1 * random.standardNormal(), 0.3, 1.2),
                functionRatio: clamp(1.2 + 0.2 * random.standardNormal(), 0.5, 2), updatedAt: 0))
        try? caseload.open(timeline)
        monitors.append(CaseMonitor(engine: engine, explaining: false))
        waiting.append(false)
        latestPHQ9.append(0)
        clientOfCase[timeline.caseID] = k
        follow(k, timeline.events)
        if let tier = monitors[k].state.tier, let rank = simulation.pathway.rank(of: tier) {
            clients[k].tierRank = rank
            clients[k].placements = 1
            clients[k].contacts = monitors[k].state.sessions.count
            clients[k].responder = random.uniform() < p.response[rank]
            queue.schedule(.contact(k, generation: 1), at: 7 * random.uniform())
        }
        queue.schedule(.week(k), at: 7 * random.uniform())
        review(k, at: 0)
    }

    /// A week passes for client `k`: severity moves and crises are drawn for the coming week.
    mutating func week(_ k: Int, at time: Double) {
        guard !clients[k].discharged else { return }
        evolve(k, to: time)
        if clients[k].tierRank != nil, random.uniform() < p.deterioration {
            clients[k].severity = min(27, clients[k].severity + 4)
        }
        let factor = exp(p.slope * (clients[k].severity - 10))
        schedulePoisson(.crisis(k), rate: p.crisisHazard * factor, from: time)
        schedulePoisson(.emergency(k), rate: p.emergencyHazard * factor, from: time)
        queue.schedule(.week(k), at: time + 7)
    }

    /// A placed client's weekly contact, attended or missed, with scores when attended. Each placement starts a
    /// new series (`generation`), the first contact `first-contact.delay` days after the move.
    mutating func contact(_ k: Int, generation: Int, at time: Double) {
        guard !clients[k].discharged, generation == clients[k].placements, let rank = clients[k].tierRank else {
            return
        }
        evolve(k, to: time)
        let attended = random.uniform() >= p.noShow[rank]
        append(k, .contact(attended: attended), at: time)
        if attended {
            clients[k].contacts += 1
            measure(k, at: time, function: clients[k].contacts % 4 == 0)
        }
        queue.schedule(.contact(k, generation: generation), at: time + 7)
        review(k, at: time)
    }

    mutating func schedulePoisson(_ event: Event, rate: Double, from time: Double) {
        guard rate > 0 else { return }
        var at = time + random.exponential(mean: 1 / rate)
        while at < time + 7 {
            queue.schedule(event, at: at)
            at += random.exponential(mean: 1 / rate)
        }
    }

    mutating func record(_ k: Int, _ kind: CaseEventKind, at time: Double) {
        guard !clients[k].discharged else { return }
        append(k, kind, at: time)
        review(k, at: time)
    }

    /// Brings client `k`'s severity up to `time`: responders improve, others drift, everyone varies.
    mutating func evolve(_ k: Int, to time: Double) {
        let weeks = max(0, time - clients[k].updatedAt) / 7
        var change = 0.7 * weeks.squareRoot() * random.standardNormal()
        if let rank = clients[k].tierRank {
            change += clients[k].responder ? -p.improvement[rank] * weeks : p.drift * weeks
        }
        clients[k].severity = clamp(clients[k].severity + change, 0, 27)
        clients[k].updatedAt = time
    }

    /// Scores PHQ-9 and GAD-7 (and WSAS when `function`) from the hidden severity, with the real instruments.
    mutating func measure(_ k: Int, at time: Double, function: Bool) {
        let client = clients[k]
        let observed = clamp(client.severity + p.measurementSD * random.standardNormal(), 0, 27)
        let risk = random.uniform() < min(0.95, p.riskItem9 * exp(p.slope * (client.severity - 10)))
        let phq9 = SyntheticClient.answers(
            total: Int(observed.rounded()), items: 9, maximum: 3, riskItem: 9, risk: risk, random: &random)
        let gadTotal = clamp(client.severity * client.anxietyRatio + random.standardNormal(), 0, 21)
        let gad7 = SyntheticClient.answers(total: Int(gadTotal.rounded()), items: 7, maximum: 3, random: &random)
        administer(k, simulation.phq9, phq9, at: time)
        administer(k, simulation.gad7, gad7, at: time)
        if function {
            let wsasTotal = clamp(client.severity * client.functionRatio + 2 * random.standardNormal(), 0, 40)
            let wsas = SyntheticClient.answers(total: Int(wsasTotal.rounded()), items: 5, maximum: 8, random: &random)
            administer(k, simulation.wsas, wsas, at: time)
        }
    }

    mutating func administer(_ k: Int, _ instrument: any Instrument, _ answers: [Int], at time: Double) {
        guard let report = try? instrument.score(values: answers) else { return }
        append(k, .administration(AdministrationRecord(report, definition: instrument.definition)), at: time)
    }

    mutating func append(_ k: Int, _ kind: CaseEventKind, at time: Double) {
        let event = CaseEvent(at: instant(time), kind)
        guard (try? caseload.append(event, to: clients[k].caseID)) != nil else { return }
        follow(k, CollectionOfOne(event))
    }

    /// Records a decision's events on client `k`'s case, in place, and follows them.
    mutating func keep(_ k: Int, _ events: [CaseEvent]) {
        for event in events {
            guard (try? caseload.append(event, to: clients[k].caseID)) != nil else { return }
            follow(k, CollectionOfOne(event))
        }
    }

    /// Advances client `k`'s monitor and flags over events just recorded.
    mutating func follow(_ k: Int, _ events: some Sequence<CaseEvent>) {
        for event in events {
            monitors[k].append(event)
            switch event.kind {
            case .waitlisted: waiting[k] = true
            case .placement: waiting[k] = false
            case .administration(let record) where record.instrumentID == "phq9":
                latestPHQ9[k] = record.total?.value ?? 0
            default: break
            }
        }
    }

    // MARK: Staff

    /// Asks the engine what client `k` needs; schedules the staff's action after their delay.
    mutating func review(_ k: Int, at time: Double) {
        guard !clients[k].actionScheduled, !clients[k].discharged else { return }
        let waiting = isWaiting(k)
        let recommendations = monitors[k].ask(asOf: instant(time)) { Self.actionable($0, waiting: waiting) }
        guard !recommendations.isEmpty else { return }
        let urgent = recommendations.contains { $0.kind == .urgentSafetyReview }
        let placing = recommendations.contains { $0.kind == .place }
        let delay = urgent ? p.urgentDelay : placing ? min(p.reviewDelay, 1) : p.reviewDelay
        clients[k].actionScheduled = true
        queue.schedule(.act(k), at: time + delay)
    }

    /// Whether staff have something to do about `kind` for a client (one `waiting` for a tier is not re-queued).
    static func actionable(_ kind: RecommendationKind, waiting: Bool) -> Bool {
        switch kind {
        case .handoverContact, .scheduledContact: false
        case .place, .stepUp: !waiting
        default: true
        }
    }

    func isWaiting(_ k: Int) -> Bool { waiting[k] }

    /// Staff act on client `k`'s outstanding recommendations, most urgent first, until one changes their tier.
    mutating func act(_ k: Int, at time: Double) {
        clients[k].actionScheduled = false
        guard !clients[k].discharged else { return }
        let waiting = isWaiting(k)
        let recommendations = monitors[k].ask(asOf: instant(time)) { Self.actionable($0, waiting: waiting) }
        // A move that waitlists the client leaves them waiting for the rest of the list.
        for recommendation in recommendations where Self.actionable(recommendation.kind, waiting: isWaiting(k)) {
            if perform(recommendation.kind, k, at: time) { break }
        }
        review(k, at: time)
    }

    /// Carries out one recommendation; returns whether the client moved or left.
    mutating func perform(_ kind: RecommendationKind, _ k: Int, at time: Double) -> Bool {
        switch kind {
        case .place:
            return move(MoveRequest(.place, by: Self.clinician, coSigner: Self.supervisor, at: instant(time)), k)
        case .urgentSafetyReview:
            return move(MoveRequest(.clearRiskFlag, by: Self.clinician, at: instant(time)), k)
        case .tierReview:
            append(k, .review(.structured, by: Self.clinician), at: time)
            let latest = latestPHQ9[k]
            if latest >= 10, let rank = clients[k].tierRank, rank + 1 < simulation.pathway.tiers.count {
                return stepUp(k, to: simulation.pathway.tiers[rank + 1].id, at: time)
            }
            if latest < 10 {
                return move(
                    MoveRequest(.discharge, by: Self.clinician, reason: "recovered", at: instant(time)), k)
            }
            return false
        case .stepUp(let target):
            append(k, .review(.structured, by: Self.clinician), at: time)
            return stepUp(k, to: target, at: time)
        case .stepDown(let target):
            append(k, .review(.structured, by: Self.clinician), at: time)
            append(
                k,
                .plan(
                    .stability(
                        StabilityPlan(
                            earlyWarningSigns: "agreed with the client", copingActions: "agreed with the client",
                            reaccessRoute: "duty line, same day", followUpSchedule: "two handover contacts"))),
                at: time)
            return move(
                MoveRequest(
                    .stepDown, tier: target, by: Self.clinician, coSigner: Self.supervisor, at: instant(time)), k)
        case .routeElsewhere:
            return move(MoveRequest(.discharge, by: Self.clinician, reason: "routed", at: instant(time)), k)
        case .followUpContact:
            append(k, .outreach(method: .phone, outcome: .reached, by: Self.clinician), at: time)
            return false
        case .stepUpPlan:
            append(
                k,
                .plan(
                    .stepUp(
                        StepUpPlan(
                            safetyActions: "agreed with the client", checkIns: "weekly",
                            stepDownTarget: "stable for 8 weeks"))),
                at: time)
            return false
        case .handoverContact, .scheduledContact:
            return false
        }
    }

    mutating func stepUp(_ k: Int, to target: String, at time: Double) -> Bool {
        guard !isWaiting(k) else { return false }
        append(k, .review(.supervisor, by: Self.supervisor), at: time)
        return move(
            MoveRequest(.stepUp, tier: target, by: Self.clinician, coSigner: Self.supervisor, at: instant(time)), k)
    }

    /// Applies a request through the engine; on a move, updates the client and offers any freed slot.
    mutating func move(_ request: MoveRequest, _ k: Int) -> Bool {
        let caseID = clients[k].caseID
        let decision: MoveDecision
        do {
            decision = try engine.decide(request, for: caseID, in: caseload, following: monitors[k])
        } catch {
            refused += 1
            return false
        }
        keep(k, decision.events)
        switch decision.result {
        case .moved(let placement):
            let from = clients[k].tierRank
            place(k, in: placement.tier, at: queue.now)
            if from != nil { fillWaitlists(at: request.at) }
            return true
        case .discharged:
            clients[k].discharged = true
            finished[caseID] = caseload.cases[caseID]
            caseload.remove(caseID)
            fillWaitlists(at: request.at)
            return true
        case .waitlisted, .riskReviewed:
            return false
        }
    }

    mutating func place(_ k: Int, in tier: String, at time: Double) {
        guard let rank = simulation.pathway.rank(of: tier) else { return }
        evolve(k, to: time)
        clients[k].tierRank = rank
        clients[k].contacts = 0
        clients[k].placements += 1
        clients[k].responder = random.uniform() < p.response[rank]
        queue.schedule(.contact(k, generation: clients[k].placements), at: time + p.firstContactDelay)
    }

    /// Offers free slots to the heads of the waitlists, with the move each was waiting for.
    mutating func fillWaitlists(at now: Instant) {
        var attempts = 0
        var progress = true
        while progress, attempts < 100 {
            progress = false
            // The caseload's live census, read directly: the heads of the waitlists, not whole lists.
            let census = caseload.census
            for (rank, tier) in simulation.pathway.tiers.enumerated()
            where tier.capacity.standardSlots > census.used(.standard, rank: rank) {
                guard let head = census.waitlistHead(rank: rank), let k = clientOfCase[head],
                    let kind = waitedMove(k, for: tier.id)
                else { continue }
                attempts += 1
                let action: Action = kind == .stepUp ? .stepUp : kind == .stepDown ? .stepDown : .place
                let request = MoveRequest(
                    action, tier: action == .place ? nil : tier.id, by: Self.clinician,
                    coSigner: Self.supervisor, at: now)
                if move(request, k) { progress = true }
                break
            }
        }
    }

    func waitedMove(_ k: Int, for tier: String) -> MoveKind? {
        guard let timeline = caseload.cases[clients[k].caseID] else { return nil }
        for event in timeline.events.reversed() {
            if case .waitlisted(let waited, let move, _) = event.kind, waited == tier { return move }
        }
        return nil
    }
}

/// The population's figures, read once into plain values for the inner loop.
private struct Figures {
    let referralRate, intakeMean, intakeSD, measurementSD, deterioration, drift: Double
    let crisisHazard, emergencyHazard, slope, riskItem9, reviewDelay, urgentDelay, firstContactDelay: Double
    let response, improvement, noShow: [Double]

    init(_ model: PopulationModel, pathway: Pathway) {
        referralRate = model["referral.rate"]
        intakeMean = model["intake.phq9.mean"]
        intakeSD = model["intake.phq9.sd"]
        measurementSD = model["measurement.sd"]
        deterioration = model["deterioration"]
        drift = model["drift"]
        crisisHazard = model["crisis.hazard"]
        emergencyHazard = model["emergency.hazard"]
        slope = model["hazard.slope"]
        riskItem9 = model["risk.item9"]
        reviewDelay = model["review.delay"]
        urgentDelay = model["urgent.delay"]
        firstContactDelay = model["first-contact.delay"]
        response = pathway.tiers.map { model["\($0.id).response"] }
        improvement = pathway.tiers.map { model["\($0.id).improvement"] }
        noShow = pathway.tiers.map { model["\($0.id).no-show"] }
    }
}

private func clamp(_ x: Double, _ low: Double, _ high: Double) -> Double { min(high, max(low, x)) }
