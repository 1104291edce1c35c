import StepCareCore
import StepCareTesting
import Testing

/// A small valid instrument to break in one way at a time.
struct TestScale: Instrument {
    var definition = InstrumentDefinition(
        id: "test3", shortName: "TEST-3", title: "Three-item test scale", edition: "test", kind: .symptom,
        recallPeriod: "last week",
        items: (1...3).map {
            Item(
                number: $0, text: "Item \($0)",
                options: [ResponseOption(0, "No"), ResponseOption(1, "Some"), ResponseOption(2, "Yes")])
        },
        scoreRange: 0...6,
        bands: [SeverityBand(0...2, "low"), SeverityBand(3...6, "high")], bandSource: "test",
        cutOffs: [CutOffRule(id: "case", name: "Case", atLeast: 3, source: "test")],
        reliableChange: ReliableChange(threshold: 2, source: "test"),
        missingItems: .notScoredWhenIncomplete(reason: "test"),
        riskRules: [RiskRule(id: "item3", item: 3, atLeast: 1, urgency: .sameDay, action: "review", source: "test")],
        licence: Licence(.free, terms: "test", attribution: "test"), citations: [Citation("Test 2020.", year: 2020)])

    func with(_ change: (inout InstrumentDefinition) -> Void) -> TestScale {
        var copy = self
        change(&copy.definition)
        return copy
    }
}

@Suite struct RegistryTests {
    @Test func aValidInstrumentRegistersAndPassesTheKit() throws {
        let registry = try Registry(instruments: [TestScale()])
        #expect(registry.ids == ["test3"])
        #expect(Conformance.verify(TestScale()) == [])
    }

    /// Each broken definition is refused by the named check.
    @Test(arguments: [
        ("identifier", TestScale().with { $0.id = "Test 3" }),
        ("items-numbered", TestScale().with { $0.items[1].number = 5 }),
        ("items-numbered", TestScale().with { $0.items = [] }),
        ("option-values", TestScale().with { $0.items[0].options.append(ResponseOption(1, "Again")) }),
        ("option-values", TestScale().with { $0.items[2].options = [] }),
        ("score-range-matches-items", TestScale().with { $0.scoreRange = 0...7 }),
        (
            "bands-partition-range",
            TestScale().with { $0.bands = [SeverityBand(0...2, "low"), SeverityBand(4...6, "high")] }
        ),
        (
            "bands-partition-range",
            TestScale().with { $0.bands = [SeverityBand(0...3, "low"), SeverityBand(3...6, "high")] }
        ),
        (
            "bands-partition-range",
            TestScale().with { $0.bands = [SeverityBand(1...2, "low"), SeverityBand(3...6, "high")] }
        ),
        (
            "bands-partition-range",
            TestScale().with { $0.bands = [SeverityBand(0...2, "low"), SeverityBand(3...5, "high")] }
        ),
        ("bands-partition-range", TestScale().with { $0.bands = [] }),
        (
            "cut-offs-in-range",
            TestScale().with { $0.cutOffs[0] = CutOffRule(id: "case", name: "Case", atLeast: 9, source: "x") }
        ),
        ("risk-rules-reachable", TestScale().with { $0.riskRules[0].item = 4 }),
        ("risk-rules-reachable", TestScale().with { $0.riskRules[0].minimumValue = 3 }),
        (
            "reliable-change-in-range",
            TestScale().with { $0.reliableChange = ReliableChange(threshold: 0, source: "x") }
        ),
        ("metadata-complete", TestScale().with { $0.citations = [] }),
        ("metadata-complete", TestScale().with { $0.licence.attribution = "" }),
    ])
    func aBrokenInstrumentIsRefusedNamingTheCheck(check: String, instrument: TestScale) {
        #expect(throws: RegistryError.self) { try Registry(instruments: [instrument]) }
        do {
            _ = try Registry(instruments: [instrument])
        } catch {
            #expect(error.check == check)
            #expect(error.id == instrument.definition.id)
            #expect(!error.problems.isEmpty)
        }
    }

    @Test func duplicateIDsAreRefused() {
        do {
            _ = try Registry(instruments: [TestScale(), TestScale()])
            Issue.record("a duplicate id was accepted")
        } catch {
            #expect(error.check == "unique-id")
        }
    }

    @Test func lookupIgnoresCaseAndPunctuationAndListsChoicesWhenUnknown() throws {
        let registry = try Registry(instruments: [TestScale()])
        #expect(try registry.instrument("TEST-3").definition.id == "test3")
        #expect(try registry.instrument("test_3").definition.id == "test3")
        do {
            _ = try registry.instrument("phq9")
            Issue.record("an unknown id was found")
        } catch {
            #expect(error.code == .unknownInstrument)
            #expect(error.hint == "registered instruments: test3")
        }
    }
}

@Suite struct ScoringTests {
    let scale = TestScale()

    @Test func answersAreCheckedBeforeScoring() {
        for bad in [[0, 0], [0, 0, 0, 0], [0, 3, 0], [-1, 0, 0]] {
            #expect(throws: StepCareError.self) { try scale.score(values: bad) }
        }
        do {
            _ = try scale.score(values: [0, 3, 0])
        } catch {
            #expect(error.code == .invalidAnswer)
            #expect(error.item == 2)
            #expect(error.hint == "item 2 accepts 0, 1 or 2")
            #expect(error.message == "TEST-3 item 2: the answer is not one of the item's options")
        }
    }

    @Test func riskFlagsAreRaisedWhateverTheTotalAndOrderedByUrgency() throws {
        let twoRules = scale.with {
            $0.riskRules.append(
                RiskRule(id: "item1", item: 1, atLeast: 2, urgency: .immediate, action: "now", source: "t"))
        }
        let report = try twoRules.score(values: [2, 0, 1])
        #expect(report.total == 3)
        #expect(report.flags.map(\.ruleID) == ["item1", "item3"])
        #expect(try twoRules.score(values: [1, 0, 0]).flags.isEmpty)
    }

    @Test func incompleteFormsAreNotScoredAndNeverCountMissingAsZero() throws {
        let report = try scale.score(responses: [.answered(2), .notAnswered, .answered(0)])
        #expect(report.total == nil)
        #expect(report.band == nil)
        #expect(report.cutOffs.isEmpty)
        #expect(report.notScoredReason == "item 2 not answered; test")
    }
}
