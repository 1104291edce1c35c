public import StepCareCore
import StepCareEngine
import StepCareStore

extension Workspace {
    /// A throw-away copy of case `caseID` (the current case when `nil`) to try hypothetical events and decisions
    /// on: an in-memory training caseload holding only that case, under the same pathway and the same
    /// configuration history, with its own settable clock starting at this session's now. Nothing done there
    /// reaches this caseload; reading the case is audited as any read in live.
    ///
    /// - Throws: `unknown-case`, or `not-authorised` in live with nobody logged in.
    public func sandbox(_ caseID: String? = nil) throws(StepCareError) -> Workspace {
        try refresh()
        let id = try self.caseID(caseID)
        try recordAccess("sandbox", client: id)
        guard let timeline = caseload.cases[id] else { throw StepCareError(.unknownCase, "case \(id) is gone") }
        let copy = Workspace.memory(pathway: registeredPathway, now: now)
        try copy.perform("sandbox") { () throws(StepCareError) in
            copy.pending.configurations = configurations
            copy.configurations = configurations
            try copy.add(timeline, pathway: pathwayOfCase[id] ?? registeredPathway?.id ?? "")
        }
        try copy.applyConfiguration()
        copy.currentCase = id
        return copy
    }
}
