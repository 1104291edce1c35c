public import StepCareCore
import StepCareEngine
public import StepCareMetrics
import StepCareRecord
import StepCareReports
import StepCareStore

/// What the huddle dashboard reports.
public struct DashboardRequest: Sendable {
    /// The pathway whose cases are reported (default: the session's).
    public var pathway: String?
    /// The last day of the week reported (default: today; for simulation records, the latest one).
    public var week: Instant?
    /// A demographic field to break every figure down by.
    public var by: String?
    /// Figures about fewer than this many people or events are suppressed (1–1000).
    public var suppress = 5
    /// Break down by every recorded field (the HTML page), when `by` is not given.
    public var everyField = false
    /// How long a window the equity breakdowns cover, ending with the week.
    public var equityPeriod = EquityPeriod.week

    /// The defaults.
    public init() {}

    /// A `YYYY-MM-DD` day, or `nil`.
    public static func day(_ text: String) -> Instant? {
        guard text.count == 10 else { return nil }
        return Instant(parsing: text)
    }
}

extension Workspace {
    /// The huddle dashboard of the session's cases on a pathway: typed options in, a `Dashboard` out, with an
    /// error naming the option at fault (`pathway`, `by`, `suppress`).
    public func dashboard(_ request: DashboardRequest, registry: Registry) throws(StepCareError) -> Dashboard {
        let workspace = self
        try refresh()
        try recordAccess("dashboard")
        let engine: Engine
        if let id = request.pathway, id.lowercased() != workspace.engine?.pathway.id {
            do throws(StepCareError) { engine = Engine(pathway: try configured(try registry.pathway(id))) } catch {
                throw error.blaming("pathway")
            }
        } else if let current = workspace.engine {
            engine = current
        } else {
            throw StepCareError(.unknownPathway, "no pathway is in use", hint: "give --pathway ID").blaming("pathway")
        }
        guard (1...1000).contains(request.suppress) else {
            throw StepCareError(
                .invalidOption, "--suppress takes a whole number from 1 to 1000, not \(request.suppress)",
                hint: "e.g. --suppress 5 hides figures about 1 to 4 people; --suppress 1 hides nothing"
            ).blaming("suppress")
        }
        var caseload = Caseload()
        for id in workspace.caseload.order where workspace.pathwayOfCase[id] == engine.pathway.id {
            if let timeline = workspace.caseload.cases[id] { try? caseload.open(timeline) }
        }
        let fields = Set(caseload.cases.values.flatMap(\.demographics.keys))
        var equityFields: [String] = []
        if let by = request.by {
            guard fields.contains(by) else {
                throw StepCareError(
                    .invalidOption, "no case on this pathway has the field \"\(by.prefix(40))\" recorded",
                    hint: fields.isEmpty
                        ? "record them when opening cases: case new --demographics \"ethnicity=…,age-band=…\""
                        : "fields recorded: \(fields.sorted().joined(separator: ", "))"
                ).blaming("by")
            }
            equityFields = [by]
        } else if request.everyField {
            equityFields = fields.sorted()
        }
        let week: ReportingWindow
        let latestRecord = workspace.caseload.cases.values.compactMap(\.lastEventAt).max()
        if let day = request.week {
            // Live huddles report weeks that have happened: a later one would count waits "so far" into the future.
            // A training clock is the trainer's, so any recordable week may be asked for there.
            let lastDay =
                workspace.clockIsSettable
                ? Instant.latest : max(workspace.now, latestRecord ?? workspace.now).endOfDay
            guard day <= lastDay, day >= Instant.earliest else {
                throw StepCareError(
                    .invalidOption,
                    day > lastDay
                        ? "the week ending \(day.date) has not happened yet (the clock reads \(workspace.now))"
                        : "the week ending \(day.date) is before any record could be dated",
                    hint: "give a week ending from \(Instant.earliest.date) to \(lastDay.date)", field: "week")
            }
            week = .week(ending: day)
        } else if workspace.context == .simulation {
            week = .week(ending: latestRecord ?? workspace.now)
        } else {
            week = .week(ending: workspace.now)
        }
        var metrics = HuddleMetrics(
            engine: engine, outcomeMeasures: HuddleMetrics.talkingTherapiesMeasures(in: registry))
        metrics.lateEntries = try lateEntries()
        // Each week is read under the configuration in force then, as an evaluation of that moment is.
        if let current = workspace.engine, engine.isSame(as: current) {
            metrics.eras = workspace.eras
            metrics.slotsAt = workspace.slots(of: engine.pathway.id)
        }
        return Dashboard(
            caseload, metrics: metrics, context: workspace.context, week: week, equityFields: equityFields,
            equityPeriod: request.equityPeriod, suppression: Suppression(threshold: request.suppress))
    }
}

extension Workspace {
    /// The events of this context recorded late, by case and position (live records only; empty otherwise).
    func lateEntries() throws(StepCareError) -> [String: Set<Int>] {
        guard context == .live else { return [:] }
        var late: [String: Set<Int>] = [:]
        for record in try store.records(context, cases: nil) {
            for (index, event) in record.events.enumerated() where lateness(of: event) != nil {
                late[record.id, default: []].insert(index)
            }
        }
        return late
    }
}

extension Workspace {
    /// Each tier's slots (ordinary with any surge, and rapid-access) as the service's configuration of
    /// `pathway` set them at a moment, for the huddle's past weeks; `nil` when it never changed them.
    func slots(of pathway: String) -> (@Sendable (Instant) -> [String: Int])? {
        let changes = configurations.filter { $0.pathway == pathway }
        guard !changes.isEmpty, let registered = registeredPathway, registered.id == pathway else { return nil }
        let defaults = registered.tiers.map {
            (id: $0.id, standard: $0.capacity.standardSlots, rapid: $0.capacity.rapidAccessSlots)
        }
        return { moment in
            let configuration = ServiceConfiguration(changes, at: moment)
            var slots: [String: Int] = [:]
            for tier in defaults {
                slots[tier.id] =
                    (configuration.slots[tier.id] ?? tier.standard) + (configuration.surges[tier.id] ?? 0)
                    + (configuration.rapidAccessSlots[tier.id] ?? tier.rapid)
            }
            return slots
        }
    }
}
