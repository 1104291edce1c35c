package import StepCareCore
package import StepCareEngine
package import StepCareJSON
package import StepCareMetrics
package import StepCareSimulation

/// The results of `simulate pathway`: the huddle metrics per tier with 95 % half-widths over replications,
/// the weekly census, and for a sweep one row per value.
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

    /// The replications at one value of the swept parameter (or the only run).
    package struct Point {
        package var value: Double?
        package var replications: [Replication]

        package init(value: Double?, replications: [Replication]) {
            self.value = value
            self.replications = replications
        }

        package func estimate(_ id: String) -> Estimate {
            Estimate(replications.map { $0.metrics.first { $0.id == id }?.value ?? .nan })
        }
    }

    package let pathway: Pathway
    package let population: PopulationModel
    package let sweep: String?
    package let seed: UInt64
    package let days: Double
    package let points: [Point]

    package init(
        pathway: Pathway, population: PopulationModel, sweep: String?, seed: UInt64, days: Double, points: [Point]
    ) {
        self.pathway = pathway
        self.population = population
        self.sweep = sweep
        self.seed = seed
        self.days = days
        self.points = points
    }

    package static func parameters(_ population: PopulationModel) -> String {
        var text = "parameter".padding(to: 25) + "value".padding(to: 8) + "meaning\n"
        for parameter in population.parameters {
            text +=
                parameter.name.padding(to: 25) + Numbers.plain(parameter.value).padding(to: 8) + parameter.meaning
                + "\n"
        }
        return text + "\nDefaults other than slots are illustrative, not one service's data: set them from your own.\n"
    }

    package func table() -> String {
        let reps = points.first?.replications.count ?? 0
        var text =
            "\(pathway.id): \(Numbers.fixed(days, 0)) days, \(reps) replication\(reps == 1 ? "" : "s") from seed "
            + "\(seed), simulation context" + (reps > 1 ? "; ± is the 95% confidence half-width" : "") + "\n"
        if let sweep {
            return text + sweepTable(sweep)
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

    private func sweepTable(_ name: String) -> String {
        let last = pathway.tiers.last?.id ?? ""
        let columns: [(String, String)] = [
            ("\(last).occupancy", "\(last) occ %"), ("\(last).first-contact.median-days", "\(last) wait d"),
            ("step-up.median-days", "step-up d"), ("step-up.breaches", "breaches"),
            ("re-escalation.90", "re-esc 90 %"),
        ]
        var text = "\n" + name.padding(to: 16) + columns.map { $0.1.padding(to: 13) }.joined().trimmedRight + "\n"
        for point in points {
            text +=
                Numbers.plain(point.value ?? .nan).padding(to: 16)
                + columns.map { cell(point.estimate($0.0)).padding(to: 13) }.joined().trimmedRight + "\n"
        }
        return text
    }

    private func cell(_ estimate: Estimate) -> String {
        guard !estimate.mean.isNaN else { return "–" }
        let places = abs(estimate.mean) >= 100 ? 0 : 1
        return Numbers.fixed(estimate.mean, places) + (estimate.halfWidth.map { "±" + Numbers.fixed($0, places) } ?? "")
    }

    package func json() -> JSONValue {
        .object([
            ("pathway", .string(pathway.id)), ("context", .string("simulation")),
            ("seed", .int(Int(truncatingIfNeeded: seed))),
            ("days", number(days)), ("reps", .int(points.first?.replications.count ?? 0)),
            ("parameters", .object(population.parameters.map { ($0.name, number($0.value)) })),
            ("sweep", sweep.map(JSONValue.string) ?? .null),
            (
                "points",
                .array(
                    points.map { point in
                        .object([
                            ("value", point.value.map(number) ?? .null),
                            (
                                "metrics",
                                .array(
                                    (point.replications.first?.metrics ?? []).map { metric in
                                        let estimate = point.estimate(metric.id)
                                        return .object([
                                            ("id", .string(metric.id)), ("label", .string(metric.label)),
                                            ("mean", number(estimate.mean)),
                                            ("ci95", estimate.halfWidth.map(number) ?? .null),
                                        ])
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

extension Array {
    package subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
