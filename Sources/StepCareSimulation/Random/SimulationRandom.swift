/// The simulator's random source: xoshiro256** (Blackman & Vigna 2018), seeded through SplitMix64.
///
/// Every replication gets its own generator from ``init(seed:stream:)``, so replications are independent
/// streams and a replication's draws never depend on how many others ran, or on which core.
public struct SimulationRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator for replication `stream` of a run seeded with `seed`.
    ///
    /// The four state words come from SplitMix64 over the seed and stream (Vigna's recommended seeding), so
    /// neighbouring seeds give unrelated sequences and the state is never all zero.
    public init(seed: UInt64, stream: UInt64 = 0) {
        var mixer = seed &+ 0xA076_1D64_78BD_642F &* (stream &+ 1)
        func splitMix() -> UInt64 {
            mixer &+= 0x9E37_79B9_7F4A_7C15
            var z = mixer
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix()
        s1 = splitMix()
        s2 = splitMix()
        s3 = splitMix()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    /// A uniform number in [0, 1), with 53 random bits.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform number in (0, 1], safe to take the logarithm of.
    public mutating func uniformPositive() -> Double {
        Double((next() >> 11) + 1) * 0x1.0p-53
    }

    /// An exponential draw with the given mean (inversion).
    public mutating func exponential(mean: Double) -> Double {
        -mean * log(uniformPositive())
    }

    /// A standard normal draw (Marsaglia's polar method; the second value is discarded to keep the state small).
    public mutating func standardNormal() -> Double {
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0, s < 1 { return u * (-2 * log(s) / s).squareRoot() }
        }
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
