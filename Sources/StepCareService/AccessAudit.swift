public import StepCareCore
import StepCareEngine
public import StepCareRecord
import StepCareReports

/// Reading client records in live is an audited act, and so is an attempt the pathway refused.
extension Workspace {
    /// Records that client records were read: in a live session it needs a logged-in user and writes one access
    /// entry (`read timeline`, `read dashboard`, … with the case, if one), committed before anything is shown.
    /// Training and simulation records are not audited on reading.
    ///
    /// - Parameters:
    ///   - what: the reading command, e.g. `timeline`.
    ///   - client: the case read, or `nil` for many (a list, a dashboard).
    /// - Throws: `not-authorised` with nobody logged in, or the store's error; then nothing may be shown.
    public func recordAccess(_ what: String, client: String? = nil) throws(StepCareError) {
        guard context == .live else { return }
        guard currentUser != nil else {
            throw StepCareError(
                .notAuthorised, "live records are read only by a logged-in user", hint: "log in first: login NAME")
        }
        guard unit == nil else {  // inside a command's unit: its entry records the access, named as a read
            auditEvenWithoutRecords(client: client, detail: "read " + what + (client == nil ? " (many cases)" : ""))
            if !hasPendingRecords { unit?.action = "read " + what }
            return
        }
        try perform("read " + what) { () throws(StepCareError) in
            auditEvenWithoutRecords(client: client, detail: "read " + what + (client == nil ? " (many cases)" : ""))
        }
    }

    /// Records an attempt the pathway refused (rights, co-signature, documentation, an open risk flag, the move
    /// itself) in a live session, as an audit entry `refused ACTION` naming the logged-in user, the case and the
    /// refusal's code, and never its free text. Other errors, other contexts and anonymous attempts write nothing.
    ///
    /// Call it after the refused unit was abandoned. A failure to record is returned, not thrown, so the refusal
    /// itself still reaches the person.
    @discardableResult
    public func recordRefusal(_ action: String, _ error: StepCareError, client: String?) -> StepCareError? {
        guard context == .live, currentUser != nil, unit == nil, ExitStatus.of(error.code) == ExitStatus.refused
        else { return nil }
        do throws(StepCareError) {
            try begin("refused " + action)
            auditEvenWithoutRecords(client: client, detail: "refused: \(error.code)")
            try finish()
            return nil
        } catch {
            abandon()
            return error
        }
    }
}

extension Workspace {
    /// How long after its effective time a stored event was recorded, when that is more than
    /// ``lateEntryInterval`` in a live context (training and simulation clocks are set by hand, so their
    /// recorded times say nothing); `nil` for an entry made in time.
    public func lateness(of record: EventRecord) -> TimeSpan? {
        guard context == .live, let entered = record.entered else { return nil }
        let delay = Int(entered.seconds / 60) - record.event.at.minutes
        return delay > lateEntryInterval.minutes ? TimeSpan(minutes: delay) : nil
    }
}
