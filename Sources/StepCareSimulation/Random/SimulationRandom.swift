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
    @inline(__always)
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

    /// A standard exponential draw (mean 1) by the ziggurat method (G. Marsaglia and W. W. Tsang, "The ziggurat
    /// method for generating random variables", Journal of Statistical Software 5(8), 2000), 256 layers: about
    /// 99 % of draws cost one random word, a multiplication and a comparison, without a logarithm.
    ///
    /// The network model draws with it; the pathway simulator keeps ``exponential(mean:)`` (inversion), so the
    /// streams of its saved and compared runs stay as they were.
    @inline(__always)
    public mutating func standardExponential() -> Double {
        let tables = ExponentialZiggurat.shared
        while true {
            let bits = next()
            let layer = Int(bits & 0xFF)
            let x = Double(bits >> 11) * 0x1.0p-53 * tables.x[layer]
            if x < tables.x[layer + 1] { return x }
            if layer == 0 { return ExponentialZiggurat.r - log(uniformPositive()) }
            let f = tables.f[layer + 1] + (tables.f[layer] - tables.f[layer + 1]) * uniform()
            if f < exp(-x) { return x }
        }
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

    @inline(__always)
    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

/// The exponential ziggurat's 257 layer edges `x` and densities `f = exp(−x)` (Marsaglia and Tsang 2000, with
/// their 256-layer constants r and v): layer 0 is the base strip with the tail beyond r, and every layer has
/// area v.
struct ExponentialZiggurat: Sendable {
    /// The rightmost layer edge.
    static let r = 7.69711747013104972
    /// The area of each layer.
    static let v = 3.949659822581572e-3
    static let shared = ExponentialZiggurat()

    let x: [Double]
    let f: [Double]

    private init() {
        var x = [Double](repeating: 0, count: 257)
        x[0] = Self.v * exp(Self.r)
        x[1] = Self.r
        for i in 2..<256 { x[i] = -log(Self.v / x[i - 1] + exp(-x[i - 1])) }
        x[256] = 0
        self.x = x
        f = x.map { exp(-$0) }
    }
}
