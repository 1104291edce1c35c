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
        var queue = EventQueue<Int32>()
        let horizon = options.days
        let meanGap = 1 / rate
        // The referral stream is its own source beside the queue of episode ends: the next referral is one
        // number, so referrals cost no heap operations (they are ~40 % of the events).
        var nextReferral = random.exponential(mean: meanGap)
        while true {
            if nextReferral <= queue.nextTime() {
                guard nextReferral <= horizon else { break }
                let time = nextReferral
                run.referred()
                run.arrive(at: triage.pick(random.uniform()), time: time, queue: &queue, random: &random)
                nextReferral = time + random.exponential(mean: meanGap)
            } else {
                guard let (time, tier) = queue.next(until: horizon) else { break }
                run.complete(at: Int(tier), time: time, queue: &queue, random: &random)
            }
        }
        return run.result(seed: seed)
    }
}

/// The state of one replication: per-tier slots in use, waitlists and the window statistics.
private struct NetworkRun {
    let model: NetworkModel
    let caps: [Int]
    let warmup: Double
    var busy: [Int]
    var waitlists: [Waitlist]
    var lastChange: [Double]
    var busyArea: [Double]
    var queueArea: [Double]
    var waits: [WaitSample]
    var served: [Int]
    var referrals = 0
    var completions = 0
    var population = 0
    var peakPopulation = 0

    init(model: NetworkModel) {
        let n = model.tierCount
        self.model = model
        caps = model.caps
        warmup = model.options.warmup
        busy = Array(repeating: 0, count: n)
        waitlists = Array(repeating: Waitlist(), count: n)
        lastChange = Array(repeating: 0, count: n)
        busyArea = Array(repeating: 0, count: n)
        queueArea = Array(repeating: 0, count: n)
        waits = Array(repeating: WaitSample(), count: n)
        served = Array(repeating: 0, count: n)
    }

    /// Accumulates tier `i`'s time-weighted areas up to `time`, counting only the window.
    mutating func advance(_ i: Int, to time: Double) {
        if time > warmup {
            let from = max(lastChange[i], warmup)
            busyArea[i] += (time - from) * Double(busy[i])
            queueArea[i] += (time - from) * Double(waitlists[i].count)
        }
        lastChange[i] = time
    }

    /// A referral enters the system.
    mutating func referred() {
        referrals += 1
        population += 1
        peakPopulation = max(peakPopulation, population)
    }

    /// A patient arrives at tier `i`: starts an episode if a slot is free, else joins the waitlist's tail.
    mutating func arrive(at i: Int, time: Double, queue: inout EventQueue<Int32>, random: inout SimulationRandom) {
        advance(i, to: time)
        if busy[i] < caps[i] {
            start(i, arrived: time, time: time, queue: &queue, random: &random)
        } else {
            waitlists[i].append(time)
        }
    }

    mutating func start(
        _ i: Int, arrived: Double, time: Double, queue: inout EventQueue<Int32>, random: inout SimulationRandom
    ) {
        busy[i] += 1
        if time >= warmup { waits[i].record(time - arrived) }
        queue.schedule(Int32(i), at: time + model.episodeLengths[i].sample(&random))
    }

    /// An episode at tier `i` ends: the slot goes to the head of the waitlist, then the patient is routed.
    mutating func complete(at i: Int, time: Double, queue: inout EventQueue<Int32>, random: inout SimulationRandom) {
        completions += 1
        advance(i, to: time)
        busy[i] -= 1
        if time > warmup { served[i] += 1 }
        if let arrived = waitlists[i].popFirst() {
            start(i, arrived: arrived, time: time, queue: &queue, random: &random)
        }
        let next = model.routing[i].pick(random.uniform())
        if next < caps.count {
            arrive(at: next, time: time, queue: &queue, random: &random)
        } else {
            population -= 1
        }
    }

    mutating func result(seed: UInt64) -> NetworkReplication {
        let horizon = model.options.days
        let window = horizon - warmup
        for i in caps.indices { advance(i, to: horizon) }
        let tiers = caps.indices.map { i in
            NetworkTierResult(
                waits: waits[i], utilisation: busyArea[i] / (Double(caps[i]) * window), served: served[i],
                meanQueue: queueArea[i] / window)
        }
        return NetworkReplication(
            seed: seed, tiers: tiers, referrals: referrals, completions: completions, peakPopulation: peakPopulation)
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

    mutating func popFirst() -> Double? {
        guard head < times.count else { return nil }
        head += 1
        return times[head - 1]
    }
}
