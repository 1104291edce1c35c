import StepCareCore
import StepCareEngine
import StepCareReports
import StepCareService

extension CommandSpec {
    /// `configure show | set NAME=VALUE… | history`: the service's configuration of the pathway in use.
    static let configure = CommandSpec(
        name: "configure",
        abstract: "Show or change the service's configuration: slots, surge capacity, thresholds, windows, deadlines",
        discussion: "A service sets its own values for the pathway's named parameters (pathway --parameters lists "
            + "them with their sources) and each tier's slots, without a rebuild. A change needs the pathway's "
            + "configure right (the clinical lead), a reason, and takes effect now or from --effective; it is "
            + "audited and kept in the caseload as a new version, and every later recommendation names the version "
            + "it was made under. Settings: a parameter id (step-up-window=14d, step-up-crisis-contacts=3, "
            + "engagement-attendance=80%), TIER.slots=N, TIER.rapid-access-slots=N, and TIER.surge=N with --until "
            + "DATE for temporary extra slots (TIER.surge=0 ends a surge), and ACTION.documentation or "
            + "ACTION.to-TIER.documentation for what a decision needs on record (step-up.to-tier-3.documentation="
            + "structured-review,supervisor-consult,safety-plan), and the window live records may be dated in: "
            + "records.backdate-limit=SPAN (default 30d) and records.clock-skew=SPAN (default 0, at most 15m). "
            + "Every value must pass the checks the registry applies to the pathway.",
        arguments: [
            ArgumentSpec("WHAT", "show (the default), set, or history", arity: .optional),
            ArgumentSpec("SETTING", "set: NAME=VALUE, one or more", arity: .zeroOrMore),
        ],
        options: [
            OptionSpec("reason", value: "TEXT", "Why the configuration changes (required to set)"),
            OptionSpec("effective", value: "DATE", "When the change takes effect (default: now)"),
            OptionSpec("until", value: "DATE", "When surge slots end"),
            OptionSpec(
                "as", value: "ROLE:ID", "Who changes it (training; live uses the logged-in user)", completion: .actor),
        ],
        examples: [
            "configure", "configure set tier-3.slots=10 --reason \"second psychiatrist from January\"",
            "configure set tier-3.surge=2 --until 2027-03-01 --reason \"winter pressure\"",
            "configure set step-up-window=14d --effective 2027-02-01 --reason \"crises cluster within a fortnight\"",
            "configure history",
        ],
        writes: .records
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let words = invocation.positionals
        let what = words.first?.text ?? "show"
        if what != "set",
            let option = ["reason", "effective", "until", "as"].first(where: { invocation.values[$0] != nil })
        {
            throw Diagnostic(
                .invalidOption, "configure \(what) takes no --\(option): only configure set changes anything",
                hint: "e.g. configure set tier-3.slots=10 --\(option) …", at: invocation.values[option]?.location)
        }
        if what == "set", let until = invocation.values["until"],
            !words.dropFirst().contains(where: { $0.text.lowercased().contains(".surge=") })
        {
            throw Diagnostic(
                .invalidOption, "--until ends surge slots only (TIER.surge=N); every other setting lasts until changed",
                hint: "for a temporary change, set it back later with its own --effective date", at: until.location)
        }
        switch what {
        case "show" where words.count <= 1:
            let engine = try interpreter.engine(at: invocation.location)
            interpreter.output.write(
                ConfigurationSheet.text(
                    engine.pathway, registered: interpreter.workspace.registeredPathway ?? engine.pathway,
                    configuration: interpreter.workspace.configuration,
                    history: interpreter.workspace.configurationHistory, asOf: interpreter.workspace.now))
        case "history" where words.count == 1:
            let history = interpreter.workspace.configurationHistory
            guard !history.isEmpty else {
                return interpreter.output.line("no configuration changes: the pathway runs on its module's defaults")
            }
            for change in history { interpreter.output.write(ConfigurationSheet.change(change)) }
        case "set":
            guard let reason = invocation.values["reason"]?.text else {
                throw Diagnostic(
                    .missingArgument, "a configuration change needs a reason",
                    hint: "add --reason TEXT", at: invocation.location)
            }
            var bound = invocation
            var settings: [(name: String, value: String)] = []
            for word in words.dropFirst() {
                guard let equals = word.text.firstIndex(of: "="), equals != word.text.startIndex else {
                    throw Diagnostic(
                        .invalidOption, "\"\(word.text)\" is not a setting",
                        hint: "write NAME=VALUE, e.g. tier-3.slots=10", at: word.location)
                }
                let name = String(word.text[..<equals])
                settings.append((name, String(word.text[word.text.index(after: equals)...])))
                bound.values[name.lowercased()] = word
            }
            let effective = try invocation.values["effective"].map { (word) throws(Diagnostic) in
                try Interpreter.instant(word)
            }
            let until = try invocation.values["until"].map { (word) throws(Diagnostic) in
                try Interpreter.instant(word)
            }
            let actor = try interpreter.requiredActor(invocation)
            let change = try interpreter.core(bound) { () throws(StepCareError) in
                try interpreter.workspace.configure(
                    settings, until: until, effective: effective, reason: reason, by: actor,
                    registry: interpreter.registry)
            }
            interpreter.output.line(
                "configuration v\(change.version) of \(change.pathway) "
                    + (change.effective > interpreter.workspace.now
                        ? "takes effect \(change.effective)" : "in force from \(change.effective)") + ": "
                    + change.settings.map(\.description).joined(separator: ", "))
        default:
            throw Diagnostic(
                .invalidOption, "configure takes show, set NAME=VALUE… or history",
                hint: "e.g. configure set tier-3.slots=10 --reason TEXT", at: words.first?.location)
        }
    }
}
