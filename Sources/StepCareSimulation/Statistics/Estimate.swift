/// A replication average with its 95 % confidence half-width (Student t on the per-replication values).
public struct Estimate: Sendable, Hashable {
    /// The mean over replications (NaN when no replication had a value).
    public var mean: Double
    /// The 95 % half-width, or `nil` with fewer than two values.
    public var halfWidth: Double?
    /// How many replications had a value.
    public var count: Int
    /// How many replications there were, with a value or without.
    public var replications: Int

    /// The estimate from per-replication values; NaN values (e.g. a mean of no waits) are left out.
    public init(_ values: [Double]) {
        let finite = values.filter { !$0.isNaN }
        count = finite.count
        replications = values.count
        guard !finite.isEmpty else {
            (mean, halfWidth) = (.nan, nil)
            return
        }
        let mean = finite.reduce(0, +) / Double(finite.count)
        self.mean = mean
        guard finite.count > 1 else {
            halfWidth = nil
            return
        }
        let variance = finite.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(finite.count - 1)
        halfWidth =
            StudentT.quantile(0.975, degreesOfFreedom: finite.count - 1)
            * (variance / Double(finite.count)).squareRoot()
    }

    /// The standard error of the mean (the half-width over the t quantile), or `nil` with fewer than two values.
    public var standardError: Double? {
        halfWidth.map { $0 / StudentT.quantile(0.975, degreesOfFreedom: count - 1) }
    }
}

/// Student's t distribution: the quantiles confidence intervals need.
public enum StudentT {
    /// The `p` quantile (0.5 < p < 1) with `degreesOfFreedom` degrees of freedom, found by bisection on the
    /// distribution function to 1e-12.
    public static func quantile(_ p: Double, degreesOfFreedom: Int) -> Double {
        precondition(p > 0.5 && p < 1 && degreesOfFreedom > 0)
        var (low, high) = (0.0, 1.0)
        while cdf(high, degreesOfFreedom) < p { high *= 2 }
        for _ in 0..<200 where high - low > 1e-12 * high {
            let middle = (low + high) / 2
            if cdf(middle, degreesOfFreedom) < p { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// P(T ≤ t) for t ≥ 0: 1 − I_x(ν/2, 1/2)/2 with x = ν/(ν + t²) (Abramowitz & Stegun 26.7.1).
    static func cdf(_ t: Double, _ degreesOfFreedom: Int) -> Double {
        let nu = Double(degreesOfFreedom)
        return 1 - 0.5 * incompleteBeta(nu / 2, 0.5, nu / (nu + t * t))
    }

    /// The regularized incomplete beta function I_x(a, b), by its continued fraction (modified Lentz).
    static func incompleteBeta(_ a: Double, _ b: Double, _ x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log(1 - x))
        if x < (a + 1) / (a + b + 2) { return front * continuedFraction(a, b, x) / a }
        return 1 - front * continuedFraction(b, a, 1 - x) / b
    }

    private static func continuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        func guarded(_ v: Double) -> Double { abs(v) < tiny ? tiny : v }
        var c = 1.0
        var d = 1 / guarded(1 - (a + b) * x / (a + 1))
        var h = d
        for m in 1...500 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a - 1 + 2 * m) * (a + 2 * m))
            d = 1 / guarded(1 + even * d)
            c = guarded(1 + even / c)
            h *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 1 + 2 * m))
            d = 1 / guarded(1 + odd * d)
            c = guarded(1 + odd / c)
            let step = d * c
            h *= step
            if abs(step - 1) < 1e-15 { break }
        }
        return h
    }
}
