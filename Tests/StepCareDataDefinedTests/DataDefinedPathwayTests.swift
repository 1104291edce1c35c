import Foundation
import StepCareConsole
import StepCareCore
import StepCareDataDefined
import StepCareEngine
import StepCareEngineReference
import StepCareJSON
import StepCareRegistry
import StepCareTesting
import Testing

/// Pathways as data: the default pathway written in the definition format (`Examples/pathways`) is the Swift
/// module, value for value, configured the same way it gives the same rules, and it evaluates identically on
/// the differential corpus; every pathway survives the round trip through the writer; and a bad definition is
/// refused naming the field.
@Suite struct DataDefinedPathwayTests {
    static let registry: Registry = {
        do { return try Registry.builtIn() } catch { fatalError("\(error)") }
    }()
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func example(_ name: String) throws -> Pathway {
        let url = root.appendingPathComponent("Examples/pathways/\(name).json")
        return try DataDefinedPathway.pathway(json: Array(try Data(contentsOf: url)))
    }

    @Test func theDefaultPathwayWrittenAsDataIsTheSwiftModule() throws {
        let data = try Self.example("community-stepped-care")
        let swift = try Self.registry.pathway("community-stepped-care")
        #expect(data == swift)
        #expect(data.tiers == swift.tiers && data.rules == swift.rules && data.rights == swift.rights)
        try Self.registry.check(data)
    }

    @Test(arguments: ["community-stepped-care", "talking-therapies"])
    func everyPathwaySurvivesTheRoundTripThroughTheWriter(id: String) throws {
        let pathway = try Self.registry.pathway(id)
        let text = DataDefinedPathway.definition(pathway).serialized
        #expect(try DataDefinedPathway.pathway(json: Array(text.utf8)) == pathway)
        #expect(try Self.example(id) == pathway, "Examples/pathways/\(id).json is the module")
    }

    /// The data file names each parameter where the Swift module reads it: configured with the same random
    /// values, the two give the same conditions, deadlines, criteria, capacity and parameters (titles and
    /// sources are prose and may word a value differently).
    @Test func configuredTheSameWayTheDataAndTheModuleGiveTheSameRules() throws {
        let data = try Self.example("community-stepped-care")
        let swift = try Self.registry.pathway("community-stepped-care")
        var random = SplitMix64(seed: 0xDA7A)
        for _ in 0..<50 {
            var configuration = ServiceConfiguration()
            for parameter in swift.parameters where random.next() % 2 == 0 {
                let pick = Int(random.next() % 90) + 1
                configuration.values[parameter.id] =
                    switch parameter.value {
                    case .count: .count(pick)
                    case .score: .score(pick)
                    case .percent: .percent(pick)
                    case .span: .span(TimeSpan(minutes: pick * 720))
                    }
            }
            let a = try data.configured(configuration)
            let b = try swift.configured(configuration)
            #expect(Self.computational(a) == Self.computational(b), "\(configuration.values)")
            #expect(a.parameters == b.parameters)
        }
    }

    /// Everything but the prose: what the engine computes with.
    static func computational(_ pathway: Pathway) -> String {
        let rules = pathway.allRules.map {
            "\($0.id) \($0.scope) \($0.condition) \($0.recommendation) \($0.deadline) \($0.documentation)"
        }
        let tiers = pathway.tiers.map {
            "\($0.id) \($0.sessions) \($0.timeframe) \(String(describing: $0.accessStandard)) \($0.entryCriteria) "
                + "\($0.exclusions.map { "\($0.id) \($0.condition) \($0.routeTo)" }) \($0.capacity)"
        }
        return (rules + tiers + ["\(pathway.handoverContacts)", "\(pathway.rights)"]).joined(separator: "\n")
    }

    /// The whole differential corpus of `DifferentialTests` (100,000 timelines in the same 20 seeded batches,
    /// each asked about at the same moments): the engine on the data pathway gives exactly what it gives on the
    /// Swift module, every recommendation field and trace included.
    @Test(arguments: 0..<20)
    func theDataPathwayEvaluatesIdenticallyOnTheDifferentialCorpus(batch: Int) throws {
        let data = Engine(pathway: try Self.example("community-stepped-care"))
        let swift = Engine(pathway: try Self.registry.pathway("community-stepped-care"))
        let instruments = try ["phq9", "gad7", "wsas"].map { try Self.registry.instrument($0) }
        let generator = RandomTimelines(pathway: swift.pathway, instruments: instruments)
        var random = SplitMix64(seed: 0x5EED_0000 + UInt64(batch))
        let start = Instant(year: 2026, month: 1, day: 5, hour: 9) ?? Instant(minutes: 0)
        var failures = 0
        for number in 0..<5_000 where failures < 3 {
            let timeline = generator.timeline("C\(number)", start: start, maximumEvents: 24, random: &random)
            for now in generator.moments(of: timeline, count: 3, random: &random) {
                let a = data.evaluate(timeline, asOf: now)
                let b = swift.evaluate(timeline, asOf: now)
                if a.recommendations != b.recommendations || a.triage != b.triage || a.reEscalations != b.reEscalations
                {
                    failures += 1
                    Issue.record("timeline \(number) as of \(now) differs")
                }
            }
        }
    }

    @Test(arguments: [
        (#"{"format":"stepcare-pathway/2"}"#, "field format"),
        (
            #"{"format":"stepcare-pathway/1","id":"x","name":"x","version":1,"summary":"s","source":"s","tiers":[],"rights":[],"colour":1}"#,
            "field colour"
        ),
        (
            #"{"format":"stepcare-pathway/1","id":"x","name":"x","version":0,"summary":"s","source":"s","tiers":[],"rights":[]}"#,
            "field version"
        ),
    ])
    func aBadDefinitionIsRefusedNamingTheField(json: String, field: String) {
        do {
            _ = try DataDefinedPathway.pathway(json: Array(json.utf8))
            Issue.record("accepted: \(json)")
        } catch {
            #expect(error.code == .invalidDefinition && error.message.hasPrefix(field), "\(error.message)")
        }
    }

    /// Each mutation of the example names the field at fault.
    @Test(arguments: [
        ("tiers[1].entry.any[0].scoreAtLeast.threshold", #""$no-such""#, "names no parameter"),
        ("tiers[1].entry.any[0].scoreAtLeast.threshold", #""$step-up-window""#, "a length of time"),
        ("tiers[0].escalationRules[0].when.noReliableImprovement.bySession", "-1", "must be from 0"),
        ("tiers[0].escalationRules[0].deadline", #""0d""#, "above 0"),
        ("tiers[0].escalationRules[0].recommend", #""teleport""#, "must be one of"),
        ("tiers[0].escalationRules[0].scope", #""somewhere""#, "must be"),
        ("tiers[0].escalationRules[0].when", #"{"phaseOfMoon":{}}"#, "names no condition"),
        (
            "tiers[0].escalationRules[0].when", #"{"eventsWithin":{"event":"crisis","count":1,"window":"1d"}}"#,
            "must be one of"
        ),
        ("rights[0].role", #""janitor""#, "names no role"),
        ("rights[0].verdict", #""maybe""#, "must be yes, no or co-sign"),
        ("tiers[0].sessions", #"{"min":6,"max":4}"#, "min must not exceed max"),
        ("tiers[0].escalationRules[0].title", #""by session {no-such}""#, "names no parameter"),
        ("name", #""North \u001b[31mlocality""#, "control character"),
        ("tiers[0].name", #""Tier 1 \u202e""#, "control character"),
        ("id", #""north-loc\u0430lity""#, "lower-case ASCII"),
        ("tiers[2].id", #""Tier-3""#, "lower-case ASCII"),
    ])
    func aMutatedExampleIsRefusedNamingTheField(path: String, replacement: String, message: String) throws {
        let url = Self.root.appendingPathComponent("Examples/pathways/community-stepped-care.json")
        var root = try JSONParser.parse(Array(try Data(contentsOf: url)))
        root = try Self.replacing(path, in: root, with: JSONParser.parse(Array(replacement.utf8)))
        do {
            _ = try DataDefinedPathway.pathway(json: Array(root.serialized.utf8))
            Issue.record("accepted with \(path) = \(replacement)")
        } catch {
            #expect(error.message.contains(path) && error.message.contains(message), "\(error.message)")
        }
    }

    /// A definition that reads well but fails a registry check is refused by the check, naming the rule, and
    /// nothing is registered: a rule on an unregistered instrument, a step-up that points down.
    @Test(arguments: [
        (
            "tiers[1].entry.any[0].scoreAtLeast.instrument", #""phq99""#,
            "failed check instruments-registered: entry criteria of tier-2 reads unregistered instrument phq99"
        ),
        (
            "tiers[0].escalationRules[5].recommend", #"{"stepUp":"tier-1"}"#,
            "failed check moves-point-the-right-way"
        ),
        (
            "rights", "[]",
            "failed check rules-can-be-acted-on: rule placement-due recommends place, which no role may do"
        ),
        ("parameters[7].count", "0", "failed check parameters-in-range: parameter step-up-crisis-contacts"),
        ("parameters[17].percent", "250", "failed check parameters-in-range: parameter engagement-attendance is 250%"),
        (
            "rules[1].recommend", #""tierReview""#,
            "failed check risk-flags-reviewed: no rule recommends a same-day safety review"
        ),
    ])
    func aDefinitionFailingARegistryCheckIsRefused(path: String, replacement: String, message: String) throws {
        let url = Self.root.appendingPathComponent("Examples/pathways/north-locality.json")
        var root = try JSONParser.parse(Array(try Data(contentsOf: url)))
        root = try Self.replacing(path, in: root, with: JSONParser.parse(Array(replacement.utf8)))
        let pathway = try DataDefinedPathway.pathway(json: Array(root.serialized.utf8))
        do {
            _ = try DefinitionFiles.register(pathway, in: Self.registry)
            Issue.record("registered with \(path) = \(replacement)")
        } catch {
            #expect(error.code == .invalidDefinition && error.message.contains(message), "\(error.message)")
        }
    }

    @Test func deeplyNestedConditionsAreRefusedNotRecursedInto() {
        var condition = #""always""#
        for _ in 0..<40 { condition = #"{"not":"# + condition + "}" }
        let json =
            #"{"format":"stepcare-pathway/1","id":"x","name":"x","version":1,"summary":"s","source":"s","rights":[],"#
            + #""tiers":[{"id":"t","name":"t","components":[],"sessions":{"min":1,"max":2},"timeframe":"1w","#
            + #""documentationStandard":"d","entry":"# + condition + #","capacity":{"standardSlots":1}}]}"#
        #expect(throws: StepCareError.self) { try DataDefinedPathway.pathway(json: Array(json.utf8)) }
    }

    /// `root` with the value at `path` (`a.b[2].c`) replaced.
    static func replacing(_ path: String, in root: JSONValue, with value: JSONValue) throws -> JSONValue {
        var steps: [Either] = []
        for part in path.split(separator: ".") {
            var name = Substring(part)
            var indices: [Int] = []
            while let open = name.lastIndex(of: "["), let index = Int(name[name.index(after: open)...].dropLast()) {
                indices.insert(index, at: 0)
                name = name[..<open]
            }
            steps.append(.key(String(name)))
            steps += indices.map(Either.index)
        }
        return try replace(steps[...], in: root, with: value)
    }

    enum Either { case key(String), index(Int) }

    static func replace(_ steps: ArraySlice<Either>, in node: JSONValue, with value: JSONValue) throws -> JSONValue {
        guard let step = steps.first else { return value }
        switch (step, node) {
        case (.key(let key), .object(let members)):
            return .object(
                try members.map { ($0.0, $0.0 == key ? try replace(steps.dropFirst(), in: $0.1, with: value) : $0.1) })
        case (.index(let index), .array(var values)):
            values[index] = try replace(steps.dropFirst(), in: values[index], with: value)
            return .array(values)
        default:
            throw CocoaError(.coderInvalidValue)
        }
    }
}
