public import StepCareCore

/// A distribution of positive durations or amounts, with its parameters checked and precomputed.
public struct Distribution: Sendable, Hashable, CustomStringConvertible {
    /// The family and its defining parameters.
    public enum Kind: Sendable, Hashable {
        /// Exponential with the given mean.
        case exponential(mean: Double)
        /// Lognormal with the given mean and coefficient of variation: the underlying normal has
        /// σ² = ln(1 + cv²) and μ = ln(mean) − σ²/2 (MODEL.md 3).
        case lognormal(mean: Double, cv: Double)
        /// Gamma with the given mean and coefficient of variation: shape 1/cv², scale mean·cv².
        case gamma(mean: Double, cv: Double)
        /// Weibull with the given shape k and scale λ: mean λ·Γ(1 + 1/k).
        case weibull(shape: Double, scale: Double)
        /// Always the same value.
        case fixed(Double)
    }

    /// The family and parameters.
    public let kind: Kind
    private let a: Double
    private let b: Double

    /// The largest coefficient of variation accepted: far past any service's episode lengths.
    public static let largestCV = 100.0

    /// Creates a distribution, checking its parameters.
    ///
    /// - Throws: ``StepCareError`` naming `parameter` when a mean, scale or shape is not positive or a
    ///   coefficient of variation is negative.
    public init(_ kind: Kind, parameter: String = "distribution") throws(StepCareError) {
        func positive(_ value: Double, _ what: String) throws(StepCareError) {
            guard value > 0, value.isFinite else {
                throw StepCareError.simulation(parameter, "\(what) must be a positive number, not \(value)")
            }
        }
        self.kind = kind
        switch kind {
        case .exponential(let mean):
            try positive(mean, "the mean")
            (a, b) = (mean, 0)
        case .lognormal(let mean, let cv), .gamma(let mean, let cv):
            try positive(mean, "the mean")
            try positive(cv, "the coefficient of variation")
            // cv² must stay finite: past about 1e154 it overflows and every draw is NaN.
            guard cv <= Self.largestCV else {
                throw StepCareError.simulation(
                    parameter, "the coefficient of variation must be at most \(Int(Self.largestCV)), not \(cv)")
            }
            if case .lognormal = kind {
                let variance = log(1 + cv * cv)
                (a, b) = (log(mean) - variance / 2, variance.squareRoot())
            } else {
                (a, b) = (1 / (cv * cv), mean * cv * cv)
            }
        case .weibull(let shape, let scale):
            try positive(shape, "the shape")
            try positive(scale, "the scale")
            (a, b) = (shape, scale)
        case .fixed(let value):
            guard value >= 0, value.isFinite else {
                throw StepCareError.simulation(parameter, "a fixed value must be zero or more, not \(value)")
            }
            (a, b) = (value, 0)
        }
    }

    /// The distribution's mean.
    public var mean: Double {
        switch kind {
        case .exponential(let mean), .lognormal(let mean, _), .gamma(let mean, _): mean
        case .weibull(let shape, let scale): scale * exp(lgamma(1 + 1 / shape))
        case .fixed(let value): value
        }
    }

    /// One draw.
    public func sample(_ random: inout SimulationRandom) -> Double {
        switch kind {
        case .exponential: return a * random.standardExponential()
        case .lognormal: return exp(a + b * random.standardNormal())
        case .gamma: return Self.gamma(shape: a, random: &random) * b
        case .weibull: return b * pow(-log(random.uniformPositive()), 1 / a)
        case .fixed: return a
        }
    }

    /// A standard gamma draw (Marsaglia & Tsang 2000; shapes below 1 by the boost U^(1/shape)).
    private static func gamma(shape: Double, random: inout SimulationRandom) -> Double {
        if shape < 1 {
            return gamma(shape: shape + 1, random: &random) * pow(random.uniformPositive(), 1 / shape)
        }
        let d = shape - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = random.standardNormal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = random.uniformPositive()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    public var description: String {
        switch kind {
        case .exponential(let mean): "exponential(mean \(mean))"
        case .lognormal(let mean, let cv): "lognormal(mean \(mean), cv \(cv))"
        case .gamma(let mean, let cv): "gamma(mean \(mean), cv \(cv))"
        case .weibull(let shape, let scale): "weibull(shape \(shape), scale \(scale))"
        case .fixed(let value): "fixed(\(value))"
        }
    }
}

/// A choice among a fixed list of outcomes with given probabilities; the remainder, if any, is "none".
public struct Categorical: Sendable, Hashable {
    /// The probabilities, in order.
    public let probabilities: [Double]
    private let cumulative: [Double]

    /// Creates a choice.
    ///
    /// - Parameters:
    ///   - complete: whether the probabilities must sum to one (triage) or may leave a remainder (a routing
    ///     row, whose remainder is discharge).
    /// - Throws: ``StepCareError`` naming `parameter` for a negative probability or a wrong sum.
    public init(_ probabilities: [Double], complete: Bool, parameter: String) throws(StepCareError) {
        for (index, p) in probabilities.enumerated() where !(p >= 0 && p <= 1) {
            throw StepCareError.simulation(
                parameter, "probability \(index + 1) is \(shown(p)); probabilities lie between 0 and 1")
        }
        let sum = probabilities.reduce(0, +)
        if complete, abs(sum - 1) > 1e-9 {
            throw StepCareError.simulation(
                parameter, "the probabilities sum to \(shown(sum)), not 1", hint: "make them add up to exactly 1")
        }
        if !complete, sum > 1 + 1e-9 {
            throw StepCareError.simulation(
                parameter, "the probabilities sum to \(shown(sum)), more than 1",
                hint: "the remainder (1 − sum) must not be negative")
        }
        self.probabilities = probabilities
        var running = 0.0
        cumulative = probabilities.map {
            running += $0
            return running
        }
    }

    /// The outcome for a uniform draw `u` in [0, 1): an index, or `probabilities.count` for the remainder.
    public func pick(_ u: Double) -> Int {
        var index = 0
        while index < cumulative.count, u >= cumulative[index] { index += 1 }
        return index
    }

    /// One draw.
    public func sample(_ random: inout SimulationRandom) -> Int { pick(random.uniform()) }
}
