import ArgumentParser
import StepCareConsole
import StepCareCore

#if canImport(Glibc)
    import Glibc
#endif

/// `stepcare score --batch`: reads the file, scores it and writes the output.
enum BatchCommand {
    static func run(
        file: String, instrument id: String, variant: String?, missing: String?, format: BatchScorer.Format,
        output: String?, registry: Registry, errors: FileDescriptorOutput
    ) throws {
        func fail(_ message: String, hint: String?) -> ExitCode {
            errors.line("stepcare score: error: \(message)")
            if let hint { errors.line("hint: \(hint)") }
            errors.flush()
            return ExitCode(1)
        }
        let instrument: any Instrument
        do {
            instrument = try registry.instrument(id, variant: variant)
        } catch {
            throw fail(error.message, hint: error.hint)
        }
        var policy: MissingItemPolicy?
        if let missing {
            do {
                policy = try MissingItemPolicy.serviceChoice(missing, for: instrument.definition)
            } catch {
                throw fail(error.message, hint: error.hint)
            }
        }
        guard let bytes = ScriptFile.bytes(file) else {
            throw fail("cannot read \(file)", hint: "check the path and that the file is readable")
        }
        let descriptor: Int32
        if let output {
            descriptor = open(output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            guard descriptor >= 0 else { throw fail("cannot create \(output)", hint: "check the directory exists") }
        } else {
            descriptor = 1
        }
        defer { if descriptor != 1 { close(descriptor) } }
        let sink = FileDescriptorOutput(descriptor: descriptor)
        let scorer = BatchScorer(instrument: instrument, missingItems: policy, format: format)
        let summary: BatchScorer.Summary
        do {
            summary = try scorer.run(bytes) { sink.write(bytes: $0) }
        } catch {
            throw fail(error.message, hint: error.hint)
        }
        sink.flush()
        errors.line(
            "stepcare score: \(summary.rows) rows read, \(summary.errors) with errors"
                + (summary.errors > 0 ? " (see the error column)" : ""))
        errors.flush()
        if summary.errors > 0 { throw ExitCode(1) }
    }
}
