import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A progress bar on standard error for long runs, drawn only when standard error is a terminal.
package final class ProgressBar: Sendable {
    private let total: Int
    private let unit: String
    private let drawn = Mutex<Int>(-1)
    private let enabled: Bool

    /// A bar for `total` steps of `unit`; shown only for more than one step on a terminal.
    package init(total: Int, unit: String) {
        self.total = total
        self.unit = unit
        enabled = total > 1 && isatty(2) == 1
    }

    /// Records that `done` steps are finished (safe from any thread).
    @Sendable package func report(_ done: Int) {
        guard enabled else { return }
        drawn.withLock { last in
            let width = 30
            let filled = done * width / total
            guard done > last else { return }
            last = done
            let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
            Self.write("\r[\(bar)] \(done)/\(total) \(unit)")
        }
    }

    /// Clears the bar's line.
    package func finish() {
        guard enabled else { return }
        Self.write("\r" + String(repeating: " ", count: 60 + unit.count) + "\r")
    }

    private static func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { buffer in
            #if canImport(Glibc)
                Glibc.write(2, buffer.baseAddress, buffer.count)
            #else
                Darwin.write(2, buffer.baseAddress, buffer.count)
            #endif
        }
    }
}
