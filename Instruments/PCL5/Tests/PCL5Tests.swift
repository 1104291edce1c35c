import PCL5
import StepCareCore
import StepCareTesting
import Testing

@Suite struct PCL5Tests {
    let instrument = PCL5Instrument()
    static let below = "below the probable-PTSD cut-off (33)"
    static let probable = "probable PTSD (33 or more)"

    @Test func passesTheConformanceKit() {
        #expect(Conformance.verify(instrument) == [])
    }

    @Test func registers() throws {
        #expect(try Registry(instruments: PCL5Module.instruments).ids == ["pcl5"])
    }

    /// What one answer set scores: total, band, positive cut-offs, cluster sums and findings.
    struct Outcome: Equatable, CustomStringConvertible {
        var total: Int?
        var band: String?
        var positiveCutOffs: Set<String>
        var clusters: [Int?]
        var findings: [String]

        var description: String {
            "total \(String(describing: total)), band \(band ?? "none"), cut-offs \(positiveCutOffs.sorted()), "
                + "clusters \(clusters), findings \(findings)"
        }
    }

    /// Independent formula, written from reference §4.1 and not from the module: the total is the sum; clusters
    /// B = 1–5, C = 6–7, D = 8–14, E = 15–20; a symptom is an item rated 2 or more; the provisional diagnosis
    /// needs 1 B, 1 C, 2 D and 2 E symptoms; ≥ 33 (default, sets the band) and ≥ 31 are probable PTSD.
    static func expected(_ answers: [Int]) -> Outcome {
        let total = answers.reduce(0, +)
        let clusters = [answers[0..<5], answers[5..<7], answers[7..<14], answers[14..<20]]
        let symptoms = clusters.map { cluster in cluster.filter { $0 >= 2 }.count }
        var positive: Set<String> = []
        if total >= 31 { positive.insert("ncptsd-31") }
        if total >= 33 { positive.insert("ncptsd-33") }
        let diagnosis = symptoms[0] >= 1 && symptoms[1] >= 1 && symptoms[2] >= 2 && symptoms[3] >= 2
        return Outcome(
            total: total, band: total >= 33 ? probable : below, positiveCutOffs: positive,
            clusters: clusters.map { $0.reduce(0, +) }, findings: diagnosis ? ["pcl5-provisional-ptsd"] : [])
    }

    static func observed(_ report: ScoreReport) -> Outcome {
        Outcome(
            total: report.total?.integer, band: report.band?.label,
            positiveCutOffs: Set(report.cutOffs.filter(\.isPositive).map(\.rule.id)),
            clusters: report.subscales.map(\.total), findings: report.findings.map(\.id))
    }

    /// The sample: every single-item variation of all 0 and of all 4 (200 sets); every count of symptoms per
    /// cluster with the other items at 1, just below a symptom (6 × 3 × 8 × 7 = 1,008 sets); and 20,000 sets from
    /// a seeded generator. Exhaustive enumeration (5²⁰ sets) is out of reach.
    static func sample() -> [[Int]] {
        var sets: [[Int]] = []
        for base in [0, 4] {
            for item in 0..<20 {
                for value in 0...4 {
                    var answers = [Int](repeating: base, count: 20)
                    answers[item] = value
                    sets.append(answers)
                }
            }
        }
        for b in 0...5 {
            for c in 0...2 {
                for d in 0...7 {
                    for e in 0...6 {
                        var answers = [Int](repeating: 1, count: 20)
                        for index in 0..<b { answers[index] = 2 }
                        for index in 5..<(5 + c) { answers[index] = 2 }
                        for index in 7..<(7 + d) { answers[index] = 2 }
                        for index in 14..<(14 + e) { answers[index] = 2 }
                        sets.append(answers)
                    }
                }
            }
        }
        var generator = SplitMix64(state: 20_130_501)
        for _ in 0..<20_000 {
            sets.append((0..<20).map { _ in Int(generator.next() % 5) })
        }
        return sets
    }

    @Test func aStructuredAndARandomSampleScoreAsTheIndependentFormulaSays() throws {
        let sets = Self.sample()
        #expect(sets.count == 21_208)
        var mismatches: [String] = []
        var diagnoses = 0
        for answers in sets {
            let want = Self.expected(answers)
            let got = Self.observed(try instrument.score(values: answers))
            if got != want, mismatches.count < 10 { mismatches.append("\(answers): got \(got), expected \(want)") }
            if !want.findings.isEmpty { diagnoses += 1 }
        }
        #expect(mismatches == [])
        // The sample exercises both outcomes of the diagnosis rule.
        #expect(diagnoses > 1_000 && diagnoses < sets.count - 1_000)
    }

    @Test func bandAndCutOffBoundaries() throws {
        let cases: [(total: Int, band: String, positive: Set<String>)] = [
            (0, Self.below, []), (30, Self.below, []), (31, Self.below, ["ncptsd-31"]),
            (32, Self.below, ["ncptsd-31"]), (33, Self.probable, ["ncptsd-31", "ncptsd-33"]),
            (80, Self.probable, ["ncptsd-31", "ncptsd-33"]),
        ]
        for (total, band, positive) in cases {
            let values = try #require(AnswerSets.values(summingTo: total, in: instrument.definition))
            let report = try instrument.score(values: values)
            #expect(report.total == Score(total))
            #expect(report.band?.label == band)
            #expect(Set(report.cutOffs.filter(\.isPositive).map(\.rule.id)) == positive)
        }
    }

    @Test func theDiagnosisRuleIsIndependentOfTheTotal() throws {
        // Hand-computed: "Moderately" on items 1 (B), 6 (C), 8 and 9 (D), 15 and 16 (E), 0 elsewhere: total 12,
        // far below the cut-off, yet the DSM-5 symptom rule is met.
        var answers = [Int](repeating: 0, count: 20)
        for item in [1, 6, 8, 9, 15, 16] { answers[item - 1] = 2 }
        let report = try instrument.score(values: answers)
        #expect(report.total == 12)
        #expect(report.band?.label == Self.below)
        #expect(report.findings.map(\.id) == ["pcl5-provisional-ptsd"])
        #expect(report.subscales.map(\.total) == [2, 2, 4, 4])
        // One symptom fewer in cluster E (item 16 at 1, "A little bit"): no finding.
        answers[15] = 1
        #expect(try instrument.score(values: answers).findings.isEmpty)
    }

    @Test func anIncompleteFormIsNotScoredButAMetDiagnosisRuleIsStillReported() throws {
        var responses = [ItemResponse](repeating: .answered(3), count: 20)
        responses[6] = .notAnswered
        let report = try instrument.score(responses: responses)
        #expect(report.total == nil)
        #expect(report.band == nil)
        #expect(report.notScoredReason?.contains("item 7 not answered") == true)
        #expect(report.subscales.map(\.total) == [15, nil, 21, 18])
        #expect(report.findings.map(\.id) == ["pcl5-provisional-ptsd"])
    }

    @Test func anIncompleteFormThatDoesNotMeetTheRuleSaysItCannotBeRuledOut() throws {
        var responses = [ItemResponse](repeating: .answered(0), count: 20)
        responses[0] = .notAnswered
        let report = try instrument.score(responses: responses)
        #expect(report.total == nil)
        #expect(report.findings.isEmpty)
        #expect(report.notes.contains { $0.contains("cannot be ruled out") })
        #expect(try instrument.score(values: [Int](repeating: 0, count: 20)).notes.isEmpty)
    }

    @Test func refusesOutOfRangeAnswersAndWrongCounts() {
        var answers = [Int](repeating: 0, count: 20)
        answers[19] = 5
        #expect(throws: StepCareError.self) { try instrument.score(values: answers) }
        #expect(throws: StepCareError.self) { try instrument.score(values: [Int](repeating: 0, count: 19)) }
    }

    @Test func itemsShipTheVerifiedWordingAndOptions() {
        let items = instrument.definition.items
        #expect(items.count == 20)
        #expect(items.allSatisfy { $0.options.map(\.value) == [0, 1, 2, 3, 4] })
        let labels = ["Not at all", "A little bit", "Moderately", "Quite a bit", "Extremely"]
        #expect(items[0].options.map(\.label) == labels)
        #expect(items[0].text == "Repeated, disturbing, and unwanted memories of the stressful experience?")
        #expect(items[19].text == "Trouble falling or staying asleep?")
    }
}
