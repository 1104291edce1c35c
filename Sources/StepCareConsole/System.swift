public import StepCareCore
import StepCareReports

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the REPL keeps its history.
public enum HistoryFile {
    /// `$XDG_STATE_HOME/stepcare/history`, else `~/.local/state/stepcare/history`; `nil` when neither is known.
    ///
    /// `STEPCARE_HISTORY` overrides the path (an empty value turns history off).
    public static func path(environment: (String) -> String? = Environment.value) -> String? {
        if let explicit = environment("STEPCARE_HISTORY") { return explicit.isEmpty ? nil : explicit }
        if let state = environment("XDG_STATE_HOME"), state.hasPrefix("/") { return state + "/stepcare/history" }
        if let home = environment("HOME"), !home.isEmpty { return home + "/.local/state/stepcare/history" }
        return nil
    }
}

extension StepCareError.Code {
    /// An input path names a folder, a device or a FIFO, not a file.
    public static let notAFile = Self("not-a-file")
}

/// Reads environment variables.
public enum Environment {
    /// The value of `name`, if set.
    @Sendable public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}

/// Reads input files whole, each kind up to its limit, so that no file (or `/dev/zero`) can exhaust memory.
public enum ScriptFile {
    /// The largest script file `run` or the command line reads.
    public static let largestScript = InputLimits.scriptBytes
    /// The largest data file (`import`, `import-scores`, `score --batch`): about 25 million PHQ-9 rows.
    public static let largestData = 1 << 30

    /// The file's contents as UTF-8 text. `-` is standard input.
    ///
    /// - Throws: ``StepCareError`` (`io`) when it cannot be read, (`input-too-large`) past `limit` bytes.
    public static func read(_ path: String, atMost limit: Int = largestScript) throws(StepCareError) -> String {
        String(decoding: try bytes(path, atMost: limit), as: UTF8.self)
    }

    /// The file's bytes, at most `limit` of them. `-` is standard input, read to its end.
    ///
    /// - Throws: ``StepCareError`` (`io`) when it cannot be read, (`input-too-large`) past `limit` bytes.
    public static func bytes(_ path: String, atMost limit: Int) throws(StepCareError) -> [UInt8] {
        var info = stat()
        if path != "-", stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            // A FIFO would block until something writes to it; a device could be endless.
            throw StepCareError(
                .notAFile, "\(path) is not a regular file (a folder, a device or a FIFO)",
                hint: "give the path of a file; - reads standard input")
        }
        guard let file = path == "-" ? fdopen(dup(0), "rb") : fopen(path, "rb") else {
            throw StepCareError(.io, "cannot read \(path)", hint: "check the path and that the file is readable")
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count > 0 { bytes += chunk[0..<count] }
            guard bytes.count <= limit else {
                throw StepCareError(
                    .inputTooLarge, "\(path) is larger than \(sizeText(limit)), the most StepCare reads from one file",
                    hint: "split it into smaller files and use them one after another")
            }
            if count < chunk.count { break }
        }
        guard ferror(file) == 0 else {
            throw StepCareError(
                .io, "cannot read \(path)", hint: "check that it is a file (not a folder) and that it is readable")
        }
        return bytes
    }

    private static func sizeText(_ bytes: Int) -> String {
        bytes >= 1 << 30 ? "\(bytes >> 30) GiB" : "\(bytes >> 20) MiB"
    }
}

/// Lists directories.
public enum Directory {
    /// The names in `path` (without `.` and `..`), or `nil` when it cannot be read.
    public static func entries(_ path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
