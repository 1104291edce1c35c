import StepCareCore
import StepCareTesting

extension CORE10Tests {
    /// A structured and seeded sample of the 5^10 = 9,765,625 complete answer sets (too many for a debug build):
    /// items 1–5 take every value while items 6–10 share one value (15,625), every single-item variation from
    /// all-0 and all-4 (100), and 25,000 pseudo-random sets; plus 20,000 sets with one item missing (2,000 per
    /// position) and 1,000 with two missing.
    static func sample() -> [[ItemResponse]] {
        var sets: [[Int]] = []
        for index in 0..<15_625 {
            var rest = index
            var values: [Int] = []
            for _ in 0..<5 {
                values.append(rest % 5)
                rest /= 5
            }
            sets.append(values + [Int](repeating: rest, count: 5))
        }
        for base in [0, 4] {
            for item in 0..<10 {
                for value in 0...4 {
                    var values = [Int](repeating: base, count: 10)
                    values[item] = value
                    sets.append(values)
                }
            }
        }
        var random = SplitMix64(seed: 2_013)
        for _ in 0..<25_000 {
            sets.append((0..<10).map { _ in random.next(below: 5) })
        }
        var responses = sets.map { $0.map(ItemResponse.answered) }
        for missing in 0..<10 {
            for _ in 0..<2_000 {
                var answers = (0..<10).map { _ in ItemResponse.answered(random.next(below: 5)) }
                answers[missing] = .notAnswered
                responses.append(answers)
            }
        }
        for _ in 0..<1_000 {
            var answers = (0..<10).map { _ in ItemResponse.answered(random.next(below: 5)) }
            let first = random.next(below: 10)
            answers[first] = .notAnswered
            answers[(first + 1 + random.next(below: 9)) % 10] = .notAnswered
            responses.append(answers)
        }
        return responses
    }
}
