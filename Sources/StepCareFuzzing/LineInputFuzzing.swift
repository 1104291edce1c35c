import CEditLineShim

#if canImport(Glibc)
    import Glibc
#endif

/// The terminal reader's decoding (`els_decode_next`), driven from bytes instead of a terminal.
enum LineInputFuzzing {
    /// Every decoded character is a Unicode scalar the terminal can show, or a C0 control key, or U+FFFD;
    /// well-formed UTF-8 decodes to exactly its own scalars.
    static func check(_ bytes: [UInt8]) {
        _ = utf8Locale
        let decoded = decode(bytes)
        for scalar in decoded {
            precondition(Unicode.Scalar(scalar) != nil, "line-input: decoded \(scalar), which is not a Unicode scalar")
            let shown = els_shown(scalar)
            precondition(!(0x80...0x9F).contains(shown), "line-input: a C1 control got through")
            precondition(
                shown < 0x20 || shown == 0x7F || els_is_displayable(shown) != 0,
                "line-input: U+\(String(shown, radix: 16)) reaches the editor but cannot be displayed")
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            precondition(
                decoded == text.unicodeScalars.map(\.value), "line-input: well-formed UTF-8 was not decoded as itself")
        }
    }

    /// The terminal's locale as the REPL runs it (`els_init` adopts the environment's UTF-8 locale).
    private static let utf8Locale: Bool = setlocale(LC_CTYPE, "C.UTF-8") != nil

    /// The scalars the checked reader's decoder makes of `bytes`, before the display check.
    static func decode(_ bytes: [UInt8]) -> [UInt32] {
        final class Source {
            var bytes: [UInt8]
            var index = 0
            var pushedBack: [UInt8] = []
            init(_ bytes: [UInt8]) { self.bytes = bytes }
        }
        let source = Source(bytes)
        var scalars: [UInt32] = []
        let context = Unmanaged.passUnretained(source).toOpaque()
        while true {
            var status: Int32 = 0
            let scalar = els_decode_next(
                { context, byte in
                    guard let context else { return -1 }
                    let source = Unmanaged<Source>.fromOpaque(context).takeUnretainedValue()
                    if !source.pushedBack.isEmpty {
                        byte.pointee = source.pushedBack.removeFirst()
                        return 1
                    }
                    guard source.index < source.bytes.count else { return 0 }
                    byte.pointee = source.bytes[source.index]
                    source.index += 1
                    return 1
                },
                context,
                { context, byte in
                    guard let context else { return }
                    Unmanaged<Source>.fromOpaque(context).takeUnretainedValue().pushedBack.append(byte)
                },
                &status)
            guard status == 1 else { break }
            scalars.append(scalar)
        }
        return withExtendedLifetime(source) { scalars }
    }
}
