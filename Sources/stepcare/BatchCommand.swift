import ArgumentParser
import StepCareConsole
import StepCareCore
import StepCareReports

#if canImport(Glibc)
    import Glibc
#endif

/// `stepcare score --batch`: reads the file, scores it and writes the output.
enum BatchCommand {
    static func run(
        file: String, instrument id: String, variant: String?, missing: String?, format: BatchScorer.Format,
        output: String?, jobs: Int, registry: Registry, errors: FileDescriptorOutput
    ) throws {
        func fail(_ message: String, hint: String?, code: StepCareError.Code = .invalidOption) -> ExitCode {
            errors.line("stepcare score: error: \(message)")
            if let hint { errors.line("hint: \(hint)") }
            errors.flush()
            return ExitCode(ExitStatus.of(code))
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
        let bytes: [UInt8]
        do throws(StepCareError) { bytes = try ScriptFile.bytes(file, atMost: ScriptFile.largestData) } catch {
            throw fail(error.message, hint: error.hint, code: error.code == .io ? .invalidOption : error.code)
        }
        var file: CheckedFile?
        if let output {
            do throws(StepCareError) { file = try CheckedFile(output, replacing: true) } catch {
                throw fail(error.message, hint: error.hint, code: error.code)
            }
        }
        let standardOutput = FileDescriptorOutput()
        let scorer = BatchScorer(instrument: instrument, missingItems: policy, format: format)
        let summary: BatchScorer.Summary
        do throws(StepCareError) {
            summary = try scorer.run(bytes, jobs: jobs) { bytes in
                if let file { file.write(bytes: bytes) } else { standardOutput.write(bytes: bytes) }
            }
            try file?.publish()
        } catch {
            throw fail(error.message, hint: error.hint, code: error.code)
        }
        standardOutput.flush()
        if let failure = standardOutput.failure {
            throw fail(
                "standard output could not be written (\(String(cString: strerror(failure))))", hint: nil,
                code: .writeFailed)
        }
        errors.line(
            "stepcare score: \(summary.rows) rows read, \(summary.errors) with errors"
                + (summary.errors > 0 ? " (see the error column)" : ""))
        errors.flush()
        if summary.errors > 0 { throw ExitCode(1) }
    }
}
