// SHA-256 as specified in FIPS 180-4 (Secure Hash Standard, NIST, August 2015), sections 4.1.2, 4.2.2, 5.1.1,
// 5.3.3 and 6.2. Pure Swift with no dependencies, so the audit log can hash-chain its rows on every
// platform the package builds for. Written to stay fast in debug builds: the compression function works on raw
// pointers, a stack-allocated 64-word message schedule and local variables, with wrapping arithmetic throughout.

/// An incremental SHA-256 hash (FIPS 180-4).
///
/// Feed bytes with `update(_:)` as often as needed, then call `finalize()` for the 32-byte digest.
public struct SHA256: Sendable {
    /// The size of a digest in bytes.
    public static let digestByteCount = 32
    /// The size of the block the compression function consumes, in bytes.
    public static let blockByteCount = 64

    // Hash value H(i), initialised per FIPS 180-4 section 5.3.3.
    private var h0: UInt32 = 0x6a09_e667
    private var h1: UInt32 = 0xbb67_ae85
    private var h2: UInt32 = 0x3c6e_f372
    private var h3: UInt32 = 0xa54f_f53a
    private var h4: UInt32 = 0x510e_527f
    private var h5: UInt32 = 0x9b05_688c
    private var h6: UInt32 = 0x1f83_d9ab
    private var h7: UInt32 = 0x5be0_cd19
    /// A partial block waiting for more input: 64 bytes, of which `bufferedCount` are in use.
    private var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var bufferedCount = 0
    /// The message length so far, in bytes.
    private var byteCount: UInt64 = 0

    /// Creates a hash with no input yet.
    public init() {}

    /// Adds bytes to the message.
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done != nil { return }
        // Not contiguous: gather into fixed chunks so the hot path still sees raw memory.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1024) { chunk in
            var count = 0
            for byte in bytes {
                chunk[count] = byte
                count &+= 1
                if count == chunk.count {
                    update(UnsafeRawBufferPointer(chunk))
                    count = 0
                }
            }
            update(UnsafeRawBufferPointer(start: chunk.baseAddress, count: count))
        }
    }

    /// Adds the bytes in raw memory to the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        var offset = 0
        let total = bytes.count
        byteCount &+= UInt64(total)
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
            guard let w = schedule.baseAddress else { return }
            SHA256.roundConstants.withUnsafeBufferPointer { constants in
                guard let k = constants.baseAddress else { return }
                // Top up a partial block first.
                if bufferedCount > 0 {
                    let take = min(64 &- bufferedCount, total)
                    let filled = bufferedCount
                    withUnsafeMutableBytes(of: &buffer) { block in
                        (block.baseAddress.unsafelyUnwrapped + filled).copyMemory(from: base, byteCount: take)
                    }
                    bufferedCount &+= take
                    offset = take
                    guard bufferedCount == 64 else { return }
                    var block = buffer
                    withUnsafeBytes(of: &block) { compress($0.baseAddress.unsafelyUnwrapped, w, k) }
                    bufferedCount = 0
                }
                // Whole blocks straight from the input.
                while total &- offset >= 64 {
                    compress(base + offset, w, k)
                    offset &+= 64
                }
                // Keep the tail.
                let rest = total &- offset
                if rest > 0 {
                    withUnsafeMutableBytes(of: &buffer) { block in
                        block.baseAddress.unsafelyUnwrapped.copyMemory(from: base + offset, byteCount: rest)
                    }
                    bufferedCount = rest
                }
            }
        }
    }

    /// Pads the message (FIPS 180-4 section 5.1.1) and returns its 32-byte digest.
    public consuming func finalize() -> [UInt8] {
        let bitLength = byteCount &<< 3
        // 0x80, then zeros up to 56 mod 64, then the length in bits as a big-endian 64-bit integer.
        let zeros = (119 &- bufferedCount) % 64
        var padding = [UInt8](repeating: 0, count: 1 &+ zeros &+ 8)
        padding[0] = 0x80
        for index in 0..<8 {
            padding[1 &+ zeros &+ index] = UInt8(truncatingIfNeeded: bitLength &>> UInt64(56 &- 8 &* index))
        }
        padding.withUnsafeBytes { update($0) }
        var digest = [UInt8](repeating: 0, count: 32)
        let words = [h0, h1, h2, h3, h4, h5, h6, h7]
        for (index, word) in words.enumerated() {
            digest[4 &* index] = UInt8(truncatingIfNeeded: word &>> 24)
            digest[4 &* index &+ 1] = UInt8(truncatingIfNeeded: word &>> 16)
            digest[4 &* index &+ 2] = UInt8(truncatingIfNeeded: word &>> 8)
            digest[4 &* index &+ 3] = UInt8(truncatingIfNeeded: word)
        }
        return digest
    }

    /// Returns the SHA-256 digest of the bytes.
    public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Returns the bytes as lowercase hexadecimal, two digits a byte.
    public static func hex(_ digest: [UInt8]) -> String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: digest.count &* 2) { output in
            digits.withUTF8Buffer { digits in
                for (index, byte) in digest.enumerated() {
                    output[2 &* index] = digits[Int(byte &>> 4)]
                    output[2 &* index &+ 1] = digits[Int(byte & 0x0f)]
                }
            }
            return digest.count &* 2
        }
    }

    /// Processes one 64-byte block (FIPS 180-4 section 6.2.2), using `w` for the 64-word message schedule.
    private mutating func compress(
        _ block: UnsafeRawPointer, _ w: UnsafeMutablePointer<UInt32>, _ k: UnsafePointer<UInt32>
    ) {
        let bytes = block.assumingMemoryBound(to: UInt8.self)
        for t in 0..<16 {
            let p = bytes + 4 &* t
            w[t] = UInt32(p[0]) &<< 24 | UInt32(p[1]) &<< 16 | UInt32(p[2]) &<< 8 | UInt32(p[3])
        }
        for t in 16..<64 {
            let x = w[t &- 15]
            let y = w[t &- 2]
            let sigma0 = (x &>> 7 | x &<< 25) ^ (x &>> 18 | x &<< 14) ^ (x &>> 3)
            let sigma1 = (y &>> 17 | y &<< 15) ^ (y &>> 19 | y &<< 13) ^ (y &>> 10)
            w[t] = sigma1 &+ w[t &- 7] &+ sigma0 &+ w[t &- 16]
        }
        var a = h0
        var b = h1
        var c = h2
        var d = h3
        var e = h4
        var f = h5
        var g = h6
        var h = h7
        for t in 0..<64 {
            let bigSigma1 = (e &>> 6 | e &<< 26) ^ (e &>> 11 | e &<< 21) ^ (e &>> 25 | e &<< 7)
            let choose = (e & f) ^ (~e & g)
            let t1 = h &+ bigSigma1 &+ choose &+ k[t] &+ w[t]
            let bigSigma0 = (a &>> 2 | a &<< 30) ^ (a &>> 13 | a &<< 19) ^ (a &>> 22 | a &<< 10)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let t2 = bigSigma0 &+ majority
            h = g
            g = f
            f = e
            e = d &+ t1
            d = c
            c = b
            b = a
            a = t1 &+ t2
        }
        h0 &+= a
        h1 &+= b
        h2 &+= c
        h3 &+= d
        h4 &+= e
        h5 &+= f
        h6 &+= g
        h7 &+= h
    }

    /// The constants K(0) to K(63) (FIPS 180-4 section 4.2.2).
    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]
}
