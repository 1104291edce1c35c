/// What a session in a context may do, in one place: the rules that keep live records real.
///
/// Live records are made by a logged-in user, as themselves, on the real clock, dated when things happen, and
/// never imported. Training and simulation sessions may name people ad hoc (`--as clinician:ana`), set the
/// clock, date records freely and import exports of their own context. Every front end asks this policy; none
/// repeats the rules.
public struct AccessPolicy: Sendable, Hashable {
    /// The context the policy is for.
    public let context: RecordContext

    /// The policy of `context`.
    public init(_ context: RecordContext) { self.context = context }

    /// Whether a command that changes records needs a logged-in user.
    public var changesNeedLogin: Bool { context == .live }

    /// Whether a user may act as someone else (`as NAME …`, `--as NAME`).
    public var mayActForOthers: Bool { context != .live }

    /// Whether people may be named ad hoc as `ROLE:STAFF-ID` rather than as registered users.
    public var allowsAdHocActors: Bool { context != .live }

    /// Whether a record may be dated after the session clock.
    public var allowsFutureDates: Bool { context != .live }

    /// Whether the session clock may be set (`today`, `advance`); otherwise it is the real time.
    public var clockIsSettable: Bool { context != .live }

    /// Whether cases may be imported from an export (of the same context only).
    public var allowsImport: Bool { context != .live }
}

extension RecordContext {
    /// The access policy of sessions in this context.
    public var policy: AccessPolicy { AccessPolicy(self) }
}
