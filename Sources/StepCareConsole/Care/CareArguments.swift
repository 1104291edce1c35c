public import StepCareCore
import StepCareEngine

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
        return try Self.instant(argument)
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

    /// The actor named by an option such as `--as clinician:ana`: a role and a staff id, both required, so
    /// every decision names the person who made it.
    func actor(_ invocation: Invocation, option: String, in pathway: Pathway) throws(Diagnostic) -> Actor? {
        guard let argument = invocation.values[option] else { return nil }
        let parts = argument.text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let role = try role(CommandArgument(parts.first ?? "", at: argument.location), in: pathway)
        guard parts.count == 2, let name = parts.last, !name.isEmpty,
            name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." })
        else {
            throw Diagnostic(
                .invalidOption, "--\(option) takes ROLE:STAFF-ID, e.g. \(role.id):ana",
                hint: "name the person: a staff id is letters, digits, '-', '_' or '.'", at: argument.location)
        }
        return Actor(name: name, role: role)
    }

    /// The actor given with `--as`, which the command requires.
    func requiredActor(_ invocation: Invocation, in pathway: Pathway) throws(Diagnostic) -> Actor {
        guard let actor = try actor(invocation, option: "as", in: pathway) else {
            throw Diagnostic(
                .missingArgument, "\(invocation.spec.name) needs to know who is acting",
                hint: "add --as ROLE:STAFF-ID, e.g. --as clinician:ana (roles: "
                    + pathway.roles.map(\.id).joined(separator: ", ") + ")",
                at: invocation.location)
        }
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
    /// The pathway has no role with the given id.
    public static let unknownRole = Self("unknown-role")
    /// There is no action with the given name.
    public static let unknownAction = Self("unknown-action")
    /// An `expect` assertion did not hold.
    public static let expectationFailed = Self("expectation-failed")
}
