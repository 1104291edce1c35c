import Foundation
import GRDB
import StepCareConsole
import StepCareCore
import StepCareReports
import StepCareStore
import Testing

/// Tampering with the audit log is detected: every single-byte change in every field of every entry of a
/// 55-entry log, and deletion, swap, insertion and (given the anchor) truncation and a rewritten chain, plus
/// changes to the records themselves. The last two tests show what the chain alone cannot see, so the anchor's
/// part is proved rather than assumed.
@Suite struct AuditMutationTests {
    /// A log of at least 50 entries written by real commands, with every field in use.
    static func writtenLog() throws -> StoreSession {
        let session = try StoreSession()
        var script = """
            user add raj --role clinical-lead
            login raj
            user add ana --role clinician
            user add lee --role supervisor

            """
        for number in 1...10 {
            script += """
                case new --demographics "age-band=25-34"
                record score phq9 2 2 2 2 1 1 1 1 \(number % 2)
                as ana place
                record attended
                export

                """
        }
        script += "as ana break-glass --reason \"cover\" --for 1h\n"
        try session.run(script)
        return session
    }

    /// One field at a time (the fields run in parallel); every entry, every byte.
    @Test(arguments: Field.allCases)
    func everySingleByteChangeInEveryFieldOfEveryEntryIsDetected(field: Field) throws {
        let session = try Self.writtenLog()
        let entries = try session.entries()
        let digests = try session.store.recordDigests()
        let anchor = try #require(entries.last.map { AuditAnchor(sequence: $0.sequence, hash: $0.hash) })
        #expect(entries.count >= 50)
        #expect(AuditChain.verify(entries, digests: digests, anchor: anchor).isEmpty, "the untouched log must pass")
        var mutations = 0
        var missed: [Int] = []
        for index in entries.indices {
            for variant in field.mutations(of: entries[index]) {
                var tampered = entries
                tampered[index] = variant
                mutations += 1
                if AuditChain.verify(tampered, digests: digests, anchor: anchor).isEmpty { missed.append(index + 1) }
            }
        }
        #expect(
            missed.isEmpty, "\(missed.count) of \(mutations) changes to \(field) went undetected: \(missed.prefix(5))")
        #expect(mutations >= entries.count * 2, "only \(mutations) mutations were tried")
    }

    @Test func deletionSwapAndInsertionAreDetectedWithoutAnAnchor() throws {
        let session = try Self.writtenLog()
        let entries = try session.entries()
        let digests = try session.store.recordDigests()
        for index in entries.indices.dropLast() {
            var deleted = entries
            deleted.remove(at: index)
            #expect(!AuditChain.verify(deleted, digests: digests, anchor: nil).isEmpty, "deleting \(index + 1)")
            var swapped = entries
            swapped.swapAt(index, index + 1)
            #expect(!AuditChain.verify(swapped, digests: digests, anchor: nil).isEmpty, "swapping \(index + 1)")
            var inserted = entries
            var forged = entries[index]
            forged.detail = "forged"
            forged.hash = forged.expectedHash
            inserted.insert(forged, at: index + 1)
            #expect(!AuditChain.verify(inserted, digests: digests, anchor: nil).isEmpty, "inserting at \(index + 2)")
        }
    }

    @Test func aTruncatedTailOrARewrittenChainIsDetectedOnlyWithTheAnchor() throws {
        let session = try Self.writtenLog()
        let entries = try session.entries()
        let digests = try session.store.recordDigests()
        let anchor = try #require(entries.last.map { AuditAnchor(sequence: $0.sequence, hash: $0.hash) })
        for kept in [entries.count - 1, entries.count / 2, 1] {
            let truncated = Array(entries.prefix(kept))
            let remaining = digests.filter { $0.key <= Int64(kept) }
            #expect(
                AuditChain.verify(truncated, digests: remaining, anchor: nil).isEmpty, "the chain alone cannot see it")
            #expect(!AuditChain.verify(truncated, digests: remaining, anchor: anchor).isEmpty, "kept \(kept)")
        }
        var rewritten = entries
        rewritten[3].detail = "rewritten"
        var previous = AuditEntry.genesis
        for index in rewritten.indices {
            rewritten[index].previous = previous
            rewritten[index].hash = rewritten[index].expectedHash
            previous = rewritten[index].hash
        }
        #expect(AuditChain.verify(rewritten, digests: digests, anchor: nil).isEmpty, "the chain alone cannot see it")
        #expect(!AuditChain.verify(rewritten, digests: digests, anchor: anchor).isEmpty)
    }

    /// Attacks by someone who can write the file and drops the append-only triggers first.
    static let attacks = [
        "UPDATE events SET detail = replace(detail, '\"value\":2', '\"value\":0') WHERE kind = 'administration'",
        "UPDATE cases SET demographics = NULL WHERE id = 'C002'",
        "DELETE FROM events WHERE id = (SELECT max(id) FROM events)",
        "INSERT INTO events (context, case_id, at, kind, detail, entered, audit_sequence) SELECT context, case_id, "
            + "at, kind, detail, entered, audit_sequence FROM events WHERE id = 5",
        "UPDATE users SET role = 'clinical-lead' WHERE name = 'ana'",
        "UPDATE grants SET ends = ends + 6000",
        "UPDATE audit SET user = 'lee' WHERE sequence = 9",
        "DELETE FROM audit WHERE sequence = (SELECT min(sequence) FROM audit WHERE action = 'export')",
        "CREATE TRIGGER quiet AFTER INSERT ON events BEGIN SELECT 1; END",
    ]

    @Test(arguments: attacks)
    func tamperingInTheDatabaseIsReportedByAuditVerify(attack: String) throws {
        let session = try Self.writtenLog()
        let anchor = try #require(try session.store.verify(anchor: nil).head)
        let queue = try DatabaseQueue(path: session.path)
        // The attacker drops the append-only triggers, tampers, and puts the triggers back, so only the chain
        // and the digests can give them away (a trigger left changed is itself reported).
        let changed = try queue.write { db in
            let triggers = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
            for trigger in triggers { try db.execute(sql: "DROP TRIGGER \(trigger["name"] as String)") }
            try db.execute(sql: attack)
            let changed = db.changesCount
            for trigger in triggers { try db.execute(sql: trigger["sql"] as String) }
            return changed
        }
        #expect(changed > 0 || attack.hasPrefix("CREATE TRIGGER"), "the attack changed nothing: \(attack)")
        let report = try session.store.verify(anchor: anchor)
        #expect(!report.isIntact, "not detected: \(attack)")
    }

    /// The fields of an entry, each with every single-byte change of its stored form.
    enum Field: CaseIterable, Sendable {
        case sequence, time, user, role, client, action, context, detail, changeDigest, previous, hash

        func mutations(of entry: AuditEntry) -> [AuditEntry] {
            switch self {
            case .sequence: Self.integer(entry.sequence).map { with(entry, \.sequence, $0) }
            case .time: Self.integer(entry.time).map { with(entry, \.time, $0) }
            case .user: Self.text(entry.user).map { with(entry, \.user, $0) }
            case .role: Self.text(entry.role).map { with(entry, \.role, $0) }
            case .client: (entry.client.map(Self.text) ?? ["", "C001"]).map { with(entry, \.client, $0) }
            case .action: Self.text(entry.action).map { with(entry, \.action, $0) }
            case .context: Self.text(entry.context).map { with(entry, \.context, $0) }
            case .detail: Self.text(entry.detail).map { with(entry, \.detail, $0) }
            case .changeDigest: Self.text(entry.changeDigest).map { with(entry, \.changeDigest, $0) }
            case .previous: Self.text(entry.previous).map { with(entry, \.previous, $0) }
            case .hash: Self.text(entry.hash).map { with(entry, \.hash, $0) }
            }
        }

        private func with<Value>(
            _ entry: AuditEntry, _ path: WritableKeyPath<AuditEntry, Value>, _ value: Value
        )
            -> AuditEntry
        {
            var entry = entry
            entry[keyPath: path] = value
            return entry
        }

        /// Each byte of the 8-byte stored integer changed (its lowest bit flipped).
        static func integer(_ value: Int64) -> [Int64] {
            (0..<8).map { value ^ (Int64(1) << ($0 * 8)) }
        }

        /// Each byte of the UTF-8 text changed (its lowest bit flipped), plus the text with a byte added.
        static func text(_ value: String) -> [String] {
            let bytes = Array(value.utf8)
            return bytes.indices.map { index in
                var changed = bytes
                changed[index] ^= 1
                return String(decoding: changed, as: UTF8.self)
            } + [value + " "]
        }
    }
}
