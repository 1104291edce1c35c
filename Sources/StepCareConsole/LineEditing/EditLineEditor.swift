import CEditLine
import CEditLineShim
import StepCareReports

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A line editor for terminals, built on libedit's native `<histedit.h>` API.
///
/// It uses Emacs key bindings, keeps up to 1000 unique history entries, loads them from `historyFile`
/// when created and saves them after every `addHistory(_:)`. Tab asks the completer for candidates.
/// While an instance exists, SIGINT runs a handler that does nothing, so Ctrl-C cancels the line being
/// read (`.interrupted`) instead of ending the process; the previous handler is restored in `deinit`.
/// Create at most one instance at a time, and use it from one thread.
public final class EditLineEditor: LineEditor {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyFile: String?
    private let completer: @Sendable (String) -> Completion
    /// NUL-terminated copy of the current prompt; libedit reads it through the EL_PROMPT callback.
    private var promptBuffer: UnsafeMutablePointer<CChar>?
    private var previousInterruptAction = sigaction()
    private var installedInterruptHandler = false
    private var hasUnsavedHistory = false

    /// Creates an editor on the process's standard input and output.
    ///
    /// - Parameters:
    ///   - programName: Name used to select this program's settings in `~/.editrc`.
    ///   - historyFile: File to load history from and save it to, or `nil` to keep history in memory only.
    ///     Missing parent directories are created with mode 0700, and the file is written with mode 0600.
    ///   - completer: Called on Tab with the text before the cursor.
    public init(
        programName: String,
        historyFile: String?,
        completer: @escaping @Sendable (String) -> Completion
    ) {
        guard let editLine = els_init(programName), let history = history_init() else {
            fatalError("libedit could not allocate an editor (el_init/history_init failed)")
        }
        self.editLine = editLine
        self.history = history
        self.historyFile = historyFile
        self.completer = completer
        promptBuffer = strdup("")

        elh_set_size(history, 1000)
        elh_set_unique(history, 1)
        if let historyFile { Self.loadHistory(history, from: historyFile) }

        els_set_editor(editLine, "emacs")
        els_set_signal(editLine, 1)
        els_set_history(editLine, history)
        els_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        els_set_prompt(editLine) { editLine in
            guard let editLine, let editor = EditLineEditor.instance(of: editLine) else { return nil }
            return editor.promptBuffer
        }
        els_add_function(editLine, "stepcare-complete", "Complete the word before the cursor") { editLine, _ in
            guard let editLine, let editor = EditLineEditor.instance(of: editLine) else { return UInt8(CC_ERROR) }
            return editor.complete()
        }
        els_bind(editLine, "^I", "stepcare-complete")
        el_source(editLine, nil)  // ~/.editrc, if any; a missing file is not an error
        Self.guardAgainstLibraryFaults(editLine)

        installedInterruptHandler = els_install_sigint_handler(&previousInterruptAction) == 0
    }

    deinit {
        if hasUnsavedHistory { saveHistory() }
        el_end(editLine)  // restores the terminal; the editor refers to the history, so end it first
        history_end(history)
        free(promptBuffer)
        if installedInterruptHandler { els_restore_sigint_handler(&previousInterruptAction) }
    }

    /// Keys bound away after `~/.editrc`, because libedit crashes in what they start: incremental search
    /// (Ctrl-R, Ctrl-S) on a history entry wider than the screen, and the ed-command prompt (Esc X), whose
    /// parser reads past a lone quote. Ctrl-R and Ctrl-S search the history for lines that start with what is
    /// typed instead.
    static let reboundKeys: [(key: String, command: String)] = [
        ("^R", "ed-search-prev-history"), ("^S", "ed-search-next-history"),
        ("^[x", "ed-unassigned"), ("^[X", "ed-unassigned"),
    ]

    /// Reads keys through the checked reader (see `els_use_checked_reader`) and binds away the editor
    /// features that crash libedit, after the user's own settings so that they cannot bring them back.
    private static func guardAgainstLibraryFaults(_ editLine: OpaquePointer) {
        els_use_checked_reader(editLine)
        els_set_line_limit(Int32(InputLimits.lineCharacters))
        for (key, command) in reboundKeys { els_bind(editLine, key, command) }
    }

    /// Shows `prompt` and reads one edited line.
    public func readLine(prompt: String) -> LineRead {
        free(promptBuffer)
        promptBuffer = strdup(prompt)
        els_reset_input()

        // el_gets prints the prompt before it leaves cooked mode; switch first, so keys typed as soon as the
        // prompt shows reach libedit rather than being echoed and line-buffered by the terminal driver.
        els_prepare_terminal(editLine)
        var count: Int32 = 0
        errno = 0
        guard let raw = el_gets(editLine, &count), count > 0 else {
            let interrupted = count == -1 && errno == EINTR
            els_write_stdout("\n")  // so the next prompt or message starts on a fresh line
            return interrupted ? .interrupted : .endOfInput
        }
        let length = strlen(raw)
        let hasNewline = length > 0 && raw[length - 1] == UInt8(ascii: "\n")
        let bytes = UnsafeRawBufferPointer(start: raw, count: hasNewline ? length - 1 : length)
        if els_take_dropped() > 0 { return .tooLong }
        return .line(String(decoding: bytes, as: UTF8.self))
    }

    /// Adds `line` to the history and saves the history file.
    public func addHistory(_ line: String) {
        guard !line.isEmpty else { return }
        elh_enter(history, line)
        hasUnsavedHistory = true
        saveHistory()
    }

    // MARK: - Completion

    private static func instance(of editLine: OpaquePointer) -> EditLineEditor? {
        guard let raw = els_get_clientdata(editLine) else { return nil }
        return Unmanaged<EditLineEditor>.fromOpaque(raw).takeUnretainedValue()
    }

    /// Runs the completer and edits the line; returns a libedit CC_* code.
    private func complete() -> UInt8 {
        var length = 0
        guard let start = els_text_before_cursor(editLine, &length) else { return UInt8(CC_ERROR) }
        let beforeCursor = String(decoding: UnsafeRawBufferPointer(start: start, count: length), as: UTF8.self)
        let completion = completer(beforeCursor)
        let wordStart = beforeCursor.index(
            beforeCursor.startIndex,
            offsetBy: min(max(completion.wordStart, 0), beforeCursor.count)
        )
        let typed = String(beforeCursor[wordStart...])
        let candidates = completion.candidates

        switch candidates.count {
        case 0:
            return UInt8(CC_REFRESH_BEEP)
        case 1:
            return replace(typed, with: candidates[0] + " ") ? UInt8(CC_REFRESH) : UInt8(CC_ERROR)
        default:
            let prefix = Self.longestCommonPrefix(of: candidates)
            // A longer shared prefix, or the same one in the candidates' case (c04 → C04), replaces the word.
            if prefix.count > typed.count || (prefix.count == typed.count && prefix != typed) {
                return replace(typed, with: prefix) ? UInt8(CC_REFRESH) : UInt8(CC_ERROR)
            }
            els_write_stdout(Self.columns(candidates, width: Int(els_columns(editLine))))
            return UInt8(CC_REDISPLAY)
        }
    }

    /// Replaces `typed`, the text just before the cursor, with `replacement`, keeping any shared prefix.
    private func replace(_ typed: String, with replacement: String) -> Bool {
        // libedit counts wide characters (Unicode scalars), not bytes or grapheme clusters.
        let typedScalars = Array(typed.unicodeScalars)
        let replacementScalars = Array(replacement.unicodeScalars)
        var shared = 0
        while shared < typedScalars.count, shared < replacementScalars.count,
            typedScalars[shared] == replacementScalars[shared]
        {
            shared += 1
        }
        if shared < typedScalars.count { el_deletestr(editLine, Int32(typedScalars.count - shared)) }
        var rest = String.UnicodeScalarView()
        rest.append(contentsOf: replacementScalars[shared...])
        return rest.isEmpty || el_insertstr(editLine, String(rest)) == 0
    }

    /// The longest run of `Character`s that every word starts with.
    static func longestCommonPrefix(of words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            prefix = String(zip(prefix, word).prefix { $0 == $1 }.map(\.0))
        }
        return prefix
    }

    /// Lays `words` out in columns (down, then across) on lines that start after the edited line.
    static func columns(_ words: [String], width: Int) -> String {
        let cellWidth = (words.map(\.count).max() ?? 0) + 2
        let columnCount = max(1, min(words.count, width / cellWidth))
        let rowCount = (words.count + columnCount - 1) / columnCount
        var text = "\n"
        for row in 0..<rowCount {
            var line = ""
            for column in 0..<columnCount {
                let index = column * rowCount + row
                guard index < words.count else { break }
                let word = words[index]
                line += word
                let isLastInRow = column == columnCount - 1 || index + rowCount >= words.count
                if !isLastInRow { line += String(repeating: " ", count: cellWidth - word.count) }
            }
            text += line + "\n"
        }
        return text
    }

    // MARK: - History file

    private static func loadHistory(_ history: OpaquePointer, from path: String) {
        // Only read a regular file; a symlink or device at this path is ignored rather than followed.
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return }
        elh_load(history, path)
    }

    /// Writes the history to a private temporary file beside `historyFile`, then renames it into place, so
    /// the file is never half-written and a symlink at that path is replaced rather than followed.
    private func saveHistory() {
        guard let historyFile else { return }
        let directory: String
        let name: String
        if let slash = historyFile.lastIndex(of: "/") {
            directory = slash == historyFile.startIndex ? "/" : String(historyFile[..<slash])
            name = String(historyFile[historyFile.index(after: slash)...])
        } else {
            directory = "."
            name = historyFile
        }
        Self.createPrivateDirectories(directory)

        var template = Array("\(directory)/.\(name).XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)  // mode 0600
        guard descriptor >= 0 else { return }
        let temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let file = fdopen(descriptor, "w") else {
            close(descriptor)
            unlink(temporaryPath)
            return
        }
        let written = elh_save_fp(history, file) >= 0
        let closed = fclose(file) == 0
        if written, closed, rename(temporaryPath, historyFile) == 0 {
            hasUnsavedHistory = false
        } else {
            unlink(temporaryPath)
        }
    }

    /// Creates `directory` and any missing parents with mode 0700; existing directories are left alone.
    private static func createPrivateDirectories(_ directory: String) {
        var path = directory.hasPrefix("/") ? "/" : ""
        for component in directory.split(separator: "/") {
            path += path.isEmpty || path.hasSuffix("/") ? String(component) : "/" + component
            mkdir(path, 0o700)  // EEXIST is fine; other failures surface when the file is created
        }
    }
}
