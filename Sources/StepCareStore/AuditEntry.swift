/// One entry of the audit log: who did what, to which client, in which context, and a digest of exactly what
/// was written.
///
/// Entries are hash-chained: `hash = SHA-256(previous ‖ canonical fields)`, so changing, removing, swapping or
/// inserting an entry breaks the chain from that point on. The chain's head, kept outside the database, also
/// exposes a cut-off tail or a wholesale rewrite (see ``AuditAnchor``).
public struct AuditEntry: Sendable, Hashable {
    /// The position in the log: 1, 2, 3, … with no gaps.
    public var sequence: Int64
    /// When it was written, in seconds since 1970 UTC, from the store's injected clock.
    public var time: Int64
    /// The staff id of the person acting.
    public var user: String
    /// The role they acted in (`clinical-lead (break-glass)` when under an emergency grant).
    public var role: String
    /// The client's pseudonymous id, when the change concerns one client.
    public var client: String?
    /// What was done, e.g. `step-up` or `record score`.
    public var action: String
    /// `live`, `training` or `simulation`.
    public var context: String
    /// A short description of what was written; never client free text.
    public var detail: String
    /// SHA-256 (hex) of the canonical bytes of every row this entry wrote.
    public var changeDigest: String
    /// The hash of the entry before (64 zeros for the first).
    public var previous: String
    /// This entry's hash.
    public var hash: String

    /// The hash the entry should have after `previous`.
    public var expectedHash: String {
        var fields = Canonical()
        fields.integer(sequence)
        fields.integer(time)
        fields.text(user)
        fields.text(role)
        fields.optionalText(client)
        fields.text(action)
        fields.text(context)
        fields.text(detail)
        fields.text(changeDigest)
        var hasher = SHA256()
        hasher.update(previous.utf8)
        hasher.update(fields.bytes)
        return SHA256.hex(hasher.finalize())
    }

    /// The hash before the first entry.
    public static let genesis = String(repeating: "0", count: 64)
}

/// A chain head kept outside the database: `SEQUENCE:HASH`, as `audit head` prints it.
public struct AuditAnchor: Sendable, Hashable, CustomStringConvertible {
    /// The entry's position.
    public var sequence: Int64
    /// The entry's hash.
    public var hash: String

    /// Creates an anchor.
    public init(sequence: Int64, hash: String) {
        self.sequence = sequence
        self.hash = hash
    }

    /// Parses `SEQUENCE:HASH`; `nil` when malformed.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let sequence = Int64(parts[0]), sequence >= 0, parts[1].count == 64,
            parts[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase })
        else { return nil }
        self.init(sequence: sequence, hash: String(parts[1]))
    }

    public var description: String { "\(sequence):\(hash)" }
}

/// One thing wrong with the audit log.
public struct AuditProblem: Sendable, Hashable, CustomStringConvertible {
    /// The entry concerned, when there is one.
    public var sequence: Int64?
    /// What is wrong.
    public var message: String

    public var description: String {
        sequence.map { "entry \($0): \(message)" } ?? message
    }
}

/// Checks a chain of entries.
public enum AuditChain {
    /// Every problem with `entries` (read in sequence order): gaps, reordering, broken links, altered entries,
    /// change digests that do not match the rows written, and disagreement with `anchor`.
    ///
    /// - Parameters:
    ///   - entries: the log, ordered by sequence as stored.
    ///   - digests: the change digest recomputed from the stored rows for each sequence number; a sequence
    ///     missing here wrote no rows.
    ///   - anchor: a head recorded outside the database, if any.
    public static func verify(
        _ entries: [AuditEntry], digests: [Int64: String], anchor: AuditAnchor?
    ) -> [AuditProblem] {
        var problems: [AuditProblem] = []
        var previous = AuditEntry.genesis
        var previousTime = Int64.min
        for (index, entry) in entries.enumerated() {
            if entry.time < previousTime {
                problems.append(
                    AuditProblem(
                        sequence: entry.sequence,
                        message: "is dated before the entry before it: entry times never go backwards, so the "
                            + "system clock was wrong or the entry was written by something other than StepCare"))
            }
            previousTime = max(previousTime, entry.time)
            let expected = Int64(index + 1)
            if entry.sequence != expected {
                problems.append(
                    AuditProblem(
                        sequence: entry.sequence,
                        message: "is at position \(expected): an entry is missing, "
                            + "inserted or out of order"))
            }
            if entry.previous != previous {
                problems.append(AuditProblem(sequence: entry.sequence, message: "does not link to the entry before it"))
            }
            if entry.hash != entry.expectedHash {
                problems.append(AuditProblem(sequence: entry.sequence, message: "was altered after it was written"))
            }
            if entry.changeDigest != (digests[entry.sequence] ?? StoredRows.emptyDigest) {
                problems.append(
                    AuditProblem(
                        sequence: entry.sequence, message: "the records it wrote were altered, removed or added to"))
            }
            previous = entry.hash
        }
        let known = Set(entries.map(\.sequence))
        for sequence in digests.keys.sorted() where !known.contains(sequence) {
            problems.append(AuditProblem(sequence: sequence, message: "records exist with no audit entry"))
        }
        if let anchor {
            if let entry = entries.first(where: { $0.sequence == anchor.sequence }) {
                if entry.hash != anchor.hash {
                    problems.append(
                        AuditProblem(
                            sequence: anchor.sequence, message: "differs from the anchor: the log was rewritten"))
                }
            } else if anchor.sequence == 0 {
                if anchor.hash != AuditEntry.genesis {
                    problems.append(AuditProblem(sequence: 0, message: "the anchor is not the empty log's head"))
                }
            } else {
                problems.append(
                    AuditProblem(
                        sequence: anchor.sequence,
                        message: "is missing but the anchor records it: the log was cut short (\(entries.count) "
                            + "entries remain)"))
            }
        }
        return problems
    }
}
