public import StepCareCore
public import StepCareDataDefined
import StepCareEngine
import StepCareReports
import StepCareService
import StepCareStore

extension CommandSpec {
    /// `load-pathway FILE`: register a pathway written as data for this session.
    static let loadPathway = CommandSpec(
        name: "load-pathway", abstract: "Load a pathway written as data (a JSON definition file) for this session",
        discussion: "Reads a pathway definition (format stepcare-pathway/1: tiers, entry and exclusion criteria, "
            + "movement rules in the condition vocabulary, decision rights, capacity and named parameters), checks "
            + "every field by name, then applies the same registry checks as to a compiled pathway module. After "
            + "loading, use ID switches to it (before any case is opened). pathway --definition prints the pathway "
            + "in use in this format, as a start. The format is in docs/pathway-as-data.md. With --keep (the "
            + "clinical lead, with a reason) the definition is also kept in the caseload as a new version, audited, "
            + "and every later session of this context registers it without the file.",
        arguments: [ArgumentSpec("FILE", "a JSON definition file", completion: .file)],
        options: keepOptions,
        examples: [
            "load-pathway Examples/pathways/north-locality.json",
            "load-pathway my-service.json --keep --reason \"our pathway, agreed at the board\"",
        ],
        writes: .records
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let file = invocation.positionals[0]
        if invocation.flag("keep") {
            let kept = try keep(.pathway, invocation, interpreter)
            // A new version of the pathway in use takes over at once, as it will in every later session.
            if interpreter.workspace.registeredPathway?.id == kept.id {
                do throws(StepCareError) {
                    try interpreter.workspace.use(try interpreter.registry.pathway(kept.id))
                } catch {
                    throw Diagnostic(error, at: file.location)
                }
                return interpreter.output.line(
                    "kept pathway \(kept.id) v\(kept.version) in the caseload; every later session registers it; "
                        + "in use now")
            }
            return interpreter.output.line(
                "kept pathway \(kept.id) v\(kept.version) in the caseload; every later session registers it; "
                    + "switch to it with: use \(kept.id)")
        }
        try refuseSessionLoadInLive("pathway", file, interpreter)
        do throws(StepCareError) {
            let pathway = try DefinitionFiles.loadPathway(file.text)
            interpreter.registry = try DefinitionFiles.register(pathway, in: interpreter.registry)
            interpreter.output.line(
                "loaded pathway \(pathway.id) v\(pathway.version): \(pathway.tiers.count) tiers, "
                    + "\(pathway.allRules.count) rules, \(pathway.parameters.count) parameters; switch to it with: use "
                    + pathway.id)
        } catch {
            throw Diagnostic(error, at: file.location)
        }
    }
}

extension CommandSpec {
    /// The options of a definition load that keeps the definition in the caseload.
    static let keepOptions = [
        OptionSpec("keep", "Also keep it in the caseload, versioned and audited, for every later session"),
        OptionSpec("reason", value: "TEXT", "Why it is kept (required with --keep)"),
        OptionSpec("as", value: "ROLE:ID", "Who keeps it (training; live uses the logged-in user)", completion: .actor),
    ]

    /// In live a definition is loaded only to be kept (by the clinical lead, audited), so nobody acts on live
    /// records under a pathway or instrument of their own making.
    static func refuseSessionLoadInLive(
        _ kind: String, _ file: CommandArgument, _ interpreter: Interpreter
    ) throws(Diagnostic) {
        guard interpreter.workspace.context == .live else { return }
        throw Diagnostic(
            .notAuthorised,
            "in live, \(kind == "instrument" ? "an" : "a") \(kind) definition is loaded only to be kept: checked, "
                + "versioned and audited in the caseload",
            hint: "load-\(kind) FILE --keep --reason TEXT (the clinical lead); or try it in a training session",
            at: file.location)
    }

    /// Keeps the definition named by the command's FILE in the caseload and registers it for the session.
    static func keep(
        _ kind: StoredDefinition.Kind, _ invocation: Invocation, _ interpreter: Interpreter
    ) throws(Diagnostic) -> StoredDefinition {
        let file = invocation.positionals[0]
        guard let reason = invocation.values["reason"]?.text else {
            throw Diagnostic(
                .missingArgument, "--keep needs a reason", hint: "add --reason TEXT", at: invocation.location)
        }
        let bytes = try interpreter.core(invocation) { () throws(StepCareError) in
            try ScriptFile.bytes(file.text, atMost: DataDefinedPathway.largestFile)
        }
        let actor = try interpreter.requiredActor(invocation)
        var bound = invocation
        bound.values["file"] = file
        let (definition, registry) = try interpreter.core(bound) { () throws(StepCareError) in
            do throws(StepCareError) {
                return try interpreter.workspace.keepDefinition(
                    kind, json: bytes, reason: reason, by: actor, registry: interpreter.registry)
            } catch {
                throw error.code == .invalidDefinition
                    ? StepCareError(error.code, "\(file.text): \(error.message)", hint: error.hint, field: "file")
                    : error
            }
        }
        interpreter.registry = registry
        return definition
    }
}

extension DefinitionFiles {
    /// The pathway defined by the JSON file at `path`.
    ///
    /// - Throws: ``StepCareError`` naming the file and the field at fault.
    public static func loadPathway(_ path: String) throws(StepCareError) -> Pathway {
        let bytes = try ScriptFile.bytes(path, atMost: DataDefinedPathway.largestFile)
        do {
            return try DataDefinedPathway.pathway(json: bytes)
        } catch {
            throw StepCareError(error.code, "\(path): \(error.message)", hint: error.hint)
        }
    }

    /// `registry` with `pathway` added (or put in place of a pathway with its id that no session is using),
    /// every pathway check applied.
    ///
    /// - Throws: ``StepCareError`` naming the failed check; `registry` is unchanged.
    public static func register(_ pathway: Pathway, in registry: Registry) throws(StepCareError) -> Registry {
        guard !registry.pathways.contains(where: { $0.id == pathway.id }) else {
            throw StepCareError(
                .invalidDefinition, "a pathway \"\(pathway.id)\" is already registered",
                hint: "give the definition its own id: a service's pathway is not the module it started from")
        }
        return try registry.replacing(pathway)
    }
}
