package import StepCareJSON
package import StepCareSimulation

/// The results of `simulate network`: replication averages with 95 % half-widths, beside the analytic values.
package struct NetworkRunReport {
    package let model: NetworkModel
    package let seed: UInt64
    package let runs: [NetworkReplication]
    package let wallSeconds: Double
    package let jobs: Int

    package init(model: NetworkModel, seed: UInt64, runs: [NetworkReplication], wallSeconds: Double, jobs: Int) {
        self.model = model
        self.seed = seed
        self.runs = runs
        self.wallSeconds = wallSeconds
        self.jobs = jobs
    }

    package var events: Int { runs.reduce(0) { $0 + $1.events } }

    /// One output of tier `i` over the replications.
    package func estimate(_ i: Int, _ value: (NetworkTierResult) -> Double) -> Estimate {
        Estimate(runs.map { value($0.tiers[i]) })
    }

    /// The outputs in the order and with the names the peers use (MODEL.md 4.1).
    package static var outputs: [(name: String, value: (NetworkTierResult) -> Double)] {
        [
            ("mean_wait", { $0.waits.mean }), ("p90_wait", { $0.waits.quantile(0.9) }),
            ("utilisation", { $0.utilisation }), ("served", { Double($0.served) }),
            ("mean_queue", { $0.meanQueue }), ("n_waits", { Double($0.waits.count) }),
        ]
            + WaitSample.exceedanceGrid.indices.map { index in
                (
                    "p_wait_gt_\(Int(WaitSample.exceedanceGrid[index]))",
                    { (tier: NetworkTierResult) -> Double in tier.waits.exceedanceFractions[index] }
                )
            }
    }

    /// The peers' JSON line: `impl`, `model`, `params`, `reps`, `tiers` (each output with `<output>_ci95`),
    /// `events_total`, `events_per_rep`, the timings, and with `detail` the per-replication values.
    package func json(detail: Bool, timing: Bool) -> JSONValue {
        let options = model.options
        var members: [(String, JSONValue)] = [
            ("impl", .string("stepcare")), ("impl_version", .string(StepCareVersion.current)),
            ("model", .string("stepped-care-3tier")),
            (
                "params",
                .object([
                    ("rate", number(model.rate)), ("triage", .array(options.triage.map(number))),
                    ("caps", .array(model.caps.map { .int($0) })), ("staffing", .string(options.staffing.rawValue)),
                    ("means", .array(options.means.map(number))),
                    ("routing", .array(options.routing.map { .array($0.map(number)) })),
                    ("dist", .string(options.dist.rawValue)), ("cv", number(options.dist == .exp ? 1 : options.cv)),
                    ("days", number(options.days)), ("warmup", number(options.warmup)),
                    ("scale", number(options.scale)), ("seed", .int(Int(truncatingIfNeeded: seed))),
                ])
            ),
            ("reps", .int(runs.count)),
            (
                "tiers",
                .array(
                    (0..<model.tierCount).map { i in
                        .object(
                            [("tier", .int(i + 1))]
                                + Self.outputs.flatMap { name, value in
                                    let estimate = self.estimate(i, value)
                                    return [
                                        (name, number(estimate.mean)),
                                        (name + "_ci95", estimate.halfWidth.map(number) ?? .null),
                                    ]
                                })
                    })
            ),
            ("events_total", .int(events)), ("events_per_rep", number(Double(events) / Double(runs.count))),
            ("peak_population", .int(runs.map(\.peakPopulation).max() ?? 0)),
        ]
        if timing {
            members += [
                ("wall_s", number(wallSeconds)), ("sim_s", number(wallSeconds)),
                ("events_per_s", number(Double(events) / wallSeconds)),
                ("events_per_s_sim", number(Double(events) / wallSeconds)), ("jobs", .int(jobs)),
            ]
        }
        if detail {
            members.append(
                (
                    "per_rep",
                    .array(
                        runs.map { run in
                            .object([
                                ("seed", .int(Int(truncatingIfNeeded: run.seed))),
                                (
                                    "tiers",
                                    .array(
                                        run.tiers.map { tier in
                                            .object(Self.outputs.map { ($0.name, number($0.value(tier))) })
                                        })
                                ),
                                ("events", .int(run.events)), ("arrivals", .int(run.referrals)),
                                ("completions", .int(run.completions)),
                            ])
                        })
                ))
        }
        return .object(members)
    }

    /// The readable table: one line per tier with ± 95 % half-widths, and the Jackson values under it.
    package func table() -> String {
        let options = model.options
        let seeds = runs.count == 1 ? "seed \(seed)" : "seeds \(seed)–\(seed &+ UInt64(runs.count - 1))"
        var text =
            "stepped-care-3tier: \(Numbers.fixed(model.rate, 2)) referrals/day, \(Numbers.fixed(options.days, 0)) days, "
            + "warm-up \(Numbers.fixed(options.warmup, 0)), \(runs.count) replication\(runs.count == 1 ? "" : "s") "
            + "(\(seeds))\n"
        text +=
            "episodes: \(options.dist == .exp ? "exponential" : "lognormal, cv \(options.cv)"), means "
            + options.means.map { Numbers.fixed($0, 0) }.joined(separator: "/") + " days"
            + (runs.count > 1 ? "; ± is the 95% confidence half-width" : "") + "\n\n"
        let headers = ["tier", "slots", "utilisation", "mean wait d", "P(wait>0)", "mean queue", "served"]
        let widths = [5, 6, 16, 13, 14, 13, 12]
        text += zip(headers, widths).map { $0.padding(to: $1) }.joined().trimmedRight + "\n"
        let oracle = model.jacksonOracle
        let window = options.days - options.warmup
        for i in 0..<model.tierCount {
            let cells = [
                "\(i + 1)", "\(model.caps[i])", cell(estimate(i) { $0.utilisation }, 4),
                cell(estimate(i) { $0.waits.mean }, 3), cell(estimate(i) { $0.waits.exceedanceFractions[0] }, 3),
                cell(estimate(i) { $0.meanQueue }, 2), cell(estimate(i) { Double($0.served) }, 0),
            ]
            text += zip(cells, widths).map { $0.padding(to: $1) }.joined().trimmedRight + "\n"
            if let tier = oracle?[i] {
                let exact = [
                    "", "exact", Numbers.fixed(tier.utilisation, 4), Numbers.fixed(tier.meanWait, 3),
                    Numbers.fixed(tier.probabilityOfWaiting, 3), Numbers.fixed(tier.meanQueue, 2),
                    Numbers.fixed(tier.served(inWindowOf: window), 0),
                ]
                text += zip(exact, widths).map { $0.padding(to: $1) }.joined().trimmedRight + "\n"
            }
        }
        if oracle != nil {
            text +=
                "\nexact: the Jackson-network steady state (Erlang C per tier); a short warm-up leaves the run below "
                + "it.\n"
        }
        text +=
            "\n\(Numbers.grouped(events)) events in \(Numbers.fixed(wallSeconds, 3)) s on \(jobs) "
            + "core\(jobs == 1 ? "" : "s"): \(Numbers.compact(Double(events) / wallSeconds)) events/s\n"
        return text
    }

    private func cell(_ estimate: Estimate, _ places: Int) -> String {
        Numbers.fixed(estimate.mean, places) + (estimate.halfWidth.map { "±" + Numbers.fixed($0, places) } ?? "")
    }
}

private func number(_ value: Double) -> JSONValue { value.isFinite ? .number(value) : .null }

extension String {
    package var trimmedRight: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
