public import StepCareCore
import StepCareEngine
import StepCareReports
import StepCareService

/// Reading the words care commands share (the case, roles, actors, tiers, dates and spans) and handing them to
/// the application core, whose errors come back pointed at the word they name.
extension Interpreter {
    /// The engine for the pathway in use.
    func engine(at location: SourceLocation?) throws(Diagnostic) -> Engine {
        do throws(StepCareError) { return try workspace.requireEngine() } catch {
            throw Diagnostic(error, at: location)
        }
    }

    /// Runs a call into the core, pointing any error at the word of `invocation` it names.
    @discardableResult
    func core<T>(_ invocation: Invocation, _ body: () throws(StepCareError) -> T) throws(Diagnostic) -> T {
        do throws(StepCareError) { return try body() } catch { throw Diagnostic(error, in: invocation) }
    }

    /// Records that the command reads client records (an audited act in live, which needs a login).
    func recordAccess(_ invocation: Invocation, client: String?) throws(Diagnostic) {
        try core(invocation) { () throws(StepCareError) in
            try workspace.recordAccess(invocation.spec.name, client: client)
        }
    }

    /// The case named by `--case`, or the current case.
    func caseID(_ invocation: Invocation) throws(Diagnostic) -> String {
        try core(invocation) { () throws(StepCareError) in try workspace.caseID(invocation.values["case"]?.text) }
    }

    /// The time a record or decision is dated: `--at`, or the session clock (never the future, live).
    func time(_ invocation: Invocation) throws(Diagnostic) -> Instant {
        let at = try invocation.values["at"].map { (argument) throws(Diagnostic) in try Self.instant(argument) }
        return try core(invocation) { () throws(StepCareError) in try workspace.date(at) }
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
    func role(_ argument: CommandArgument) throws(Diagnostic) -> Role {
        do throws(StepCareError) { return try workspace.role(argument.text) } catch {
            throw Diagnostic(error, at: argument.location)
        }
    }

    /// The actor named by an option such as `--as clinician:ana` or `--as ana`: a registered user in their role
    /// (or break-glass role), or someone ad hoc in training and simulation.
    func actor(_ invocation: Invocation, option: String) throws(Diagnostic) -> Actor? {
        guard let argument = invocation.values[option] else { return nil }
        return try core(invocation) { () throws(StepCareError) in
            try workspace.actor(named: argument.text, field: option)
        }
    }

    /// Who is acting: `--as`, or else the logged-in user. In a live session it must be the logged-in user.
    func requiredActor(_ invocation: Invocation) throws(Diagnostic) -> Actor {
        try core(invocation) { () throws(StepCareError) in
            try workspace.actingActor(named: invocation.values["as"]?.text)
        }
    }

    /// The tier named by `argument`.
    func tier(_ argument: CommandArgument) throws(Diagnostic) -> TierPackage {
        do throws(StepCareError) { return try workspace.tier(argument.text) } catch {
            throw Diagnostic(error, at: argument.location)
        }
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
}

extension StepCareError.Code {
    /// There is no action with the given name.
    public static let unknownAction = Self("unknown-action")
    /// An `expect` assertion did not hold.
    public static let expectationFailed = Self("expectation-failed")
}
