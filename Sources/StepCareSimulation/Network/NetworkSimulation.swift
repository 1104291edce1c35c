/// One tier's outputs from one replication (MODEL.md 4).
public struct NetworkTierResult: Sendable, Hashable {
    /// Waits of the episodes that started in the statistics window.
    public var waits: WaitSample
    /// Time-average busy slots over the window, divided by the slots.
    public var utilisation: Double
    /// Episodes that ended in the window.
    public var served: Int
    /// Time-average waitlist length over the window.
    public var meanQueue: Double
}

/// One replication's outputs.
public struct NetworkReplication: Sendable, Hashable {
    /// The seed this replication ran with.
    public var seed: UInt64
    /// Per-tier outputs.
    public var tiers: [NetworkTierResult]
    /// Referrals in [0, T].
    public var referrals: Int
    /// Episode ends in [0, T].
    public var completions: Int
    /// The most people in the system at once (in care or waiting).
    public var peakPopulation: Int

    /// Model events: referrals plus episode ends, warm-up included (MODEL.md 4).
    public var events: Int { referrals + completions }
}

extension NetworkModel {
    /// Runs one replication with `seed` (MODEL.md 3, exactly): the system starts empty, referrals arrive as a
    /// Poisson process, triage picks a tier, a free slot starts an episode at once or the patient joins the
    /// tail of the tier's waitlist; at an episode's end the slot passes to the head of the waitlist, then the
    /// patient is routed on or discharged. Events at times ≤ T are processed.
    public func simulate(seed: UInt64) -> NetworkReplication {
        var random = SimulationRandom(seed: seed)
        var run = NetworkRun(model: self)
        // Episode ends after the horizon are never processed, so the queue does not keep them.
        var queue = LadderQueue(horizon: options.days)
        let horizon = options.days
        let meanGap = 1 / rate
        // The referral stream is its own source beside the queue of episode ends: the next referral is one
        // number, so referrals cost no queue operations (they are ~40 % of the events).
        var nextReferral = meanGap * random.standardExponential()
        while true {
            if nextReferral <= queue.nextTime() {
                guard nextReferral <= horizon else { break }
                let time = nextReferral
                run.referred()
                run.arrive(at: triage.pick(random.uniform()), time: time, queue: &queue, random: &random)
                nextReferral = time + meanGap * random.standardExponential()
            } else {
                guard let (time, tier) = queue.next() else { break }
                run.complete(at: Int(tier), time: time, queue: &queue, random: &random)
            }
        }
        return run.result(seed: seed)
    }
}

/// One tier's state during a replication: its parameters beside its slots in use, waitlist and window
/// statistics, so an event at a tier touches one place.
private struct TierState {
    let slots: Int
    let lengths: Distribution
    let routing: Categorical
    var busy = 0
    var waitlist = Waitlist()
    /// Slot-days of care inside the statistics window, each episode's share added when it starts.
    var busyArea = 0.0
    /// Patient-days of waiting inside the window, each wait's share added when it ends (or at the horizon).
    var queueArea = 0.0
    var waits = WaitSample()
    var served = 0
}

/// The state of one replication. The tiers live in storage this value owns alone (it cannot be copied), so
/// updating them pays no copy-on-write check.
private struct NetworkRun: ~Copyable {
    let warmup: Double
    let horizon: Double
    let tiers: UnsafeMutableBufferPointer<TierState>
    var referrals = 0
    var completions = 0
    var population = 0
    var peakPopulation = 0

    init(model: NetworkModel) {
        warmup = model.options.warmup
        horizon = model.options.days
        tiers = .allocate(capacity: model.tierCount)
        _ = tiers.initialize(
            from: (0..<model.tierCount).map {
                TierState(slots: model.caps[$0], lengths: model.episodeLengths[$0], routing: model.routing[$0])
            })
    }

    deinit {
        tiers.deinitialize()
        tiers.deallocate()
    }

    /// A referral enters the system.
    mutating func referred() {
        referrals += 1
        population += 1
        peakPopulation = max(peakPopulation, population)
    }

    /// A patient arrives at tier `i`: starts an episode if a slot is free, else joins the waitlist's tail.
    func arrive(at i: Int, time: Double, queue: inout LadderQueue, random: inout SimulationRandom) {
        if tiers[i].busy < tiers[i].slots {
            start(i, arrived: time, time: time, queue: &queue, random: &random)
        } else {
            tiers[i].waitlist.append(time)
        }
    }

    func start(_ i: Int, arrived: Double, time: Double, queue: inout LadderQueue, random: inout SimulationRandom) {
        tiers[i].busy += 1
        if time >= warmup { tiers[i].waits.record(time - arrived) }
        if arrived < time { tiers[i].queueArea += windowShare(from: arrived, to: time) }
        let end = time + tiers[i].lengths.sample(&random)
        tiers[i].busyArea += windowShare(from: time, to: end)
        queue.schedule(Int32(i), at: end)
    }

    /// The length of `[from, to]` inside the statistics window `[warmup, horizon]`.
    @inline(__always)
    func windowShare(from: Double, to: Double) -> Double { max(0, min(to, horizon) - max(from, warmup)) }

    /// An episode at tier `i` ends: the slot goes to the head of the waitlist, then the patient is routed.
    mutating func complete(at i: Int, time: Double, queue: inout LadderQueue, random: inout SimulationRandom) {
        completions += 1
        tiers[i].busy -= 1
        if time > warmup { tiers[i].served += 1 }
        if let arrived = tiers[i].waitlist.popFirst() {
            start(i, arrived: arrived, time: time, queue: &queue, random: &random)
        }
        let next = tiers[i].routing.pick(random.uniform())
        if next < tiers.count {
            arrive(at: next, time: time, queue: &queue, random: &random)
        } else {
            population -= 1
        }
    }

    func result(seed: UInt64) -> NetworkReplication {
        let window = horizon - warmup
        for i in tiers.indices {
            // Patients still waiting at the horizon waited until it.
            tiers[i].waitlist.forEach { arrived in tiers[i].queueArea += windowShare(from: arrived, to: horizon) }
        }
        let results = tiers.map { tier in
            NetworkTierResult(
                waits: tier.waits, utilisation: tier.busyArea / (Double(tier.slots) * window), served: tier.served,
                meanQueue: tier.queueArea / window)
        }
        return NetworkReplication(
            seed: seed, tiers: results, referrals: referrals, completions: completions,
            peakPopulation: peakPopulation)
    }
}

/// A FIFO of arrival times that reuses its storage: memory follows the longest waitlist, not the run.
struct Waitlist {
    private var times: [Double] = []
    private var head = 0

    var count: Int { times.count - head }

    mutating func append(_ time: Double) {
        if head > 0, head == times.count {
            times.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1024, head * 2 >= times.count {
            times.removeFirst(head)
            head = 0
        }
        times.append(time)
    }

    /// Calls `body` with each arrival time still waiting, head first.
    func forEach(_ body: (Double) -> Void) {
        for index in head..<times.count { body(times[index]) }
    }

    mutating func popFirst() -> Double? {
        guard head < times.count else { return nil }
        head += 1
        return times[head - 1]
    }
}
