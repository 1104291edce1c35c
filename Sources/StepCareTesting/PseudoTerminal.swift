#if os(Linux)
    import Glibc

    /// A child process running in its own pseudo-terminal, driven by a test like a person at a keyboard.
    ///
    /// The child is a session leader whose controlling terminal is the pseudo-terminal, so the terminal's line
    /// discipline applies: `"\u{03}"` (Ctrl-C) sends it SIGINT and `isatty` is true on its standard streams.
    /// Output is kept as raw bytes, escape sequences included; match substrings of it.
    ///
    /// Use an instance from one thread at a time. If the child is still running at `deinit`, it is killed.
    public final class PseudoTerminalProcess {
        /// Why talking to the child failed.
        public struct Failure: Error, CustomStringConvertible {
            /// What went wrong, with the child's output so far where that helps.
            public var description: String
        }

        /// The child's process id.
        public let processIdentifier: Int32
        private let master: Int32
        private var received: [UInt8] = []
        /// Offset in `received` where the next `waitFor` starts looking.
        private var searchStart = 0
        private var reachedEndOfOutput = false
        private var exitStatus: Int32?

        /// Everything the child has written to the terminal so far, including echoed input.
        public var output: String { String(decoding: received, as: UTF8.self) }

        /// Starts `executable` in a new pseudo-terminal of `columns` × `rows` characters.
        ///
        /// - Parameters:
        ///   - executable: Path to the program; it is not looked up in `PATH`.
        ///   - arguments: Arguments after the program name.
        ///   - environment: The child's entire environment (for example `["TERM": "xterm"]`).
        ///   - columns: Terminal width, set with TIOCSWINSZ before the child starts.
        ///   - rows: Terminal height.
        public init(
            executable: String,
            arguments: [String],
            environment: [String: String],
            columns: UInt16 = 80,
            rows: UInt16 = 24
        ) throws {
            let libc = try HiddenLibC()
            let master = libc.posixOpenPT(O_RDWR | O_NOCTTY | O_CLOEXEC)
            guard master >= 0 else { throw Self.systemFailure("posix_openpt") }
            var spawned: pid_t = 0
            do {
                guard libc.grantPT(master) == 0 else { throw Self.systemFailure("grantpt") }
                guard libc.unlockPT(master) == 0 else { throw Self.systemFailure("unlockpt") }
                var name = [CChar](repeating: 0, count: 128)
                let nameError = libc.ptsNameR(master, &name, name.count)
                guard nameError == 0 else {
                    throw Failure(description: "ptsname_r failed: \(String(cString: strerror(nameError)))")
                }
                let slavePath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)

                var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
                guard ioctl(master, UInt(TIOCSWINSZ), &size) == 0 else { throw Self.systemFailure("ioctl(TIOCSWINSZ)") }

                var actions = posix_spawn_file_actions_t()
                posix_spawn_file_actions_init(&actions)
                defer { posix_spawn_file_actions_destroy(&actions) }
                // The child opens the slave after setsid, without O_NOCTTY, so it becomes the controlling terminal.
                posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
                posix_spawn_file_actions_adddup2(&actions, 0, 1)
                posix_spawn_file_actions_adddup2(&actions, 0, 2)
                _ = libc.addCloseFrom?(&actions, 3)  // keep the test runner's descriptors out of the child

                var attributes = posix_spawnattr_t()
                posix_spawnattr_init(&attributes)
                defer { posix_spawnattr_destroy(&attributes) }
                // Reset signal dispositions and the mask: the test runner may ignore or block SIGINT.
                var allSignals = sigset_t()
                sigfillset(&allSignals)
                var noSignals = sigset_t()
                sigemptyset(&noSignals)
                posix_spawnattr_setsigdefault(&attributes, &allSignals)
                posix_spawnattr_setsigmask(&attributes, &noSignals)
                posix_spawnattr_setflags(
                    &attributes,
                    Int16(HiddenLibC.spawnSetSID | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
                )

                let argv = [executable] + arguments
                let envp = environment.map { "\($0.key)=\($0.value)" }
                let result = Self.withCStrings(argv) { argvPointers in
                    Self.withCStrings(envp) { envPointers in
                        posix_spawn(&spawned, executable, &actions, &attributes, argvPointers, envPointers)
                    }
                }
                guard result == 0 else {
                    throw Failure(description: "posix_spawn \(executable) failed: \(String(cString: strerror(result)))")
                }
            } catch {
                close(master)
                throw error
            }
            self.master = master
            processIdentifier = spawned
            let flags = fcntl(master, F_GETFL)
            _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
        }

        deinit {
            if exitStatus == nil {
                kill(processIdentifier, SIGKILL)
                var status: Int32 = 0
                while waitpid(processIdentifier, &status, 0) == -1, errno == EINTR {}
            }
            close(master)
        }

        /// Writes `text` to the terminal as if typed: `"\r"` is Enter, `"\t"` Tab, `"\u{03}"` Ctrl-C,
        /// `"\u{04}"` Ctrl-D, `"\u{1b}[A"` the up arrow.
        public func send(_ text: String) {
            send(bytes: Array(text.utf8))
        }

        /// Writes raw bytes to the terminal, as a paste of any bytes (malformed UTF-8 included) would arrive.
        public func send(bytes raw: [UInt8]) {
            var bytes = raw[...]
            while !bytes.isEmpty {
                let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
                if written > 0 {
                    bytes = bytes.dropFirst(written)
                } else if written < 0, errno != EINTR, errno != EAGAIN {
                    return  // the child has gone; a later waitFor reports what it saw
                } else {
                    _ = readAvailable(timeout: 0.01)
                }
            }
        }

        /// Waits until the output received since the last successful wait contains `needle`.
        ///
        /// - Returns: The output from the end of the previous match through the end of this one.
        /// - Throws: `Failure`, with the output seen, if `timeout` seconds pass or the child closes the terminal.
        @discardableResult
        public func waitFor(_ needle: String, timeout: Double) throws -> String {
            let pattern = Array(needle.utf8)
            let deadline = Self.now() + timeout
            while true {
                if let range = Self.firstRange(of: pattern, in: received, from: searchStart) {
                    let matched = String(decoding: received[searchStart..<range.upperBound], as: UTF8.self)
                    searchStart = range.upperBound
                    return matched
                }
                let remaining = deadline - Self.now()
                if reachedEndOfOutput || remaining <= 0 {
                    let reason = reachedEndOfOutput ? "the child closed the terminal" : "\(timeout)s passed"
                    let seen = String(decoding: received[searchStart...], as: UTF8.self)
                    throw Failure(
                        description: "waiting for \(needle.debugDescription): \(reason); output since the last match: "
                            + seen.debugDescription
                    )
                }
                _ = readAvailable(timeout: remaining)
            }
        }

        /// Waits until the child has been asleep, with no new output, for a few milliseconds: for a REPL, until it
        /// is blocked reading the terminal.
        ///
        /// Call this before sending a signal key such as Ctrl-C. A program that notices a signal only because a
        /// blocking `read` fails with EINTR (as libedit does) misses one that arrives just before that `read`.
        /// Ordinary keys need no such wait: the terminal queues them. Reads `/proc`, so it works on Linux only.
        ///
        /// - Throws: `Failure` if the child does not settle within `timeout` seconds or exits.
        public func waitUntilIdle(timeout: Double) throws {
            let deadline = Self.now() + timeout
            var quietSamples = 0
            while quietSamples < 3 {
                let readSomething = readAvailable(timeout: 0.005)
                guard let state = processState() else {
                    throw Failure(description: "process \(processIdentifier) exited while waiting for it to be idle")
                }
                quietSamples = state == "S" && !readSomething ? quietSamples + 1 : 0
                if Self.now() > deadline {
                    throw Failure(
                        description:
                            "process \(processIdentifier) still busy (state \(state)) after \(timeout)s; output: "
                            + output.debugDescription
                    )
                }
            }
        }

        /// Whether the child has exited (reaping it if so); its status is then what ``waitForExit(timeout:)``
        /// returns.
        public var hasExited: Bool {
            guard exitStatus == nil else { return true }
            return (try? waitForExit(timeout: 0)) != nil
        }

        /// Waits for the child to exit, reading its output meanwhile.
        ///
        /// - Returns: The exit status, or 128 plus the signal number if a signal ended it.
        /// - Throws: `Failure` if it is still running after `timeout` seconds.
        public func waitForExit(timeout: Double) throws -> Int32 {
            let deadline = Self.now() + timeout
            while true {
                if let exitStatus { return exitStatus }
                var status: Int32 = 0
                let result = waitpid(processIdentifier, &status, WNOHANG)
                if result == processIdentifier {
                    let signal = status & 0x7f
                    let code = signal == 0 ? (status >> 8) & 0xff : 128 + signal
                    exitStatus = code
                    _ = readAvailable(timeout: 0)
                    return code
                }
                if result == -1, errno != EINTR { throw Self.systemFailure("waitpid") }
                let remaining = deadline - Self.now()
                if remaining <= 0 {
                    throw Failure(
                        description: "process \(processIdentifier) still running after \(timeout)s; output: "
                            + output.debugDescription
                    )
                }
                // After end of output poll returns at once, so sleep a little instead of spinning.
                if reachedEndOfOutput || !readAvailable(timeout: min(remaining, 0.05)) {
                    usleep(useconds_t(min(remaining, 0.01) * 1_000_000))
                }
            }
        }

        // MARK: - Helpers

        /// Waits up to `timeout` seconds for output and appends what is there; returns whether it read anything.
        private func readAvailable(timeout: Double) -> Bool {
            guard !reachedEndOfOutput else { return false }
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32((max(0, min(timeout, 3600)) * 1000).rounded(.up))
            let ready = poll(&descriptor, 1, milliseconds)
            guard ready > 0 else { return false }
            var buffer = [UInt8](repeating: 0, count: 4096)
            var readAny = false
            while true {
                let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
                if count > 0 {
                    received.append(contentsOf: buffer[..<count])
                    readAny = true
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    // Linux reports EIO once the last slave descriptor is closed: that is end of output.
                    reachedEndOfOutput = true
                    return readAny
                } else if errno == EAGAIN {
                    return readAny
                }
            }
        }

        /// The scheduler state of the child's main thread from `/proc/<pid>/stat` ("R", "S", "Z", ...), or nil
        /// if it has been reaped or has exited.
        private func processState() -> Character? {
            guard exitStatus == nil else { return nil }
            let descriptor = open("/proc/\(processIdentifier)/stat", O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            defer { close(descriptor) }
            var buffer = [UInt8](repeating: 0, count: 512)
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return nil }
            // The format is "pid (command) state ..."; the command may itself contain ")", so use the last one.
            guard let close = buffer[..<count].lastIndex(of: UInt8(ascii: ")")), close + 2 < count else { return nil }
            let state = Character(Unicode.Scalar(buffer[close + 2]))
            return state == "Z" || state == "X" ? nil : state
        }

        private static func firstRange(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Range<Int>? {
            guard !pattern.isEmpty else { return start..<start }
            guard bytes.count - start >= pattern.count else { return nil }
            for offset in start...(bytes.count - pattern.count)
            where bytes[offset] == pattern[0] && bytes[offset..<offset + pattern.count].elementsEqual(pattern) {
                return offset..<offset + pattern.count
            }
            return nil
        }

        /// Seconds on the monotonic clock.
        private static func now() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_MONOTONIC, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000
        }

        private static func systemFailure(_ call: String) -> Failure {
            Failure(description: "\(call) failed: \(String(cString: strerror(errno)))")
        }

        /// Calls `body` with a NULL-terminated array of C strings that live for the duration of the call.
        private static func withCStrings<Result>(
            _ strings: [String],
            _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> Result
        ) -> Result {
            let pointers = strings.map { strdup($0) } + [nil]
            defer { for pointer in pointers { free(pointer) } }
            return body(pointers)
        }
    }

    /// The glibc calls this file needs that Swift's Glibc module does not declare.
    ///
    /// Swift imports Glibc without `_XOPEN_SOURCE`/`_GNU_SOURCE`, which hides the XSI pseudo-terminal calls and
    /// the GNU spawn extensions. Looking them up by name keeps this target free of a C shim.
    private struct HiddenLibC {
        /// `POSIX_SPAWN_SETSID` from glibc's `<spawn.h>` (glibc 2.26 and later).
        static let spawnSetSID: Int32 = 0x80

        let posixOpenPT: @convention(c) (Int32) -> Int32
        let grantPT: @convention(c) (Int32) -> Int32
        let unlockPT: @convention(c) (Int32) -> Int32
        let ptsNameR: @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32
        /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34 and later), if present.
        let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32)?

        init() throws {
            let process = dlopen(nil, RTLD_NOW)  // the program and the libraries it loaded, libc included
            func lookUp<Function>(_ name: String, as type: Function.Type) -> Function? {
                dlsym(process, name).map { unsafeBitCast($0, to: type) }
            }
            guard let posixOpenPT = lookUp("posix_openpt", as: (@convention(c) (Int32) -> Int32).self),
                let grantPT = lookUp("grantpt", as: (@convention(c) (Int32) -> Int32).self),
                let unlockPT = lookUp("unlockpt", as: (@convention(c) (Int32) -> Int32).self),
                let ptsNameR = lookUp(
                    "ptsname_r",
                    as: (@convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32).self
                )
            else {
                throw PseudoTerminalProcess.Failure(
                    description: "the C library lacks posix_openpt, grantpt, unlockpt or ptsname_r"
                )
            }
            self.posixOpenPT = posixOpenPT
            self.grantPT = grantPT
            self.unlockPT = unlockPT
            self.ptsNameR = ptsNameR
            addCloseFrom = lookUp(
                "posix_spawn_file_actions_addclosefrom_np",
                as: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32).self
            )
        }
    }
#endif
