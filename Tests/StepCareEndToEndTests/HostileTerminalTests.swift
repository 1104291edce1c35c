#if os(Linux)
    import Foundation
    import StepCareTesting
    import Testing

    /// The REPL against keys and pastes that crashed libedit as StepCare drove it (issue 24), and a seeded
    /// keyboard fuzzer, all through the real binary on a real pseudo-terminal.
    @Suite(.serialized) struct HostileTerminalTests {
        let timeout = 20.0

        func start(home: URL, columns: UInt16 = 80) throws -> PseudoTerminalProcess {
            try Binary.terminal(home: home, columns: columns)
        }

        /// Sends `keys`, then proves the session still answers and ends it normally.
        func survives(_ keys: [[UInt8]], home: URL, columns: UInt16 = 80) throws -> String {
            let repl = try start(home: home, columns: columns)
            try repl.waitFor("stepcare> ", timeout: timeout)
            for key in keys {
                repl.send(bytes: key)
                try repl.waitUntilIdle(timeout: timeout)
            }
            #expect(!repl.hasExited, "the REPL died: \(repl.output.debugDescription)")
            try Self.proveAlive(repl, mark: "still here", timeout: timeout)
            repl.send("quit\r")
            #expect(try repl.waitForExit(timeout: timeout) == 0)
            return repl.output
        }

        /// Clears whatever the keys left (a line, an open quote, a pending Ctrl-V that makes the next Ctrl-C
        /// literal) with two Ctrl-Cs, then runs `say` and waits for its output, which the echo of the typed
        /// line cannot match (the quotes differ).
        static func proveAlive(_ repl: PseudoTerminalProcess, mark: String, timeout: Double) throws {
            for _ in 0..<2 {
                repl.send("\u{03}")
                try repl.waitUntilIdle(timeout: timeout)
            }
            repl.send("say \"[\(mark)]\"\r")
            try repl.waitFor("\r\n# [\(mark)]\r\n", timeout: timeout)
        }

        @Test func ctrlRSearchOnAHistoryEntryWiderThanTheScreen() throws {
            let home = try TemporaryDirectory()
            let first = try start(home: home.url)
            try first.waitFor("stepcare> ", timeout: timeout)
            first.send("help " + String(repeating: "y", count: 3_000) + "\r")
            try first.waitFor("stepcare> ", timeout: timeout)
            first.send("quit\r")
            #expect(try first.waitForExit(timeout: timeout) == 0)
            // Ctrl-R, a letter, Ctrl-G, a key and Enter: libedit's incremental search crashed in libtinfo here.
            let keys: [[UInt8]] = [[0x12], Array("h".utf8), [0x07], Array("a".utf8), [0x0D], [0x0D]]
            _ = try survives(keys, home: home.url)
        }

        @Test func escXDoesNotOpenTheEditorCommandPrompt() throws {
            let home = try TemporaryDirectory()
            // Esc X, a single quote, Enter, Enter: libedit's ed-command parser crashed in el_wparse.
            _ = try survives([[0x1B, 0x58], Array("'".utf8), [0x0D], [0x0D]], home: home.url)
            _ = try survives([[0x1B, 0x78], Array("'".utf8), [0x0D], [0x0D]], home: home.url)
        }

        @Test func anOverLongUTF8FormBecomesAReplacementCharacter() throws {
            let home = try TemporaryDirectory()
            // The 6-byte over-long form aborted in el_line, called from the completion hook; Tab calls it too.
            let overLong: [UInt8] = [0xFD, 0x93, 0x9A, 0xBA, 0x89, 0x95]
            let output = try survives([overLong, [0x09], [0x0D], [0x0D]], home: home.url)
            #expect(output.contains("unknown command \"\u{FFFD}"))
        }

        @Test func aLongPasteWithC1ControlsIsShownSafely() throws {
            let home = try TemporaryDirectory()
            // About 2,000 characters with U+009F (a mis-decoded smart quote) corrupted the heap in redisplay.
            let paste = "say " + String(repeating: "a\u{9F}", count: 1_000)
            let output = try survives([Array(paste.utf8), [0x0D], [0x0D]], home: home.url)
            #expect(output.contains("a\u{FFFD}a\u{FFFD}"), "C1 controls reach the line as U+FFFD")
        }

        @Test func aLineOverTheLimitIsRefusedNotRun() throws {
            let home = try TemporaryDirectory()
            let paste = "say " + String(repeating: "z", count: 20_000)
            let output = try survives([Array(paste.utf8), [0x0D]], home: home.url)
            #expect(output.contains("the line is longer than 16384 characters; nothing on it was run"))
            #expect(!output.contains(String(repeating: "z", count: 16_385)), "the over-long line never ran")
        }

        /// Random keys, escape sequences, pastes of random bytes and long lines, checked every few steps by a
        /// command that must still answer. The seed and the keys sent are printed when it fails.
        @Test func keyboardFuzzerFindsNoCrash() throws {
            let seed = UInt64(ProcessInfo.processInfo.environment["STEPCARE_PTY_FUZZ_SEED"] ?? "") ?? 24
            let rounds = Int(ProcessInfo.processInfo.environment["STEPCARE_PTY_FUZZ_ROUNDS"] ?? "") ?? 12
            var random = SplitMix64(seed: seed)
            let home = try TemporaryDirectory()
            let repl = try start(home: home.url, columns: 60)
            try repl.waitFor("stepcare> ", timeout: timeout)
            var sent: [[UInt8]] = []
            for round in 0..<rounds {
                for _ in 0..<25 {
                    let keys = KeyboardFuzz.next(&random)
                    sent.append(keys)
                    repl.send(bytes: keys)
                }
                try repl.waitUntilIdle(timeout: timeout)
                #expect(!repl.hasExited, "seed \(seed), round \(round): the REPL died after \(sent.suffix(25))")
                guard !repl.hasExited else { return }
                try Self.proveAlive(repl, mark: "alive \(round)", timeout: timeout)
            }
            repl.send("quit\r")
            #expect(try repl.waitForExit(timeout: timeout) == 0)
        }
    }

    /// Keystrokes for the terminal fuzzer. Ctrl-D (end of input), Ctrl-Z (stop), Ctrl-\ (quit), Ctrl-S and
    /// Ctrl-Q (flow control) are left out: they end or pause the session by design.
    enum KeyboardFuzz {
        static let sequences: [[UInt8]] = [
            "\u{1b}[A", "\u{1b}[B", "\u{1b}[C", "\u{1b}[D", "\u{1b}[H", "\u{1b}[F", "\u{1b}[3~", "\u{1b}[200~",
            "\u{1b}x", "\u{1b}X", "\u{1b}b", "\u{1b}f", "\u{1b}.", "\u{1b}_", "\u{1b}d", "\u{1b}\u{7f}", "\u{1b}:",
            "\u{12}", "\u{07}", "\u{0b}", "\u{15}", "\u{17}", "\u{19}", "\u{14}", "\t", "\r", "\u{01}", "\u{05}",
        ].map { Array($0.utf8) }
        static let excluded: Set<UInt8> = [0x03, 0x04, 0x11, 0x13, 0x1A, 0x1C]

        static func next(_ random: inout SplitMix64) -> [UInt8] {
            switch random.next(below: 10) {
            case 0...2:
                return sequences[random.next(below: sequences.count)]
            case 3...5:
                let words = [
                    "score phq9 ", "say ", "help ", "case ", "let x = ", "'", "\"", "\\", "$x ", "#", "ü", "日本",
                ]
                return Array(words[random.next(below: words.count)].utf8)
            case 6, 7:
                return (0..<(1 + random.next(below: 12))).map { _ in anyByte(&random) }
            case 8:
                // A long paste: printable text with C1 controls and malformed bytes mixed in.
                return (0..<(500 + random.next(below: 3_000))).map { _ in
                    switch random.next(below: 40) {
                    case 0: 0xC2
                    case 1: 0x9F
                    case 2: anyByte(&random)
                    default: UInt8(0x61 + random.next(below: 26))
                    }
                }
            default:
                return [UInt8(0x20 + random.next(below: 95))]
            }
        }

        static func anyByte(_ random: inout SplitMix64) -> UInt8 {
            while true {
                let byte = UInt8(random.next(below: 256))
                if !excluded.contains(byte) { return byte }
            }
        }
    }
#endif
