public import StepCareCore
import StepCareEngine
import StepCareStore

/// The exit statuses of `stepcare` and its scripts, so a caller can tell what to do next: fix the input, accept
/// the refusal, retry later, or investigate the store. docs/commands.md lists them.
public enum ExitStatus {
    /// Everything ran.
    public static let success: Int32 = 0
    /// Bad input: a command, option, value, script or file; or a script's `expect` did not hold. Fix and rerun.
    public static let badInput: Int32 = 1
    /// The pathway refused a decision: rights, co-signature, documentation, an open risk flag, or the move itself.
    public static let refused: Int32 = 2
    /// The store is locked by, or was changed by, another session. Nothing was saved: run it again shortly.
    public static let retry: Int32 = 3
    /// `audit verify` found a problem, or the store is damaged, tampered with, foreign or from a newer StepCare.
    public static let integrity: Int32 = 4
    /// Storage or output failed: a full disk, an I/O error, a file or folder that cannot be written.
    public static let io: Int32 = 5
    /// The command line itself is malformed (ArgumentParser's usage error).
    public static let usage: Int32 = 64
    /// A built-in definition is invalid: a defect in this build.
    public static let internalError: Int32 = 70

    /// The status for an error with `code`.
    public static func of(_ code: StepCareError.Code) -> Int32 {
        switch code {
        case .notAuthorised, .coSignRequired, .missingDocumentation, .openRiskFlag, .invalidMove: refused
        case .storeLocked, .storeConflict: retry
        case .auditBroken, .storeCorrupt, .storeTampered, .storeForeign, .storeNewer, .storeSettings: integrity
        case .storeFull, .storeIO, .storePermissions, .storeFolderMissing, .storeNotAFile, .storeReadOnly, .writeFailed,
            .io:
            io
        default: badInput
        }
    }
}

extension StepCareError.Code {
    /// A file could not be read or written.
    public static let io = Self("io")
}
