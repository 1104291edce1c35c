import HeapModule
import StepCareCore
import Testing

@testable import StepCareSimulation

@Suite("Random sources and distributions")
struct RandomTests {
    @Test("the same seed and stream give the same draws; other seeds and streams give others")
    func determinism() {
        var a = SimulationRandom(seed: 42)
        var b = SimulationRandom(seed: 42)
        var c = SimulationRandom(seed: 43)
        var d = SimulationRandom(seed: 42, stream: 1)
        let first = (0..<100).map { _ in a.next() }
        #expect(first == (0..<100).map { _ in b.next() })
        #expect(first != (0..<100).map { _ in c.next() })
        #expect(first != (0..<100).map { _ in d.next() })
    }

    @Test("uniform draws lie in [0, 1) and (0, 1], and fill ten equal bins evenly (chi-square, 9 df)")
    func uniform() {
        var random = SimulationRandom(seed: 7)
        var bins = [Int](repeating: 0, count: 10)
        let n = 100_000
        for _ in 0..<n {
            let u = random.uniform()
            #expect(u >= 0 && u < 1)
            bins[Int(u * 10)] += 1
            let v = random.uniformPositive()
            #expect(v > 0 && v <= 1)
        }
        let expected = Double(n) / 10
        let chiSquare = bins.reduce(0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(chiSquare < 27.88)  // the 0.999 quantile of chi-square with 9 df
    }

    @Test("the exponential ziggurat's layers each have area v, its top edge is 0 and its base holds the tail")
    func zigguratTables() {
        let tables = ExponentialZiggurat.shared
        #expect(tables.x[1] == ExponentialZiggurat.r && tables.x[256] == 0)
        // Base strip: the rectangle r·f(r) plus the tail's area f(r) is v.
        let base = ExponentialZiggurat.r * exp(-ExponentialZiggurat.r) + exp(-ExponentialZiggurat.r)
        #expect(abs(base - ExponentialZiggurat.v) < 1e-12)
        for i in 1..<256 {
            let area = tables.x[i] * (tables.f[i + 1] - tables.f[i])
            #expect(abs(area - ExponentialZiggurat.v) < 1e-9, "layer \(i) has area \(area)")
        }
    }

    @Test("ziggurat exponential draws match P(X > t) = e^−t from the body to far into the tail past r")
    func zigguratExceedances() {
        var random = SimulationRandom(seed: 11)
        let n = 2_000_000
        let thresholds = [0.05, 0.5, 1, 2, 4, 7.5, 8, 10]
        var above = [Int](repeating: 0, count: thresholds.count)
        var sum = 0.0
        for _ in 0..<n {
            let x = random.standardExponential()
            sum += x
            for (k, t) in thresholds.enumerated() where x > t { above[k] += 1 }
        }
        #expect(abs(sum / Double(n) - 1) < 4 / Double(n).squareRoot())
        for (k, t) in thresholds.enumerated() {
            let p = exp(-t)
            let standardError = (p * (1 - p) / Double(n)).squareRoot()
            let observed = Double(above[k]) / Double(n)
            #expect(abs(observed - p) < 4.5 * standardError + 1e-7, "P(X > \(t)) = \(observed), expected \(p)")
        }
    }

    /// Mean and coefficient of variation of `n` draws, checked against the distribution's within 4 standard errors.
    private func checkMoments(_ distribution: Distribution, cv expectedCV: Double, seed: UInt64) {
        var random = SimulationRandom(seed: seed)
        let n = 200_000
        var sum = 0.0
        var squares = 0.0
        for _ in 0..<n {
            let x = distribution.sample(&random)
            #expect(x >= 0)
            sum += x
            squares += x * x
        }
        let mean = sum / Double(n)
        let sd = ((squares - Double(n) * mean * mean) / Double(n - 1)).squareRoot()
        let expectedSD = distribution.mean * expectedCV
        #expect(
            abs(mean - distribution.mean) <= 4 * expectedSD / Double(n).squareRoot(), "\(distribution): mean \(mean)")
        #expect(abs(sd / mean - expectedCV) < 0.02 * max(1, expectedCV), "\(distribution): cv \(sd / mean)")
    }

    @Test("exponential, lognormal, gamma and Weibull draws have the stated mean and spread")
    func moments() throws {
        try checkMoments(Distribution(.exponential(mean: 42)), cv: 1, seed: 1)
        try checkMoments(Distribution(.lognormal(mean: 84, cv: 0.6)), cv: 0.6, seed: 2)
        try checkMoments(Distribution(.gamma(mean: 120, cv: 0.5)), cv: 0.5, seed: 3)
        try checkMoments(Distribution(.gamma(mean: 10, cv: 2)), cv: 2, seed: 4)  // shape 1/4 < 1
        // Weibull k = 2: mean λ·Γ(1.5) = λ·√π/2, cv = √(4/π − 1).
        let weibull = try Distribution(.weibull(shape: 2, scale: 30))
        #expect(abs(weibull.mean - 30 * 0.886_226_925_452_758) < 1e-9)
        checkMoments(weibull, cv: (4 / Double.pi - 1).squareRoot(), seed: 5)
        try checkMoments(Distribution(.fixed(3)), cv: 0, seed: 6)
    }

    @Test("bad distribution parameters are refused, naming the parameter")
    func badParameters() {
        #expect(throws: (any Error).self) { try Distribution(.exponential(mean: 0), parameter: "--means") }
        #expect(throws: (any Error).self) { try Distribution(.lognormal(mean: 5, cv: -1)) }
        #expect(throws: (any Error).self) { try Distribution(.weibull(shape: 0, scale: 1)) }
        do {
            _ = try Distribution(.exponential(mean: -3), parameter: "--means (tier 2)")
            Issue.record("a negative mean was accepted")
        } catch {
            #expect(error.message.hasPrefix("--means (tier 2): the mean must be a positive number"))
        }
    }

    @Test("a categorical choice picks each outcome with its probability; the remainder is 'none'")
    func categorical() throws {
        let routing = try Categorical([0.15, 0, 0.20], complete: false, parameter: "row")
        #expect(routing.pick(0) == 0)
        #expect(routing.pick(0.1499) == 0)
        #expect(routing.pick(0.15) == 2)  // the zero-probability outcome is never picked
        #expect(routing.pick(0.3499) == 2)
        #expect(routing.pick(0.35) == 3)  // discharge
        var random = SimulationRandom(seed: 9)
        var counts = [0, 0, 0, 0]
        let n = 100_000
        for _ in 0..<n { counts[routing.sample(&random)] += 1 }
        for (index, p) in [0.15, 0, 0.20, 0.65].enumerated() {
            let sd = (p * (1 - p) / Double(n)).squareRoot()
            #expect(abs(Double(counts[index]) / Double(n) - p) <= 4 * sd)
        }
        #expect(throws: (any Error).self) { try Categorical([0.6, 0.3, 0.2], complete: true, parameter: "--triage") }
        #expect(throws: (any Error).self) { try Categorical([0.6, 0.3], complete: true, parameter: "--triage") }
        #expect(throws: (any Error).self) { try Categorical([0.6, 0.6], complete: false, parameter: "row") }
        #expect(throws: (any Error).self) { try Categorical([-0.1, 0.5], complete: false, parameter: "row") }
    }
}

@Suite("The event queue")
struct EventQueueTests {
    @Test("events come out in time order, ties in the order they were scheduled, and none after the horizon")
    func ordering() {
        var queue = EventQueue<String>()
        queue.schedule("c", at: 3)
        queue.schedule("a1", at: 1)
        queue.schedule("b", at: 2)
        queue.schedule("a2", at: 1)
        queue.schedule("late", at: 10)
        queue.schedule("a3", at: 1)
        var seen: [String] = []
        while let (time, payload) = queue.next(until: 5) {
            #expect(queue.now == time)
            seen.append(payload)
        }
        #expect(seen == ["a1", "a2", "a3", "b", "c"])
        #expect(queue.count == 1)
    }

    @Test("a large random schedule comes out sorted with ties stable")
    func randomSchedule() {
        var random = SimulationRandom(seed: 3)
        var queue = EventQueue<Int>()
        var expected: [(Double, Int)] = []
        for k in 0..<10_000 {
            let time = Double(Int(random.uniform() * 100))  // many ties
            queue.schedule(k, at: time)
            expected.append((time, k))
        }
        expected.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        var got: [Int] = []
        while let (_, k) = queue.next(until: .infinity) { got.append(k) }
        #expect(got == expected.map(\.1))
    }
}

/// The queue against swift-collections' `Heap` (the queue it replaced) on a long seeded run of interleaved
/// scheduling and taking, the way a simulation uses it: the same events in the same order, ties included.
@Suite("The event queue against the heap it replaced")
struct EventQueueOracleTests {
    struct Entry: Comparable {
        var time: Double
        var sequence: Int
        static func < (a: Entry, b: Entry) -> Bool { (a.time, a.sequence) < (b.time, b.sequence) }
    }

    @Test(arguments: [1, 2, 3, 4])
    func interleavedRunsAgree(seed: UInt64) {
        var random = SimulationRandom(seed: seed)
        var queue = EventQueue<Int>()
        var oracle = Heap<Entry>()
        var scheduled = 0
        var now = 0.0
        var taken = 0
        // The pending population grows to thousands and shrinks again, with many exact ties.
        for step in 0..<200_000 {
            let grow = step % 50_000 < 30_000
            if random.uniform() < (grow ? 0.55 : 0.45) || oracle.isEmpty {
                let time = now + (random.uniform() < 0.2 ? 0 : Double(Int(random.uniform() * 50)))
                queue.schedule(scheduled, at: time)
                oracle.insert(Entry(time: time, sequence: scheduled))
                scheduled += 1
            } else {
                guard let (time, payload) = queue.next(until: .infinity), let expected = oracle.popMin() else {
                    Issue.record("the queue ran dry at step \(step)")
                    return
                }
                taken += 1
                now = time
                if payload != expected.sequence || time != expected.time {
                    Issue.record(
                        "step \(step): took \(payload) at \(time), expected \(expected.sequence) at \(expected.time)")
                    return
                }
            }
        }
        #expect(taken > 50_000)
        #expect(queue.count == oracle.count)
    }
}

@Suite("Statistics")
struct StatisticsTests {
    @Test("Student t quantiles match the published table")
    func studentT() {
        let table: [(Int, Double)] = [
            (1, 12.7062), (2, 4.3027), (4, 2.7764), (9, 2.2622), (19, 2.0930), (39, 2.0227),
            (99, 1.9842), (199, 1.9720),
        ]
        for (df, value) in table {
            #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: df) - value) < 5e-5, "df \(df)")
        }
        #expect(abs(StudentT.quantile(0.995, degreesOfFreedom: 9) - 3.2498) < 5e-5)
    }

    @Test("an estimate is the mean with t·s/√n; NaN values are left out; one value has no interval")
    func estimate() {
        let e = Estimate([1, 2, 3, 4, .nan])
        #expect(e.count == 4)
        #expect(e.mean == 2.5)
        let s = (5.0 / 3).squareRoot()
        #expect(abs((e.halfWidth ?? 0) - 3.182_446_305 * s / 2) < 1e-6)
        #expect(Estimate([7]).halfWidth == nil)
        #expect(Estimate([]).mean.isNaN)
    }

    @Test("the wait histogram gives the type-7 percentile to within 0.05 %, and exact counts and exceedances")
    func waitSample() {
        var random = SimulationRandom(seed: 11)
        var sample = WaitSample()
        var waits: [Double] = []
        for _ in 0..<20_001 {
            let wait = random.uniform() < 0.7 ? 0 : random.exponential(mean: 3)
            sample.record(wait)
            waits.append(wait)
        }
        waits.sort()
        for p in [0.5, 0.75, 0.9, 0.95, 0.99] {
            let h = Double(waits.count - 1) * p
            let lower = Int(h)
            let exact = waits[lower] + (h - Double(lower)) * (waits[lower + 1] - waits[lower])
            let estimate = sample.quantile(p)
            #expect(abs(estimate - exact) <= 0.0005 * exact + 1e-12, "p\(p): \(estimate) vs \(exact)")
        }
        #expect(sample.count == waits.count)
        #expect(abs(sample.mean - waits.reduce(0, +) / Double(waits.count)) < 1e-9)
        for (index, t) in WaitSample.exceedanceGrid.enumerated() {
            #expect(sample.exceedances[index] == waits.filter { $0 > t }.count)
        }
        #expect(WaitSample().quantile(0.9).isNaN)
    }
}
