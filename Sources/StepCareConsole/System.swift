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

/// Reads environment variables.
public enum Environment {
    /// The value of `name`, if set.
    @Sendable public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}

/// Reads script files.
public enum ScriptFile {
    /// The file's contents as UTF-8 text, or `nil` when it cannot be read. `-` is standard input.
    public static func read(_ path: String) -> String? {
        bytes(path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The file's bytes, or `nil` when it cannot be read. `-` is standard input, read to its end.
    public static func bytes(_ path: String) -> [UInt8]? {
        guard let file = path == "-" ? fdopen(dup(0), "rb") : fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count > 0 { bytes += chunk[0..<count] }
            if count < chunk.count { break }
        }
        guard ferror(file) == 0 else { return nil }
        return bytes
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
