package import StepCareCore
package import StepCareEngine
package import StepCareJSON
package import StepCareMetrics
package import StepCareSimulation

/// The results of `simulate pathway`: the huddle metrics per tier with 95 % half-widths over replications,
/// the weekly census, and for a sweep (or a grid) one row per point, with each point's paired difference from
/// the first (the points share seeds: common random numbers). An estimate whose interval is wider than itself,
/// or reaches beyond the measure's range, is marked unstable.
package struct PathwayReport {
    /// What one replication left: its metrics, weekly census and (for --save) its cases.
    package struct Replication: Sendable {
        package var seed: UInt64
        package var metrics: [MetricValue]
        package var weekly: [(week: Instant, placed: [Int], waiting: [Int])]
        package var refused: Int
        package var caseload: Caseload

        package init(_ run: PathwayRun, outcomeMeasures: [OutcomeMeasure], keepCases: Bool) {
            let huddle = HuddleMetrics(engine: Engine(pathway: run.pathway), outcomeMeasures: outcomeMeasures)
            seed = run.seed
            metrics =
                huddle.compute(
                    run.caseload, window: ReportingWindow(from: run.start, to: run.end - TimeSpan(minutes: 1))
                ).values
            weekly = huddle.weekly(run.caseload, from: run.start, to: run.end)
            refused = run.refusedDecisions
            caseload = keepCases ? run.caseload : Caseload()
        }
    }

    /// The replications at one point of the grid (one value per swept setting; none for a single run).
    package struct Point {
        package var values: [Double]
        package var replications: [Replication]

        package init(values: [Double], replications: [Replication]) {
            self.values = values
            self.replications = replications
        }

        package func estimate(_ id: String) -> Estimate {
            Estimate(replications.map { $0.value(id) })
        }

        /// The mean and interval of the paired differences from `baseline`, replication by replication (the
        /// same seeds), leaving out pairs where either has no value.
        package func difference(_ id: String, from baseline: Point) -> Estimate {
            Estimate(zip(replications, baseline.replications).map { $0.value(id) - $1.value(id) })
        }
    }

    package let pathway: Pathway
    package let population: PopulationModel
    /// The swept settings, in the order of each point's values.
    package let sweeps: [String]
    package let seed: UInt64
    package let days: Double
    package let points: [Point]
    /// The version of the service's configuration the run starts from.
    package let configurationVersion: Int

    package init(
        pathway: Pathway, population: PopulationModel, sweeps: [String], seed: UInt64, days: Double, points: [Point],
        configurationVersion: Int = 0
    ) {
        self.pathway = pathway
        self.population = population
        self.sweeps = sweeps
        self.seed = seed
        self.days = days
        self.points = points
        self.configurationVersion = configurationVersion
    }

    /// Every figure `--set` takes: the population's, then the pathway's configuration parameters.
    package static func parameters(_ population: PopulationModel, pathway: Pathway) -> String {
        // Wide enough for the longest name, so no name runs into its value.
        let names = population.parameters.map(\.name.count) + pathway.parameters.map(\.id.count)
        let width = max(25, (names.max() ?? 0) + 2)
        var text = "parameter".padding(to: width) + "value".padding(to: 8) + "meaning\n"
        for parameter in population.parameters {
            text +=
                parameter.name.padding(to: width) + Numbers.plain(parameter.value).padding(to: 8) + parameter.meaning
                + "\n"
        }
        text += "\nDefaults other than slots are illustrative, not one service's data: set them from your own.\n"
        text += "\nconfiguration of \(pathway.id) (v\(pathway.configurationVersion)); lengths of time in days:\n"
        for parameter in pathway.parameters {
            let value: String
            if case .span(let span) = parameter.value {
                value = Numbers.plain(Double(span.minutes) / 1440)
            } else {
                value = String(parameter.number)
            }
            text += parameter.id.padding(to: width) + value.padding(to: 8) + parameter.meaning + "\n"
        }
        return text
    }

    package func table() -> String {
        let reps = points.first?.replications.count ?? 0
        var text =
            "\(pathway.id): \(Numbers.fixed(days, 0)) days, \(reps) replication\(reps == 1 ? "" : "s") from seed "
            + "\(seed), simulation context, configuration v\(configurationVersion)"
            + (reps > 1 ? "; ± is the 95% confidence half-width" : "") + "\n"
        if !sweeps.isEmpty {
            return text + sweepTable()
        }
        guard let point = points.first, let first = point.replications.first else { return text }
        let tiers = pathway.tiers.map(\.id)
        text += "\n" + String(repeating: " ", count: 32) + tiers.map { $0.padding(to: 16) }.joined().trimmedRight + "\n"
        let tierLabels = first.metrics.filter { $0.tier == tiers.first }.map {
            ($0.id.dropFirst(tiers[0].count + 1), $0.label)
        }
        for (suffix, label) in tierLabels {
            text +=
                label.padding(to: 32)
                + tiers.map { cell(point.estimate("\($0).\(suffix)")).padding(to: 16) }.joined().trimmedRight + "\n"
        }
        text += "\n"
        for metric in first.metrics where metric.tier == nil {
            text += metric.label.padding(to: 40) + cell(point.estimate(metric.id)) + "\n"
        }
        let refused = Estimate(point.replications.map { Double($0.refused) })
        text += "staff decisions the engine refused".padding(to: 40) + cell(refused) + "\n"
        if let note = instabilityNote(first.metrics.map { (point.estimate($0.id), $0.definition.kind) }) {
            text += note
        }
        text += "\nweek ending    " + tiers.map { ("\($0) in/wait").padding(to: 16) }.joined().trimmedRight + "\n"
        for (index, week) in first.weekly.enumerated() where index % 4 == 3 || index == first.weekly.count - 1 {
            let placed = tiers.indices.map { tier in
                Estimate(point.replications.map { Double($0.weekly[safe: index]?.placed[tier] ?? 0) }).mean
            }
            let waiting = tiers.indices.map { tier in
                Estimate(point.replications.map { Double($0.weekly[safe: index]?.waiting[tier] ?? 0) }).mean
            }
            text +=
                String(week.week.description.prefix(10)).padding(to: 15)
                + tiers.indices.map {
                    (Numbers.fixed(placed[$0], 1) + " / " + Numbers.fixed(waiting[$0], 1)).padding(to: 16)
                }
                .joined().trimmedRight + "\n"
        }
        return text
    }

    /// What a sweep's table shows: the measures slots, thresholds and windows move, the waitlist among them, for
    /// each tier a swept setting names (`tier-2.slots`), or the most intensive tier when none does.
    package var sweepColumns: [(id: String, heading: String)] {
        var tiers: [String] = []
        for name in sweeps {
            guard let dot = name.firstIndex(of: "."), let tier = pathway.tier(String(name[..<dot])),
                !tiers.contains(tier.id)
            else { continue }
            tiers.append(tier.id)
        }
        if tiers.isEmpty, let last = pathway.tiers.last?.id { tiers = [last] }
        return tiers.flatMap { tier in
            [
                ("\(tier).occupancy", "\(tier) occ %"), ("\(tier).waitlist", "waitlist"),
                ("\(tier).waitlist.median-wait-days", "waiting d"), ("\(tier).waitlist.placed-median-days", "waited d"),
                ("\(tier).first-contact.median-days", "1st contact d"),
            ]
        } + [
            ("step-up.median-days", "step-up d"), ("step-up.breaches", "breaches"), ("re-escalation.90", "re-esc 90 %"),
        ]
    }

    private func sweepTable() -> String {
        let columns = sweepColumns
        let widths = sweeps.map { max(10, $0.count + 2) }
        func header() -> String {
            zip(sweeps, widths).map { $0.padding(to: $1) }.joined()
                + columns.map { $0.heading.padding(to: 14) }.joined()
        }
        func settings(_ point: Point) -> String {
            zip(point.values, widths).map { Numbers.plain($0).padding(to: $1) }.joined()
        }
        var text = "\n" + header().trimmedRight + "\n"
        var estimates: [(Estimate, MetricKind?)] = []
        for point in points {
            let row = columns.map { point.estimate($0.id) }
            estimates += zip(row, columns).map { ($0, unit($1.id)) }
            text +=
                settings(point) + zip(row, columns).map { cell($0, unit($1.id)).padding(to: 14) }.joined().trimmedRight
                + "\n"
        }
        if let baseline = points.first, points.count > 1, baseline.replications.count > 1 {
            text +=
                "\npaired difference from the first row (replication k of every row shares seed \(seed) + k), "
                + "95% interval:\n" + header().trimmedRight + "\n"
            for point in points.dropFirst() {
                text +=
                    settings(point)
                    + columns.map { column in
                        let difference = point.difference(column.id, from: baseline)
                        return (signedCell(difference) + (excludesZero(difference) ? " *" : "")).padding(to: 14)
                    }.joined().trimmedRight + "\n"
            }
            if text.contains(" *") {
                text += "* the interval excludes 0: the change makes a difference at this many replications\n"
            }
        }
        if let note = instabilityNote(estimates) { text += note }
        return text
    }

    /// A point as the settings it ran with: `tier-3.slots=8, step-up-window=14`, or `as configured`.
    package func label(_ point: Point) -> String {
        sweeps.isEmpty
            ? "as configured" : zip(sweeps, point.values).map { "\($0)=\(Numbers.plain($1))" }.joined(separator: ", ")
    }

    package func unit(_ id: String) -> MetricKind? {
        points.first?.replications.first?.metrics.first { $0.id == id }?.definition.kind
    }

    private func cell(_ estimate: Estimate, _ unit: MetricKind? = nil) -> String {
        guard !estimate.mean.isNaN else { return "–" }
        let places = abs(estimate.mean) >= 100 ? 0 : 1
        return Numbers.fixed(estimate.mean, places) + (estimate.halfWidth.map { "±" + Numbers.fixed($0, places) } ?? "")
            + (Self.isUnstable(estimate, unit) ? " ?" : "")
    }

    private func signedCell(_ estimate: Estimate) -> String {
        guard !estimate.mean.isNaN else { return "–" }
        let places = abs(estimate.mean) >= 100 ? 0 : 1
        let mean = Numbers.fixed(estimate.mean, places)
        return (estimate.mean > 0 && mean != Numbers.fixed(0, places) ? "+" : "") + mean
            + (estimate.halfWidth.map { "±" + Numbers.fixed($0, places) } ?? "")
    }

    private func excludesZero(_ estimate: Estimate) -> Bool {
        guard let halfWidth = estimate.halfWidth, !estimate.mean.isNaN else { return false }
        return abs(estimate.mean) > halfWidth
    }

    /// Whether an estimate cannot be trusted as it stands: its 95% interval is wider than the value, or reaches
    /// beyond the measure's range (below 0, or above 100 for a percentage), or only one of several replications
    /// had a value, so there is no interval at all.
    package static func isUnstable(_ estimate: Estimate, _ unit: MetricKind?) -> Bool {
        if !estimate.mean.isNaN, estimate.count < 2, estimate.replications > 1 { return true }
        guard let halfWidth = estimate.halfWidth, !estimate.mean.isNaN, halfWidth > 0 else { return false }
        if halfWidth > abs(estimate.mean) { return true }
        return unit == .percent && (estimate.mean + halfWidth > 100 || estimate.mean - halfWidth < 0)
    }

    private func instabilityNote(_ estimates: [(Estimate, MetricKind?)]) -> String? {
        let unstable = estimates.filter { Self.isUnstable($0.0, $0.1) }.count
        guard unstable > 0 else { return nil }
        return
            "\n? \(unstable) estimate\(unstable == 1 ? " is" : "s are") unstable: the 95% interval is wider than the "
            + "value or reaches beyond its range, or one replication alone had a value. Run more replications (--reps) or a longer horizon (--days) "
            + "before acting on \(unstable == 1 ? "it" : "them").\n"
    }

    package func json() -> JSONValue {
        .object([
            ("pathway", .string(pathway.id)), ("context", .string("simulation")),
            ("seed", .int(Int(truncatingIfNeeded: seed))),
            ("days", number(days)), ("reps", .int(points.first?.replications.count ?? 0)),
            ("parameters", .object(population.parameters.map { ($0.name, number($0.value)) })),
            ("configuration", .int(configurationVersion)),
            ("sweeps", .array(sweeps.map(JSONValue.string))),
            (
                "points",
                .array(
                    points.map { point in
                        .object([
                            ("values", .array(point.values.map(number))),
                            (
                                "metrics",
                                .array(
                                    (point.replications.first?.metrics ?? []).map { metric in
                                        let estimate = point.estimate(metric.id)
                                        return .object(
                                            [
                                                ("id", .string(metric.id)), ("label", .string(metric.label)),
                                                ("mean", number(estimate.mean)),
                                                ("ci95", estimate.halfWidth.map(number) ?? .null),
                                                ("unstable", .bool(Self.isUnstable(estimate, metric.definition.kind))),
                                            ]
                                                + (points.count > 1 && point.values != points[0].values
                                                    ? [
                                                        (
                                                            "pairedDifference",
                                                            differenceJSON(point.difference(metric.id, from: points[0]))
                                                        )
                                                    ] : []))
                                    })
                            ),
                            (
                                "weekly",
                                .array(
                                    (point.replications.first?.weekly ?? []).indices.map { index in
                                        .object([
                                            (
                                                "week",
                                                .string(
                                                    String(
                                                        point.replications[0].weekly[index].week.description.prefix(10))
                                                )
                                            ),
                                            (
                                                "placed",
                                                .array(
                                                    pathway.tiers.indices.map { tier in
                                                        number(
                                                            Estimate(
                                                                point.replications.map {
                                                                    Double($0.weekly[safe: index]?.placed[tier] ?? 0)
                                                                }
                                                            ).mean)
                                                    })
                                            ),
                                            (
                                                "waiting",
                                                .array(
                                                    pathway.tiers.indices.map { tier in
                                                        number(
                                                            Estimate(
                                                                point.replications.map {
                                                                    Double($0.weekly[safe: index]?.waiting[tier] ?? 0)
                                                                }
                                                            ).mean)
                                                    })
                                            ),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
        ])
    }
}

private func number(_ value: Double) -> JSONValue { value.isFinite ? .number(value) : .null }

private func differenceJSON(_ estimate: Estimate) -> JSONValue {
    .object([("mean", number(estimate.mean)), ("ci95", estimate.halfWidth.map(number) ?? .null)])
}

extension PathwayReport.Replication {
    /// The value of metric `id` in this replication (NaN when it has none).
    package func value(_ id: String) -> Double { metrics.first { $0.id == id }?.value ?? .nan }
}

extension Array {
    package subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
