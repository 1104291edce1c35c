import StepCareCore
import Testing

@testable import StepCareSimulation

@Suite("The network model: parameters, traffic equations and the Jackson oracle")
struct NetworkModelTests {
    @Test("the traffic equations give MODEL.md section 5's arrival rates and utilisations")
    func trafficEquations() throws {
        let model = try NetworkModel(NetworkModel.Options())
        for (got, want) in zip(model.arrivalRates, [3.474164, 3.161094, 1.132219]) {
            #expect(abs(got - want) < 5e-7)
        }
        for (got, want) in zip(model.utilisations, [0.93535, 0.93497, 0.93059]) {
            #expect(abs(got - want) < 5e-6)
        }
    }

    @Test("scaling: linear multiplies the slots; square-root staffing gives MODEL.md 4.2's 1491/2714/1391")
    func scaling() throws {
        var options = NetworkModel.Options()
        options.scale = 10
        #expect(try NetworkModel(options).caps == [1560, 2840, 1460])
        #expect(try NetworkModel(options).rate == 50)
        options.staffing = .sqrt
        #expect(try NetworkModel(options).caps == [1491, 2714, 1391])
    }

    /// MODEL.md 6.3: ρ, C, mean wait, p90 wait, mean queue and served in a window of 3285 days.
    static let table: [(rho: Double, c: Double, wait: Double, p90: Double, queue: Double, served: Double)] = [
        (0.935352, 0.30836, 1.28417, 4.68965, 4.46141, 11412.6),
        (0.934972, 0.18347, 0.83449, 2.76033, 2.63791, 10384.2),
        (0.930591, 0.29202, 3.45797, 12.69003, 3.91518, 3719.3),
    ]

    /// MODEL.md 6.3: P(wait > t) for t = 0, 1, 2, 4, 8, 16 days.
    static let exceedance: [[Double]] = [
        [0.30836, 0.24253, 0.19076, 0.11801, 0.04516, 0.00661],
        [0.18347, 0.14726, 0.11819, 0.07614, 0.03160, 0.00544],
        [0.29202, 0.26837, 0.24664, 0.20831, 0.14860, 0.07561],
    ]

    @Test("the Jackson oracle reproduces MODEL.md 6.3 at the defaults")
    func oracle() throws {
        let oracle = try #require(try NetworkModel(NetworkModel.Options()).jacksonOracle)
        for (tier, want) in zip(oracle, Self.table) {
            #expect(abs(tier.utilisation - want.rho) < 5e-7)
            #expect(abs(tier.probabilityOfWaiting - want.c) < 5e-6)
            #expect(abs(tier.meanWait - want.wait) < 5e-6)
            #expect(abs(tier.p90Wait - want.p90) < 5e-6)
            #expect(abs(tier.meanQueue - want.queue) < 5e-6)
            #expect(abs(tier.served(inWindowOf: 3285) - want.served) < 0.05)
        }
        for (tier, row) in zip(oracle, Self.exceedance) {
            for (t, want) in zip(WaitSample.exceedanceGrid, row) {
                #expect(abs(tier.probabilityOfWaiting(moreThan: t) - want) < 5e-6)
            }
        }
        var lognormal = NetworkModel.Options()
        lognormal.dist = .lognormal
        #expect(try NetworkModel(lognormal).jacksonOracle == nil)
    }

    private func refusal(_ change: (inout NetworkModel.Options) -> Void) -> String {
        var options = NetworkModel.Options()
        change(&options)
        do {
            _ = try NetworkModel(options)
            return "accepted"
        } catch {
            #expect(error.code == .invalidSimulation)
            return error.message + " | " + (error.hint ?? "")
        }
    }

    @Test("bad input is refused before running, naming the parameter and the fix")
    func badInput() {
        #expect(refusal { $0.triage = [0.6, 0.3, 0.2] }.hasPrefix("--triage: the probabilities sum to 1.1"))
        #expect(refusal { $0.rate = -5 }.hasPrefix("--rate: must be a positive number"))
        #expect(refusal { $0.means = [42, -1, 120] }.hasPrefix("--means (tier 2): the mean must be a positive"))
        #expect(refusal { $0.caps = [156, 0, 146] }.hasPrefix("--caps: tier 2 has 0 slots"))
        #expect(refusal { $0.caps = [156, 284] }.hasPrefix("--means: has 3 values for 2 tiers"))
        #expect(
            refusal { $0.caps = Array(repeating: 1, count: 1_001) }.hasPrefix("--caps: gives 1001 tiers; at most 1000"))
        #expect(refusal { $0.warmup = 4000 }.hasPrefix("--warmup: must be at least 0 and less than --days"))
        #expect(refusal { $0.days = 1e308 }.hasPrefix("--days: must be at most 36525"), "a horizon that never ends")
        #expect(
            refusal {
                $0.scale = 1e12
                $0.allowOverload = true
            }.contains("at most 1000000000"), "a run that never ends")
        #expect(refusal { $0.routing[1] = [0.5, 0, 0.6] }.hasPrefix("--routing row 2: the probabilities sum to 1.1"))
        // Tiers 2 and 3 pass every patient back and forth: nobody ever leaves.
        let unstable = refusal { $0.routing = [[0, 0.25, 0], [0, 0, 1], [0, 1, 0]] }
        #expect(unstable.hasPrefix("--routing row 2: patients at tier 2 can never be discharged"))
        #expect(unstable.contains("network is unstable"))
        let overloaded = refusal { $0.caps = [156, 250, 146] }
        #expect(overloaded.hasPrefix("--caps: tier 2 is overloaded: its offered load is 265.532"))
        #expect(overloaded.contains("more than 266 slots"))
        var allowed = NetworkModel.Options()
        allowed.caps = [156, 250, 146]
        allowed.allowOverload = true
        #expect((try? NetworkModel(allowed)) != nil)
        // A tier nobody can reach may route in a closed loop without harm.
        #expect(
            refusal {
                $0.rate = 3
                $0.triage = [1, 0, 0]
                $0.routing = [[0, 0, 0], [0, 0, 1], [0, 1, 0]]
            } == "accepted")
    }
}
