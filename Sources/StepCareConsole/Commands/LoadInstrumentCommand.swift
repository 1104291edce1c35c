public import StepCareCore
public import StepCareDataDefined
import StepCareEngine
import StepCareReports
import StepCareService
import StepCareStore

extension CommandSpec {
    /// `load-instrument FILE`: register a data-defined instrument for this session.
    static let loadInstrument = CommandSpec(
        name: "load-instrument", abstract: "Load a data-defined instrument from a JSON file for this session",
        discussion: "Reads a summed-scale definition (format stepcare-instrument/1: items, options, reversed items, "
            + "bands, cut-offs, risk items, missing-item rule, licence, citations), checks every field by name, "
            + "then applies the same registry checks as a compiled module. After loading, score, describe, "
            + "administer and outcome work with its id. The file format is in docs/implementing-an-instrument.md; "
            + "stepcare --instruments DIR loads every .json file in a directory at start-up. With --keep (the "
            + "clinical lead, with a reason) the definition is also kept in the caseload as a new version, audited, "
            + "and every later session of this context registers it without the file.",
        arguments: [ArgumentSpec("FILE", "a JSON definition file", completion: .file)],
        options: keepOptions,
        examples: [
            "load-instrument Examples/instruments/mood4.json",
            "load-instrument isi.json --keep --reason \"insomnia pathway pilot\"",
        ],
        writes: .records
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let file = invocation.positionals[0]
        if invocation.flag("keep") {
            let kept = try keep(.instrument, invocation, interpreter)
            return interpreter.output.line(
                "kept instrument \(kept.id) v\(kept.version) in the caseload; every later session registers it")
        }
        try refuseSessionLoadInLive("instrument", file, interpreter)
        do throws(StepCareError) {
            let instrument = try DefinitionFiles.load(file.text)
            interpreter.registry = try DefinitionFiles.register([instrument], in: interpreter.registry)
            let definition = instrument.definition
            interpreter.output.line(
                "loaded \(definition.id) (\(definition.shortName)): \(definition.items.count) items, total "
                    + "\(InstrumentSheet.span(definition.scoreRange)), licence \(definition.licence.status.rawValue)")
        } catch {
            throw Diagnostic(error, at: file.location)
        }
    }
}

/// Reads data-defined instrument files and adds them to a registry.
public enum DefinitionFiles {
    /// The instrument defined by the JSON file at `path`.
    ///
    /// - Throws: ``StepCareError`` naming the file and the field at fault.
    public static func load(_ path: String) throws(StepCareError) -> DataDefinedInstrument {
        let bytes = try ScriptFile.bytes(path, atMost: DataDefinedInstrument.largestFile)
        do {
            return try DataDefinedInstrument(json: bytes)
        } catch {
            throw StepCareError(error.code, "\(path): \(error.message)", hint: error.hint)
        }
    }

    /// Every `.json` definition in `directory`, in name order.
    public static func loadDirectory(_ directory: String) throws(StepCareError) -> [DataDefinedInstrument] {
        guard let names = Directory.entries(directory) else {
            throw StepCareError(.io, "cannot read the directory \(directory)", hint: "check the path")
        }
        var instruments: [DataDefinedInstrument] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            instruments.append(try load(directory + "/" + name))
        }
        return instruments
    }

    /// `registry` with `instruments` added, every registry check applied.
    ///
    /// - Throws: ``StepCareError`` naming the failed check; `registry` is unchanged.
    public static func register(
        _ instruments: [any Instrument], in registry: Registry
    ) throws(StepCareError) -> Registry {
        for instrument in instruments { try registry.refuseImitation(instrument.definition) }
        do {
            return try Registry(instruments: registry.instruments + instruments, pathways: registry.pathways)
        } catch {
            throw StepCareError(
                .invalidDefinition,
                "instrument \"\(error.id)\" failed check \(error.check): "
                    + error.problems.joined(separator: "; "),
                hint: "fix the definition; docs/implementing-an-instrument.md explains each check")
        }
    }
}
