import Foundation
import StepCareCore
import StepCareJSON
import StepCareRecord
import StepCareRegistry
import StepCareTesting
import Testing

/// The record schema pinned byte for byte: one golden file per event kind (and per shape a kind can take), the
/// whole case line, strict reading with the field named, and a seeded round trip.
@Suite struct RecordFormatTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    /// Set `STEPCARE_UPDATE_GOLDEN=1` to rewrite the golden files after a deliberate, documented format change.
    static let updating = ProcessInfo.processInfo.environment["STEPCARE_UPDATE_GOLDEN"] == "1"

    static let ana = Actor(name: "ana", role: Role("clinician", name: "clinician"))
    static let lee = Actor(name: "lee", role: Role("supervisor", name: "supervisor"))

    /// Every event kind in every shape it can take, by golden file name.
    static func samples() throws -> [(name: String, kind: CaseEventKind)] {
        let registry = try Registry.builtIn()
        func scored(_ id: String, _ variant: String? = nil, _ answers: [ItemResponse]) throws -> CaseEventKind {
            let instrument = try registry.instrument(id, variant: variant)
            let report = try instrument.score(responses: answers)
            return .administration(AdministrationRecord(report, definition: instrument.definition))
        }
        let stability = StabilityPlan(
            earlyWarningSigns: "sleep \"poor\"", copingActions: "walk\nthen rest", reaccessRoute: "ring the team",
            followUpSchedule: "2 calls")
        return [
            ("referral", .referral(preference: "tier-1")),
            ("referral-no-preference", .referral(preference: nil)),
            (
                "administration-phq9-coded",
                try scored("phq9", nil, [2, 2, 2, 2, 1, 1, 1, 1, 1].map(ItemResponse.answered))
            ),
            (
                "administration-cssrs-unanswered-risk-item",
                try scored(
                    "cssrs", nil,
                    [.answered(1), .answered(1), .answered(0), .answered(0), .answered(0), .notAnswered, .answered(0)])
            ),
            (
                "administration-phq15-not-applicable",
                try scored(
                    "phq15", nil,
                    [0, 1, 2].map(ItemResponse.answered) + [.notApplicable]
                        + [1, 0, 1, 2, 0, 1, 0, 1, 2, 0, 1].map(ItemResponse.answered))
            ),
            (
                "administration-k10-variant",
                try scored("k10", "us-abs", [4, 3, 2, 1, 0, 0, 1, 2, 3, 4].map(ItemResponse.answered))
            ),
            (
                "administration-total-only-fractional",
                .administration(AdministrationRecord(instrumentID: "k10", total: Score(exactly: 27.5)))
            ),
            ("attended", .contact(attended: true)),
            ("no-show", .contact(attended: false)),
            ("crisis", .crisisContact()),
            ("ed-visit", .emergencyVisit()),
            ("medication-concern", .medicationConcern),
            ("plan-stability", .plan(.stability(stability))),
            ("plan-safety", .plan(.safety(summary: "call the crisis line"))),
            ("review-risk-cosigned", .review(.risk, by: ana, coSigner: lee)),
            ("review-structured", .review(.structured, by: ana)),
            ("review-supervisor", .review(.supervisor, by: lee)),
            (
                "place",
                .placement(
                    Placement(
                        tier: "tier-1", from: nil, kind: .place, slot: .standard, actor: ana,
                        deviation: "client's preference"))
            ),
            (
                "step-up",
                .placement(Placement(tier: "tier-2", from: "tier-1", kind: .stepUp, slot: .rapidAccess, actor: ana))
            ),
            (
                "step-down",
                .placement(
                    Placement(
                        tier: "tier-1", from: "tier-2", kind: .stepDown, slot: .standard, actor: ana, coSigner: lee))
            ),
            (
                "override",
                .placement(
                    Placement(
                        tier: "tier-3", from: "tier-1", kind: .override, slot: .exception, actor: ana, coSigner: lee,
                        reason: "crisis – out of hours"))
            ),
            ("waitlisted", .waitlisted(tier: "tier-3", move: .override, actor: ana)),
            (
                "handover",
                .handoverScheduled(
                    number: 2, due: Instant(year: 2026, month: 1, day: 20, hour: 9) ?? Instant(minutes: 0))
            ),
            ("discharge", .discharge(by: ana, coSigner: lee, reason: "completed")),
            ("discharge-plain", .discharge(by: ana)),
            ("note-contact", .note(try CaseNote(.contact, text: "discussed sleep; \"diary\" homework\nnext: Monday"))),
            ("note-risk-review", .note(try CaseNote(.riskReview, text: "no current plan or intent"))),
            (
                "correction-replaced",
                .correction(
                    Correction(
                        number: 3, reason: "item 9 mistyped", by: ana,
                        replacement: try scored("phq9", nil, [2, 2, 2, 2, 1, 1, 1, 1, 0].map(ItemResponse.answered))))
            ),
            ("correction-withdrawn", .correction(Correction(number: 2, reason: "another client's form", by: lee))),
            (
                "crisis-detail",
                .crisisContact(CrisisDetail(channel: .phoneLine, outcome: .followUpArranged))
            ),
            ("ed-visit-outcome", .emergencyVisit(outcome: .admitted)),
            ("medication-question", .prescriberQuestion),
            (
                "plan-step-up",
                .plan(
                    .stepUp(
                        StepUpPlan(
                            safetyActions: "remove means; daily text", checkIns: "weekly with ana",
                            stepDownTarget: "no crisis for 60 days")))
            ),
            ("assignment", .assignment(Assignment(clinician: "ana", coordinator: "kim", team: "north", by: lee))),
            ("assignment-plain", .assignment(Assignment(clinician: "ana", by: ana))),
            (
                "appointment-booked",
                .appointment(
                    .booked(
                        Appointment(
                            number: 1, due: Instant(year: 2026, month: 1, day: 13, hour: 10) ?? Instant(minutes: 0),
                            with: "ana", purpose: .checkIn)), by: ana)
            ),
            (
                "appointment-rescheduled",
                .appointment(
                    .rescheduled(
                        number: 1, to: Instant(year: 2026, month: 1, day: 14, hour: 11) ?? Instant(minutes: 0)),
                    by: ana)
            ),
            ("appointment-cancelled", .appointment(.cancelled(number: 1, reason: "client unwell"), by: ana)),
            ("outreach", .outreach(method: .phone, outcome: .messageLeft, by: ana)),
        ]
    }

    static func record(_ kind: CaseEventKind, id: Int64) -> EventRecord {
        EventRecord(
            id: id,
            event: CaseEvent(
                at: Instant(year: 2026, month: 1, day: 6, hour: 9, minute: 30) ?? Instant(minutes: 0), kind),
            entered: EntryStamp(staff: "ana", role: "clinician", seconds: 1_767_691_812, audit: 40 + id))
    }

    static func eventJSON(_ record: EventRecord) -> String {
        var writer = JSONWriter()
        CaseRecord.write(record, into: &writer)
        return writer.text
    }

    func compare(_ text: String, golden name: String) throws {
        let url = Self.golden.appendingPathComponent(name)
        if Self.updating { try (text + "\n").write(to: url, atomically: true, encoding: .utf8) }
        let stored = try String(contentsOf: url, encoding: .utf8)
        #expect(stored == text + "\n", "\(name) changed; a format change needs a new schema version")
    }

    @Test func everyEventKindMatchesItsGoldenFile() throws {
        let samples = try Self.samples()
        #expect(Set(samples.map { EventKindCode.code($0.kind) }) == Set(EventKindCode.all), "a kind has no sample")
        for (index, sample) in samples.enumerated() {
            try compare(
                Self.eventJSON(Self.record(sample.kind, id: Int64(index + 1))), golden: "event-\(sample.name).json")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.golden.path).filter {
            $0.hasPrefix("event-")
        }
        #expect(Set(files) == Set(samples.map { "event-\($0.name).json" }), "a golden file has no sample")
    }

    @Test func theCaseLineMatchesItsGoldenFileAndReadsBack() throws {
        let samples = try Self.samples()
        let record = CaseRecord(
            context: .training, id: "C001", pathway: "community-stepped-care",
            demographics: ["sex": "female", "age-band": "25-34"],
            events: samples.enumerated().map { Self.record($0.element.kind, id: Int64($0.offset + 1)) })
        try compare(record.line, golden: "case.jsonl")
        #expect(try CaseRecord(line: record.line) == record)
    }

    @Test func theCodesAreTheInstrumentModulesLOINCCodes() throws {
        let samples = try Self.samples()
        guard case .administration(let phq9)? = samples.first(where: { $0.name == "administration-phq9-coded" })?.kind
        else { throw Failure("no PHQ-9 sample") }
        let codes = try #require(phq9.codes)
        #expect(codes.instrument.map(\.value).contains("44261-6"), "the PHQ-9 total score's LOINC code")
        #expect(codes.items.count == 9 && codes.answers.count == 9)
        #expect(codes.items[8]?.value == "44260-8", "item 9's LOINC code")
    }

    /// Reading is strict and names the field: each mutation of a valid line is refused at the pointer given.
    @Test(arguments: [
        (#""kind":"crisis""#, #""kind":"crises""#, "/kind"),
        (#""preference":"tier-1""#, #""preferance":"tier-1""#, "/events/0/detail/preferance"),
        (#""at":"2026-01-06T09:30:00Z""#, #""at":"2026-01-06T09:30""#, "/events/0/at"),
        (#""urgency":"same-day""#, #""urgency":"soon""#, "/events/2/detail/riskFlags/0/urgency"),
        (#""item":9,"value":1"#, #""item":8,"value":1"#, "/events/2/detail/answers/8/item"),
        (#""slot":"standard""#, #""slot":"spare""#, "/events/17/detail/slot"),
        (#""format":"stepcare-case/2""#, #""format":"stepcare-case/3""#, "/format"),
        (#""context":"training""#, #""context":"prod""#, "/context"),
    ])
    func aChangedFieldIsRefusedByName(original: String, changed: String, field: String) throws {
        let samples = try Self.samples()
        let record = CaseRecord(
            context: .training, id: "C001", pathway: "community-stepped-care", demographics: [:],
            events: samples.enumerated().map { Self.record($0.element.kind, id: Int64($0.offset + 1)) })
        let line = record.line
        let range = try #require(line.range(of: original), "\(original) is not in the line")
        do {
            _ = try CaseRecord(line: line.replacingCharacters(in: range, with: changed))
            Issue.record("accepted \(changed)")
        } catch {
            #expect(error.field.hasSuffix(field) || error.field == field, "\(error)")
        }
    }

    /// Seeded random events of every kind read back equal to what was written.
    @Test func randomEventsRoundTrip() throws {
        var random = SplitMix64(seed: 0x5EC0_5D)
        let samples = try Self.samples()
        for round in 0..<20_000 {
            var kind = samples[Int(random.next() % UInt64(samples.count))].kind
            let text = String(repeating: "é\"\\\n\u{1}x", count: Int(random.next() % 4))
            switch kind {
            case .referral: kind = .referral(preference: random.next() % 2 == 0 ? nil : "tier-" + text)
            case .plan(.safety): kind = .plan(.safety(summary: text))
            case .administration(var record):
                record.total = random.next() % 3 == 0 ? nil : Score(exactly: Double(random.next() % 4000) / 8)
                record.edition = random.next() % 2 == 0 ? nil : text
                kind = .administration(record)
            case .handoverScheduled(let number, _):
                kind = .handoverScheduled(number: number, due: Instant(minutes: Int(random.next() % 100_000_000)))
            default: break
            }
            let json = EventDetailWriter.json(kind)
            let read = try EventDetailReader.kind(code: EventKindCode.code(kind), detail: json)
            #expect(read == kind, "round \(round): \(json)")
            if read != kind { break }
        }
    }

    /// The checked-in JSON Schema, read by an independent validator, accepts the golden case line and refuses it
    /// with one enumerated value changed (so the validator is known to be looking).
    @Test func theJSONSchemaValidatesTheGoldenLineAndRefusesAChangedOne() throws {
        let root = Self.golden.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let line = try String(contentsOf: Self.golden.appendingPathComponent("case.jsonl"), encoding: .utf8)
            .trimmingCharacters(in: .newlines)
        let schema = "schema/stepcare-case-2.schema.json"
        #expect(try SchemaValidation.problems([line], schema: schema, root: root) == [])
        let changed = line.replacingOccurrences(of: "\"same-day\"", with: "\"soon\"")
        let problems = try SchemaValidation.problems([changed], schema: schema, root: root)
        #expect(problems.first?.contains("/urgency") == true, "\(problems)")
    }

    @Test func timesAreISO8601InUTC() {
        let instant = Instant(year: 2026, month: 1, day: 6, hour: 9, minute: 5)!
        #expect(RecordTime.text(instant) == "2026-01-06T09:05:00Z")
        #expect(RecordTime.instant("2026-01-06T09:05:00Z") == instant)
        #expect(RecordTime.text(seconds: -1) == "1969-12-31T23:59:59Z")
        #expect(RecordTime.seconds("1969-12-31T23:59:59Z") == -1)
        for bad in ["2026-01-06T09:05:00", "2026-01-06T09:05:00+01:00", "2026-02-29T00:00:00Z", "2026-01-06T24:00:00Z"]
        {
            #expect(RecordTime.seconds(bad) == nil, "\(bad)")
        }
    }
}

/// A test failure with a message.
struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Hostile record lines: seeded byte-level mutations of a valid line (flips, deletions, insertions of JSON
/// punctuation, truncations, deep nesting, huge numbers) never crash or hang the reader; each is read or
/// refused with a ``SchemaError``.
@Suite struct RecordReaderFuzzTests {
    @Test func mutatedLinesAreReadOrRefusedNeverCrash() throws {
        let samples = try RecordFormatTests.samples()
        let valid = CaseRecord(
            context: .training, id: "C001", pathway: "community-stepped-care", demographics: ["sex": "female"],
            events: samples.enumerated().map { RecordFormatTests.record($0.element.kind, id: Int64($0.offset + 1)) }
        ).line
        let bytes = Array(valid.utf8)
        let punctuation = Array("{}[]\":,\\-0e.9 tfn\u{0}".utf8) + [0xC3, 0xFF]
        var random = SplitMix64(seed: 0xF022)
        var refused = 0
        func mutate(_ bytes: [UInt8]) -> [UInt8] {
            var mutated = bytes
            for _ in 0..<(1 + Int(random.next() % 4)) {
                let position = Int(random.next() % UInt64(mutated.count))
                switch random.next() % 5 {
                case 0: mutated[position] = punctuation[Int(random.next() % UInt64(punctuation.count))]
                case 1: mutated.remove(at: position)
                case 2: mutated.insert(punctuation[Int(random.next() % UInt64(punctuation.count))], at: position)
                case 3: mutated = Array(mutated.prefix(position))
                default: mutated.insert(contentsOf: Array("99999999999999999999".utf8), at: position)
                }
                if mutated.isEmpty { mutated = [0x7B] }
            }
            return mutated
        }
        for _ in 0..<5_000 {
            do {
                _ = try CaseRecord(line: String(decoding: mutate(bytes), as: UTF8.self))
            } catch {
                refused += 1
                #expect(!error.description.isEmpty)
            }
        }
        #expect(refused > 3_500, "almost every mutation should be refused; \(refused) were")
        // The stored path: each kind's detail, mutated, through the pull scanner.
        let details = samples.map { (EventKindCode.code($0.kind), Array(EventDetailWriter.json($0.kind).utf8)) }
        for _ in 0..<10_000 {
            let (code, detail) = details[Int(random.next() % UInt64(details.count))]
            _ = try? EventDetailReader.kind(code: code, detail: String(decoding: mutate(detail), as: UTF8.self))
        }
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: SchemaError.self) { try CaseRecord(line: deep) }
        let deepDetail =
            #"{"format":"stepcare-case/2","context":"training","id":"C1","pathway":"p","demographics":{},"#
            + #""events":[{"at":"2026-01-06T09:00:00Z","kind":"referral","detail":"#
            + String(repeating: #"{"a":"#, count: 50_000) + "1" + String(repeating: "}", count: 50_000) + "}]}"
        #expect(throws: SchemaError.self) { try CaseRecord(line: deepDetail) }
    }
}
