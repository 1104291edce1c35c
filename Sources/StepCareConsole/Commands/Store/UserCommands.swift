import StepCareCore
import StepCareEngine
import StepCareReports
import StepCareService
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
            guard let nameArgument = invocation.positionals.dropFirst().first else {
                throw Diagnostic(
                    .missingArgument, "user add needs a staff id", hint: "e.g. user add ana --role clinician",
                    at: invocation.location)
            }
            guard let roleArgument = invocation.values["role"] else {
                let roles = (try? workspace.requireEngine().pathway.roles.map(\.id).joined(separator: ", ")) ?? ""
                throw Diagnostic(
                    .missingArgument, "user add needs --role ROLE", hint: "roles: \(roles)", at: invocation.location)
            }
            var bound = invocation
            bound.values["name"] = nameArgument
            let user = try interpreter.core(bound) { () throws(StepCareError) in
                try workspace.addUser(nameArgument.text, role: roleArgument.text)
            }
            interpreter.output.line("user \(user.name) added as \(user.role) (\(workspace.context))")
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
        let user = try interpreter.core(invocation) { () throws(StepCareError) in
            try interpreter.workspace.login(invocation.positionals[0].text)
        }
        interpreter.output.line("logged in as \(user.name) (\(user.role), \(interpreter.workspace.context))")
    }

    /// `logout`.
    static let logout = CommandSpec(
        name: "logout", abstract: "Stop acting as the logged-in user", examples: ["logout"]
    ) { (_: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        interpreter.workspace.logout()
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
        let words = Array(invocation.positionals.dropFirst())
        guard let name = words.first else {
            throw Diagnostic(.missingArgument, "as needs a command to run", at: invocation.location)
        }
        // Commands about who is at the keyboard cannot run as someone else: their audit entry would name a
        // person who did not act.
        // `expect refused COMMAND` runs COMMAND too, so it is checked as well.
        let wrapped =
            name.text == "expect" && words.count > 2 && words[1].text == "refused" ? words[2] : name
        if ["login", "logout", "user", "as"].contains(wrapped.text) {
            throw Diagnostic(
                .invalidOption, "as cannot run \(wrapped.text): it changes who is at the keyboard, not one act",
                hint: wrapped.text == "as" ? "name one person: as NAME COMMAND" : "run \(wrapped.text) on its own",
                at: wrapped.location)
        }
        let result = try interpreter.core(invocation) { () throws(StepCareError) in
            let user = try interpreter.workspace.registeredUser(invocation.positionals[0].text)
            return try interpreter.workspace.acting(as: user) { () throws(Diagnostic) in
                try interpreter.execute(commandNamed: name.text, arguments: Array(words.dropFirst()), at: name.location)
            }
        }
        try result.get()
    }
}
