import Testing

@testable import StepCareSimulation

/// The ladder queue against ``EventQueue`` (the four-ary heap it replaced in the network model) on long seeded
/// runs of interleaved scheduling, peeking and taking, the way the network model uses it: the same events in
/// the same order, ties included, and nothing after the horizon.
@Suite("The ladder queue against the heap")
struct LadderQueueTests {
    /// How far ahead a run schedules: near ties, short and long gaps, or a mixture with far outliers.
    enum Spread: CaseIterable {
        case ties, exponential, mixture, sparse
    }

    @Test(arguments: Spread.allCases, [1, 2, 3] as [UInt64])
    func interleavedRunsAgree(spread: Spread, seed: UInt64) {
        var random = SimulationRandom(seed: seed)
        // Time runs fast when few events are pending: the sparse run has a longer horizon.
        let horizon = spread == .sparse ? 1e7 : 5_000.0
        var ladder = LadderQueue(horizon: horizon)
        var heap = EventQueue<Int32>()
        var taken = 0
        // The pending population grows to tens of thousands and shrinks again.
        for step in 0..<300_000 {
            let grow = step % 100_000 < 60_000
            let scheduling = spread == .sparse ? 0.3 : grow ? 0.6 : 0.4
            if random.uniform() < scheduling {
                let now = heap.now
                let gap: Double =
                    switch spread {
                    case .ties: random.uniform() < 0.3 ? 0 : Double(Int(random.uniform() * 20))
                    case .exponential, .sparse: random.exponential(mean: 40)
                    case .mixture:
                        random.uniform() < 0.01
                            ? random.uniform() * 4_000 : random.exponential(mean: random.uniform() < 0.5 ? 0.01 : 90)
                    }
                let payload = Int32(step % 1_000)
                ladder.schedule(payload, at: now + gap)
                if now + gap <= horizon { heap.schedule(payload, at: now + gap) }
            } else if random.uniform() < 0.5 {
                let expected = heap.nextTime()
                let got = ladder.nextTime()
                if got != expected {
                    Issue.record("step \(step): the next time is \(got), expected \(expected)")
                    return
                }
            } else {
                let expected = heap.next(until: horizon)
                let got = ladder.next()
                if got?.time != expected?.time || got?.payload != expected?.payload {
                    Issue.record(
                        "step \(step): took \(String(describing: got)), expected \(String(describing: expected))")
                    return
                }
                if got != nil { taken += 1 }
            }
        }
        #expect(taken > (spread == .sparse ? 50_000 : 60_000))
        #expect(ladder.count == heap.count)
        while let expected = heap.next(until: horizon) {
            let got = ladder.next()
            guard got?.time == expected.time, got?.payload == expected.payload else {
                Issue.record("draining: took \(String(describing: got)), expected \(expected)")
                return
            }
        }
        #expect(ladder.next() == nil)
    }

    @Test("events after the horizon are dropped, and an empty queue reports infinity and nothing to take")
    func horizon() {
        var ladder = LadderQueue(horizon: 10)
        ladder.schedule(1, at: 10)
        ladder.schedule(2, at: 10.000001)
        #expect(ladder.count == 1)
        #expect(ladder.next()?.payload == 1)
        #expect(ladder.next() == nil)
        #expect(ladder.nextTime() == .infinity)
    }
}
