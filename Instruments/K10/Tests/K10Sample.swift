import StepCareTesting

extension K10Tests {
    /// A structured and seeded sample of the 5^10 = 9,765,625 answer sets, too many to enumerate for every
    /// variant in a debug build: items 1–5 take every value while items 6–10 share one value (15,625 sets), every
    /// single-item variation from all-lowest and all-highest (100), and 25,000 seeded pseudo-random sets.
    static func sample(lowest: Int) -> [[Int]] {
        var sets: [[Int]] = []
        for index in 0..<15_625 {
            var rest = index
            var values: [Int] = []
            for _ in 0..<5 {
                values.append(lowest + rest % 5)
                rest /= 5
            }
            sets.append(values + [Int](repeating: lowest + rest, count: 5))
        }
        for base in [lowest, lowest + 4] {
            for item in 0..<10 {
                for value in lowest...(lowest + 4) {
                    var values = [Int](repeating: base, count: 10)
                    values[item] = value
                    sets.append(values)
                }
            }
        }
        var random = SplitMix64(seed: 10)
        for _ in 0..<25_000 {
            sets.append((0..<10).map { _ in lowest + random.next(below: 5) })
        }
        return sets
    }
}
