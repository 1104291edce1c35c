public import StepCareCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a caseload lives: a file, or memory for throw-away training.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// A database file.
    case file(String)
    /// A database that lives only as long as the process.
    case memory

    /// `:memory:` for memory, anything else a path.
    public init(argument: String) {
        self = argument == ":memory:" ? .memory : .file(argument)
    }

    /// The default file: `$XDG_DATA_HOME/stepcare/caseload.sqlite`, or `~/.local/share/stepcare/caseload.sqlite`.
    ///
    /// - Parameter environment: reads a variable; injected so tests never touch the real home.
    /// - Throws: `store-folder-missing` when neither variable names an absolute folder (a caseload is never
    ///   started quietly under whatever folder the program runs in).
    public static func standard(environment: (String) -> String?) throws(StepCareError) -> StoreLocation {
        let base: String
        if let data = environment("XDG_DATA_HOME"), data.hasPrefix("/") {
            base = data
        } else if let home = environment("HOME"), home.hasPrefix("/") {
            base = home + "/.local/share"
        } else {
            throw StepCareError(
                .storeFolderMissing, "neither HOME nor XDG_DATA_HOME names a folder for the default caseload",
                hint: "give the caseload file with --db PATH, or set HOME")
        }
        return .file(base + "/stepcare/caseload.sqlite")
    }

    public var description: String {
        switch self {
        case .file(let path): path
        case .memory: ":memory:"
        }
    }
}

/// File-system care for a database file: a private folder, a private file, and a refusal to open one that
/// others can read.
enum PrivateFile {
    /// Makes sure the database's folder exists (created 0700 when missing and `createFolders` allows it) and
    /// the file exists with mode 0600, and refuses a path that is not a regular file (a folder, a device).
    static func prepare(_ path: String, createFolders: Bool) throws(StepCareError) {
        let folder = parent(of: path)
        if !exists(folder) {
            guard createFolders else {
                throw StepCareError(
                    .storeFolderMissing, "the folder \(folder) for the database does not exist",
                    hint: "check the path for a typing mistake; create the folder (mkdir -m 700 \(folder)), or add "
                        + "--create-folder to have StepCare create it")
            }
            try makeFolders(folder)
        }
        var info = stat()
        if stat(path, &info) != 0, lstat(path, &info) == 0 {
            throw StepCareError(
                .storeNotAFile, "\(path) is a symbolic link to a file that does not exist",
                hint: "give --db the caseload file itself, or remove the link")
        }
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFREG else {
                let kind = info.st_mode & S_IFMT == S_IFDIR ? "a folder" : "a device or other special file"
                throw StepCareError(
                    .storeNotAFile, "\(path) is not a regular file (it is \(kind)); a caseload is one database file",
                    hint: "give --db the path of a caseload file, or of a new file in a private folder, "
                        + "e.g. --db ~/stepcare/caseload.sqlite")
            }
            return
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StepCareError(
                .storePermissions, "cannot create the database \(path): \(reason(errno))",
                hint: "check the folder exists and is writable, or choose another file with --db PATH")
        }
        close(descriptor)
    }

    /// Refuses a database, WAL or SHM file that group or others can read or write; called once the file is known
    /// to be a StepCare caseload, so the hint never suggests changing some other file.
    static func checkPrivate(_ path: String) throws(StepCareError) {
        for file in [path, path + "-wal", path + "-shm"] {
            guard let mode = mode(of: file) else { continue }
            if mode & 0o077 != 0 {
                throw StepCareError(
                    .storePermissions,
                    "\(file) can be read or written by other users (mode \(String(mode & 0o777, radix: 8)))",
                    hint: "make it private with: chmod 600 \(file)")
            }
        }
    }

    /// Whether the process may write `path` and create files beside it (a WAL caseload needs both); `false` on
    /// read-only media, for an immutable file, or one the user may only read.
    static func isWritable(_ path: String) -> Bool {
        access(path, W_OK) == 0 && access(parent(of: path), W_OK) == 0
    }

    /// Whether `path` has a write-ahead log with content not yet in the main file.
    static func hasPendingLog(_ path: String) -> Bool {
        var info = stat()
        return stat(path + "-wal", &info) == 0 && info.st_size > 0
    }

    /// The permission bits of `path`, or `nil` when it does not exist.
    static func mode(of path: String) -> UInt32? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return UInt32(info.st_mode) & 0o7777
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Creates `folder` and any missing parents, each 0700.
    private static func makeFolders(_ folder: String) throws(StepCareError) {
        let above = parent(of: folder)
        if above != folder, !exists(above) { try makeFolders(above) }
        guard mkdir(folder, 0o700) == 0 || errno == EEXIST else {
            throw StepCareError(
                .storePermissions, "cannot create the folder \(folder): \(reason(errno))",
                hint: "create it yourself (mkdir -m 700 \(folder)) or choose another file with --db PATH")
        }
    }

    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
