public import StepCareCore
public import StepCareDataDefined
import StepCareEngine
public import StepCareStore

/// Pathways and instruments written as data, kept in the caseload: versioned, audited, and registered in every
/// later session of the context, so the next session can record with them without the file.
extension Workspace {
    /// Keeps the definition in `json` in the caseload as the next version of its id, after checking it as a
    /// session load would (every field, then the registry's checks against `registry`).
    ///
    /// - Parameters:
    ///   - actor: who keeps it; the pathway in use's decision rights must allow them `configure` alone.
    /// - Returns: what was kept, and `registry` with it in place (a previous version of it replaced).
    /// - Throws: `invalid-definition` naming the field or check, `not-authorised`, `missing-argument` for no
    ///   reason; nothing is stored.
    public func keepDefinition(
        _ kind: StoredDefinition.Kind, json: [UInt8], reason: String, by actor: Actor, registry: Registry
    ) throws(StepCareError) -> (definition: StoredDefinition, registry: Registry) {
        try perform("keep \(kind.rawValue)") { () throws(StepCareError) in
            let reason = try requireConfigurationRight(actor, reason: reason)
            let id: String
            let updated: Registry
            switch kind {
            case .pathway:
                let pathway = try DataDefinedPathway.pathway(json: json)
                id = pathway.id
                try refuseModule(kind, id, registry)
                try refuseSameFile(kind, id, json)
                try checkSuccession(of: pathway)
                updated = try registry.replacing(pathway)
            case .instrument:
                let instrument = try DataDefinedInstrument(json: json)
                id = instrument.definition.id
                try refuseModule(kind, id, registry)
                if let previous = definitions.last(where: { $0.kind == .instrument && $0.id == id }),
                    let earlier = try? DataDefinedInstrument(json: Array(previous.body.utf8)),
                    earlier.definition.edition == instrument.definition.edition,
                    earlier.definition != instrument.definition
                {
                    throw StepCareError(
                        .invalidDefinition,
                        "instrument \(id) changed but keeps its edition \"\(instrument.definition.edition.prefix(60))\"",
                        hint: "name a new edition: administrations of the two must be told apart", field: "file")
                }
                updated = try registry.replacing(instrument)
            }
            let earlier = definitions.filter { $0.kind == kind && $0.id == id }
            let body = String(decoding: json, as: UTF8.self)
            try refuseSameFile(kind, id, json)
            let definition = StoredDefinition(
                kind: kind, id: id, version: (earlier.map(\.version).max() ?? 0) + 1, body: body, reason: reason,
                by: actor.name)
            definitions.append(definition)
            pending.definitions.append(definition)
            actedAs = actor
            return (definition, updated)
        }
    }

    /// `registry` with the latest version of every definition kept in this context added; a kept definition
    /// that no longer passes (the build's checks changed) is left out and named in `refused`.
    public func registryWithKeptDefinitions(_ registry: Registry) -> (registry: Registry, refused: [String]) {
        var registry = registry
        var refused: [String] = []
        var latest: [String: StoredDefinition] = [:]
        for definition in definitions { latest[definition.kind.rawValue + " " + definition.id] = definition }
        // Instruments first: a kept pathway may read a kept instrument.
        for definition in latest.values.sorted(by: {
            ($0.kind == .pathway ? 1 : 0, $0.id) < ($1.kind == .pathway ? 1 : 0, $1.id)
        }) {
            do throws(StepCareError) {
                switch definition.kind {
                case .instrument:
                    registry = try registry.replacing(try DataDefinedInstrument(json: Array(definition.body.utf8)))
                case .pathway:
                    registry = try registry.replacing(try DataDefinedPathway.pathway(json: Array(definition.body.utf8)))
                }
            } catch {
                refused.append("\(definition.kind.rawValue) \(definition.id) v\(definition.version): \(error.message)")
            }
        }
        return (registry, refused)
    }

    /// A new version of a kept pathway raises its `version` (so every trace tells the two apart) and keeps every
    /// tier an open case is in.
    private func checkSuccession(of pathway: Pathway) throws(StepCareError) {
        let kept = definitions.last(where: { $0.kind == .pathway && $0.id == pathway.id }).flatMap {
            try? DataDefinedPathway.pathway(json: Array($0.body.utf8))
        }
        if let earlier = kept, pathway.version <= earlier.version {
            throw StepCareError(
                .invalidDefinition,
                "pathway \(pathway.id) changed but its version \(pathway.version) is not above the kept v\(earlier.version)",
                hint: "raise \"version\" in the file: traces name it", field: "file")
        }
        let tiers = Set(pathway.tiers.map(\.id))
        var stranded: [String: Int] = [:]
        for id in caseload.order where pathwayOfCase[id] == pathway.id {
            guard let timeline = caseload.cases[id], let tier = CaseState(timeline, asOf: .latest).tier,
                !tiers.contains(tier)
            else { continue }
            stranded[tier, default: 0] += 1
        }
        guard stranded.isEmpty else {
            throw StepCareError(
                .invalidDefinition,
                "pathway \(pathway.id) would leave open cases in tiers it no longer has: "
                    + stranded.sorted { $0.key < $1.key }.map { "\($1) in \($0)" }.joined(separator: ", "),
                hint: "keep those tiers, or move or discharge the cases first", field: "file")
        }
        try checkNothingWithdrawn(
            by: pathway, replacing: kept ?? (registeredPathway?.id == pathway.id ? registeredPathway : nil))
    }

    /// A new version of a pathway must not silently withdraw a recommendation already made on an open case (a
    /// step-up demanded under the old rules is done or reported overdue, never dropped): each open case is read
    /// under both versions, with the service's configuration, and a firing the old one has outstanding that the
    /// new one lacks is refused, naming the case and rule. (A tier review may lapse, as it always may.)
    private func checkNothingWithdrawn(by pathway: Pathway, replacing old: Pathway?) throws(StepCareError) {
        guard let old else { return }
        let configuration = ServiceConfiguration(configurations.filter { $0.pathway == pathway.id }, at: now)
        guard let before = try? Engine(pathway: old.configured(configuration)),
            let after = try? Engine(pathway: pathway.configured(configuration))
        else { return }
        var withdrawn: [String] = []
        for id in caseload.order where pathwayOfCase[id] == pathway.id {
            guard let timeline = caseload.cases[id] else { continue }
            if case .discharge = timeline.events.last?.kind { continue }
            let kept = Set(
                CaseMonitor(engine: after, timeline: timeline, asOf: .latest).recommendations(asOf: now).map {
                    "\($0.ruleID) \($0.firedAt)"
                })
            for recommendation in CaseMonitor(engine: before, timeline: timeline, asOf: .latest)
                .recommendations(asOf: now)
            where recommendation.kind != .tierReview
                && !kept.contains("\(recommendation.ruleID) \(recommendation.firedAt)")
            {
                withdrawn.append("\(id) \(recommendation.ruleID) (fired \(recommendation.firedAt))")
            }
        }
        guard withdrawn.isEmpty else {
            throw StepCareError(
                .invalidDefinition,
                "pathway \(pathway.id) v\(pathway.version) would withdraw what v\(old.version) has demanded and nobody "
                    + "has done: " + withdrawn.prefix(5).joined(separator: ", ")
                    + (withdrawn.count > 5 ? " and \(withdrawn.count - 5) more" : ""),
                hint: "act on those first (they stand until done), or make the change as configuration "
                    + "(configure set), under which what fired stands", field: "file")
        }
    }

    /// Refuses keeping again the very file kept last for `id` (before any check that would blame its version).
    private func refuseSameFile(_ kind: StoredDefinition.Kind, _ id: String, _ json: [UInt8]) throws(StepCareError) {
        guard let last = definitions.last(where: { $0.kind == kind && $0.id == id }),
            last.body == String(decoding: json, as: UTF8.self)
        else { return }
        throw StepCareError(
            .invalidDefinition, "\(kind.rawValue) \(id) v\(last.version) is already this file",
            hint: "edit the definition (and its version) before keeping it again")
    }

    /// The pathway in use's `configure` right for `actor`, and the trimmed reason.
    func requireConfigurationRight(_ actor: Actor, reason: String) throws(StepCareError) -> String {
        let pathway = try requireEngine().pathway
        try authorise(actor, field: "as")
        // Break-glass is for urgent clinical decisions; governance waits for someone who holds the right.
        if let grant = activeGrant(for: actor.name), grant.role == actor.role.id, users[actor.name]?.role != grant.role
        {
            throw StepCareError(
                .notAuthorised,
                "\(actor.name) holds \(grant.role) by break-glass, which covers urgent clinical decisions, not the "
                    + "service's configuration or kept definitions",
                hint: "ask someone whose own role has the configure right", field: "as")
        }
        guard pathway.rights.verdict(actor.role, .configure) == .allowed else {
            let who = pathway.rights.rows(for: .configure).filter { $0.verdict == .allowed }.map(\.role.id)
            throw StepCareError(
                .notAuthorised, "\(actor.role.id) may not change the configuration of \(pathway.id)",
                hint: who.isEmpty ? "no role may" : "ask: " + who.joined(separator: " or "), field: "as")
        }
        let reason = String(reason.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        guard !reason.isEmpty else {
            throw StepCareError(
                .missingArgument, "a configuration change needs a reason", hint: "add --reason TEXT", field: "reason")
        }
        guard !reason.containsControlCharacters else {
            throw StepCareError(
                .invalidOption, "the reason holds control characters (a terminal could be made to misread them)",
                hint: "write plain text on one line", field: "reason")
        }
        guard reason.count <= Self.longestConfigurationReason else {
            throw StepCareError(
                .invalidOption, "the reason is longer than \(Self.longestConfigurationReason) characters",
                hint: "say it in a sentence or two", field: "reason")
        }
        return reason
    }

    /// Refuses an id that a compiled module (not a kept definition) registers.
    private func refuseModule(_ kind: StoredDefinition.Kind, _ id: String, _ registry: Registry) throws(StepCareError) {
        let kept = definitions.contains { $0.kind == kind && $0.id == id }
        let registered =
            kind == .pathway
            ? registry.pathways.contains { $0.id == id } : registry.instruments.contains { $0.definition.id == id }
        guard !registered || kept else {
            throw StepCareError(
                .invalidDefinition, "\(kind.rawValue) \(id) is a module of this build",
                hint: "give the definition its own id: a service's \(kind.rawValue) is not the module it started from")
        }
    }
}

extension Registry {
    /// This registry with `pathway` in place of any pathway with its id, every pathway check applied.
    ///
    /// - Throws: `invalid-definition` naming the failed check.
    public func replacing(_ pathway: Pathway) throws(StepCareError) -> Registry {
        do {
            return try Registry(instruments: instruments, pathways: pathways.filter { $0.id != pathway.id } + [pathway])
        } catch {
            throw StepCareError(
                .invalidDefinition,
                "pathway \"\(error.id)\" failed check \(error.check): " + error.problems.joined(separator: "; "),
                hint: "fix the definition; docs/pathway-guide.md explains each check")
        }
    }

    /// This registry with `instrument` in place of any instrument with its id, every check applied.
    ///
    /// - Throws: `invalid-definition` naming the failed check.
    public func replacing(_ instrument: any Instrument) throws(StepCareError) -> Registry {
        let id = instrument.definition.id
        try refuseImitation(instrument.definition)
        do {
            return try Registry(
                instruments: instruments.filter { $0.definition.id != id } + [instrument], pathways: pathways)
        } catch {
            throw StepCareError(
                .invalidDefinition,
                "instrument \"\(error.id)\" failed check \(error.check): " + error.problems.joined(separator: "; "),
                hint: "fix the definition; docs/implementing-an-instrument.md explains each check")
        }
    }
}
