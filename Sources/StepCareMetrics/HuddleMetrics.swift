public import StepCareCore
public import StepCareEngine

/// The weekly huddle metrics of DESIGN.md, computed from timelines alone, so the same code serves live records
/// and simulated ones. `docs/metrics.md` defines each figure: numerator, denominator, window and censoring.
public struct HuddleMetrics: Sendable {
    /// The engine of the pathway the caseload follows.
    public var engine: Engine
    /// The measures NHS Talking Therapies outcomes are classified on (e.g. PHQ-9 and GAD-7); a course counts
    /// as paired only when every one of them was scored at least twice. Empty: outcomes are not classified.
    public var outcomeMeasures: [OutcomeMeasure]
    /// How reliable change combines over the measures.
    public var outcomeRules: OutcomeRules
    /// The events recorded late (live records only), by case id and event position: placements among them are
    /// counted again as `placements.entered-late`, so an access figure that rests on a late entry shows as such.
    public var lateEntries: [String: Set<Int>] = [:]
    /// The engine of each configuration version the service has had, from when it took effect, oldest first
    /// (empty when the pathway ran on one configuration throughout): the engine is asked about each moment under
    /// the configuration in force then, as a session's evaluations are. The last is ``engine``.
    public var eras: [(from: Instant, engine: Engine)] = []

    /// Each tier's slots (ordinary, surge and rapid-access together) at a moment, when the service's slots
    /// changed over the weeks reported: a week's occupancy is taken against the slots it ended with. `nil`:
    /// the pathway's slots throughout.
    public var slotsAt: (@Sendable (Instant) -> [String: Int])?

    /// The engine in force just before `moment` (a change takes effect after the events of its own minute).
    func engine(before moment: Instant) -> Engine {
        eras.last(where: { $0.from < moment })?.engine ?? eras.first?.engine ?? engine
    }

    /// Creates the metrics of `engine`'s pathway.
    public init(engine: Engine, outcomeMeasures: [OutcomeMeasure] = [], outcomeRules: OutcomeRules = OutcomeRules()) {
        self.engine = engine
        self.outcomeMeasures = outcomeMeasures
        self.outcomeRules = outcomeRules
    }

    /// The default outcome measures: PHQ-9 (depression) and GAD-7 (anxiety), when `registry` has them.
    public static func talkingTherapiesMeasures(in registry: Registry) -> [OutcomeMeasure] {
        ["phq9", "gad7"].compactMap { id in
            (try? registry.instrument(id)).flatMap { try? OutcomeMeasure($0.definition) }
        }
    }

    /// The metrics of every case in `caseload` over `window`.
    public func compute(_ caseload: Caseload, window: ReportingWindow) -> MetricSet {
        compute(caseload.order.lazy.compactMap { caseload.cases[$0] }, window: window)
    }

    /// The metrics of `timelines` over `window`.
    public func compute(_ timelines: some Sequence<CaseTimeline>, window: ReportingWindow) -> MetricSet {
        compute(timelines, windows: [window]).history[0]
    }

    /// The metrics of `timelines` over each of `windows` (in order, none overlapping the next), and over the
    /// last window for each group of clients sharing a value of each field in `fields` (a client with no value
    /// is in ``EquityBreakdown/notRecorded``): what the dashboard shows, from one pass over each case.
    ///
    /// A case counts in a window once it has an event at or before the window's end. Groups are merged from
    /// each case's own tally of the last window, so every group's figures are defined exactly as the whole's.
    public func compute(
        _ timelines: some Sequence<CaseTimeline>, windows: [ReportingWindow], groupsBy fields: [String] = []
    ) -> (history: [MetricSet], groups: [String: [String: (clients: Int, metrics: MetricSet)]]) {
        compute(timelines, windows: windows, groupsBy: fields, skippingClosedCases: true)
    }

    /// ``compute(_:windows:groupsBy:)``; `skippingClosedCases` leaves out the scan of a case whose last event
    /// is a discharge more than 91 days before a window (it adds nothing to any figure, as `OracleTests` checks by
    /// scanning them too), though it still counts among its group's clients.
    ///
    /// Cases are scanned in runs of 256 spread over `jobs` threads, each run into tallies of its own, and the
    /// runs' tallies added in order: every count is a whole number and every sample keeps the cases' order, so
    /// the figures are exactly those of one thread.
    func compute(
        _ timelines: some Sequence<CaseTimeline>, windows: [ReportingWindow], groupsBy fields: [String],
        skippingClosedCases: Bool, jobs: Int = Engine.availableCores
    ) -> (history: [MetricSet], groups: [String: [String: (clients: Int, metrics: MetricSet)]]) {
        precondition(!windows.isEmpty, "metrics need a window")
        precondition(zip(windows, windows.dropFirst()).allSatisfy { $0.to < $1.from }, "windows in order, apart")
        let cases = Array(timelines)
        let runs = Engine.inChunks(of: cases.count, jobs: jobs) { [self] range in
            var part = Part(self, windows, fields)
            for timeline in cases[range] {
                add(timeline, windows, fields, skippingClosedCases: skippingClosedCases, to: &part)
            }
            return part
        }
        var total = Part(self, windows, fields)
        for run in runs { total.merge(run) }
        let last = windows.count - 1
        let history = zip(windows, total.tallies).map(metricSet)
        var byField: [String: [String: (clients: Int, metrics: MetricSet)]] = [:]
        for (position, field) in fields.enumerated() {
            byField[field] = total.groups[position].mapValues { ($0.clients, metricSet(windows[last], $0.tally)) }
        }
        return (history, byField)
    }

    /// The tallies of some cases: one per window, and one per group of each equity field over the last window.
    private struct Part: Sendable {
        var tallies: [Tally]
        var groups: [[String: (clients: Int, tally: Tally)]]

        init(_ metrics: HuddleMetrics, _ windows: [ReportingWindow], _ fields: [String]) {
            let tiers = metrics.engine.pathway.tiers.count
            tallies = windows.map { Tally(tierCount: tiers, windowDays: $0.days) }
            groups = fields.map { _ in [:] }
        }

        /// Adds the tallies of the cases after these.
        mutating func merge(_ other: Part) {
            for index in tallies.indices { tallies[index].merge(other.tallies[index]) }
            for position in groups.indices {
                groups[position].merge(other.groups[position]) { mine, theirs in
                    var sum = mine
                    sum.clients += theirs.clients
                    sum.tally.merge(theirs.tally)
                    return sum
                }
            }
        }
    }

    /// Adds one case to `part`: each window's tally, and over the last window its equity groups'.
    private func add(
        _ timeline: CaseTimeline, _ windows: [ReportingWindow], _ fields: [String], skippingClosedCases: Bool,
        to part: inout Part
    ) {
        guard let first = timeline.events.first?.at, let lastEvent = timeline.lastEventAt else { return }
        let tiers = engine.pathway.tiers.count
        let last = windows.count - 1
        // Closed: the last event is a discharge (a placement recorded after one would reopen a stay).
        let closedAt: Instant? =
            if skippingClosedCases, case .discharge = timeline.events.last?.kind { lastEvent } else { nil }
        var watch = StepUpWatch(metrics: self, timeline: timeline)
        for (index, window) in windows.enumerated() where first <= window.to {
            if let closedAt, closedAt < window.from - .days(91) {
                guard index == last else { continue }
                for (position, field) in fields.enumerated() {
                    let value = timeline.demographics[field] ?? EquityBreakdown.notRecorded
                    part.groups[position][value, default: (0, Tally(tierCount: tiers, windowDays: window.days))]
                        .clients += 1
                }
                continue
            }
            let scan = CaseScan(metrics: self, window: window, timeline: timeline)
            guard index == last, !fields.isEmpty else {
                scan.add(to: &part.tallies[index], watch: &watch)
                continue
            }
            var own = Tally(tierCount: tiers, windowDays: window.days)
            scan.add(to: &own, watch: &watch)
            part.tallies[index].merge(own)
            for (position, field) in fields.enumerated() {
                let value = timeline.demographics[field] ?? EquityBreakdown.notRecorded
                part.groups[position][value, default: (0, Tally(tierCount: tiers, windowDays: window.days))].clients +=
                    1
                part.groups[position][value]?.tally.merge(own)
            }
        }
    }

    private func metricSet(_ window: ReportingWindow, _ tally: Tally) -> MetricSet {
        var tally = tally
        tally.outstanding.sort { ($0.firedAt, $0.caseID) < ($1.firedAt, $1.caseID) }
        tally.outstandingReviews.sort { ($0.firedAt, $0.caseID, $0.ruleID) < ($1.firedAt, $1.caseID, $1.ruleID) }
        var set = MetricSet(window: window, values: values(tally, at: window.to), outstanding: tally.outstanding)
        set.outstandingReviews = tally.outstandingReviews
        return set
    }

    /// Classifies a finished course (the events from its referral to its discharge) into its tier's counts.
    func classifyCourse(_ course: ArraySlice<CaseEvent>, into tier: inout Tally.Tier) {
        tier.finished += 1
        guard !outcomeMeasures.isEmpty else { return }
        var pairs: [(measure: OutcomeMeasure, first: Score, last: Score)] = []
        for measure in outcomeMeasures {
            let totals = course.compactMap { event -> Score? in
                guard case .administration(let record) = event.kind, record.instrumentID == measure.instrumentID
                else { return nil }
                return record.total
            }
            guard totals.count >= 2, let first = totals.first, let last = totals.last else {
                tier.unpaired += 1
                return
            }
            pairs.append((measure, first, last))
        }
        let outcome = outcomeRules.classify(pairs)
        if let recovered = outcome.recovery {
            tier.outcomes.atCaseness += 1
            if recovered { tier.outcomes.recovered += 1 }
        }
        if let reliablyRecovered = outcome.reliableRecovery {
            tier.outcomes.atCasenessWithReliableChange += 1
            if reliablyRecovered { tier.outcomes.reliablyRecovered += 1 }
        }
        if let improved = outcome.reliableImprovement, let deteriorated = outcome.reliableDeterioration {
            tier.outcomes.classified += 1
            if improved { tier.outcomes.improved += 1 }
            if deteriorated { tier.outcomes.deteriorated += 1 }
        }
    }

    private func values(_ tally: Tally, at end: Instant) -> [MetricValue] {
        let slotsThen = slotsAt?(end)
        var values: [MetricValue] = []
        var tier: String?
        func add(_ key: String, _ value: Double, support: Int, numerator: Int? = nil) {
            guard let definition = MetricDefinition.all.first(where: { $0.key == key }) else {
                preconditionFailure("metric \(key) is not in the catalogue")
            }
            values.append(
                MetricValue(definition: definition, tier: tier, value: value, support: support, numerator: numerator))
        }
        func count(_ key: String, _ n: Int) { add(key, Double(n), support: n) }
        func percent(_ key: String, _ part: Int, of whole: Int) {
            add(key, whole == 0 ? .nan : 100 * Double(part) / Double(whole), support: whole, numerator: part)
        }
        func daysOf(_ key: String, _ sample: [Double], _ p: Double) {
            add(key, Self.quantile(sample, p), support: sample.count)
        }

        count("referrals", tally.referrals)
        count("placements", tally.placements)
        count("step-ups", tally.stepUps)
        count("step-up.triggered", tally.stepUpDelays.count)
        daysOf("step-up.median-days", tally.stepUpDelays, 0.5)
        daysOf("step-up.p90-days", tally.stepUpDelays, 0.9)
        count("step-up.outstanding", tally.outstanding.count)
        daysOf("step-up.outstanding.oldest-days", tally.outstanding.map(\.ageDays), 1)
        count("step-up.breaches", tally.breaches)
        count("step-up.followed-30", tally.stepUpsFollowed)
        add(
            "step-up.crisis-before-30",
            tally.stepUpsFollowed == 0 ? .nan : Double(tally.crisisBeforeStepUp) / Double(tally.stepUpsFollowed),
            support: tally.stepUpsFollowed, numerator: tally.crisisBeforeStepUp)
        add(
            "step-up.crisis-after-30",
            tally.stepUpsFollowed == 0 ? .nan : Double(tally.crisisAfterStepUp) / Double(tally.stepUpsFollowed),
            support: tally.stepUpsFollowed, numerator: tally.crisisAfterStepUp)
        count("step-downs", tally.stepDowns)
        percent("step-down.with-plan", tally.stepDownsWithPlan, of: tally.stepDowns)
        percent("re-escalation.30", tally.reEscalation30.returned, of: tally.reEscalation30.followed)
        percent("re-escalation.90", tally.reEscalation90.returned, of: tally.reEscalation90.followed)
        count("overrides", tally.overrides)
        percent("override-rate", tally.overrides, of: tally.placements)
        count("exceptions", tally.exceptions)
        count("rapid-access", tally.rapidAccess)
        count("placements.entered-late", tally.lateEnteredPlacements)

        for (rank, package) in engine.pathway.tiers.enumerated() {
            let counts = tally.tiers[rank]
            tier = package.id
            let slots =
                slotsThen?[package.id] ?? (package.capacity.standardSlots + package.capacity.rapidAccessSlots)
            count("entries", counts.entries)
            count("first-contact.seen", counts.firstContactWaits.count)
            daysOf("first-contact.median-days", counts.firstContactWaits, 0.5)
            daysOf("first-contact.p90-days", counts.firstContactWaits, 0.9)
            if package.accessStandard != nil {
                percent(
                    "first-contact.within-standard", counts.metStandard,
                    of: counts.metStandard + counts.breachedStandard)
            } else {
                add("first-contact.within-standard", .nan, support: 0)
            }
            count("first-contact.waiting", counts.waiting)
            count("first-contact.waiting-past-standard", counts.waitingPastStandard)
            count("waitlist", counts.waitlistAges.count)
            daysOf("waitlist.median-wait-days", counts.waitlistAges, 0.5)
            daysOf("waitlist.longest-wait-days", counts.waitlistAges, 1)
            daysOf("waitlist.placed-median-days", counts.waitsEnded, 0.5)
            count("placed", counts.placed)
            let placedDays = Double(counts.placedMinutes) / 1440
            add(
                "occupancy", slots > 0 ? 100 * placedDays / (tally.windowDays * Double(slots)) : .nan,
                support: counts.cohort)
            daysOf("length-of-stay.median-days", counts.stays, 0.5)
            add(
                "sessions.median-per-stay", Self.quantile(counts.staySessions, 0.5), support: counts.staySessions.count)
            percent("sessions.within-package", counts.staysWithinPackage, of: counts.staySessions.count)
            count("crisis-contacts", counts.crisis)
            add(
                "crisis-per-100-client-weeks",
                placedDays > 0 ? 100 * Double(counts.crisis) / (placedDays / 7) : .nan,
                support: counts.cohort, numerator: counts.crisis)
            count("ed-visits", counts.emergencyVisits)
            count("check-in.weeks", counts.checkInsExpected)
            if engine.contactSchedule(of: package.id) != nil {
                percent("check-in.weeks-seen", counts.checkInsMet, of: counts.checkInsExpected)
            } else {
                add("check-in.weeks-seen", .nan, support: 0)
            }
            count("finished", counts.finished)
            count("finished.unpaired", counts.unpaired)
            percent("recovery", counts.outcomes.recovered, of: counts.outcomes.atCaseness)
            percent("reliable-improvement", counts.outcomes.improved, of: counts.outcomes.classified)
            percent(
                "reliable-recovery", counts.outcomes.reliablyRecovered, of: counts.outcomes.atCasenessWithReliableChange
            )
            percent("deterioration", counts.outcomes.deteriorated, of: counts.outcomes.classified)
        }
        return values
    }

    /// Clients placed in each tier and waiting for each tier at the end of each week from `from` to `to`.
    public func weekly(
        _ caseload: Caseload, from: Instant, to: Instant
    ) -> [(week: Instant, placed: [Int], waiting: [Int])] {
        let tiers = engine.pathway.tiers.count
        var weeks: [Instant] = []
        var week = from + .weeks(1)
        while week <= to {
            weeks.append(week)
            week = week + .weeks(1)
        }
        // Each case changes the census only when its footprint changes: a change at time t counts from the
        // first week ending at or after t, so the census is a running sum of per-week differences.
        let ranks = Dictionary(
            engine.pathway.tiers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var placedChange = Array(repeating: Array(repeating: 0, count: tiers), count: weeks.count + 1)
        var waitingChange = placedChange
        for caseID in caseload.order {
            guard let events = caseload.cases[caseID]?.events else { continue }
            var footprint = CapacityFootprint()
            var (held, waiting): (Int?, [Int]) = (nil, [])
            var index = events.startIndex
            while index < events.endIndex {
                let at = events[index].at
                var moved = false
                while index < events.endIndex, events[index].at == at {
                    if CapacityFootprint.matters(events[index]) {
                        footprint.fold(events[index], ranks: ranks)
                        moved = true
                    }
                    index += 1
                }
                guard moved else { continue }
                let (nowHeld, nowWaiting) = (footprint.held?.rank, footprint.waitingRanks(ranks))
                guard nowHeld != held || nowWaiting != waiting else { continue }
                let first = weeks.partitionPoint { $0 >= at }
                if let held { placedChange[first][held] -= 1 }
                if let nowHeld { placedChange[first][nowHeld] += 1 }
                for rank in waiting { waitingChange[first][rank] -= 1 }
                for rank in nowWaiting { waitingChange[first][rank] += 1 }
                (held, waiting) = (nowHeld, nowWaiting)
            }
        }
        var placed = Array(repeating: 0, count: tiers)
        var waitingNow = placed
        return weeks.indices.map { index in
            for rank in 0..<tiers {
                placed[rank] += placedChange[index][rank]
                waitingNow[rank] += waitingChange[index][rank]
            }
            return (weeks[index], placed, waitingNow)
        }
    }

    /// The `p` quantile (type 7: linear between order statistics) of `values`, or NaN when there are none.
    static func quantile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let h = Double(sorted.count - 1) * p
        let lower = Int(h)
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}
