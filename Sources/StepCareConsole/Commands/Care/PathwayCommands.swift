import StepCareCore
import StepCareDataDefined
import StepCareEngine
import StepCareJSON
import StepCareReports
import StepCareService

extension CommandSpec {
    /// `pathways`: the registered pathways.
    static let pathways = CommandSpec(
        name: "pathways", abstract: "List the registered pathways; * marks the one in use",
        options: [OptionSpec("json", "One line of JSON per pathway (schema/stepcare-pathway-1.schema.json)")],
        examples: ["pathways", "pathways --json"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let current = interpreter.workspace.engine?.pathway.id
        for pathway in interpreter.registry.pathways {
            if invocation.flag("json") {
                interpreter.output.line(PathwayJSON.listed(pathway, inUse: pathway.id == current))
                continue
            }
            let marker = pathway.id == current ? "*" : " "
            interpreter.output.line(
                "\(marker) \(pathway.id.padding(to: 24)) v\(pathway.version)  "
                    + "\(pathway.tiers.map(\.id).joined(separator: ", "))  \(pathway.name)")
        }
    }

    /// `use PATHWAY`: switch pathway.
    static let use = CommandSpec(
        name: "use", abstract: "Switch to another registered pathway (before any case is opened)",
        arguments: [ArgumentSpec("PATHWAY", "the pathway id", completion: .pathway)],
        examples: ["use talking-therapies"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let argument = invocation.positionals[0]
        let pathway: Pathway
        do throws(StepCareError) {
            pathway = try interpreter.registry.pathway(argument.text)
        } catch {
            throw Diagnostic(error, at: argument.location)
        }
        do throws(StepCareError) { try interpreter.workspace.use(pathway) } catch {
            throw Diagnostic(error, at: argument.location)
        }
        interpreter.output.line("using \(pathway.id) v\(pathway.version): \(pathway.name)")
    }

    /// `pathway [--parameters]`: describe the pathway in use.
    static let pathway = CommandSpec(
        name: "pathway",
        abstract: "Describe the pathway in use: tiers, entry and exclusion criteria, rules, parameters",
        options: [
            OptionSpec("parameters", "List only the named parameters, with their sources"),
            OptionSpec("json", "Print the pathway as one line of JSON (schema/stepcare-pathway-1.schema.json)"),
            OptionSpec(
                "definition",
                "Print the pathway, as configured, in the definition format a service can edit and load "
                    + "(docs/pathway-as-data.md)"),
        ],
        examples: ["pathway", "pathway --parameters", "pathway --json", "pathway --definition > my-pathway.json"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let pathway = try interpreter.engine(at: invocation.location).pathway
        guard !invocation.flag("json") else { return interpreter.output.line(PathwayJSON.described(pathway)) }
        guard !invocation.flag("definition") else {
            return interpreter.output.line(DataDefinedPathway.definition(pathway).serialized)
        }
        let text = invocation.flag("parameters") ? PathwaySheet.parameters(pathway) : PathwaySheet.text(pathway)
        interpreter.output.write(text)
    }

    /// `capacity`: slots, rapid-access slots and waitlists.
    static let capacity = CommandSpec(
        name: "capacity", abstract: "Show each tier's slots, reserved rapid-access slots and waitlist",
        options: [
            OptionSpec("at", value: "DATE", "As of this time (default: the session clock)"),
            OptionSpec("json", "Print one line of JSON (schema/stepcare-capacity-1.schema.json)"),
        ],
        examples: ["capacity", "capacity --json"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let engine = try interpreter.engine(at: invocation.location)
        let now = try interpreter.time(invocation)
        try interpreter.recordAccess(invocation, client: nil)  // the waitlists name cases
        if invocation.flag("json") {
            interpreter.output.line(
                EvaluationJSON.line(engine.capacity(interpreter.workspace.caseload, asOf: now), asOf: now))
            return
        }
        interpreter.output.line("capacity as of \(now):")
        for status in engine.capacity(interpreter.workspace.caseload, asOf: now) {
            let capacity = status.tier.capacity
            var line = "  \(status.tier.id.padding(to: 8)) ordinary \(status.standardUsed)/\(capacity.standardSlots)"
            line += "  rapid-access \(status.rapidAccessUsed)/\(capacity.rapidAccessSlots)"
            if status.exceptionsUsed > 0 { line += "  over capacity \(status.exceptionsUsed)" }
            line += "  waitlist " + (status.waitlist.isEmpty ? "none" : "\(status.waitlist.count)")
            interpreter.output.line(line)
            waitlistLines(status, asOf: now, interpreter).forEach(interpreter.output.line)
        }
    }

    /// The tier's waitlist, longest-waiting first, one case a line: how long it has waited and who holds it;
    /// the first 20, then how many more.
    private static func waitlistLines(
        _ status: CapacityStatus, asOf now: Instant, _ interpreter: Interpreter
    )
        -> [String]
    {
        let shown = 20
        var lines = status.waitlist.prefix(shown).enumerated().map { position, caseID in
            let monitor = interpreter.workspace.monitor(caseID)
            let since = monitor?.activeWaits.first { $0.tier == status.tier.id }?.at
            let holder = monitor?.state.assignment.map { "  " + $0.clinician + ($0.team.map { "/" + $0 } ?? "") }
            let waited = since.map { "waiting \((now - $0).days) days (since \($0))" } ?? "waiting"
            return "    \(position + 1). \(caseID)  \(waited)" + (holder ?? "")
        }
        if status.waitlist.count > shown { lines.append("    … and \(status.waitlist.count - shown) more") }
        return lines
    }
}
