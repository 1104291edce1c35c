#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Somewhere text goes: the terminal, a file descriptor, or a string in tests.
public protocol TextOutput: AnyObject {
    /// Writes `text` (buffered).
    func write(_ text: String)
    /// Writes any buffered text.
    func flush()
}

extension TextOutput {
    /// Writes `text` and a newline.
    public func line(_ text: String = "") { write(text + "\n") }
}

/// Buffered output to a file descriptor (standard output by default).
public final class FileDescriptorOutput: TextOutput {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// The `errno` of the first write that failed (a full disk, a closed pipe); once set, nothing more is written.
    public private(set) var failure: Int32?

    /// Creates an output writing to `descriptor`.
    public init(descriptor: Int32 = 1) {
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 16)
    }

    deinit { flush() }

    public func write(_ text: String) {
        write(bytes: text.utf8)
    }

    /// Writes raw bytes.
    public func write(bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func flush() {
        guard failure == nil else {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { bytes -> Int in
                guard let base = bytes.baseAddress else { return 0 }
                #if canImport(Glibc)
                    return Glibc.write(descriptor, base + offset, bytes.count - offset)
                #else
                    return Darwin.write(descriptor, base + offset, bytes.count - offset)
                #endif
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                failure = written < 0 ? errno : ENOSPC
                break
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Output collected in a string, for tests.
public final class StringOutput: TextOutput {
    /// Everything written so far.
    public private(set) var text = ""

    /// Creates an empty output.
    public init() {}

    public func write(_ text: String) { self.text += text }
    public func flush() {}

    /// Forgets everything written.
    public func clear() { text = "" }
}
