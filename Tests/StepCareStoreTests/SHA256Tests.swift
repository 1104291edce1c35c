import StepCareStore
import Testing

@Suite struct SHA256Tests {
    /// The example vectors of FIPS 180-4 (NIST "SHA256.pdf" examples and the long-message test).
    @Test(
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            (
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
                    + "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
                "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
            ),
        ] as [(String, String)])
    func nistExamples(message: String, digest: String) {
        #expect(SHA256.hex(SHA256.hash(message.utf8)) == digest)
    }

    @Test func oneMillionLetterA() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(SHA256.hash(message)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Splitting a 131-byte message at every offset, across the 55/56/63/64 padding and block boundaries, changes
    /// nothing.
    @Test func incrementalUpdatesMatchOneShot() {
        let message = (0..<131).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 5) }
        let expected = SHA256.hash(message)
        for split in 0...message.count {
            var hasher = SHA256()
            hasher.update(message[..<split])
            hasher.update(message[split...])
            #expect(hasher.finalize() == expected, "split at \(split)")
        }
    }

    /// Input without contiguous storage takes the buffered path and gives the same digest.
    @Test func nonContiguousInputMatchesContiguous() {
        let message = (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        #expect(SHA256.hash(message.lazy.map { $0 }) == SHA256.hash(message))
        #expect(SHA256.hash(AnySequence(message)) == SHA256.hash(message))
    }

    /// Every length from 0 to 200 of a patterned message. The expected value was produced with Python's hashlib:
    ///
    ///     msg = bytes((i * 7 + 3) & 0xff for i in range(200))
    ///     cat = b"".join(hashlib.sha256(msg[:n]).digest() for n in range(201))
    ///     hashlib.sha256(cat).hexdigest()
    ///
    /// so one mismatch at any length changes the hash of the concatenated digests.
    @Test func lengthsZeroToTwoHundredMatchHashlib() {
        let message = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        var concatenated: [UInt8] = []
        for length in 0...200 {
            concatenated += SHA256.hash(message[..<length])
        }
        #expect(concatenated.count == 201 * 32)
        #expect(
            SHA256.hex(SHA256.hash(concatenated)) == "3275febb4612d86d586eb9f11cd21e648a9fc7d95e0f6b8d362786e28c9c5b79")
    }

    @Test func hexIsLowercaseTwoDigitsPerByte() {
        #expect(SHA256.hex([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        #expect(SHA256.hex([]) == "")
    }
}
