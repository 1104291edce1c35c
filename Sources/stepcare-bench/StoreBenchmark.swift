import Foundation
import StepCareCore
import StepCareRecord

/// The caseload store: 100,000 administrations recorded one durable commit at a time (each with its audit
/// entry), the same 100,000 from a CSV in one transaction, and the rules evaluated over 100,000 stored cases.
/// Beside it, Python's sqlite3 doing the same durable work: the same settings (WAL, synchronous=FULL), one
/// transaction per administration with a SHA-256-chained audit row.
func storeBenchmark(binary: String, scratch: URL, python3: String) throws {
    let count = 100_000
    let caseCount = 1_000
    var script = "today 2026-01-05\n"
    for number in 1...caseCount { script += "case new \(caseID(number))\n" }
    for index in 0..<count {
        script += "record score phq9 \(index % 4) 1 2 1 0 1 2 1 0 --case \(caseID(index % caseCount + 1))\n"
    }
    let recordScript = scratch.appendingPathComponent("record.stepcare")
    try script.write(to: recordScript, atomically: true, encoding: .utf8)
    let recordDatabase = scratch.appendingPathComponent("record.sqlite").path
    let recording = try timeToExit(binary, ["run", "--db", recordDatabase, recordScript.path])

    var csv = "case,date,instrument,answers\n"
    for index in 0..<count { csv += "\(caseID(index % caseCount + 1)),2026-01-06,phq9,1 1 2 1 0 1 2 1 0\n" }
    let csvFile = scratch.appendingPathComponent("scores.csv")
    try csv.write(to: csvFile, atomically: true, encoding: .utf8)
    let importScript = scratch.appendingPathComponent("import.stepcare")
    try "import-scores \(csvFile.path) --all-or-nothing\n".write(to: importScript, atomically: true, encoding: .utf8)
    let importing = try timeToExit(binary, ["run", "--db", recordDatabase, importScript.path])

    let peer = scratch.appendingPathComponent("peer.py")
    try pythonStorePeer.write(to: peer, atomically: true, encoding: .utf8)
    let peerRecording = try timeToExit(
        python3, [peer.path, scratch.appendingPathComponent("peer.sqlite").path, String(count)])

    // 100,000 cases, each referred, scored and placed, written by import (one transaction), then evaluated.
    var lines = ""
    for number in 1...count {
        lines += caseLine(caseID(number), minutes: 29_454_000 + number % 10_000) + "\n"
    }
    let casesFile = scratch.appendingPathComponent("cases.jsonl")
    try lines.write(to: casesFile, atomically: true, encoding: .utf8)
    let casesDatabase = scratch.appendingPathComponent("cases.sqlite").path
    let loadScript = scratch.appendingPathComponent("load.stepcare")
    try "import \(casesFile.path)\n".write(to: loadScript, atomically: true, encoding: .utf8)
    let loading = try timeToExit(binary, ["run", "--db", casesDatabase, loadScript.path])
    let statusScript = scratch.appendingPathComponent("status.stepcare")
    try "status\n".write(to: statusScript, atomically: true, encoding: .utf8)
    let evaluateScript = scratch.appendingPathComponent("evaluate.stepcare")
    try "today 2026-03-01\nevaluate --all\n".write(to: evaluateScript, atomically: true, encoding: .utf8)
    let opening = try timeToExit(binary, ["run", "--db", casesDatabase, statusScript.path])
    let evaluating = try timeToExit(binary, ["run", "--db", casesDatabase, evaluateScript.path])

    print("")
    print("| store measurement (\(count) items) | stepcare | python3 + sqlite3 | python3 / stepcare |")
    print("|---|---|---|---|")
    print(
        String(
            format: "| record %d administrations, one durable commit and audit entry each | %.1f s (%.2f ms each) "
                + "| %.1f s | %.1fx |", count, recording, recording * 1000 / Double(count), peerRecording,
            peerRecording / recording))
    print(String(format: "| the same from a CSV, one transaction (import-scores) | %.1f s | – | – |", importing))
    print(String(format: "| import %d cases (referral, PHQ-9, placement) | %.1f s | – | – |", count, loading))
    print(String(format: "| open the database and load %d cases | %.1f s | – | – |", count, opening))
    print(
        String(
            format: "| open, load and evaluate every rule over %d cases (evaluate --all) | %.1f s (%.1f µs a case "
                + "beyond loading) | – | – |", count, evaluating, (evaluating - opening) * 1e6 / Double(count)))
}

private func caseID(_ number: Int) -> String { "C" + String(number) }

/// One exported case: referred, a PHQ-9 of 12 and placed in tier-2, on the same day.
/// One case in the record format (stepcare-case/2): a referral, a PHQ-9 and a placement in tier 2.
private func caseLine(_ id: String, minutes: Int) -> String {
    let at = Instant(minutes: minutes)
    let ana = Actor(name: "ana", role: Role("clinician", name: "clinician"))
    let phq9 = AdministrationRecord(
        instrumentID: "phq9", answers: [2, 2, 1, 1, 1, 1, 2, 2, 0].map(ItemResponse.answered), total: 12,
        bandIndex: 2, bandLabel: "moderate")
    let events: [CaseEventKind] = [
        .referral(preference: nil), .administration(phq9),
        .placement(Placement(tier: "tier-2", from: nil, kind: .place, slot: .standard, actor: ana)),
    ]
    return CaseRecord(
        context: .training, id: id, pathway: "community-stepped-care", demographics: [:],
        events: events.map { EventRecord(event: CaseEvent(at: at, $0)) }
    ).line
}

/// The peer: one transaction per administration (answers as JSON) with a SHA-256-chained audit row, on the
/// same durable settings.
private let pythonStorePeer = #"""
    import hashlib, json, sqlite3, sys
    db = sqlite3.connect(sys.argv[1], isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL"); db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE audit (sequence INTEGER PRIMARY KEY, action TEXT, client TEXT, digest TEXT, previous TEXT, hash TEXT)")
    db.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, case_id TEXT, body TEXT, audit_sequence INTEGER)")
    previous = "0" * 64
    for index in range(int(sys.argv[2])):
        answers = [index % 4, 1, 2, 1, 0, 1, 2, 1, 0]
        total = sum(answers)
        body = json.dumps({"answers": answers, "total": total, "flag": answers[8] > 0}, sort_keys=True)
        client = "C%d" % (index % 1000 + 1)
        digest = hashlib.sha256(body.encode()).hexdigest()
        entry = hashlib.sha256((previous + "record score" + client + digest).encode()).hexdigest()
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?)", (index + 1, "record score", client, digest, previous, entry))
        db.execute("INSERT INTO events (case_id, body, audit_sequence) VALUES (?, ?, ?)", (client, body, index + 1))
        db.execute("COMMIT")
        previous = entry
    """#
