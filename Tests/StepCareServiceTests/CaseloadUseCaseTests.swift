import Foundation
import StepCareCore
import StepCareEngine
import StepCareService
import StepCareStore
import Testing

/// Teams, ownership, appointments, outreach and the worklist through the application core, on a real SQLite file
/// in a live session: each write is one audit entry, each bad input is refused with the field named and nothing
/// stored, and what is stored reads back in a new session.
@Suite struct CaseloadUseCaseTests {
    /// A live service: raj (clinical lead) with team north holding ana; case C001 placed in Tier 3 and held by ana.
    static func service() throws -> ServiceFixture {
        let service = try UseCaseTests.liveService()
        let workspace = service.workspace
        try workspace.login("raj")
        try workspace.addTeam("north")
        try workspace.joinTeam("north", user: "ana")
        try workspace.addUser("lee", role: "supervisor")
        try workspace.login("ana")
        let ana = try workspace.actingActor(named: nil)
        let lee = Actor(name: "lee", role: .supervisor)
        try workspace.record(try service.phq9([3, 3, 3, 3, 2, 2, 2, 2, 0]), on: "C001")
        try workspace.decide(MoveRequest(.place, tier: "tier-3", by: ana, coSigner: lee, at: ServiceFixture.now))
        return service
    }

    @Test func eachCoordinatorUseCaseIsOneAuditEntry() throws {
        let service = try Self.service()
        let later = ServiceFixture.now + .hours(2)
        try service.expectOneEntry("assign", by: "ana") { try $0.assign("C001", clinician: "ana", team: .set("north")) }
        let booked = try service.expectOneEntry("appointment book", by: "ana") {
            try $0.book("C001", on: later, with: "ana", purpose: .checkIn)
        }
        #expect(booked.number == 1)
        try service.expectOneEntry("appointment move", by: "ana") {
            try $0.reschedule(1, on: "C001", to: later + .days(1))
        }
        try service.expectOneEntry("appointment cancel", by: "ana") { try $0.cancel(1, on: "C001", reason: "unwell") }
        try service.expectOneEntry("record outreach", by: "ana") {
            try $0.recordOutreach(.phone, outcome: .messageLeft, on: "C001")
        }
        try service.expectOneEntry("read worklist", by: "ana") { try $0.worklist() }
        #expect(try service.store.verify(anchor: nil).isIntact)

        // A new session on the same file reads the teams, the owner and the appointment book back.
        let reopened = try Workspace(
            pathway: service.workspace.engine?.pathway, now: ServiceFixture.now, store: service.store, context: .live,
            clock: { ServiceFixture.now })
        #expect(reopened.teams == ["north": ["ana"]])
        let state = try #require(reopened.monitor("C001")?.state)
        #expect(state.assignment?.team == "north" && state.assignment?.clinician == "ana")
        #expect(state.appointments.count == 1 && state.appointments[0].isCancelled)
        #expect(state.appointments[0].appointment.due == later + .days(1))
    }

    @Test func badInputIsRefusedByFieldAndNothingIsStored() throws {
        let service = try Self.service()
        let now = ServiceFixture.now
        try service.workspace.book("C001", on: now + .hours(1), with: "ana")
        let refusals: [(String, StepCareError.Code, String?, (Workspace) throws -> Void)] = [
            (
                "a booking in the past", .invalidAppointment, "on",
                { try $0.book("C001", on: now - .hours(1), with: "ana") }
            ),
            ("a double booking", .invalidAppointment, "on", { try $0.book("C001", on: now + .hours(1), with: "ana") }),
            ("a booking with nobody", .unknownUser, "with", { try $0.book("C001", on: now + .days(1), with: "zed") }),
            (
                "moving an unknown appointment", .invalidAppointment, "number",
                { try $0.reschedule(7, on: "C001", to: now) }
            ),
            (
                "moving into the past", .invalidAppointment, "on",
                { try $0.reschedule(1, on: "C001", to: now - .days(1)) }
            ),
            ("an unknown owner", .unknownUser, "to", { try $0.assign("C001", clinician: "zed") }),
            (
                "an unknown coordinator", .unknownUser, "coordinator",
                { try $0.assign("C001", clinician: "ana", coordinator: .set("zed")) }
            ),
            ("an unknown team", .unknownTeam, "team", { try $0.assign("C001", clinician: "ana", team: .set("south")) }),
            ("a team made by a clinician", .notAuthorised, nil, { try $0.addTeam("south") }),
            ("a worklist of an unknown team", .unknownTeam, "team", { _ = try $0.worklist(CaseFilter(team: "south")) }),
            ("a list of an unknown owner", .unknownUser, "owner", { _ = try $0.cases(CaseFilter(owner: "zed")) }),
        ]
        for (what, code, field, useCase) in refusals {
            let error = service.expectRefusal { try useCase($0) }?.stepCare
            #expect(error?.code == code, "\(what): \(error?.message ?? "no StepCareError")")
            #expect(error?.field == field, "\(what): blamed \(error?.field ?? "nothing")")
        }
        try service.workspace.cancel(1, on: "C001")
        let error = service.expectRefusal { try $0.cancel(1, on: "C001") }?.stepCare
        #expect(error?.code == .invalidAppointment && error?.message.contains("cancelled") == true)
    }

    /// The worklist: a missed appointment is overdue the minute it passes; overdue items come first; filters by
    /// owner, team and tier; the crisis follow-up is listed until met.
    @Test func theWorklistOrdersOverdueFirstAndFilters() throws {
        let service = try Self.service()
        let workspace = service.workspace
        try workspace.assign("C001", clinician: "ana", team: .set("north"))
        try workspace.openCase("C002", referred: ServiceFixture.now)
        try workspace.record(.crisisContact(CrisisDetail(channel: .phoneLine)), on: "C002")
        try workspace.book("C001", on: ServiceFixture.now, with: "ana", purpose: .checkIn)

        let all = try workspace.worklist()
        #expect(all.map(\.word).contains("follow-up") && all.map(\.word).contains("appointment"))
        #expect(
            zip(all, all.dropFirst()).allSatisfy { a, b in
                a.isOverdue(asOf: workspace.now) || !b.isOverdue(asOf: workspace.now)
            })
        let mine = try workspace.worklist(CaseFilter(owner: "ana"))
        #expect(Set(mine.map(\.caseID)) == ["C001"])
        #expect(try workspace.worklist(CaseFilter(team: "north")).allSatisfy { $0.caseID == "C001" })
        #expect(try workspace.worklist(CaseFilter(tier: "tier-1")).isEmpty)

        // The appointment's minute has come and gone with nothing recorded: overdue at once.
        let later = try Workspace(
            pathway: workspace.engine?.pathway, now: ServiceFixture.now, store: service.store, context: .live,
            clock: { ServiceFixture.now + TimeSpan(minutes: 1) })
        try later.login("ana")
        let appointment = try #require(try later.worklist().first { $0.word == "appointment" })
        #expect(appointment.isOverdue(asOf: later.now))
        #expect(appointment.task(asOf: later.now).contains("nothing recorded"))
        // Reaching the client meets the follow-up; an attended contact settles the appointment.
        try later.recordOutreach(.phone, outcome: .reached, on: "C002")
        try later.record(.contact(attended: true), on: "C001")
        #expect(try later.worklist().allSatisfy { $0.word != "follow-up" && $0.word != "appointment" })
    }

    @Test func casesAreListedByOwnerTeamTierStatusAndSearch() throws {
        let service = try Self.service()
        let workspace = service.workspace
        try workspace.assign("C001", clinician: "ana", team: .set("north"))
        try workspace.openCase("X-17", referred: ServiceFixture.now)
        #expect(try workspace.cases(CaseFilter(owner: "ana")).map(\.caseID) == ["C001"])
        #expect(try workspace.cases(CaseFilter(team: "north")).map(\.caseID) == ["C001"])
        #expect(try workspace.cases(CaseFilter(tier: "tier-3")).map(\.caseID) == ["C001"])
        #expect(try workspace.cases(CaseFilter(status: .referred)).map(\.caseID) == ["X-17"])
        #expect(try workspace.cases(CaseFilter(search: "x-1")).map(\.caseID) == ["X-17"])
        #expect(try workspace.caseID("c001") == "C001", "ids are matched ignoring case")
    }
}
