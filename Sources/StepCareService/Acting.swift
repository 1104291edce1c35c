public import StepCareCore
public import StepCareEngine
public import StepCareStore

/// Who acts, on which case, when: the access policy's questions, answered for every use case and every front end.
extension Workspace {
    /// The engine for the pathway in use.
    public func requireEngine() throws(StepCareError) -> Engine {
        guard let engine else {
            throw StepCareError(.unknownPathway, "this build registers no pathway", hint: "add a pathway module")
        }
        return engine
    }

    /// The case `id`, or the current case when `id` is `nil`.
    ///
    /// - Throws: `unknown-case` naming the field `case`.
    public func caseID(_ id: String?) throws(StepCareError) -> String {
        if let id {
            guard caseload.cases[id] == nil else { return id }
            // Ids are matched ignoring case when that names one case (c042 is C042).
            let matches = caseload.order.lazy.filter { $0.lowercased() == id.lowercased() }.prefix(2)
            if matches.count == 1, let match = matches.first { return match }
            do throws(StepCareError) { _ = try caseload.timeline(id) } catch { throw error.blaming("case") }
            return id
        }
        guard let currentCase else {
            throw StepCareError(.unknownCase, "no case is open", hint: "open one with: case new [ID]", field: "case")
        }
        return currentCase
    }

    /// Makes `id` the current case.
    public func select(case id: String) throws(StepCareError) {
        currentCase = try caseID(id)
    }

    /// When a record or decision is dated: `at`, or the session clock. A live record must fall in the window the
    /// service configures (``RecordWindow``): no later than now plus `records.clock-skew` (a record dated ahead
    /// would block every later one on the case), no earlier than now less `records.backdate-limit`.
    public func date(_ at: Instant?, field: String = "at") throws(StepCareError) -> Instant {
        guard let at else { return now }
        guard !context.policy.allowsFutureDates else { return at }
        let skew = configuration.clockSkew
        guard at <= now + skew else {
            throw StepCareError(
                .invalidOption,
                "\(at) is in the future; live records are dated when they happen (the clock reads \(now) UTC"
                    + (skew.minutes > 0 ? ", and records may be dated at most \(skew.spoken) ahead)" : ")"),
                hint: "leave out the date to use now, or give an earlier one; times are UTC, whatever the "
                    + "computer's time zone", field: field)
        }
        let limit = configuration.backdateLimit
        guard at >= now - limit else {
            throw StepCareError(
                .invalidOption,
                "\(at) is more than \(limit.spoken) before now (\(now) UTC); this service's live records may be dated back "
                    + "to \(now - limit)",
                hint: "check the date; a record older than that is not entered by date (the clinical lead sets the "
                    + "limit: configure set records.backdate-limit=SPAN)", field: field)
        }
        return at
    }

    /// The registered user `name`.
    public func registeredUser(_ name: String, field: String = "name") throws(StepCareError) -> StaffUser {
        guard let user = users[name] else {
            throw StepCareError(
                .unknownUser, "there is no user \"\(name)\" in the \(context) context",
                hint: users.isEmpty
                    ? "add one with: user add NAME --role ROLE"
                        + (context.policy.allowsAdHocActors ? ", or name someone ad hoc as ROLE:STAFF-ID" : "")
                    : "users: \(users.keys.sorted().joined(separator: ", "))",
                field: field)
        }
        return user
    }

    /// The role `id` of the pathway in use.
    public func role(_ id: String, field: String = "role") throws(StepCareError) -> Role {
        let pathway = try requireEngine().pathway
        guard let role = pathway.role(id) else {
            throw StepCareError(
                .unknownRole, "\(pathway.id) has no role \"\(id)\"",
                hint: "roles: \(pathway.roles.map(\.id).joined(separator: ", "))", field: field)
        }
        return role
    }

    /// The tier `id` of the pathway in use.
    public func tier(_ id: String, field: String = "tier") throws(StepCareError) -> TierPackage {
        let pathway = try requireEngine().pathway
        guard let tier = pathway.tier(id) else {
            throw StepCareError(
                .unknownTier, "\(pathway.id) has no tier \"\(id)\"",
                hint: "tiers: \(pathway.tiers.map(\.id).joined(separator: ", "))", field: field)
        }
        return tier
    }

    /// The person named `text`: a registered user's staff id (they act in their stored role, or their
    /// break-glass role while a grant lasts), or `ROLE:STAFF-ID` naming someone ad hoc, which only training and
    /// simulation allow.
    public func actor(named text: String, field: String) throws(StepCareError) -> Actor {
        guard text.contains(":") else { return try actor(for: try registeredUser(text, field: field), field: field) }
        guard context.policy.allowsAdHocActors else {
            throw StepCareError(
                .unknownUser, "live decisions are made by registered users, not ROLE:STAFF-ID",
                hint: "log in with: login NAME, and name co-signers by their user name", field: field)
        }
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let role = try role(parts[0], field: field)
        guard parts.count == 2, let name = parts.last, !name.isEmpty,
            name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." })
        else {
            throw StepCareError(
                .invalidOption, "--\(field) takes ROLE:STAFF-ID, e.g. \(role.id):ana",
                hint: "name the person: a staff id is letters, digits, '-', '_' or '.'", field: field)
        }
        if let user = users[name], user.role != role.id {
            throw StepCareError(
                .notAuthorised, "\(name) is a registered \(user.role), not a \(role.id)",
                hint: "name a registered user without a role (--\(field) \(name)); they act in their own role",
                field: field)
        }
        return Actor(name: name, role: role)
    }

    /// A registered user as an actor: their role, or the break-glass role while a grant lasts.
    public func actor(for user: StaffUser, field: String? = nil) throws(StepCareError) -> Actor {
        let pathway = try requireEngine().pathway
        let roleID = activeGrant(for: user.name)?.role ?? user.role
        guard let role = pathway.role(roleID) else {
            throw StepCareError(
                .unknownRole, "\(user.name)'s role \(roleID) is not a role of \(pathway.id)",
                hint: "use the pathway the user was added under (use PATHWAY)", field: field)
        }
        return Actor(name: user.name, role: role)
    }

    /// Who acts in the running use case: the person named (`as`), or else the logged-in user. In a live session
    /// it must be the logged-in user. The unit's audit entry names them.
    public func actingActor(named text: String?, field: String = "as") throws(StepCareError) -> Actor {
        let actor: Actor
        if let text {
            actor = try self.actor(named: text, field: field)
        } else if let user = currentUser {
            actor = try self.actor(for: user)
        } else {
            let roles = (try? requireEngine().pathway.roles.map(\.id).joined(separator: ", ")) ?? ""
            throw StepCareError(
                .missingArgument, "this needs to know who is acting",
                hint: !context.policy.allowsAdHocActors
                    ? "log in first: login NAME"
                    : "log in (login NAME) or add --\(field) ROLE:STAFF-ID, e.g. --\(field) clinician:ana (roles: \(roles))",
                field: field)
        }
        try authorise(actor, field: field)
        return actor
    }

    /// Checks an actor a caller built: where ad-hoc people are not allowed (live), it must be a registered user
    /// in the role they hold now, and the acting one must be the logged-in user. The unit's audit entry names
    /// the acting one.
    func authorise(_ actor: Actor, field: String, acting: Bool = true) throws(StepCareError) {
        if !context.policy.allowsAdHocActors {
            let registered = try self.actor(for: try registeredUser(actor.name, field: field), field: field)
            guard registered == actor else {
                throw StepCareError(
                    .notAuthorised, "\(actor.name) acts as \(registered.role.id), not \(actor.role.id)",
                    hint: "name the user alone; they act in their own role", field: field)
            }
        }
        guard acting else { return }
        guard context.policy.mayActForOthers || actor.name == currentUser?.name else {
            throw StepCareError(
                .notAuthorised, "in a live session you act only as yourself",
                hint: "log in as \(actor.name) to act as them, or leave out --\(field)", field: field)
        }
        if unit != nil { actedAs = actor }
    }

    /// Runs `body` as if `user` had logged in for it (scenarios with several people); the login is unchanged
    /// afterwards. A live session allows only the logged-in user.
    public func acting<T, E: Error>(
        as user: StaffUser, field: String = "name", _ body: () throws(E) -> T
    ) throws(StepCareError) -> Result<T, E> {
        guard context.policy.mayActForOthers || user.name == currentUser?.name else {
            throw StepCareError(
                .notAuthorised, "in a live session you act only as yourself",
                hint: "\(user.name) must log in to act: login \(user.name)", field: field)
        }
        let previous = currentUser
        let previousEnterer = enteredBy
        enteredBy = previous?.name ?? enteredBy
        currentUser = user
        defer {
            currentUser = previous
            enteredBy = previousEnterer
        }
        do throws(E) { return .success(try body()) } catch { return .failure(error) }
    }
}
