public import StepCareCore

/// The benchmark capacity model `stepped-care-3tier` (`../shared/bench/MODEL.md`, v1): Poisson referrals
/// triaged to tiers with fixed slots and FIFO waitlists, episodes of care, Markovian routing at episode end.
///
/// Built from ``Options`` (what a user types, at scale 1) by ``init(_:)``, which scales, validates and solves
/// the traffic equations, so a model that exists is one that can run.
public struct NetworkModel: Sendable, Hashable {
    /// The most referrals one run may ask for (rate × scale × days): a billion, a few minutes of one core.
    public static let mostArrivals = 1e9
    /// The most tiers a model may have: far past any service, and inside what the event list can label.
    public static let mostTiers = 1_000

    /// Episode-length families the model supports (MODEL.md 3).
    public enum EpisodeLengths: String, Sendable, Hashable, CaseIterable {
        /// Exponential: the benchmark default, and the only one with an exact oracle.
        case exp
        /// Lognormal with the tier's mean and the coefficient of variation ``Options/cv``.
        case lognormal
    }

    /// How `--scale` grows the slots (MODEL.md 4.2).
    public enum Staffing: String, Sendable, Hashable, CaseIterable {
        /// round(c·s): utilisation stays the same.
        case linear
        /// Square-root staffing, keeping the probability of waiting roughly constant.
        case sqrt
    }

    /// The model as a user states it, before scaling. Defaults are MODEL.md section 2.
    public struct Options: Sendable, Hashable {
        /// Referrals per day at scale 1.
        public var rate = 5.0
        /// P(initial tier = 1, 2, …); must sum to 1.
        public var triage = [0.60, 0.30, 0.10]
        /// Slots per tier at scale 1.
        public var caps = [156, 284, 146]
        /// Mean episode length per tier, days.
        public var means = [42.0, 84.0, 120.0]
        /// `routing[i][j]` = P(next tier is j | an episode at tier i ends); the rest of each row is discharge.
        public var routing = [[0.00, 0.25, 0.00], [0.15, 0.00, 0.20], [0.00, 0.70, 0.00]]
        /// Episode-length family.
        public var dist = EpisodeLengths.exp
        /// Coefficient of variation for `lognormal`.
        public var cv = 0.6
        /// Horizon T, days.
        public var days = 3650.0
        /// Warm-up W, days, excluded from the statistics.
        public var warmup = 365.0
        /// Multiplies the referral rate and (by ``staffing``) the slots.
        public var scale = 1.0
        /// How the slots grow with ``scale``.
        public var staffing = Staffing.linear
        /// Simulate even when a tier's offered load is at or above its slots (no steady state exists).
        public var allowOverload = false

        /// The defaults.
        public init() {}
    }

    /// What the user asked for.
    public let options: Options
    /// Referrals per day after scaling.
    public let rate: Double
    /// Slots per tier after scaling.
    public let caps: [Int]
    /// Per-tier arrival rates λ, from the traffic equations λ = γ + Rᵀλ.
    public let arrivalRates: [Double]
    let triage: Categorical
    let routing: [Categorical]
    let episodeLengths: [Distribution]

    /// The number of tiers.
    public var tierCount: Int { caps.count }

    /// Offered load a = λ·m per tier (mean busy slots).
    public var offeredLoads: [Double] { zip(arrivalRates, options.means).map { $0 * $1 } }

    /// Utilisation ρ = a/c per tier.
    public var utilisations: [Double] { zip(offeredLoads, caps).map { $0 / Double($1) } }

    /// Scales and validates `options`.
    ///
    /// - Throws: ``StepCareError`` (`invalid-simulation`) naming the parameter: a non-positive rate, slot count,
    ///   mean or horizon; probabilities that are negative or do not sum to one; lists of different lengths; a
    ///   routing that can keep a patient cycling without ever discharging; and, unless
    ///   ``Options/allowOverload``, a tier whose offered load reaches its slots.
    public init(_ options: Options) throws(StepCareError) {
        self.options = options
        let n = options.caps.count
        guard n > 0 else { throw .simulation("--caps", "no tiers given", hint: "e.g. --caps 156,284,146") }
        guard n <= Self.mostTiers else {
            throw .simulation(
                "--caps", "gives \(n) tiers; at most \(Self.mostTiers) are simulated",
                hint: "a stepped-care network has a handful of tiers: give one slot count per tier")
        }
        for (flag, count) in [("--means", options.means.count), ("--triage", options.triage.count)] where count != n {
            throw .simulation(
                flag, "has \(count) values for \(n) tiers", hint: "give one value per tier, as --caps does")
        }
        guard options.routing.count == n, options.routing.allSatisfy({ $0.count == n }) else {
            throw .simulation(
                "--routing", "must have \(n) rows of \(n) probabilities, one row per tier",
                hint: "rows separated by ';', e.g. 0,0.25,0;0.15,0,0.2;0,0.7,0")
        }
        guard options.rate > 0, options.rate.isFinite else {
            throw .simulation("--rate", "must be a positive number of referrals per day, not \(options.rate)")
        }
        guard options.scale > 0, options.scale.isFinite else {
            throw .simulation("--scale", "must be positive, not \(options.scale)")
        }
        guard options.days > 0, options.days.isFinite else {
            throw .simulation("--days", "must be a positive number of days, not \(options.days)")
        }
        guard options.days <= 36_525 else {
            throw .simulation("--days", "must be at most 36525 (a hundred years), not \(options.days)")
        }
        // A run is bounded by its arrivals, so no combination of rate, scale and horizon runs without end.
        let arrivals = options.rate * options.scale * options.days
        guard arrivals <= Self.mostArrivals else {
            throw .simulation(
                "--rate",
                "--rate × --scale × --days asks for about \(shown(arrivals)) referrals in one run; at most "
                    + "\(shown(Self.mostArrivals)) are simulated (lower --rate, --scale or --days)")
        }
        guard options.warmup >= 0, options.warmup < options.days else {
            throw .simulation(
                "--warmup", "must be at least 0 and less than --days (\(options.days)), not \(options.warmup)")
        }
        for (index, cap) in options.caps.enumerated() where cap <= 0 {
            throw .simulation("--caps", "tier \(index + 1) has \(cap) slots; every tier needs at least one")
        }
        triage = try Categorical(options.triage, complete: true, parameter: "--triage")
        routing = try options.routing.enumerated().map { (index, row) throws(StepCareError) in
            try Categorical(row, complete: false, parameter: "--routing row \(index + 1)")
        }
        episodeLengths = try options.means.enumerated().map { (index, mean) throws(StepCareError) in
            let parameter =
                options.dist == .lognormal && !(options.cv <= Distribution.largestCV)
                ? "--cv" : "--means (tier \(index + 1))"
            return switch options.dist {
            case .exp: try Distribution(.exponential(mean: mean), parameter: parameter)
            case .lognormal: try Distribution(.lognormal(mean: mean, cv: options.cv), parameter: parameter)
            }
        }
        try Self.checkDischarge(options.routing, triage: options.triage)
        let rates = Self.trafficRates(
            external: options.triage.map { $0 * options.rate * options.scale }, routing: options.routing)
        arrivalRates = rates
        rate = options.rate * options.scale
        caps = Self.scaledCaps(options)
        for tier in 0..<n where !options.allowOverload && rates[tier] * options.means[tier] >= Double(caps[tier]) {
            let load = rates[tier] * options.means[tier]
            throw .simulation(
                "--caps",
                "tier \(tier + 1) is overloaded: its offered load is \(rounded(load)) busy slots on average, but it "
                    + "has \(caps[tier]) (utilisation \(rounded(load / Double(caps[tier])))); its waitlist would grow "
                    + "without bound and no steady state exists",
                hint: "give tier \(tier + 1) more than \(Int(load.rounded(.up))) slots, lower --rate, or add "
                    + "--allow-overload to simulate the growing queue anyway")
        }
    }

    /// Refuses a routing in which a patient can reach a tier from which discharge is impossible.
    private static func checkDischarge(_ routing: [[Double]], triage: [Double]) throws(StepCareError) {
        let n = routing.count
        // Tiers that can reach discharge: those with a remainder, then those that route to one of them.
        var discharges = routing.map { 1 - $0.reduce(0, +) > 1e-12 }
        var changed = true
        while changed {
            changed = false
            for i in 0..<n where !discharges[i] && (0..<n).contains(where: { routing[i][$0] > 0 && discharges[$0] }) {
                discharges[i] = true
                changed = true
            }
        }
        // Tiers a patient can reach from triage.
        var reached = triage.map { $0 > 0 }
        var frontier = (0..<n).filter { reached[$0] }
        while let i = frontier.popLast() {
            for j in 0..<n where routing[i][j] > 0 && !reached[j] {
                reached[j] = true
                frontier.append(j)
            }
        }
        if let trapped = (0..<n).first(where: { reached[$0] && !discharges[$0] }) {
            throw .simulation(
                "--routing row \(trapped + 1)",
                "patients at tier \(trapped + 1) can never be discharged: the routing from it (and from every tier "
                    + "it leads to) sums to 1, so they would cycle between tiers for ever and the network is unstable",
                hint: "leave a discharge probability (1 − row sum) above 0 in at least one tier they can reach")
        }
    }

    /// Solves λ = γ + Rᵀλ by Gaussian elimination with partial pivoting.
    static func trafficRates(external: [Double], routing: [[Double]]) -> [Double] {
        let n = external.count
        var a = (0..<n).map { i in (0..<n).map { j in (i == j ? 1 : 0) - routing[j][i] } + [external[i]] }
        for column in 0..<n {
            let pivot = (column..<n).max { abs(a[$0][column]) < abs(a[$1][column]) } ?? column
            a.swapAt(column, pivot)
            for row in 0..<n where row != column && a[column][column] != 0 {
                let factor = a[row][column] / a[column][column]
                for k in column...n { a[row][k] -= factor * a[column][k] }
            }
        }
        return (0..<n).map { a[$0][n] / a[$0][$0] }
    }

    private static func scaledCaps(_ options: Options) -> [Int] {
        switch options.staffing {
        case .linear:
            return options.caps.map { Int((Double($0) * options.scale).rounded(.toNearestOrEven)) }
        case .sqrt:
            let base = trafficRates(external: options.triage.map { $0 * options.rate }, routing: options.routing)
            return options.caps.indices.map { i in
                let load = base[i] * options.means[i]
                let beta = (Double(options.caps[i]) - load) / load.squareRoot()
                let scaled = load * options.scale
                return Int((scaled + beta * scaled.squareRoot()).rounded(.toNearestOrEven))
            }
        }
    }
}

private func rounded(_ x: Double) -> String { shown((x * 1000).rounded() / 1000) }
