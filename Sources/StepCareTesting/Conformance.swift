public import StepCareCore

/// The conformance kit: checks every instrument module's tests must run.
///
/// Each function returns failure messages instead of recording test issues, so the kit works with any
/// test framework: `#expect(Conformance.verify(instrument).isEmpty)`.
public enum Conformance {
    /// Runs every generic check: the registry's static checks, band boundaries and risk rules.
    public static func verify(_ instrument: any Instrument) -> [String] {
        staticFailures(instrument) + boundaryFailures(instrument) + riskRuleFailures(instrument)
    }

    /// The registry's static checks (``DefinitionCheck/all``), as failure messages.
    public static func staticFailures(_ instrument: any Instrument) -> [String] {
        DefinitionCheck.all.flatMap { check in check.problems(instrument.definition).map { "\(check.name): \($0)" } }
    }

    /// Scores answer sets at both ends of every band and checks each lands in its band.
    ///
    /// Only meaningful for instruments scored as a plain sum of their items.
    public static func boundaryFailures(_ instrument: any Instrument) -> [String] {
        let definition = instrument.definition
        var failures: [String] = []
        for band in definition.bands {
            for total in [band.range.lowerBound, band.range.upperBound] {
                guard let values = AnswerSets.values(summingTo: total, in: definition) else {
                    failures.append("no answer set sums to \(total), a boundary of band \"\(band.label)\"")
                    continue
                }
                do {
                    let report = try instrument.score(values: values)
                    if report.total != total || report.band != band {
                        failures.append(
                            "answers \(values) scored \(report.total.map(String.init) ?? "nothing") in band "
                                + "\"\(report.band?.label ?? "none")\"; expected \(total) in \"\(band.label)\"")
                    }
                } catch {
                    failures.append("answers \(values) were refused: \(error)")
                }
            }
        }
        return failures
    }

    /// Checks every risk rule fires for every option at or above its minimum, stays quiet below it, and
    /// raises its own flag when the item is not answered.
    public static func riskRuleFailures(_ instrument: any Instrument) -> [String] {
        let definition = instrument.definition
        let lowest = definition.items.map { $0.options.map(\.value).min() ?? 0 }
        var failures: [String] = []
        for rule in definition.riskRules where definition.items.indices.contains(rule.item - 1) {
            let index = rule.item - 1
            for option in definition.items[index].options {
                var values = lowest
                values[index] = option.value
                let fired = (try? instrument.score(values: values))?.flags.contains { $0.ruleID == rule.id } ?? false
                if fired != (option.value >= rule.minimumValue) {
                    failures.append(
                        "risk rule \(rule.id) \(fired ? "fired" : "did not fire") for item \(rule.item) = \(option.value)"
                    )
                }
            }
            var responses = lowest.map(ItemResponse.answered)
            responses[index] = .notAnswered
            let flag = (try? instrument.score(responses: responses))?.flags.first { $0.ruleID == rule.id }
            if flag?.reason != .notAnswered {
                failures.append("risk rule \(rule.id) raised no flag when item \(rule.item) was not answered")
            }
        }
        return failures
    }

    /// What an independent formula says an answer set should score.
    public struct Expected: Sendable, Hashable {
        /// The total.
        public var total: Int
        /// The band label.
        public var band: String
        /// The ids of the cut-off rules that are positive.
        public var positiveCutOffs: Set<String>
        /// The ids of the risk rules that fire.
        public var firedRiskRules: Set<String>

        /// Creates an expectation.
        public init(total: Int, band: String, positiveCutOffs: Set<String>, firedRiskRules: Set<String>) {
            self.total = total
            self.band = band
            self.positiveCutOffs = positiveCutOffs
            self.firedRiskRules = firedRiskRules
        }
    }

    /// Scores every complete answer set and compares each report with `expected`.
    ///
    /// - Returns: the number of answer sets scored and up to `maxReported` mismatch messages.
    public static func enumerate(
        _ instrument: any Instrument, maxReported: Int = 10, expected: ([Int]) -> Expected
    ) -> (count: Int, mismatches: [String]) {
        var count = 0
        var mismatches: [String] = []
        AnswerSets.forEach(in: instrument.definition) { values in
            count += 1
            let want = expected(values)
            guard let report = try? instrument.score(values: values) else {
                if mismatches.count < maxReported { mismatches.append("\(values) was refused") }
                return
            }
            let got = Expected(
                total: report.total ?? -1, band: report.band?.label ?? "",
                positiveCutOffs: Set(report.cutOffs.filter(\.isPositive).map(\.rule.id)),
                firedRiskRules: Set(report.flags.map(\.ruleID)))
            if got != want, mismatches.count < maxReported {
                mismatches.append("\(values): got \(got), expected \(want)")
            }
        }
        return (count, mismatches)
    }
}

/// Answer-set generators over an instrument's options.
public enum AnswerSets {
    /// Calls `body` with every complete answer set, in lexicographic order of option positions.
    public static func forEach(in definition: InstrumentDefinition, _ body: ([Int]) -> Void) {
        let options = definition.items.map { $0.options.map(\.value) }
        guard !options.isEmpty, options.allSatisfy({ !$0.isEmpty }) else { return }
        var positions = [Int](repeating: 0, count: options.count)
        var values = options.map { $0[0] }
        while true {
            body(values)
            var index = options.count - 1
            while index >= 0 {
                positions[index] += 1
                if positions[index] < options[index].count {
                    values[index] = options[index][positions[index]]
                    break
                }
                positions[index] = 0
                values[index] = options[index][0]
                index -= 1
            }
            if index < 0 { return }
        }
    }

    /// One answer set whose values sum to `total`, filling items from the first, or `nil` if none does.
    public static func values(summingTo total: Int, in definition: InstrumentDefinition) -> [Int]? {
        let options = definition.items.map { $0.options.map(\.value).sorted() }
        var values = options.map { $0.first ?? 0 }
        var remaining = total - values.reduce(0, +)
        guard remaining >= 0 else { return nil }
        for index in options.indices where remaining > 0 {
            let best = options[index].last { $0 - values[index] <= remaining } ?? values[index]
            remaining -= best - values[index]
            values[index] = best
        }
        return remaining == 0 ? values : nil
    }
}
