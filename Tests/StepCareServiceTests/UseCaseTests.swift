import Foundation
import StepCareCore
import StepCareEngine
import StepCareMetrics
import StepCareRecord
import StepCareReports
import StepCareService
import StepCareStore
import Testing

/// The application core's promise, checked through the core alone on a real SQLite store: every writing use case
/// is one transaction with one audit entry, and a refused one changes nothing, in the database or in memory.
@Suite struct UseCaseTests {
    /// A live service with a clinical lead (raj) and a clinician (ana, logged in) and one open case.
    static func liveService() throws -> ServiceFixture {
        let service = try ServiceFixture(context: .live)
        try service.workspace.addUser("raj", role: "clinical-lead")
        try service.workspace.login("raj")
        try service.workspace.addUser("ana", role: "clinician")
        try service.workspace.login("ana")
        try service.workspace.openCase("C001", referred: Instant(parsing: "2026-03-01"))
        return service
    }

    @Test func everyWritingUseCaseStoresExactlyOneAuditEntry() throws {
        let service = try ServiceFixture(context: .live)
        try service.expectOneEntry("user add", by: "raj") { try $0.addUser("raj", role: "clinical-lead") }
        try service.expectOneEntry("login", by: "raj") { try $0.login("raj") }
        try service.expectOneEntry("user add", by: "raj") { try $0.addUser("ana", role: "clinician") }
        try service.expectOneEntry("login", by: "ana") { try $0.login("ana") }
        let opened = try service.expectOneEntry("case new", by: "ana") {
            try $0.openCase(referred: Instant(parsing: "2026-03-01"))
        }
        #expect(opened.caseID == "C001")
        let score = try service.phq9([2, 2, 2, 1, 1, 1, 1, 1, 0])
        try service.expectOneEntry("record score", by: "ana") { try $0.record(score) }
        try service.expectOneEntry("record attended", by: "ana") { try $0.record(.contact(attended: true)) }
        let ana = try service.workspace.actingActor(named: nil)
        let outcome = try service.expectOneEntry("place", by: "ana") {
            try $0.decide(MoveRequest(.place, by: ana, at: ServiceFixture.now))
        }
        if case .moved = outcome.result {} else { Issue.record("place did not move the client: \(outcome.result)") }
        try service.expectOneEntry("break-glass", by: "ana") { try $0.breakGlass(reason: "on-call cover") }
        var exported: [String] = []
        try service.expectOneEntry("export", by: "ana") {
            try $0.export(cases: ["C001"], toFile: true) { exported = $0 }
        }
        #expect(exported.count == 1 && exported[0].contains("\"format\":\"stepcare-case/2\""))
        let csv = "case,date,instrument,answers\nC001,2026-03-02T09:00,gad7,1 1 1 1 1 1 1\n"
        let imported = try service.expectOneEntry("import-scores", by: "ana") {
            try $0.importScores(csv: Array(csv.utf8), registry: service.registry, allOrNothing: true)
        }
        #expect(imported.recorded == 1 && imported.problems.isEmpty)
        // What the entries describe is what the store holds.
        let stored = try service.store.records(.live, cases: ["C001"])
        #expect(stored.first?.events.count == service.workspace.caseload.cases["C001"]?.events.count)
        #expect(try service.store.verify(anchor: nil).isIntact)
    }

    @Test func trainingAndSimulationUseCasesStoreOneEntryEach() throws {
        let training = try ServiceFixture(context: .training)
        try training.expectOneEntry("case new", by: "unidentified") { try $0.openCase("C001") }
        let line = try training.store.records(.training, cases: ["C001"])[0].line
        let other = try ServiceFixture(context: .training)
        let count = try other.expectOneEntry("import", by: "unidentified") {
            try $0.importCases(line + "\n", registry: other.registry)
        }
        #expect(count == 1 && other.workspace.caseload.cases["C001"] != nil)

        let simulation = try ServiceFixture(context: .simulation)
        var timeline = CaseTimeline(caseID: "S001")
        try timeline.append(CaseEvent(at: ServiceFixture.now, .referral(preference: nil)))
        try simulation.expectOneEntry("simulate pathway", by: "unidentified") {
            try $0.keepSimulated([timeline], pathway: "community-stepped-care", seed: 7)
        }
    }

    @Test func useCasesRunInsideOneUnitShareOneEntry() throws {
        let service = try Self.liveService()
        let before = try service.entries().count
        try service.workspace.begin("record")
        try service.workspace.record(.contact(attended: true), on: "C001")
        try service.workspace.record(.contact(attended: false), on: "C001")
        try service.workspace.finish()
        let after = try service.entries()
        #expect(after.count == before + 1)
        #expect(after.last?.detail.contains("2 event(s)") == true)

        try service.workspace.begin("record")
        try service.workspace.record(.crisisContact(), on: "C001")
        let events = service.workspace.caseload.cases["C001"]?.events.count
        service.workspace.abandon()
        #expect(try service.entries().count == before + 1)
        #expect(service.workspace.caseload.cases["C001"]?.events.count == (events ?? 0) - 1)
    }

    @Test func aRefusedUseCaseChangesNothingAndNamesTheField() throws {
        let service = try Self.liveService()
        let workspace = service.workspace
        try workspace.record(try service.phq9([1, 1, 1, 1, 1, 1, 1, 1, 2]), on: "C001")  // item 9: a risk flag
        let ana = try workspace.actingActor(named: nil)

        // Each refusal: what is refused, the code, and the field a front end should point at.
        let refusals: [(String, StepCareError.Code, String?, (Workspace) throws -> Void)] = [
            (
                "a record dated before the case's latest event", .datesOutOfOrder, "at",
                {
                    try $0.record(.contact(attended: true), on: "C001", at: Instant(parsing: "2026-02-01"))
                }
            ),
            (
                "a record in the future, live", .invalidOption, "at",
                {
                    try $0.record(.contact(attended: true), on: "C001", at: Instant(parsing: "2026-04-01"))
                }
            ),
            ("a record on an unknown case", .unknownCase, "case", { try $0.record(.crisisContact(), on: "C999") }),
            (
                "discharge with an open risk flag", .openRiskFlag, nil,
                {
                    try $0.decide(MoveRequest(.discharge, by: ana, at: ServiceFixture.now), on: "C001")
                }
            ),
            (
                "acting as someone else, live", .notAuthorised, "as",
                {
                    let raj = Actor(name: "raj", role: .clinicalLead)
                    try $0.decide(MoveRequest(.place, by: raj, at: ServiceFixture.now), on: "C001")
                }
            ),
            (
                "a registered user in a role they do not hold", .notAuthorised, "as",
                {
                    let inflated = Actor(name: "ana", role: .clinicalLead)
                    try $0.decide(MoveRequest(.place, by: inflated, at: ServiceFixture.now), on: "C001")
                }
            ),
            ("a duplicate user", .duplicateUser, "name", { try $0.addUser("ana", role: "clinician") }),
            ("a user added by a clinician", .notAuthorised, nil, { try $0.addUser("kim", role: "coach") }),
            ("a case id that is a name", .invalidOption, "id", { try $0.openCase("Jane Smith") }),
            ("an unknown preferred tier", .unknownTier, "prefers", { try $0.openCase("C002", preference: "tier-9") }),
            ("break-glass without a reason", .missingDocumentation, "reason", { try $0.breakGlass(reason: " ") }),
            (
                "break-glass for a day", .invalidOption, "for",
                {
                    try $0.breakGlass(reason: "cover", for: TimeSpan(minutes: 24 * 60))
                }
            ),
            (
                "an export whose write failed", .io, nil,
                {
                    try $0.export(toFile: true) { _ throws(StepCareError) in
                        throw StepCareError(.io, "no space left on device")
                    }
                }
            ),
            (
                "scores with one bad row, all or nothing", .invalidImport, "file",
                {
                    let csv =
                        "case,date,instrument,answers\nC001,2026-03-02,gad7,1 1 1 1 1 1 1\nC001,2026-03-02,gad7,9\n"
                    _ = try $0.importScores(csv: Array(csv.utf8), registry: service.registry, allOrNothing: true)
                }
            ),
            (
                "an import into live records", .notAuthorised, "file",
                {
                    _ = try $0.importCases("{}", registry: service.registry)
                }
            ),
            ("setting the clock of a live session", .liveClock, nil, { try $0.setClock(to: ServiceFixture.now) }),
        ]
        for (what, code, field, useCase) in refusals {
            let error = service.expectRefusal { try useCase($0) }?.stepCare
            #expect(error?.code == code, "\(what): \(error?.message ?? "no StepCareError")")
            #expect(error?.field == field, "\(what): blamed \(error?.field ?? "nothing")")
        }

        workspace.logout()
        let error = service.expectRefusal { try $0.record(.contact(attended: true), on: "C001") }?.stepCare
        #expect(error?.code == .notAuthorised, "a live change without a login")
    }

    /// Demographic fields are coded: a name, a date of birth or an NHS number is refused as a field or a value
    /// (it would become a group label on the dashboard), and nothing is stored.
    @Test(arguments: [
        ["name": "john-smith"], ["nhs-number": "9434765919"], ["ethnicity": "john-smith"],
        ["age-band": "1984-03-02"], ["sex": "female", "postcode": "se1-7eh"],
    ])
    func demographicsAreCodedFieldsOnly(fields: [String: String]) throws {
        let service = try Self.liveService()
        let before = try service.workspace.store.lastSequence()
        #expect {
            try service.workspace.openCase("C002", referred: ServiceFixture.now, demographics: fields)
        } throws: { error in
            (error as? StepCareError)?.field == "demographics" && (error as? StepCareError)?.hint != nil
        }
        #expect(service.workspace.caseload.cases["C002"] == nil)
        #expect(try service.workspace.store.lastSequence() == before)
    }

    @Test func everyListedCodeOfEveryEquityFieldIsAccepted() throws {
        let service = try Self.liveService()
        for (index, field) in EquityFields.fields.enumerated() {
            for code in field.codes { try EquityFields.check([field.name: code]) }
            let opened = try service.workspace.openCase(
                "E\(index)", referred: ServiceFixture.now, demographics: [field.name: field.codes[0]])
            #expect(opened.demographics == [field.name: field.codes[0]])
        }
    }

    @Test func aFailedCommitPutsTheSessionBack() throws {
        let service = try Self.liveService()
        let other = try SQLiteCaseloadStore(.file(service.path), clock: { 1_790_000_500 })
        let rival = try Workspace(
            pathway: service.workspace.engine?.pathway, now: ServiceFixture.now, store: other, context: .live,
            clock: { ServiceFixture.now })
        // Another session commits between this session's read and its commit: the commit is refused as a
        // conflict, and this session's values are those of the store, not of the refused unit.
        try service.workspace.begin("record")
        try service.workspace.record(.contact(attended: true), on: "C001")
        try rival.login("raj")
        #expect(throws: StepCareError.self) { try service.workspace.finish() }
        #expect(!service.workspace.isInUnitOfWork)
        #expect(service.workspace.caseload.cases["C001"]?.events.count == 1)
    }

    /// A score row refused for another item's error still has its risk answer read: without all-or-nothing it
    /// is recorded as an unscored form whose flag opens on the case; with it, nothing is stored and the
    /// refusal names the flag.
    @Test func aRefusedScoreRowStillOpensItsRiskFlag() throws {
        let service = try Self.liveService()
        let csv = "case,date,instrument,answers\nC001,2026-03-02T09:00,phq9,2 4 0 0 1 0 3 0 3\n"
        let refusal = service.expectRefusal {
            _ = try $0.importScores(csv: Array(csv.utf8), registry: service.registry, allOrNothing: true)
        }
        let problems = (refusal as? ImportRefusal)?.problems ?? []
        #expect(problems.first?.error.message.contains("phq9-item9-self-harm-thoughts") == true, "\(problems)")

        let imported = try service.expectOneEntry("import-scores", by: "ana") {
            try $0.importScores(csv: Array(csv.utf8), registry: service.registry, allOrNothing: false)
        }
        #expect(imported.recorded == 0 && imported.problems.count == 1)
        let events = service.workspace.caseload.cases["C001"]?.events ?? []
        guard case .administration(let form)? = events.last?.kind else {
            Issue.record("no unscored form was recorded: \(events)")
            return
        }
        #expect(form.total == nil, "a refused row must not be given a total")
        #expect(form.riskFlags.map(\.ruleID) == ["phq9-item9-self-harm-thoughts"])
        let evaluation = try #require(service.workspace.monitor("C001")?.evaluation(asOf: ServiceFixture.now))
        #expect(evaluation.state.openFlags.contains { $0.flag.ruleID == "phq9-item9-self-harm-thoughts" })
        #expect(evaluation.recommendations.contains { $0.kind == .urgentSafetyReview })
    }

    /// In live, reading client records needs a login and writes an access entry naming the reader and the case;
    /// a decision the pathway refuses is recorded as `refused ACTION` with its code; both show under the
    /// `audit show` filters.
    @Test func readsAndRefusedAttemptsInLiveAreAudited() throws {
        let service = try Self.liveService()
        let workspace = service.workspace
        try service.expectOneEntry("read timeline", by: "ana") { try $0.recordAccess("timeline", client: "C001") }
        #expect(try service.entries().last?.client == "C001")
        try workspace.record(try service.phq9([1, 1, 1, 1, 1, 1, 1, 1, 2]), on: "C001")
        let ana = try workspace.actingActor(named: nil)
        let refusal = service.expectRefusal {
            try $0.decide(MoveRequest(.discharge, by: ana, at: ServiceFixture.now), on: "C001")
        }
        #expect(refusal?.stepCare?.code == .openRiskFlag)
        let refused = try #require(try service.entries().last)
        #expect(refused.action == "refused discharge" && refused.user == "ana" && refused.client == "C001")
        #expect(refused.detail == "refused: open-risk-flag")
        let shown = try service.store.auditEntries(AuditFilter(client: "C001", action: "refused"))
        #expect(shown.map(\.sequence) == [refused.sequence])
        #expect(try service.store.auditEntries(AuditFilter(action: "read")).count == 1)

        workspace.logout()
        let anonymous = service.expectRefusal { try $0.recordAccess("timeline", client: "C001") }
        #expect(anonymous?.stepCare?.code == .notAuthorised)
        // Training records are not audited on reading.
        let training = try ServiceFixture(context: .training)
        let before = try training.entries().count
        try training.workspace.recordAccess("timeline", client: nil)
        #expect(try training.entries().count == before)
    }

    /// Notes and review content are stored, exported and shown, never read by the rules and never in the audit
    /// log's text; a note may still be added to a discharged case, nothing else may.
    @Test func notesAreKeptOutOfTheRulesAndTheAuditText() throws {
        let service = try Self.liveService()
        let workspace = service.workspace
        let before = try #require(workspace.monitor("C001")?.evaluation(asOf: ServiceFixture.now))
        let canary = "canary-note-zx81"
        try service.expectOneEntry("record note", by: "ana") {
            try $0.record(.note(try CaseNote(.contact, text: "phoned; " + canary)), on: "C001")
        }
        let after = try #require(workspace.monitor("C001")?.evaluation(asOf: ServiceFixture.now))
        #expect(after.recommendations.map(\.ruleID) == before.recommendations.map(\.ruleID))
        #expect(try service.entries().allSatisfy { !$0.detail.contains(canary) })
        let exported = try service.store.records(.live, cases: ["C001"])[0].line
        #expect(exported.contains(canary) && exported.contains("\"kind\":\"note\""))
        #expect(throws: StepCareError.self) { try CaseNote(.general, text: " \n ") }
        #expect(throws: StepCareError.self) {
            try CaseNote(.general, text: String(repeating: "x", count: CaseNote.maximumLength + 1))
        }
    }

    /// In live, an event recorded more than the late-entry interval after its effective time is marked late in
    /// its audit entry; one recorded in time is not, and the interval is the service's to set.
    @Test func lateEntriesAreMarkedInTheAuditLog() throws {
        let service = try Self.liveService()
        let workspace = service.workspace
        try workspace.record(.contact(attended: true), on: "C001", at: Instant(parsing: "2026-03-02T08:00"))
        #expect(try service.entries().last?.detail.contains("late entry") == false)
        // Dated after the case's latest event, recorded later still: four days after at 2026-03-10.
        let later = try ServiceFixture(context: .live)
        try later.workspace.addUser("raj", role: "clinical-lead")
        try later.workspace.login("raj")
        try later.workspace.openCase("C002", referred: Instant(parsing: "2026-02-01"))
        try later.workspace.record(.crisisContact(), on: "C002", at: Instant(parsing: "2026-02-26T09:00"))
        let detail = try #require(try later.entries().last?.detail)
        #expect(detail.contains("late entry: 1 event(s) dated up to 4 days before they were recorded"), "\(detail)")
        try later.workspace.configure(
            [("records.late-entry-after", "7d")], reason: "paper notes are typed up weekly",
            by: Actor(name: "raj", role: .clinicalLead), registry: later.registry)
        #expect(later.workspace.lateEntryInterval == .days(7))
        try later.workspace.record(.emergencyVisit(), on: "C002", at: Instant(parsing: "2026-02-27T09:00"))
        #expect(try later.entries().last?.detail.contains("late entry") == false)
    }

    /// A record marked entered in error stays in the store, the export and the audit log; the rules, the
    /// outcome and a fresh load read the corrected history, with the replacement at the original's time.
    @Test func aCorrectionKeepsTheOriginalAndTheRulesReadTheCorrectedHistory() throws {
        let service = try Self.liveService()
        let workspace = service.workspace
        let wrong = try service.phq9([3, 3, 3, 3, 3, 3, 3, 3, 0])  // 24: would meet tier-3's entry (≥ 20)
        try workspace.record(wrong, on: "C001", at: Instant(parsing: "2026-03-01T10:00"))
        let triageBefore = workspace.monitor("C001")?.evaluation(asOf: ServiceFixture.now).triage
        #expect(triageBefore.map { "\($0)" }?.contains("tier-3") == true, "\(String(describing: triageBefore))")
        let right = try service.phq9([1, 1, 1, 1, 1, 1, 1, 1, 0])  // 8
        try service.expectOneEntry("correct", by: "ana") {
            try $0.correct(2, on: "C001", reason: "another client's form", replacement: right)
        }
        // The rules read the corrected baseline.
        let triage = workspace.monitor("C001")?.evaluation(asOf: ServiceFixture.now).triage
        #expect(triage.map { "\($0)" }?.contains("tier-1") == true, "\(String(describing: triage))")
        let corrected = try #require(workspace.caseload.cases["C001"])
        #expect(corrected.events.count == 2)
        #expect(corrected.events[1] == CaseEvent(at: try #require(Instant(parsing: "2026-03-01T10:00")), right))
        // The store keeps all three: the original, then the correction.
        let stored = try service.store.records(.live, cases: ["C001"])[0]
        #expect(stored.events.count == 3)
        #expect(stored.events[1].event.kind == wrong)
        // A fresh session loads the corrected history.
        let again = try Workspace(
            pathway: workspace.engine?.pathway, now: ServiceFixture.now, store: service.store, context: .live,
            clock: { ServiceFixture.now })
        #expect(again.caseload.cases["C001"]?.events == corrected.events)
        #expect(try service.store.verify(anchor: nil).isIntact)
    }

    /// Corrections that name no record, a decision, a corrected record, another kind, or no reason are refused
    /// and change nothing.
    @Test func aBadCorrectionIsRefusedAndChangesNothing() throws {
        let service = try Self.liveService()
        try service.workspace.record(.contact(attended: true), on: "C001")
        let refusals: [(StepCareError.Code, String, (Workspace) throws -> Void)] = [
            (.invalidCorrection, "number", { try $0.correct(9, on: "C001", reason: "x") }),
            (.invalidCorrection, "number", { try $0.correct(1, on: "C001", reason: "the referral") }),
            (.missingDocumentation, "reason", { try $0.correct(2, on: "C001", reason: " ") }),
            (
                .invalidCorrection, "replacement",
                {
                    try $0.correct(2, on: "C001", reason: "x", replacement: .crisisContact())
                }
            ),
        ]
        for (code, field, useCase) in refusals {
            let error = service.expectRefusal { try useCase($0) }?.stepCare
            #expect(error?.code == code && error?.field == field, "\(String(describing: error))")
        }
        try service.workspace.correct(2, on: "C001", reason: "not seen after all")
        let twice = service.expectRefusal { try $0.correct(2, on: "C001", reason: "again") }?.stepCare
        #expect(twice?.code == .invalidCorrection)
        // A correction that was itself a mistake is corrected in turn: the record it withdrew stands again.
        try service.workspace.correct(3, on: "C001", reason: "the session did happen")
        #expect(service.workspace.caseload.cases["C001"]?.events.last?.kind == .contact(attended: true))
        let undone = service.expectRefusal { try $0.correct(3, on: "C001", reason: "again") }?.stepCare
        #expect(undone?.code == .invalidCorrection, "record 3 is corrected already, by record 4")
    }

    /// A replacement that raises a risk flag must open it now: on a discharged case, or dated before a risk
    /// review that never saw it, it is refused with the way to record it so that it opens.
    @Test func aReplacementRaisingARiskFlagIsNeverClearedUnseen() throws {
        let service = try ServiceFixture(context: .training)
        let workspace = service.workspace
        let ana = Actor(name: "ana", role: .clinician)
        let day = { (n: Int) in Instant(minutes: ServiceFixture.now.minutes + n * 1440) }
        try workspace.setClock(to: day(0))
        try workspace.openCase("C001")
        try workspace.record(try service.phq9([2, 2, 2, 2, 2, 2, 2, 2, 0]), on: "C001")
        try workspace.setClock(to: day(2))
        try workspace.record(try service.phq9([1, 1, 1, 1, 1, 1, 1, 1, 1]), on: "C001")
        try workspace.decide(MoveRequest(.clearRiskFlag, by: ana, at: day(2)), on: "C001")
        try workspace.setClock(to: day(3))
        let positive = try service.phq9([2, 2, 2, 2, 2, 2, 2, 2, 3])
        let reviewed = service.expectRefusal {
            try $0.correct(2, on: "C001", reason: "item 9 was 3 on paper", replacement: positive, by: ana)
        }?.stepCare
        #expect(reviewed?.message.contains("risk review that never saw it") == true, "\(String(describing: reviewed))")
        // The way the hint gives: withdraw it, and record the right score now, whose flag opens.
        try workspace.correct(2, on: "C001", reason: "item 9 was 3 on paper", by: ana)
        try workspace.record(positive, on: "C001")
        let open = workspace.monitor("C001")?.evaluation(asOf: day(3)).state.openFlags.map(\.flag.ruleID)
        #expect(open == ["phq9-item9-self-harm-thoughts"])
    }

    /// A file whose first row is data is refused whole, and the risk answers of that row are named.
    @Test func importScoresRefusesAFileWithoutItsHeader() throws {
        let service = try Self.liveService()
        let csv = "C001,2026-03-02T09:00,phq9,1 1 1 1 1 1 1 1 3\n"
        let refusal =
            service.expectRefusal {
                _ = try $0.importScores(csv: Array(csv.utf8), registry: service.registry, allOrNothing: false)
            } as? ImportRefusal
        #expect(refusal?.error.message.contains("does not start with its header") == true)
        #expect(refusal?.problems.first?.error.message.contains("phq9-item9-self-harm-thoughts") == true)
    }

    /// Notes hold plain text: a control character (an escape sequence could rewrite the screen) is refused.
    @Test func aNoteWithControlCharactersIsRefused() {
        #expect(throws: StepCareError.self) { try CaseNote(.general, text: "ok\u{1B}[2A\u{1B}[2K") }
        #expect((try? CaseNote(.general, text: "line one\nline two\tend")) != nil)
        #expect("a\u{7}b".escapingControlCharacters == "a\u{FFFD}b")
    }

    /// An export carries the original and the correction; importing it gives the rules the corrected history
    /// again, and stores every event.
    @Test func anImportedCorrectionIsAppliedAgain() throws {
        let first = try ServiceFixture(context: .training)
        try first.workspace.openCase("C001")
        try first.workspace.record(try first.phq9([3, 3, 3, 3, 3, 3, 3, 3, 0]), on: "C001")
        let ana = Actor(name: "ana", role: .clinician)
        try first.workspace.correct(
            2, on: "C001", reason: "wrong form", replacement: try first.phq9([0, 0, 0, 0, 0, 0, 0, 0, 0]), by: ana)
        let line = try first.store.records(.training, cases: ["C001"])[0].line
        let second = try ServiceFixture(context: .training)
        try second.workspace.importCases(line + "\n", registry: second.registry)
        #expect(second.workspace.caseload.cases["C001"]?.events == first.workspace.caseload.cases["C001"]?.events)
        #expect(try second.store.records(.training, cases: ["C001"])[0].events.count == 3)
    }

    /// An export edited by hand cannot hide risk or change a score: an administration whose answers raise a flag
    /// it does not carry, or whose total is not what its answers give, refuses the import and stores nothing.
    @Test func anEditedExportThatHidesRiskOrChangesAScoreIsRefused() throws {
        let first = try ServiceFixture(context: .training)
        try first.workspace.openCase("C001")
        try first.workspace.record(try first.phq9([1, 1, 1, 1, 1, 1, 1, 1, 3]), on: "C001")
        let line = try first.store.records(.training, cases: ["C001"])[0].line
        let flags = try #require(line.firstRange(of: #/"riskFlags":\[\{[^\]]*\]/#))
        let edits = [
            ("risk flag removed", line.replacingCharacters(in: flags, with: "\"riskFlags\":[]"), "phq9-item9"),
            ("total changed", line.replacing("\"total\":11", with: "\"total\":27"), "total or band"),
            (
                "unknown instrument", line.replacing("\"instrument\":\"phq9\"", with: "\"instrument\":\"nosuch\""),
                "nosuch"
            ),
        ]
        for (what, edited, named) in edits {
            #expect(edited != line, "\(what): the edit must change the line")
            let second = try ServiceFixture(context: .training)
            do throws(ImportRefusal) {
                try second.workspace.importCases(edited + "\n", registry: second.registry)
                Issue.record("\(what): imported")
            } catch {
                #expect(error.error.code == .invalidImport, "\(what)")
                let problem = error.problems.first?.error.message ?? ""
                #expect(problem.contains(named), "\(what): \(problem)")
            }
            #expect(try second.store.records(.training, cases: nil).isEmpty, "\(what): nothing stored")
        }
        let unedited = try ServiceFixture(context: .training)
        try unedited.workspace.importCases(line + "\n", registry: unedited.registry)
    }

    /// The huddle's outcome figures read the corrected baseline: a course whose mistyped first scores made it a
    /// "case" that recovered is, once corrected, a course that was never at caseness.
    @Test func theOutcomeMetricsReadTheCorrectedBaseline() throws {
        let service = try ServiceFixture(context: .training)
        let workspace = service.workspace
        let ana = Actor(name: "ana", role: .clinician)
        let lee = Actor(name: "lee", role: .supervisor)
        func gad7(_ answers: [Int]) throws -> CaseEventKind {
            let (report, definition) = try Scoring.score(
                "gad7", variant: nil, missing: nil, answers: answers.map(String.init), registry: service.registry)
            return .administration(AdministrationRecord(report, definition: definition))
        }
        let day = { (n: Int) in Instant(minutes: ServiceFixture.now.minutes + n * 1440) }
        try workspace.setClock(to: day(0))
        try workspace.openCase("C001")
        try workspace.record(try service.phq9([3, 3, 3, 3, 3, 3, 3, 3, 0]), on: "C001")  // 24, mistyped
        try workspace.record(try gad7([3, 3, 3, 3, 3, 3, 3]), on: "C001")  // 21, mistyped
        try workspace.decide(MoveRequest(.place, by: ana, coSigner: lee, at: day(0)), on: "C001")
        for session in [10, 20, 30] {  // a finished course has at least two treatment sessions
            try workspace.setClock(to: day(session))
            try workspace.record(.contact(attended: true), on: "C001")
        }
        try workspace.setClock(to: day(60))
        try workspace.record(try service.phq9([1, 1, 1, 1, 1, 0, 0, 0, 0]), on: "C001")  // 5
        try workspace.record(try gad7([1, 1, 1, 1, 0, 0, 0]), on: "C001")  // 4
        try workspace.record(.review(.structured, by: ana), on: "C001")
        try workspace.decide(MoveRequest(.discharge, by: ana, coSigner: lee, at: day(60)), on: "C001")
        let metrics = HuddleMetrics(
            engine: try workspace.requireEngine(),
            outcomeMeasures: HuddleMetrics.talkingTherapiesMeasures(in: service.registry))
        let window = ReportingWindow.week(ending: day(60))
        let before = metrics.compute(workspace.caseload, window: window)
        #expect(before.value("tier-3.recovery") == 100)
        #expect(before.value("tier-3.reliable-improvement") == 100)
        try workspace.setClock(to: day(61))
        try workspace.correct(
            2, on: "C001", reason: "another client's form", replacement: try service.phq9([1, 1, 1, 1, 1, 1, 1, 1, 0]),
            by: ana)  // 8
        try workspace.correct(
            3, on: "C001", reason: "another client's form", replacement: try gad7([1, 1, 1, 1, 1, 1, 0]), by: ana)  // 6
        let after = metrics.compute(workspace.caseload, window: window)
        #expect(after["tier-3.recovery"]?.support == 0, "no course was at caseness once corrected")
        #expect(after.value("tier-3.reliable-improvement") == 0, "8 → 5 and 6 → 4 are not reliable improvements")
    }
}
