public import StepCareCore
import StepCareEngine
import StepCareStore

/// The service lead's configuration: slots, thresholds, windows and deadlines kept in the caseload, changed
/// with the pathway's right, a reason and an effective date, audited and versioned.
extension Workspace {
    /// The longest reason a configuration change keeps.
    public static let longestConfigurationReason = 500

    /// Changes the configuration of the pathway in use: each of `settings` (`name`, `value` as typed) from
    /// `effective` (now when `nil`), for `reason`. The new version must pass every check the registry applies to
    /// a pathway; from its effective time the engine runs on it and every trace names it.
    ///
    /// - Parameters:
    ///   - until: when surge slots (`TIER.surge`) end.
    ///   - actor: who changes it; the pathway's decision rights must allow them `configure` alone.
    /// - Throws: `invalid-setting` naming the setting at fault, `not-authorised`, `missing-argument` for no
    ///   reason or no setting; nothing is stored.
    @discardableResult
    public func configure(
        _ settings: [(name: String, value: String)], until: Instant? = nil, effective: Instant? = nil,
        reason: String, by actor: Actor, registry: Registry
    ) throws(StepCareError) -> ConfigurationChange {
        try perform("configure") { () throws(StepCareError) in
            guard let registered = registeredPathway else {
                throw StepCareError(.unknownPathway, "this build registers no pathway", hint: "add a pathway module")
            }
            let reason = try requireConfigurationRight(actor, reason: reason)
            let effective = effective ?? now
            guard effective >= now else {
                throw StepCareError(
                    .invalidOption, "a configuration change takes effect now or later, not \(effective)",
                    hint: "decisions already made stay under the configuration then in force; leave out --effective "
                        + "for now", field: "effective")
            }
            // A training clock set back behind the records must not reread them under a change made now.
            if clockIsSettable, let latest = caseload.cases.values.lazy.compactMap(\.lastEventAt).max(),
                effective < latest
            {
                throw StepCareError(
                    .invalidOption,
                    "records are dated up to \(latest), after \(effective): a change taking effect then would reread "
                        + "them under values nobody used at the time",
                    hint: "give --effective \(latest) or later, or move the clock on (today \(latest.date))",
                    field: "effective")
            }
            let change = ConfigurationChange(
                pathway: registered.id,
                version: (configurations.filter { $0.pathway == registered.id }.map(\.version).max() ?? 0) + 1,
                effective: effective, settings: try parse(settings, until: until, after: effective, in: registered),
                reason: reason, by: actor.name)
            try check(change, registered, registry)
            configurations.append(change)
            pending.configurations.append(change)
            actedAs = actor
            try applyConfiguration()
            return change
        }
    }

    /// Every configuration change of the pathway in use, oldest first.
    public var configurationHistory: [ConfigurationChange] {
        configurations.filter { $0.pathway == registeredPathway?.id }
    }

    /// `registered` with the configuration the service gave it that is in force now.
    public func configured(_ registered: Pathway) throws(StepCareError) -> Pathway {
        try registered.configured(ServiceConfiguration(configurations.filter { $0.pathway == registered.id }, at: now))
    }

    /// Puts the configuration in force now in place: the engine is rebuilt only when it changed (a new version
    /// took effect, or a surge ended), with one engine per version in force since the first, so each case is
    /// read under the configuration in force when each event happened (``eras``). Slots are now's in every era:
    /// rules do not read them.
    func applyConfiguration() throws(StepCareError) {
        guard let registered = registeredPathway else { return }
        let changes = configurations.filter { $0.pathway == registered.id }
        let inForce = ServiceConfiguration(changes, at: now)
        guard inForce != configuration || engine?.pathway.configurationVersion != inForce.version else { return }
        let current = Engine(pathway: try registered.configured(inForce))
        var eras: [(from: Instant, engine: Engine)] = []
        let starts = Set(changes.map(\.effective).filter { $0 <= now }).sorted()
        if !starts.isEmpty {
            for start in [Instant(minutes: .min)] + starts {
                var era = ServiceConfiguration(changes, at: start)
                era.slots = inForce.slots
                era.rapidAccessSlots = inForce.rapidAccessSlots
                era.surges = inForce.surges
                era.nextSurgeEnd = inForce.nextSurgeEnd
                eras.append((start, era == inForce ? current : Engine(pathway: try registered.configured(era))))
            }
        }
        configuration = inForce
        self.eras = eras
        engine = current
    }

    private func parse(
        _ settings: [(name: String, value: String)], until: Instant?, after effective: Instant, in pathway: Pathway
    ) throws(StepCareError) -> [ConfigurationSetting] {
        guard !settings.isEmpty else {
            throw StepCareError(
                .missingArgument, "nothing to set", hint: "write NAME=VALUE, e.g. tier-3.slots=10", field: "settings")
        }
        var parsed: [ConfigurationSetting] = []
        for (name, value) in settings {
            let setting = try ConfigurationSetting(name: name, text: value, until: until, in: pathway)
            guard !parsed.contains(where: { $0.name == setting.name }) else {
                throw StepCareError(
                    .invalidSetting, "\(setting.name) is set twice", hint: "give each setting once", field: setting.name
                )
            }
            if case .surge(_, let slots, let end) = setting, slots > 0, end <= effective {
                throw StepCareError(
                    .invalidSetting, "the surge would end (\(end)) before it takes effect (\(effective))",
                    hint: "give --until a later date", field: setting.name)
            }
            parsed.append(setting)
        }
        return parsed
    }

    /// Checks the configuration `change` puts in force, at its effective time and at every later one already
    /// stored, against the registry's pathway checks.
    private func check(
        _ change: ConfigurationChange, _ registered: Pathway, _ registry: Registry
    )
        throws(StepCareError)
    {
        let all = configurations.filter { $0.pathway == registered.id } + [change]
        let names = change.settings.map(\.name).joined(separator: ", ")
        for moment in Set([change.effective] + all.map(\.effective).filter { $0 > change.effective }) {
            let pathway = try registered.configured(ServiceConfiguration(all, at: moment))
            do throws(RegistryError) { try registry.check(pathway) } catch {
                throw StepCareError(
                    .invalidSetting,
                    "with \(names) the pathway fails its check \(error.check): "
                        + error.problems.joined(separator: "; "),
                    hint: "choose a value the check allows", field: change.settings.first?.name)
            }
        }
    }
}
