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
    /// Applies to totals; a level instrument (C-SSRS) is checked by its own path enumeration instead.
    public static func boundaryFailures(_ instrument: any Instrument) -> [String] {
        let definition = instrument.definition
        guard definition.result == .total else { return [] }
        var failures: [String] = []
        for band in definition.bands {
            for total in [band.range.lowerBound, band.range.upperBound] {
                guard let values = AnswerSets.values(summingTo: total, in: definition) else {
                    failures.append("no answer set sums to \(total), a boundary of band \"\(band.label)\"")
                    continue
                }
                do {
                    let report = try instrument.score(values: values)
                    if report.total != Score(total) || report.band != band {
                        failures.append(
                            "answers \(values) scored \(report.total.map(\.description) ?? "nothing") in band "
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
        var failures: [String] = []
        for rule in definition.riskRules where definition.items.indices.contains(rule.item - 1) {
            let index = rule.item - 1
            let lowest = AnswerSets.lowestAsking(item: rule.item, in: definition)
            for option in definition.items[index].options {
                var values = lowest
                values[index] = option.value
                let responses = AnswerSets.asked(values, in: definition)
                let fired =
                    (try? instrument.score(responses: responses))?.flags.contains { $0.ruleID == rule.id } ?? false
                if fired != (option.value >= rule.minimumValue) {
                    failures.append(
                        "risk rule \(rule.id) \(fired ? "fired" : "did not fire") for item \(rule.item) = \(option.value)"
                    )
                }
            }
            var responses = AnswerSets.asked(lowest, in: definition)
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
        /// The total, or `nil` when the answers are not scored.
        public var total: Score?
        /// The band label.
        public var band: String
        /// The ids of the cut-off rules that are positive.
        public var positiveCutOffs: Set<String>
        /// The ids of the risk rules that fire.
        public var firedRiskRules: Set<String>

        /// Creates an expectation of a whole-number total.
        public init(total: Int, band: String, positiveCutOffs: Set<String>, firedRiskRules: Set<String>) {
            self.init(
                total: Score(total), band: band, positiveCutOffs: positiveCutOffs, firedRiskRules: firedRiskRules)
        }

        /// Creates an expectation.
        public init(total: Score?, band: String, positiveCutOffs: Set<String>, firedRiskRules: Set<String>) {
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
            let got = observed(report)
            if got != want, mismatches.count < maxReported {
                mismatches.append("\(values): got \(got), expected \(want)")
            }
        }
        return (count, mismatches)
    }

    /// Scores every path through an instrument with skip rules (see ``AnswerSets/paths(in:)``) and compares
    /// each report with `expected`.
    public static func enumeratePaths(
        _ instrument: any Instrument, maxReported: Int = 10, expected: ([ItemResponse]) -> Expected
    ) -> (count: Int, mismatches: [String]) {
        let paths = AnswerSets.paths(in: instrument.definition)
        var mismatches: [String] = []
        for responses in paths {
            let want = expected(responses)
            guard let report = try? instrument.score(responses: responses) else {
                if mismatches.count < maxReported { mismatches.append("\(responses) was refused") }
                continue
            }
            let got = observed(report)
            if got != want, mismatches.count < maxReported {
                mismatches.append("\(responses): got \(got), expected \(want)")
            }
        }
        return (paths.count, mismatches)
    }

    private static func observed(_ report: ScoreReport) -> Expected {
        Expected(
            total: report.total, band: report.band?.label ?? "",
            positiveCutOffs: Set(report.cutOffs.filter(\.isPositive).map(\.rule.id)),
            firedRiskRules: Set(report.flags.map(\.ruleID)))
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

    /// Every distinct complete path through an instrument with skip rules: each answer set, with items a
    /// skip rule does not ask left unanswered. Exhaustive, so only for small instruments (C-SSRS: 2⁷ sets).
    public static func paths(in definition: InstrumentDefinition) -> [[ItemResponse]] {
        var seen = Set<[ItemResponse]>()
        var paths: [[ItemResponse]] = []
        forEach(in: definition) { values in
            let responses = asked(values, in: definition)
            if seen.insert(responses).inserted { paths.append(responses) }
        }
        return paths
    }

    /// `values` as responses, with every item a not-asked skip rule leaves out unanswered.
    public static func asked(_ values: [Int], in definition: InstrumentDefinition) -> [ItemResponse] {
        var responses = values.map(ItemResponse.answered)
        for rule in definition.skipRules where rule.effect == .notAsked {
            let total = rule.conditionItems.reduce(0) { $0 + values[$1 - 1] }
            if total == rule.conditionTotal {
                for item in rule.skippedItems { responses[item - 1] = .notAnswered }
            }
        }
        return responses
    }

    /// The lowest value of every item, except that a skip rule's condition is set so that `item` is asked.
    public static func lowestAsking(item: Int, in definition: InstrumentDefinition) -> [Int] {
        var values = definition.items.map { $0.options.map(\.value).min() ?? 0 }
        for rule in definition.skipRules where rule.skippedItems.contains(item) {
            guard let first = rule.conditionItems.first else { continue }
            let options = definition.items[first - 1].options.map(\.value)
            if let other = options.first(where: {
                $0 - values[first - 1] + rule.conditionItems.reduce(0) { $0 + values[$1 - 1] } != rule.conditionTotal
            }) {
                values[first - 1] = other
            }
        }
        return values
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
