public import StepCareCore
import StepCareEngine
import StepCareReports
import StepCareStore

/// Reading the words care commands share: the pathway in use, the case, roles, actors, tiers, dates and spans.
extension Interpreter {
    /// The engine for the pathway in use.
    func engine(at location: SourceLocation?) throws(Diagnostic) -> Engine {
        guard let engine = workspace.engine else {
            throw Diagnostic(
                .unknownPathway, "this build registers no pathway", hint: "add a pathway module", at: location)
        }
        return engine
    }

    /// The case named by `--case`, or the current case.
    func caseID(_ invocation: Invocation) throws(Diagnostic) -> String {
        if let argument = invocation.values["case"] {
            do throws(StepCareError) {
                _ = try workspace.caseload.timeline(argument.text)
            } catch {
                throw Diagnostic(error, at: argument.location)
            }
            return argument.text
        }
        guard let current = workspace.currentCase else {
            throw Diagnostic(
                .unknownCase, "no case is open", hint: "open one with: case new [ID]", at: invocation.location)
        }
        return current
    }

    /// The time a record or decision is dated: `--at`, or the session clock.
    func time(_ invocation: Invocation) throws(Diagnostic) -> Instant {
        guard let argument = invocation.values["at"] else { return workspace.now }
        return try notInTheFuture(try Self.instant(argument), at: argument.location)
    }

    /// In a live session, refuses a date after now: a future-dated record would block every later one.
    func notInTheFuture(_ instant: Instant, at location: SourceLocation?) throws(Diagnostic) -> Instant {
        guard workspace.context.policy.allowsFutureDates || instant <= workspace.now else {
            throw Diagnostic(
                .invalidOption, "\(instant) is in the future; live records are dated when they happen",
                hint: "leave out --at to use now (\(workspace.now)), or give an earlier date", at: location)
        }
        return instant
    }

    /// Parses a date or date-time word.
    static func instant(_ argument: CommandArgument) throws(Diagnostic) -> Instant {
        guard let instant = Instant(parsing: argument.text) else {
            throw Diagnostic(
                .invalidOption, "\"\(argument.text)\" is not a date",
                hint: "write YYYY-MM-DD or YYYY-MM-DDTHH:MM, e.g. 2026-01-05 or 2026-01-05T09:30", at: argument.location
            )
        }
        return instant
    }

    /// Parses a span word such as `14d`.
    static func span(_ argument: CommandArgument) throws(Diagnostic) -> TimeSpan {
        guard let span = TimeSpan(parsing: argument.text) else {
            throw Diagnostic(
                .invalidOption, "\"\(argument.text)\" is not a length of time",
                hint: "write a whole number and a unit: 30m, 48h, 14d or 4w", at: argument.location)
        }
        return span
    }

    /// The role named by `argument`.
    func role(_ argument: CommandArgument, in pathway: Pathway) throws(Diagnostic) -> Role {
        guard let role = pathway.role(argument.text) else {
            throw Diagnostic(
                .unknownRole, "\(pathway.id) has no role \"\(argument.text)\"",
                hint: "roles: \(pathway.roles.map(\.id).joined(separator: ", "))", at: argument.location)
        }
        return role
    }

    /// The actor named by an option such as `--as clinician:ana` or `--as ana`.
    ///
    /// A bare staff id names a registered user, who acts in their stored role (or their break-glass role while
    /// a grant lasts). `ROLE:STAFF-ID` names a person ad hoc, for training and simulation only: live decisions
    /// are always made by registered users.
    func actor(_ invocation: Invocation, option: String, in pathway: Pathway) throws(Diagnostic) -> Actor? {
        guard let argument = invocation.values[option] else { return nil }
        guard argument.text.contains(":") else {
            return try actor(for: try registeredUser(argument), in: pathway, at: argument.location)
        }
        guard workspace.context.policy.allowsAdHocActors else {
            throw Diagnostic(
                .unknownUser, "live decisions are made by registered users, not ROLE:STAFF-ID",
                hint: "log in with: login NAME, and name co-signers by their user name", at: argument.location)
        }
        let parts = argument.text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let role = try role(CommandArgument(parts.first ?? "", at: argument.location), in: pathway)
        guard parts.count == 2, let name = parts.last, !name.isEmpty,
            name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." })
        else {
            throw Diagnostic(
                .invalidOption, "--\(option) takes ROLE:STAFF-ID, e.g. \(role.id):ana",
                hint: "name the person: a staff id is letters, digits, '-', '_' or '.'", at: argument.location)
        }
        if let user = workspace.users[name], user.role != role.id {
            throw Diagnostic(
                .notAuthorised, "\(name) is a registered \(user.role), not a \(role.id)",
                hint: "name a registered user without a role (--\(option) \(name)); they act in their own role",
                at: argument.location)
        }
        return Actor(name: name, role: role)
    }

    /// A registered user as an actor: their role, or the break-glass role while a grant lasts.
    func actor(for user: StaffUser, in pathway: Pathway, at location: SourceLocation?) throws(Diagnostic) -> Actor {
        let roleID = workspace.activeGrant(for: user.name)?.role ?? user.role
        guard let role = pathway.role(roleID) else {
            throw Diagnostic(
                .unknownRole, "\(user.name)'s role \(roleID) is not a role of \(pathway.id)",
                hint: "use the pathway the user was added under (use PATHWAY)", at: location)
        }
        return Actor(name: user.name, role: role)
    }

    /// Who is acting: `--as`, or else the logged-in user. In a live session it must be the logged-in user.
    func requiredActor(_ invocation: Invocation, in pathway: Pathway) throws(Diagnostic) -> Actor {
        let actor: Actor
        if let named = try self.actor(invocation, option: "as", in: pathway) {
            actor = named
        } else if let user = workspace.currentUser {
            actor = try self.actor(for: user, in: pathway, at: invocation.location)
        } else {
            throw Diagnostic(
                .missingArgument, "\(invocation.spec.name) needs to know who is acting",
                hint: !workspace.context.policy.allowsAdHocActors
                    ? "log in first: login NAME"
                    : "log in (login NAME) or add --as ROLE:STAFF-ID, e.g. --as clinician:ana (roles: "
                        + pathway.roles.map(\.id).joined(separator: ", ") + ")",
                at: invocation.location)
        }
        if !workspace.context.policy.mayActForOthers, actor.name != workspace.currentUser?.name {
            throw Diagnostic(
                .notAuthorised, "in a live session you act only as yourself",
                hint: "log in as \(actor.name) to act as them, or leave out --as", at: invocation.values["as"]?.location
            )
        }
        workspace.actedAs = actor
        return actor
    }

    /// The tier named by `argument`.
    func tier(_ argument: CommandArgument, in pathway: Pathway) throws(Diagnostic) -> TierPackage {
        guard let tier = pathway.tier(argument.text) else {
            throw Diagnostic(
                .unknownTier, "\(pathway.id) has no tier \"\(argument.text)\"",
                hint: "tiers: \(pathway.tiers.map(\.id).joined(separator: ", "))", at: argument.location)
        }
        return tier
    }

    /// The action named by `argument`.
    static func action(_ argument: CommandArgument) throws(Diagnostic) -> Action {
        guard let action = Action(rawValue: argument.text.lowercased()) else {
            throw Diagnostic(
                .unknownAction, "there is no action \"\(argument.text)\"",
                hint: "actions: \(Action.allCases.map(\.rawValue).joined(separator: ", "))", at: argument.location)
        }
        return action
    }

    /// Applies a decision, storing the case only when the engine accepts it.
    func applyDecision(
        _ request: MoveRequest, to caseID: String, at location: SourceLocation?
    ) throws(Diagnostic)
        -> MoveOutcome
    {
        let engine = try engine(at: location)
        do throws(StepCareError) {
            let outcome = try engine.apply(request, to: caseID, in: workspace.caseload)
            workspace.store(outcome.timeline)
            return outcome
        } catch {
            throw Diagnostic(error, at: location)
        }
    }
}

extension StepCareError.Code {
    /// No user has the given name in the session's context.
    public static let unknownUser = Self("unknown-user")
    /// The pathway has no role with the given id.
    public static let unknownRole = Self("unknown-role")
    /// There is no action with the given name.
    public static let unknownAction = Self("unknown-action")
    /// An `expect` assertion did not hold.
    public static let expectationFailed = Self("expectation-failed")
}
