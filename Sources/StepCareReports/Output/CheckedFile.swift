public import StepCareCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An output file written whole or not at all.
///
/// Text goes to a private (0600) temporary file beside the target, and every write is checked. ``finish()``
/// syncs and closes it, and reports a short write, a full disk or a failed close. ``publish()`` then moves it
/// into place: it replaces an existing file, or refuses to when the file must be new. A file that is never
/// published is removed, so a failure leaves no half-written file and the target unchanged. A target that is a
/// symbolic link, or whose folder is missing, is refused before anything is written.
public final class CheckedFile: TextOutput {
    /// The file written.
    public let path: String
    private let replacing: Bool
    private let temporary: String
    private let sink: FileDescriptorOutput
    private let descriptor: Int32
    private var state = State.writing

    private enum State { case writing, finished, published, abandoned }

    /// Starts writing `path`.
    ///
    /// - Parameter replacing: whether an existing file may be replaced (exports never replace one).
    /// - Throws: `invalidOutput` naming the fault: a symbolic link, a missing folder, an existing file that
    ///   must not be replaced, or a folder that cannot be written.
    public init(_ path: String, replacing: Bool) throws(StepCareError) {
        self.path = path
        self.replacing = replacing
        var info = stat()
        if lstat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFLNK {
                throw StepCareError(
                    .invalidOutput, "\(path) is a symbolic link; StepCare writes only to a file named directly",
                    hint: "give the path of the file itself")
            }
            if !replacing {
                throw StepCareError(
                    .invalidOutput, "\(path) already exists", hint: "give a new file name; this never overwrites a file"
                )
            }
            if info.st_mode & S_IFMT != S_IFREG {
                throw StepCareError(.invalidOutput, "\(path) is not a regular file", hint: "give a file name")
            }
        }
        let folder = Self.folder(of: path)
        var folderInfo = stat()
        guard stat(folder, &folderInfo) == 0, folderInfo.st_mode & S_IFMT == S_IFDIR else {
            throw StepCareError(
                .invalidOutput, "the folder \(folder) does not exist",
                hint: "create it first (mkdir -p \(folder)), or write somewhere else")
        }
        var template = Array((folder + "/.stepcare-output-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else {
            throw StepCareError(
                .invalidOutput, "cannot write in \(folder): \(String(cString: strerror(errno)))",
                hint: "check the folder is writable, or write somewhere else")
        }
        fchmod(descriptor, 0o600)
        self.descriptor = descriptor
        temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        sink = FileDescriptorOutput(descriptor: descriptor)
    }

    deinit { abandon() }

    public func write(_ text: String) { sink.write(text) }

    /// Writes raw bytes.
    public func write(bytes: some Sequence<UInt8>) { sink.write(bytes: bytes) }

    public func flush() { sink.flush() }

    /// Writes what is buffered, syncs the file to disk and closes it.
    ///
    /// - Throws: `writeFailed` for a short write, a full disk or a failed sync or close; the partial file is
    ///   removed.
    public func finish() throws(StepCareError) {
        guard state == .writing else { return }
        sink.flush()
        var failure = sink.failure
        if failure == nil, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == nil { failure = errno }
        state = .finished
        if let failure {
            abandon()
            throw StepCareError(
                .writeFailed,
                "writing \(path) failed (\(String(cString: strerror(failure)))); nothing was written there",
                hint: failure == ENOSPC ? "free some disk space, then run the command again" : "check the disk")
        }
    }

    /// Moves the finished file into place.
    ///
    /// - Throws: `writeFailed` when it cannot be moved, or `invalidOutput` when a file appeared at the path in
    ///   the meantime and must not be replaced; the temporary file is removed.
    public func publish() throws(StepCareError) {
        try finish()
        guard state == .finished else { return }
        let moved = replacing ? rename(temporary, path) : link(temporary, path)
        let failure = errno
        if moved != 0 {
            abandon()
            throw failure == EEXIST
                ? StepCareError(.invalidOutput, "\(path) already exists", hint: "give a new file name")
                : StepCareError(
                    .writeFailed, "\(path) could not be put in place (\(String(cString: strerror(failure))))",
                    hint: "check the folder")
        }
        if !replacing { unlink(temporary) }
        state = .published
    }

    /// Removes the unpublished file.
    public func abandon() {
        if state == .writing { close(descriptor) }
        if state == .writing || state == .finished { unlink(temporary) }
        if state != .published { state = .abandoned }
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

extension StepCareError.Code {
    /// An output path that cannot be used: a symbolic link, a missing folder, a file that must not be replaced.
    public static let invalidOutput = Self("invalid-output")
    /// An output could not be written in full (a full disk, a short write, a failed close).
    public static let writeFailed = Self("write-failed")
}
