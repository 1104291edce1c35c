/// The waits of one tier in the statistics window, kept in constant memory.
///
/// Count, sum and the exceedance counts are exact. The 90th percentile comes from a histogram: zero waits are
/// counted exactly and positive waits fall in logarithmic bins 0.1 % wide from 10⁻⁶ to 10⁵ days, so the
/// type-7 percentile (linear interpolation between order statistics, numpy's default) is reproduced to
/// within 0.05 % of its value without storing one number per episode.
public struct WaitSample: Sendable, Hashable {
    /// The thresholds, in days, of the exceedance fractions P(wait > t) (MODEL.md 4).
    public static let exceedanceGrid: [Double] = [0, 1, 2, 4, 8, 16]

    private static let smallest = 1e-6
    private static let binsPerUnitLog = 1 / log(1.001)
    private static let binCount = Int((log(1e5 / smallest) * binsPerUnitLog).rounded(.up)) + 1

    /// Waits recorded.
    public private(set) var count = 0
    /// Their sum, in days.
    public private(set) var sum = 0.0
    /// How many exceeded each threshold of ``exceedanceGrid``.
    public private(set) var exceedances = [Int](repeating: 0, count: exceedanceGrid.count)
    private var zeros = 0
    private var bins: [UInt32] = []

    /// An empty sample.
    public init() {}

    /// Records one wait of `days` ≥ 0.
    public mutating func record(_ days: Double) {
        count += 1
        guard days > 0 else {
            zeros += 1
            return
        }
        sum += days
        for (index, threshold) in Self.exceedanceGrid.enumerated() where days > threshold {
            exceedances[index] += 1
        }
        if bins.isEmpty { bins = [UInt32](repeating: 0, count: Self.binCount) }
        bins[Self.bin(of: days)] += 1
    }

    /// The mean wait, or NaN with no waits.
    public var mean: Double { count == 0 ? .nan : sum / Double(count) }

    /// P(wait > t) for each threshold of ``exceedanceGrid``, or NaN with no waits.
    public var exceedanceFractions: [Double] { exceedances.map { count == 0 ? .nan : Double($0) / Double(count) } }

    /// The `p` quantile (0…1), type 7, or NaN with no waits.
    public func quantile(_ p: Double) -> Double {
        guard count > 0 else { return .nan }
        let h = Double(count - 1) * p
        let lower = Int(h)
        let fraction = h - Double(lower)
        let a = orderStatistic(lower)
        return fraction == 0 ? a : a + fraction * (orderStatistic(min(lower + 1, count - 1)) - a)
    }

    /// The `k`-th smallest wait (0-based), to the bin's geometric middle.
    private func orderStatistic(_ k: Int) -> Double {
        if k < zeros { return 0 }
        var seen = zeros
        for (index, n) in bins.enumerated() where n > 0 {
            seen += Int(n)
            if k < seen { return Self.smallest * exp((Double(index) - 0.5) / Self.binsPerUnitLog) }
        }
        return .nan
    }

    private static func bin(of days: Double) -> Int {
        guard days > smallest else { return 0 }
        return min(binCount - 1, Int((log(days / smallest) * binsPerUnitLog).rounded(.up)))
    }
}
