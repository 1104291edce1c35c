public import StepCareCore

extension StepCareError.Code {
    /// The file is not a SQLite database, or SQLite found it damaged.
    public static let storeCorrupt = Self("store-corrupt")
    /// The file is a SQLite database, but not a StepCare caseload.
    public static let storeForeign = Self("store-foreign")
    /// The caseload was written by a newer StepCare that added migrations this build does not know.
    public static let storeNewer = Self("store-newer")
    /// Another session holds the database's write lock for longer than the busy timeout.
    public static let storeLocked = Self("store-locked")
    /// The disk is full.
    public static let storeFull = Self("store-full")
    /// The operating system refused a read or write.
    public static let storeIO = Self("store-io")
    /// The database file or folder can be read by other users, or cannot be created privately.
    public static let storePermissions = Self("store-permissions")
    /// Another session changed the caseload after this one last read it.
    public static let storeConflict = Self("store-conflict")
    /// The path given for the database is a folder, a device or another special file.
    public static let storeNotAFile = Self("store-not-a-file")
    /// The caseload is on read-only media, immutable, or not writable by this user: it can be read, not changed.
    public static let storeReadOnly = Self("store-read-only")
    /// The connection's safety settings (WAL, synchronous=FULL, foreign keys, busy timeout) did not take.
    public static let storeSettings = Self("store-settings")
}

/// The words every store error ends with, so nobody wonders whether a refused change was half-kept.
let nothingSaved = "nothing from this command was saved"

extension StepCareError.Code {
    /// The audit log or the records it covers do not verify, so the store will not be upgraded.
    public static let storeTampered = Self("store-tampered")
}

extension StepCareError.Code {
    /// The folder named for the database does not exist, and creating it was not asked for.
    public static let storeFolderMissing = Self("store-folder-missing")
}

extension StepCareError.Code {
    /// `audit verify` found a problem.
    public static let auditBroken = Self("audit-broken")
}
