public import StepCareCore
import StepCareEngine
public import StepCareStore

/// Staff: users, logging in, and emergency (break-glass) access.
extension Workspace {
    /// The longest a break-glass grant may last.
    public static let longestGrant = TimeSpan(minutes: 12 * 60)

    /// Adds a member of staff in a pathway role. The first user of a context may be added by anyone and must be a
    /// clinical lead; after that only a logged-in clinical lead adds users.
    @discardableResult
    public func addUser(_ name: String, role roleID: String) throws(StepCareError) -> StaffUser {
        try perform("user add", requiresLogin: false) { () throws(StepCareError) in
            guard Self.isStaffWord(name) else {
                throw StepCareError(
                    .invalidOption, "a staff id is 1–32 letters, digits, '-', '_' or '.', starting with a letter",
                    hint: "e.g. user add ana --role clinician", field: "name")
            }
            let role = try role(roleID)
            guard users[name] == nil else {
                throw StepCareError(
                    .duplicateUser, "there is already a user \(name) in the \(context) context",
                    hint: "choose another staff id", field: "name")
            }
            if users.isEmpty {
                guard role.id == Role.clinicalLead.id else {
                    throw StepCareError(
                        .notAuthorised, "the first user of a context must be a clinical lead, who then adds the others",
                        hint: "e.g. user add raj --role clinical-lead", field: "role")
                }
                actedAs = Actor(name: name, role: role)  // the first user adds themself
            } else {
                guard let current = currentUser else {
                    throw StepCareError(
                        .notAuthorised, "only a logged-in clinical lead adds users", hint: "log in first: login NAME")
                }
                guard current.role == Role.clinicalLead.id else {
                    throw StepCareError(
                        .notAuthorised, "only a clinical lead adds users (you are \(current.role))",
                        hint: "ask a clinical lead to add the user")
                }
            }
            let user = StaffUser(name: name, role: role.id)
            add(user)
            return user
        }
    }

    /// Acts as the registered user `name` until ``logout()``; logging in is audited.
    @discardableResult
    public func login(_ name: String) throws(StepCareError) -> StaffUser {
        try perform("login", requiresLogin: false) { () throws(StepCareError) in
            let user = try registeredUser(name)
            currentUser = user
            auditEvenWithoutRecords()
            return user
        }
    }

    /// Stops acting as the logged-in user.
    public func logout() {
        currentUser = nil
    }

    /// Emergency access: the logged-in user acts as a clinical lead for `span` (1 minute to 12 hours), with a
    /// reason. Their role must hold the break-glass right; the grant and everything done under it are audited.
    @discardableResult
    public func breakGlass(
        reason: String, for span: TimeSpan = TimeSpan(minutes: 60)
    ) throws(StepCareError)
        -> BreakGlassGrant
    {
        try perform("break-glass") { () throws(StepCareError) in
            let pathway = try requireEngine().pathway
            guard let user = currentUser else {
                throw StepCareError(
                    .notAuthorised, "break-glass needs a logged-in user", hint: "log in first: login NAME")
            }
            guard !reason.allSatisfy(\.isWhitespace) else {
                throw StepCareError(
                    .missingDocumentation, "break-glass needs a reason", hint: "add --reason TEXT", field: "reason")
            }
            guard !reason.containsControlCharacters else {
                throw StepCareError(
                    .invalidOption, "the reason holds control characters", hint: "write plain text on one line",
                    field: "reason")
            }
            guard span.minutes > 0, span <= Self.longestGrant else {
                throw StepCareError(
                    .invalidOption, "a break-glass grant lasts from 1 minute to 12 hours", hint: "e.g. --for 2h",
                    field: "for")
            }
            guard let role = pathway.role(user.role) else {
                throw StepCareError(.unknownRole, "\(user.name)'s role is not a role of \(pathway.id)")
            }
            guard pathway.rights.verdict(role, .breakGlass) == .allowed else {
                throw StepCareError(
                    .notAuthorised, "\(role.id) may not break glass in \(pathway.id)",
                    hint: "ask someone with the right: who-can break-glass")
            }
            guard pathway.role(Role.clinicalLead.id) != nil else {
                throw StepCareError(.unknownRole, "\(pathway.id) has no clinical-lead role to grant")
            }
            guard role.id != Role.clinicalLead.id else {
                throw StepCareError(
                    .invalidOption, "a clinical lead already has the rights break-glass would grant",
                    hint: "act as yourself; nothing needs to be unlocked")
            }
            let grant = BreakGlassGrant(
                user: user.name, role: Role.clinicalLead.id, reason: reason, starts: now, ends: now + span)
            add(grant)
            actedAs = Actor(name: user.name, role: role)
            return grant
        }
    }

    /// Each break-glass grant with the audit entries made under it, oldest first, for review.
    public func grantReview() throws(StepCareError) -> [(grant: BreakGlassGrant, entries: [AuditEntry])] {
        let entries = try store.auditEntries(AuditFilter(context: context))
        return grants.enumerated().map { index, grant in
            let next = grants[(index + 1)...].first { $0.user == grant.user }?.sequence ?? .max
            let under = entries.filter {
                $0.user == grant.user && $0.role.hasSuffix("(break-glass)") && $0.sequence > grant.sequence
                    && $0.sequence < next
            }
            return (grant, under)
        }
    }
}
