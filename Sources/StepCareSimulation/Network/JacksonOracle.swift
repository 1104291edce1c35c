/// The analytic values of the network model when episodes are exponential (MODEL.md 6): an open Jackson
/// network, each tier marginally an M/M/c queue with arrival rate λ from the traffic equations.
public struct JacksonTier: Sendable, Hashable {
    /// Utilisation ρ = λ/(cμ).
    public var utilisation: Double
    /// Erlang C: the probability of waiting at all.
    public var probabilityOfWaiting: Double
    /// E[Wq] = C/(cμ − λ), days.
    public var meanWait: Double
    /// ln(10C)/(cμ − λ) when C > 0.1, else 0, days.
    public var p90Wait: Double
    /// Lq = λ·E[Wq].
    public var meanQueue: Double
    /// λ per day.
    public var arrivalRate: Double
    /// cμ − λ per day: the exponential rate of the wait's tail.
    public var decayRate: Double

    /// P(Wq > t) = C·exp(−(cμ − λ)t).
    public func probabilityOfWaiting(moreThan days: Double) -> Double {
        probabilityOfWaiting * exp(-decayRate * days)
    }

    /// Expected episodes ended in a window of `days` at steady state.
    public func served(inWindowOf days: Double) -> Double { arrivalRate * days }
}

extension NetworkModel {
    /// The Jackson-network values per tier, or `nil` for lognormal episodes (no exact oracle, MODEL.md 6.5)
    /// or an overloaded tier (no steady state).
    public var jacksonOracle: [JacksonTier]? {
        guard options.dist == .exp else { return nil }
        var tiers: [JacksonTier] = []
        for i in 0..<tierCount {
            let lambda = arrivalRates[i]
            let mu = 1 / options.means[i]
            let c = caps[i]
            let a = lambda / mu
            let rho = a / Double(c)
            guard rho < 1 else { return nil }
            // Erlang B by the stable recursion, then Erlang C.
            var b = 1.0
            for k in 1...c { b = a * b / (Double(k) + a * b) }
            let erlangC = b / (1 - rho * (1 - b))
            let decay = Double(c) * mu - lambda
            let meanWait = erlangC / decay
            tiers.append(
                JacksonTier(
                    utilisation: rho, probabilityOfWaiting: erlangC, meanWait: meanWait,
                    p90Wait: erlangC > 0.1 ? log(10 * erlangC) / decay : 0, meanQueue: lambda * meanWait,
                    arrivalRate: lambda, decayRate: decay))
        }
        return tiers
    }
}
