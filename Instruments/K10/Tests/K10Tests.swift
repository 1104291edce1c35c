import K10
import StepCareCore
import StepCareTesting
import Testing

@Suite struct K10Tests {
    let australianABS = K10AustralianABSInstrument()
    let australianAndrewsSlade = K10AustralianAndrewsSladeInstrument()
    let usABS = K10USABSInstrument()
    let usAndrewsSlade = K10USAndrewsSladeInstrument()

    var all: [any Instrument] { [australianABS, australianAndrewsSlade, usABS, usAndrewsSlade] }

    @Test func everyVariantPassesTheConformanceKit() {
        for instrument in all {
            #expect(Conformance.verify(instrument) == [], "\(instrument.definition.displayID)")
        }
    }

    @Test func theFourVariantsShareOneIDAndAustralianABSIsTheDefault() throws {
        let registry = try Registry(instruments: K10Module.instruments)
        let ids = registry.variants(of: "k10").compactMap(\.definition.variant?.id)
        #expect(ids == ["au-abs", "au-andrews-slade", "us-abs", "us-andrews-slade"])
        #expect(try registry.instrument("k10").definition.variant?.id == "au-abs")
        #expect(K10Module.instruments.count == 4)
    }

    /// ABS levels on the Australian 10–50 total (reference §3.1).
    static func absLevel(_ australianTotal: Int) -> String {
        switch australianTotal {
        case ...15: "low"
        case ...21: "moderate"
        case ...29: "high"
        default: "very high"
        }
    }

    /// Andrews & Slade 2001 on the Australian 10–50 total (reference §3.1).
    static func andrewsSladeBand(_ australianTotal: Int) -> String {
        switch australianTotal {
        case ...19: "likely to be well"
        case ...24: "mild disorder"
        case ...29: "moderate disorder"
        default: "severe disorder"
        }
    }

    /// Independent formula: the sum of the ten answers; a US answer is one lower than the Australian answer, so
    /// the US total plus 10 is read against the Australian bands.
    static func expected(for instrument: any Instrument) -> ([Int]) -> Conformance.Expected {
        let variant = instrument.definition.variant?.id ?? ""
        let offset = variant.hasPrefix("us-") ? 10 : 0
        let absBands = variant.hasSuffix("-abs")
        return { answers in
            let total = answers.reduce(0, +)
            let band = absBands ? absLevel(total + offset) : andrewsSladeBand(total + offset)
            return Conformance.Expected(total: total, band: band, positiveCutOffs: [], firedRiskRules: [])
        }
    }

    static func observed(_ report: ScoreReport) -> Conformance.Expected {
        Conformance.Expected(
            total: report.total, band: report.band?.label ?? "",
            positiveCutOffs: Set(report.cutOffs.filter(\.isPositive).map(\.rule.id)),
            firedRiskRules: Set(report.flags.map(\.ruleID)))
    }

    @Test func aStructuredAndRandomSampleOfEveryVariantScoresAsTheFormulaSays() {
        for instrument in all {
            let lowest = instrument.definition.scoreRange.lowerBound / 10
            let expected = Self.expected(for: instrument)
            let sets = Self.sample(lowest: lowest)
            var failures: [String] = []
            for values in sets where failures.count < 10 {
                guard let report = try? instrument.score(values: values) else {
                    failures.append("\(values) was refused")
                    continue
                }
                if Self.observed(report) != expected(values) {
                    failures.append("\(values): got \(report.total.map(\.description) ?? "none")")
                }
            }
            #expect(sets.count == 40_725)
            #expect(failures == [], "\(instrument.definition.displayID)")
        }
    }

    @Test func everyBandBoundaryOfEveryVariant() throws {
        // The Australian boundaries below the top band; the US ones are 10 lower.
        let abs: [(Int, String)] = [
            (10, "low"), (15, "low"), (16, "moderate"), (21, "moderate"), (22, "high"), (29, "high"),
        ]
        let andrewsSlade: [(Int, String)] = [
            (10, "likely to be well"), (19, "likely to be well"), (20, "mild disorder"), (24, "mild disorder"),
            (25, "moderate disorder"), (29, "moderate disorder"),
        ]
        let usABSBoundaries = abs.map { ($0.0 - 10, $0.1) } + [(20, "very high"), (40, "very high")]
        let usAndrewsSladeBoundaries =
            andrewsSlade.map { ($0.0 - 10, $0.1) } + [(20, "severe disorder"), (40, "severe disorder")]
        let cases: [(any Instrument, [(Int, String)])] = [
            (australianABS, abs + [(30, "very high"), (50, "very high")]),
            (australianAndrewsSlade, andrewsSlade + [(30, "severe disorder"), (50, "severe disorder")]),
            (usABS, usABSBoundaries), (usAndrewsSlade, usAndrewsSladeBoundaries),
        ]
        for (instrument, boundaries) in cases {
            for (total, band) in boundaries {
                let values = try #require(AnswerSets.values(summingTo: total, in: instrument.definition))
                let report = try instrument.score(values: values)
                #expect(report.total == Score(total))
                #expect(report.band?.label == band, "\(instrument.definition.displayID) total \(total)")
            }
        }
    }

    /// Reference §10: nine items answered, summing to 27, one missing → round(27 / 9 × 10) = 30, the top band of
    /// both Australian band sets; the US answers one lower (sum 18) → 20, the same bands. Two missing → invalid.
    @Test func goldenVectorOneMissingIsProratedTwoMissingIsNotScored() throws {
        for missing in 0..<10 {
            var australian = [ItemResponse](repeating: .answered(3), count: 10)
            australian[missing] = .notAnswered
            var us = [ItemResponse](repeating: .answered(2), count: 10)
            us[missing] = .notAnswered
            #expect(try australianABS.score(responses: australian).total == 30)
            #expect(try australianABS.score(responses: australian).band?.label == "very high")
            #expect(try australianAndrewsSlade.score(responses: australian).band?.label == "severe disorder")
            #expect(try usABS.score(responses: us).total == 20)
            #expect(try usABS.score(responses: us).band?.label == "very high")
            #expect(try usAndrewsSlade.score(responses: us).band?.label == "severe disorder")
        }
        for instrument in all {
            var responses = [ItemResponse](repeating: .answered(3), count: 10)
            responses[2] = .notAnswered
            responses[7] = .notAnswered
            let report = try instrument.score(responses: responses)
            #expect(report.total == nil)
            #expect(report.notScoredReason?.contains("items 3, 8 not answered") == true)
        }
    }

    /// Every sum of nine answers with each item missing in turn: round(sum / 9 × 10), written from the PMHC-MDS
    /// rule with floating-point arithmetic (the rule never meets a .5 tie). On US scoring the same arithmetic
    /// gives the Australian prorated total minus 10.
    @Test func oneMissingItemIsProratedForEverySumAndPosition() throws {
        for missing in 0..<10 {
            for sum in 0...36 {
                var values = [Int](repeating: 0, count: 9)
                var remaining = sum
                for index in values.indices {
                    values[index] = min(4, remaining)
                    remaining -= values[index]
                }
                var us = values.map(ItemResponse.answered)
                us.insert(.notAnswered, at: missing)
                var australian = values.map { ItemResponse.answered($0 + 1) }
                australian.insert(.notAnswered, at: missing)
                let australianTotal = Int((Double(sum + 9) / 9 * 10).rounded())
                let usTotal = Int((Double(sum) / 9 * 10).rounded())
                #expect(try australianABS.score(responses: australian).total == Score(australianTotal))
                #expect(try usABS.score(responses: us).total == Score(usTotal))
                #expect(usTotal + 10 == australianTotal)
                let usBand = try usAndrewsSlade.score(responses: us).band?.label
                #expect(try australianAndrewsSlade.score(responses: australian).band?.label == usBand)
            }
        }
    }

    @Test func refusesAnswersOutsideEachScoring() {
        #expect(throws: StepCareError.self) { try australianABS.score(values: [Int](repeating: 0, count: 10)) }
        #expect(throws: StepCareError.self) { try australianABS.score(values: [Int](repeating: 1, count: 9) + [6]) }
        #expect(throws: StepCareError.self) { try usABS.score(values: [Int](repeating: 0, count: 9) + [5]) }
        #expect(throws: StepCareError.self) { try usABS.score(values: [0, 0, 0]) }
    }

    @Test func optionsAndWording() {
        let australian = australianABS.definition.items
        let us = usABS.definition.items
        #expect(australian.allSatisfy { $0.options.map(\.value) == [1, 2, 3, 4, 5] })
        #expect(us.allSatisfy { $0.options.map(\.value) == [0, 1, 2, 3, 4] })
        #expect(australian.map(\.text) == us.map(\.text))
        #expect(australian.first?.text == "Tired out for no good reason")
        #expect(australian.first?.options.first?.label == "None of the time")
        #expect(all.allSatisfy { $0.definition.reliableChange == nil && $0.definition.codes.isEmpty })
    }
}
