import StepCareCore
import StepCareEngine
import StepCareReports
import StepCareService
import StepCareStore

extension CommandSpec {
    /// `worklist`: what is due and overdue, for me, a team, a tier or the service.
    static let worklist = CommandSpec(
        name: "worklist", abstract: "What is due and overdue, by case: for me, my team, a tier or the service",
        discussion: "Lists every outstanding recommendation (reviews, moves, follow-up and check-in contacts, "
            + "handover contacts, plans) and every open appointment due by the end of today (or within --within), "
            + "overdue first, then by deadline, each with its rule and what must be documented. An appointment past "
            + "its time with neither attended nor no-show recorded is overdue at once. Logged in, it shows your cases "
            + "(as clinician or coordinator) unless --all, --owner, --team, --my-team or --tier says otherwise. It "
            + "reads the engine's running view of each case, so it stays quick on a large caseload. Reading it is "
            + "an audited access in live.",
        options: [
            OptionSpec("mine", "Cases held by the logged-in user (the default when logged in)"),
            OptionSpec("owner", value: "STAFF", "Cases held by this clinician or coordinator"),
            OptionSpec("team", value: "TEAM", "Cases of this team"),
            OptionSpec("my-team", "Cases of the logged-in user's team(s)"),
            OptionSpec("tier", value: "TIER", "Cases in this tier", completion: .tier),
            OptionSpec("case", value: "ID", "One case", completion: .caseID),
            OptionSpec("all", "Every case in the service"),
            OptionSpec("within", value: "SPAN", "Show appointments due within this span (default: today)"),
            OptionSpec("at", value: "DATE", "As of this moment (default: the session clock)"),
            OptionSpec("json", "One line of JSON per item (stepcare-worklist/1)"),
            OptionSpec("csv", "CSV with a header row"),
        ],
        examples: ["worklist", "worklist --team north", "worklist --tier tier-3 --all", "worklist --all --csv"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let workspace = interpreter.workspace
        var filter = try interpreter.caseFilter(invocation)
        if invocation.flag("my-team") {
            let teams = workspace.currentUser.map { workspace.teams(of: $0.name) } ?? []
            guard teams.count == 1, let team = teams.first else {
                throw Diagnostic(
                    .invalidOption,
                    teams.isEmpty ? "--my-team needs a logged-in user in a team" : "you are in several teams",
                    hint: "name one: --team TEAM", at: invocation.location)
            }
            filter.team = team
        }
        let narrowing = ["mine", "owner", "team", "my-team", "tier", "case"].filter {
            invocation.values[$0] != nil || invocation.flag($0)
        }
        if invocation.flag("all"), let first = narrowing.first {
            throw Diagnostic(
                .invalidOption, "--all and --\(first) contradict each other",
                hint: "--all is the whole service; leave it out to narrow the list", at: invocation.location)
        }
        let chosen = !narrowing.isEmpty || invocation.flag("all")
        if !chosen, let user = workspace.currentUser { filter.owner = user.name }
        let asOf = try invocation.values["at"].map { (word) throws(Diagnostic) in try Interpreter.instant(word) }
        let horizon = try invocation.values["within"].map { (word) throws(Diagnostic) in
            (asOf ?? workspace.now) + (try Interpreter.span(word))
        }
        filter.caseID = try invocation.values["case"].map { _ throws(Diagnostic) in try interpreter.caseID(invocation) }
        let items = try interpreter.core(invocation) { () throws(StepCareError) in
            try workspace.worklist(filter, asOf: asOf, appointmentsUntil: horizon)
        }
        let now = asOf ?? workspace.now
        if invocation.flag("json") {
            items.forEach { interpreter.output.line(WorklistOutput.json($0, asOf: now)) }
        } else if invocation.flag("csv") {
            WorklistOutput.csv(items, asOf: now).forEach(interpreter.output.line)
        } else {
            WorklistOutput.text(items, asOf: now).forEach(interpreter.output.line)
        }
    }

    /// `assign --to STAFF`: give a case an owner (a later one is a handover).
    static let assign = CommandSpec(
        name: "assign", abstract: "Assign a case to a clinician, with a care coordinator and team (a handover)",
        discussion: "Records who holds the case: the clinician (--to), optionally a care coordinator and a team. "
            + "Each must be registered (user add, team add). A coordinator or team not named is kept as it was; "
            + "--coordinator none or --team none removes it. A case that already has an owner is handed over: the "
            + "assignment is a recorded event, shown in timeline and the audit log. An assignment that changes "
            + "nothing is refused.",
        options: [
            OptionSpec("to", value: "STAFF", "The clinician who holds the case"),
            OptionSpec("coordinator", value: "STAFF", "The care coordinator"),
            OptionSpec("team", value: "TEAM", "The team"),
            OptionSpec("case", value: "ID", "The case (default: the current case)", completion: .caseID),
            OptionSpec("as", value: "ROLE:ID", "Who assigns it (default: the logged-in user)", completion: .actor),
            OptionSpec("at", value: "DATE", "When (default: the session clock)"),
        ],
        examples: ["assign --to ana --team north", "assign --case C004 --to lee --coordinator kim"],
        writes: .records
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        guard let to = invocation.values["to"] else {
            throw Diagnostic(
                .missingArgument, "assign needs --to STAFF", hint: "e.g. assign --to ana --team north",
                at: invocation.location)
        }
        let caseID = try interpreter.caseID(invocation)
        let at = try interpreter.time(invocation)
        // A coordinator or team not named is kept; `none` clears it.
        func keep(_ option: String) -> Workspace.Keep {
            guard let word = invocation.values[option]?.text else { return .current }
            return .set(word == "none" ? nil : word)
        }
        try interpreter.core(invocation) { () throws(StepCareError) in
            try interpreter.workspace.assign(
                caseID, clinician: to.text, coordinator: keep("coordinator"), team: keep("team"),
                by: invocation.values["as"]?.text, at: at)
        }
        if let last = interpreter.workspace.caseload.cases[caseID]?.events.last {
            interpreter.output.line("\(caseID) \(last.at): \(CareRendering.text(last.kind))")
        }
    }

    /// `appointment book|move|cancel|list`: the case's appointment book.
    static let appointment = CommandSpec(
        name: "appointment", abstract: "Book, move or cancel a planned contact, or list a case's appointments",
        discussion: "appointment book --on TIME --with STAFF [--for PURPOSE] books a contact (purposes: "
            + AppointmentPurpose.allCases.map(\.rawValue).joined(separator: ", ")
            + "; default session); it is numbered on the case. appointment move N --on TIME reschedules one; "
            + "appointment cancel N [--reason TEXT] calls one off; appointment list shows them. A booking in the "
            + "past, or at the time of another open appointment of the same client, is refused. Record what "
            + "happened with record attended or record no-show: the contact settles that day's appointment, and "
            + "one left unrecorded after its time shows as overdue in the worklist.",
        arguments: [
            ArgumentSpec("WHAT", "book, move, cancel or list"),
            ArgumentSpec("NUMBER", "move, cancel: the appointment's number", arity: .optional),
        ],
        options: [
            OptionSpec("on", value: "TIME", "book, move: when, YYYY-MM-DDTHH:MM"),
            OptionSpec("with", value: "STAFF", "book: who sees the client"),
            OptionSpec(
                "for", value: "PURPOSE", "book: " + AppointmentPurpose.allCases.map(\.rawValue).joined(separator: ", ")),
            OptionSpec("reason", value: "TEXT", "cancel: why"),
            OptionSpec("case", value: "ID", "The case (default: the current case)", completion: .caseID),
            OptionSpec("as", value: "ROLE:ID", "Who books it (default: the logged-in user)", completion: .actor),
        ],
        examples: [
            "appointment book --on 2026-03-10T10:00 --with ana --for check-in",
            "appointment move 1 --on 2026-03-11T10:00",
            "appointment cancel 1 --reason \"client unwell\"", "appointment list",
        ],
        writes: .recordsByKind
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let workspace = interpreter.workspace
        let what = invocation.positionals[0]
        let caseID = try interpreter.caseID(invocation)
        let by = invocation.values["as"]?.text
        // Each form takes its own options; one given to another form would be lost, so it is refused.
        let takes: [String: Set<String>] = [
            "book": ["on", "with", "for", "case", "as"], "move": ["on", "case", "as"],
            "cancel": ["reason", "case", "as"], "list": ["case"],
        ]
        if let allowed = takes[what.text] {
            for (option, argument) in invocation.values.sorted(by: { $0.key < $1.key }) where !allowed.contains(option)
            {
                throw Diagnostic(
                    .invalidOption, "--\(option) does not go with appointment \(what.text); it would be lost",
                    hint: "appointment \(what.text) takes "
                        + allowed.sorted().map { "--" + $0 }.joined(separator: ", "),
                    at: argument.location)
            }
        }
        let on = try invocation.values["on"].map { (word) throws(Diagnostic) in try Interpreter.instant(word) }
        func number() throws(Diagnostic) -> Int {
            guard let word = invocation.positionals.dropFirst().first, let number = Int(word.text), number >= 1 else {
                throw Diagnostic(
                    .missingArgument, "appointment \(what.text) needs the appointment's number",
                    hint: "see them with: appointment list",
                    at: invocation.positionals.dropFirst().first?.location ?? what.location)
            }
            return number
        }
        func requiredTime() throws(Diagnostic) -> Instant {
            guard let on else {
                throw Diagnostic(
                    .missingArgument, "appointment \(what.text) needs --on TIME", hint: "e.g. --on 2026-03-10T10:00",
                    at: invocation.location)
            }
            return on
        }
        switch what.text {
        case "book":
            guard let with = invocation.values["with"] else {
                throw Diagnostic(
                    .missingArgument, "appointment book needs --with STAFF", hint: "e.g. --with ana",
                    at: invocation.location)
            }
            let purpose = try Interpreter.code(invocation.values["for"], AppointmentPurpose.self, option: "for")
            let due = try requiredTime()
            let appointment = try interpreter.core(invocation) { () throws(StepCareError) in
                try workspace.book(caseID, on: due, with: with.text, purpose: purpose ?? .session, by: by)
            }
            interpreter.output.line(
                "\(caseID): appointment \(appointment.number) (\(appointment.purpose.rawValue)) booked for "
                    + "\(appointment.due) with \(appointment.with)")
        case "move":
            let number = try number()
            let due = try requiredTime()
            try interpreter.core(invocation) { () throws(StepCareError) in
                try workspace.reschedule(number, on: caseID, to: due, by: by)
            }
            interpreter.output.line("\(caseID): appointment \(number) moved to \(due)")
        case "cancel":
            let number = try number()
            try interpreter.core(invocation) { () throws(StepCareError) in
                try workspace.cancel(number, on: caseID, reason: invocation.values["reason"]?.text, by: by)
            }
            interpreter.output.line("\(caseID): appointment \(number) cancelled")
        case "list":
            try interpreter.recordAccess(invocation, client: caseID)
            let appointments = workspace.monitor(caseID)?.state.appointments ?? []
            guard !appointments.isEmpty else {
                interpreter.output.line("\(caseID): no appointments booked")
                return
            }
            for status in appointments {
                let appointment = status.appointment
                let state =
                    status.isCancelled
                    ? "cancelled"
                    : status.closedAtDischarge
                        ? "closed at discharge"
                        : status.kept.map { $0 ? "attended" : "no-show" }
                            ?? (appointment.due < workspace.now ? "NOT RECORDED" : "booked")
                interpreter.output.line(
                    "  \(appointment.number)  \(appointment.due)  \(appointment.purpose.rawValue) with "
                        + "\(appointment.with)  \(state)")
            }
        default:
            throw Diagnostic(
                .invalidOption, "appointment takes book, move, cancel or list", hint: "e.g. appointment list",
                at: what.location)
        }
    }

    /// `team add NAME`, `team join TEAM STAFF`, `team list`.
    static let team = CommandSpec(
        name: "team", abstract: "Create a team (team add NAME), put staff in it (team join TEAM STAFF), or list them",
        discussion: "Teams group staff and cases: assign --team puts a case in one, and case and worklist filter by "
            + "it. Only a logged-in clinical lead creates teams and puts staff in them. Teams belong to the "
            + "session's context, like users.",
        arguments: [
            ArgumentSpec("WHAT", "add, join or list"),
            ArgumentSpec("NAME", "the team id (add, join)", arity: .optional),
            ArgumentSpec("STAFF", "join: the member of staff", arity: .optional),
        ],
        examples: ["team add north", "team join north ana", "team list"],
        writes: .recordsByKind
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let workspace = interpreter.workspace
        let words = invocation.positionals
        switch words[0].text {
        case "list" where words.count == 1:
            guard !workspace.teams.isEmpty else {
                interpreter.output.line("no teams; a clinical lead creates one with: team add NAME")
                return
            }
            for (team, members) in workspace.teams.sorted(by: { $0.key < $1.key }) {
                interpreter.output.line(
                    "  \(team): " + (members.isEmpty ? "no members" : members.joined(separator: ", ")))
            }
        case "add" where words.count == 2:
            var bound = invocation
            bound.values["name"] = words[1]
            try interpreter.core(bound) { () throws(StepCareError) in try workspace.addTeam(words[1].text) }
            interpreter.output.line("team \(words[1].text) created")
        case "join" where words.count == 3:
            var bound = invocation
            bound.values["team"] = words[1]
            bound.values["user"] = words[2]
            try interpreter.core(bound) { () throws(StepCareError) in
                try workspace.joinTeam(words[1].text, user: words[2].text)
            }
            interpreter.output.line("\(words[2].text) joined team \(words[1].text)")
        default:
            throw Diagnostic(
                .invalidOption, "team takes add NAME, join TEAM STAFF or list", hint: "e.g. team add north",
                at: words[0].location)
        }
    }
}

extension Interpreter {
    /// The filter the list options of `case` and `worklist` give (`--owner`, `--mine`, `--team`, `--tier`,
    /// `--status`, `--search`).
    func caseFilter(_ invocation: Invocation) throws(Diagnostic) -> CaseFilter {
        var filter = CaseFilter(
            owner: invocation.values["owner"]?.text, team: invocation.values["team"]?.text,
            tier: invocation.values["tier"]?.text, search: invocation.values["search"]?.text)
        filter.status = try Self.code(invocation.values["status"], CaseFilter.Status.self, option: "status")
        if invocation.flag("mine") {
            guard let user = workspace.currentUser else {
                throw Diagnostic(
                    .invalidOption, "--mine needs a logged-in user", hint: "log in (login NAME) or give --owner STAFF",
                    at: invocation.location)
            }
            filter.owner = user.name
        }
        return filter
    }

    /// The stable code in `argument`, one of `Value`'s, or `nil` when the option was not given.
    static func code<Value: RawRepresentable & CaseIterable>(
        _ argument: CommandArgument?, _ type: Value.Type, option: String
    ) throws(Diagnostic) -> Value? where Value.RawValue == String {
        guard let argument else { return nil }
        guard let value = Value(rawValue: argument.text.lowercased()) else {
            throw Diagnostic(
                .invalidOption, "\"\(argument.text)\" is not one of the --\(option) values",
                hint: "--\(option) takes " + Value.allCases.map(\.rawValue).joined(separator: ", "),
                at: argument.location)
        }
        return value
    }
}
