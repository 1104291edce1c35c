public import StepCareCore
import StepCareEngine
import StepCareReports
import StepCareStore

extension CommandSpec {
    /// `user add NAME --role ROLE`, `user list`.
    static let user = CommandSpec(
        name: "user", abstract: "Add a member of staff (user add NAME --role ROLE) or list them (user list)",
        discussion: "Users belong to the session's context: a training user can never act on live records. The "
            + "first user of a context may be added by anyone and should be a clinical lead; after that only a "
            + "logged-in clinical lead adds users. Decision rights are checked against the acting user's role. "
            + "StepCare names people; it does not check passwords: run it under an operating-system account that "
            + "only that person uses.",
        arguments: [
            ArgumentSpec("WHAT", "add or list"),
            ArgumentSpec("NAME", "the staff id, e.g. ana (letters, digits, '-', '_', '.')", arity: .optional),
        ],
        options: [
            OptionSpec("role", value: "ROLE", "The user's pathway role", completion: .role),
            OptionSpec("json", "list: one line of JSON per user (schema/stepcare-session-1.schema.json)"),
        ],
        examples: ["user add raj --role clinical-lead", "user add ana --role clinician", "user list"],
        writes: .recordsByKind
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let workspace = interpreter.workspace
        let what = invocation.positionals[0]
        switch what.text {
        case "list":
            if invocation.flag("json") {
                for user in workspace.users.values.sorted(by: { $0.name < $1.name }) {
                    interpreter.output.line(SessionJSON.user(user, loggedIn: user.name == workspace.currentUser?.name))
                }
                return
            }
            guard !workspace.users.isEmpty else {
                interpreter.output.line(
                    "no users in the \(workspace.context) context; add one with: user add NAME --role ROLE")
                return
            }
            for user in workspace.users.values.sorted(by: { $0.name < $1.name }) {
                let marker = user.name == workspace.currentUser?.name ? "*" : " "
                interpreter.output.line("\(marker) \(user.name)  \(user.role)")
            }
        case "add":
            let pathway = try interpreter.engine(at: invocation.location).pathway
            guard let nameArgument = invocation.positionals.dropFirst().first else {
                throw Diagnostic(
                    .missingArgument, "user add needs a staff id", hint: "e.g. user add ana --role clinician",
                    at: invocation.location)
            }
            let name = nameArgument.text
            guard (1...32).contains(name.count), name.first?.isLetter == true,
                name.allSatisfy({ ($0.isLetter || $0.isNumber || "-_.".contains($0)) && $0.isASCII })
            else {
                throw Diagnostic(
                    .invalidOption, "a staff id is 1–32 letters, digits, '-', '_' or '.', starting with a letter",
                    hint: "e.g. user add ana --role clinician", at: nameArgument.location)
            }
            guard let roleArgument = invocation.values["role"] else {
                throw Diagnostic(
                    .missingArgument, "user add needs --role ROLE",
                    hint: "roles: \(pathway.roles.map(\.id).joined(separator: ", "))", at: invocation.location)
            }
            let role = try interpreter.role(roleArgument, in: pathway)
            guard workspace.users[name] == nil else {
                throw Diagnostic(
                    .duplicateUser, "there is already a user \(name) in the \(workspace.context) context",
                    hint: "choose another staff id", at: nameArgument.location)
            }
            if workspace.users.isEmpty, role.id != Role.clinicalLead.id {
                throw Diagnostic(
                    .notAuthorised, "the first user of a context must be a clinical lead, who then adds the others",
                    hint: "e.g. user add raj --role clinical-lead", at: roleArgument.location)
            }
            if !workspace.users.isEmpty {
                guard let current = workspace.currentUser else {
                    throw Diagnostic(
                        .notAuthorised, "only a logged-in clinical lead adds users",
                        hint: "log in first: login NAME", at: invocation.location)
                }
                guard current.role == Role.clinicalLead.id else {
                    throw Diagnostic(
                        .notAuthorised, "only a clinical lead adds users (you are \(current.role))",
                        hint: "ask a clinical lead to add the user", at: invocation.location)
                }
            }
            if workspace.users.isEmpty { workspace.actedAs = Actor(name: name, role: role) }  // the first user
            workspace.add(StaffUser(name: name, role: role.id))
            interpreter.output.line("user \(name) added as \(role.id) (\(workspace.context))")
        default:
            throw Diagnostic(
                .invalidOption, "user takes add or list", hint: "e.g. user add ana --role clinician",
                at: what.location)
        }
    }

    /// `login NAME`.
    static let login = CommandSpec(
        name: "login", abstract: "Act as a registered user until logout",
        discussion: "Later commands act as this user: decisions are checked against their role and every audit "
            + "entry names them. Logging in is itself audited.",
        arguments: [ArgumentSpec("NAME", "the staff id")], examples: ["login ana"], writes: .records
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let user = try interpreter.registeredUser(invocation.positionals[0])
        interpreter.workspace.currentUser = user
        interpreter.workspace.auditsWithoutRecords = true
        interpreter.output.line("logged in as \(user.name) (\(user.role), \(interpreter.workspace.context))")
    }

    /// `logout`.
    static let logout = CommandSpec(
        name: "logout", abstract: "Stop acting as the logged-in user", examples: ["logout"]
    ) { (_: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        interpreter.workspace.currentUser = nil
        interpreter.output.line("logged out")
    }

    /// `as NAME COMMAND…`.
    static let asUser = CommandSpec(
        name: "as", abstract: "Run one command as another registered user, e.g. as lee step-up --cosign ana",
        discussion: "For scenarios with several people: the command runs as if NAME had logged in for it, and its "
            + "audit entry names them. The session's login is unchanged afterwards.",
        arguments: [
            ArgumentSpec("NAME", "the staff id"),
            ArgumentSpec("COMMAND", "the command and its words", arity: .oneOrMore),
        ],
        examples: ["as lee step-up tier-3 --cosign ana"], passesOptionsThrough: true
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let user = try interpreter.registeredUser(invocation.positionals[0])
        if !interpreter.workspace.context.policy.mayActForOthers, user.name != interpreter.workspace.currentUser?.name {
            throw Diagnostic(
                .notAuthorised, "in a live session you act only as yourself",
                hint: "\(user.name) must log in to act: login \(user.name)", at: invocation.positionals[0].location)
        }
        let words = Array(invocation.positionals.dropFirst())
        guard let name = words.first else {
            throw Diagnostic(.missingArgument, "as needs a command to run", at: invocation.location)
        }
        let previous = interpreter.workspace.currentUser
        interpreter.workspace.currentUser = user
        defer { interpreter.workspace.currentUser = previous }
        try interpreter.execute(commandNamed: name.text, arguments: Array(words.dropFirst()), at: name.location)
    }
}

extension Interpreter {
    /// The registered user named by `argument`.
    func registeredUser(_ argument: CommandArgument) throws(Diagnostic) -> StaffUser {
        guard let user = workspace.users[argument.text] else {
            throw Diagnostic(
                .unknownUser, "there is no user \"\(argument.text)\" in the \(workspace.context) context",
                hint: workspace.users.isEmpty
                    ? "add one with: user add NAME --role ROLE"
                        + (workspace.context.policy.allowsAdHocActors
                            ? ", or name someone ad hoc as ROLE:STAFF-ID" : "")
                    : "users: \(workspace.users.keys.sorted().joined(separator: ", "))",
                at: argument.location)
        }
        return user
    }
}

extension StepCareError.Code {
    /// A user with the given staff id already exists in the context.
    public static let duplicateUser = Self("duplicate-user")
}
