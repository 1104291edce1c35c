import Testing

@testable import StepCareSimulation

@Suite("Network mode against the analytic oracle")
struct NetworkSimulationTests {
    /// Replication averages of every judged output against the Jackson values, with a Bonferroni-corrected
    /// confidence interval computed from the replications: the family of 30 comparisons (3 tiers × utilisation,
    /// mean wait, six P(wait > t), mean queue, served) is held to a 1 % chance of any false alarm, so each uses
    /// the t quantile at 1 − 0.01/60. Returns the comparisons outside their interval.
    static func misses(_ options: NetworkModel.Options, reps: Int, seed: UInt64) throws -> [String] {
        let model = try NetworkModel(options)
        let oracle = try #require(model.jacksonOracle)
        let runs = Replications.run(count: reps, jobs: Replications.availableCores) {
            model.simulate(seed: seed + UInt64($0))
        }
        let t = StudentT.quantile(1 - 0.01 / 60, degreesOfFreedom: reps - 1)
        let window = options.days - options.warmup
        var misses: [String] = []
        for (i, exact) in oracle.enumerated() {
            var judged: [(String, Double, (NetworkTierResult) -> Double)] = [
                ("utilisation", exact.utilisation, { $0.utilisation }),
                ("mean wait", exact.meanWait, { $0.waits.mean }),
                ("mean queue", exact.meanQueue, { $0.meanQueue }),
                ("served", exact.served(inWindowOf: window), { Double($0.served) }),
            ]
            for (k, threshold) in WaitSample.exceedanceGrid.enumerated() {
                judged.append(
                    (
                        "P(wait > \(threshold))", exact.probabilityOfWaiting(moreThan: threshold),
                        { $0.waits.exceedanceFractions[k] }
                    ))
            }
            for (name, value, output) in judged {
                let values = runs.map { output($0.tiers[i]) }
                let estimate = Estimate(values)
                let standardError = try #require(estimate.standardError)
                if abs(estimate.mean - value) > t * standardError {
                    misses.append("tier \(i + 1) \(name): \(estimate.mean) ± \(t * standardError), exact \(value)")
                }
            }
        }
        return misses
    }

    @Test("long replications match the Jackson values: utilisation, Erlang-C waits, exceedances, queue, served")
    func matchesOracle() throws {
        var options = NetworkModel.Options()
        (options.days, options.warmup) = (36_500, 1_460)  // MODEL.md 6.4's oracle configuration
        let misses = try Self.misses(options, reps: 20, seed: 6_000)
        #expect(misses.isEmpty, "\(misses.joined(separator: "\n"))")
    }

    @Test("the same check rejects a model that is subtly wrong: six fewer tier-1 slots than the oracle assumes")
    func checkHasPower() throws {
        var options = NetworkModel.Options()
        (options.days, options.warmup) = (7_300, 1_460)
        var simulated = options
        simulated.caps[0] = 150
        let model = try NetworkModel(simulated)
        let oracle = try #require(try NetworkModel(options).jacksonOracle)
        let runs = Replications.run(count: 20, jobs: Replications.availableCores) {
            model.simulate(seed: 7_000 + UInt64($0))
        }
        let utilisation = Estimate(runs.map { $0.tiers[0].utilisation })
        let wait = Estimate(runs.map { $0.tiers[0].waits.mean })
        let t = StudentT.quantile(1 - 0.01 / 60, degreesOfFreedom: 19)
        // Utilisation is measured against the oracle's 156 slots: 150 busy on average is a different model.
        #expect(abs(utilisation.mean * 150 / 156 - oracle[0].utilisation) < t * (utilisation.standardError ?? 0))
        #expect(abs(wait.mean - oracle[0].meanWait) > t * (wait.standardError ?? 0), "mean wait \(wait.mean)")
    }

    @Test("a replication is a function of its seed; events are referrals plus episode ends")
    func determinism() throws {
        var options = NetworkModel.Options()
        options.days = 730
        let model = try NetworkModel(options)
        let a = model.simulate(seed: 5)
        #expect(a == model.simulate(seed: 5))
        #expect(a != model.simulate(seed: 6))
        #expect(a.events == a.referrals + a.completions)
        // About r·T referrals: Poisson, so within 5 standard deviations.
        #expect(abs(Double(a.referrals) - 5 * 730) < 5 * (5 * 730.0).squareRoot())
        let parallel = Replications.run(count: 6, jobs: 3) { model.simulate(seed: 5 + UInt64($0)) }
        let serial = Replications.run(count: 6, jobs: 1) { model.simulate(seed: 5 + UInt64($0)) }
        #expect(parallel == serial)
        #expect(parallel[0] == a)
    }

    @Test("the people in the system (and so the pending events) stay near the slots however long the run")
    func memoryBound() throws {
        var options = NetworkModel.Options()
        options.warmup = 0
        options.days = 365
        let short = try NetworkModel(options).simulate(seed: 1)
        options.days = 7300
        let long = try NetworkModel(options).simulate(seed: 1)
        #expect(long.events > 15 * short.events)
        // 586 slots in all; the waitlists add tens, never a share of the 93,000 events.
        #expect(long.peakPopulation < 586 + 200)
    }
}
