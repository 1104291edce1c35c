import CEditLineShim
import StepCareConsole
import StepCareCore
import StepCareDataDefined
import StepCareRecord
import StepCareRegistry
import StepCareReports
import StepCareService
import StepCareSimulation
import StepCareStore

#if canImport(Glibc)
    import Glibc
#endif

/// The input surfaces StepCare fuzzes, each with the invariants it must keep on any bytes.
///
/// A check returns normally when the program behaved, and stops the process (`preconditionFailure`) when an
/// invariant broke, so that libFuzzer records the input. The same checks replay the kept corpus and every
/// input that once failed in the ordinary test run (`FuzzCorpusTests`). `stepcare-fuzz` (built only with
/// `STEPCARE_FUZZ=1`, see docs/fuzzing.md) runs one of them under libFuzzer, chosen by `STEPCARE_FUZZ_TARGET`.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Command-language source, parsed and run statement by statement on a training caseload in memory.
    case command
    /// CSV text through `score --batch` (PHQ-9) and `import-scores`.
    case csv
    /// A data-defined instrument file (`load-instrument`, `--instruments`).
    case instrument
    /// Case records (`import`, the record schema's JSON lines).
    case caseImport = "case-import"
    /// Simulation parameters: `--set NAME=VALUE` (with sweeps) and the network model's options.
    case simulation
    /// Bytes typed or pasted at the terminal, through the line editor's checked reader.
    case lineInput = "line-input"
    /// A pathway written as data (`load-pathway`, a kept definition).
    case pathway

    /// The largest input worth trying for this target, in bytes.
    public var largestInput: Int {
        switch self {
        case .command, .simulation, .lineInput: 4_096
        case .csv, .instrument, .caseImport: 16_384
        case .pathway: 32_768
        }
    }

    /// Runs the check for this target on `bytes`.
    public func check(_ bytes: [UInt8]) {
        switch self {
        case .command: CommandFuzzing.check(String(decoding: bytes, as: UTF8.self))
        case .csv: DataFuzzing.checkCSV(bytes)
        case .instrument: DataFuzzing.checkInstrument(bytes)
        case .caseImport: DataFuzzing.checkCaseImport(String(decoding: bytes, as: UTF8.self))
        case .simulation: DataFuzzing.checkSimulation(String(decoding: bytes, as: UTF8.self))
        case .lineInput: LineInputFuzzing.check(bytes)
        case .pathway: DataFuzzing.checkPathway(bytes)
        }
    }

    /// The instruments and pathways built in, shared by every check.
    static let registry: Registry = {
        do {
            return try Registry.builtIn()
        } catch {
            preconditionFailure("the built-in registry does not load: \(error)")
        }
    }()

    /// A refusal must say what is wrong: a non-empty message and a stable code.
    static func requireExplained(_ error: StepCareError, _ surface: String) {
        precondition(!error.message.isEmpty, "\(surface): an error without a message (\(error.code))")
        precondition(!error.code.name.isEmpty, "\(surface): an error without a code")
    }

    /// A refusal must leave the stored records as they were.
    static func requireUnchanged(_ workspace: Workspace, since sequence: Int64, _ surface: String) {
        let now = try? workspace.store.lastSequence()
        precondition(now == sequence, "\(surface): a refused command changed the stored records")
    }
}

extension FuzzTarget {
    /// The target named by the environment variable `STEPCARE_FUZZ_TARGET`.
    public static let selected: FuzzTarget? = getenv("STEPCARE_FUZZ_TARGET").flatMap {
        FuzzTarget(rawValue: String(cString: $0))
    }

    /// Every target's name, for messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
