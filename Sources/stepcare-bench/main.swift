// Benchmarks the real stepcare binary: REPL start-up to the first prompt, one command's answer in the REPL,
// and one-shot scoring, each beside a Python reference run the same way on the same machine.
//
//   swift build -c release && .build/release/stepcare-bench [--runs N] [--binary PATH]
import Foundation
import StepCareTesting

struct Options {
    var runs = 40
    var binary: String = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("stepcare").path

    init(_ arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--runs": runs = iterator.next().flatMap(Int.init) ?? runs
            case "--binary": binary = iterator.next() ?? binary
            default:
                FileHandle.standardError.write(Data("usage: stepcare-bench [--runs N] [--binary PATH]\n".utf8))
                exit(64)
            }
        }
    }
}

/// Seconds on a monotonic clock.
func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Summary statistics in milliseconds.
struct Summary {
    let sorted: [Double]
    init(samples: [Double]) { sorted = samples.sorted() }
    var median: Double { sorted[sorted.count / 2] * 1000 }
    var p90: Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.9))] * 1000 }
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("stepcare-bench-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }
let environment = [
    "HOME": scratch.path, "TERM": "xterm", "LANG": "C.UTF-8", "PATH": "/usr/local/bin:/usr/bin:/bin",
    "STEPCARE_HISTORY": "", "PYTHONSTARTUP": "",
]
/// The reference interpreter: the system Python 3.
let python3 =
    ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    ?? "/usr/bin/python3"
let answers = ["1", "2", "1", "0", "0", "1", "2", "1", "0"]
let pythonScore =
    "a=[int(x) for x in '\(answers.joined(separator: " "))'.split()];t=sum(a);"
    + "print(t,['none-minimal','mild','moderate','moderately severe','severe'][min(t//5,4)],t>=10,a[8]>0)"

/// Time from spawning `executable` in a pseudo-terminal until `prompt` appears; then ends it with `quit`.
func timeToPrompt(_ executable: String, _ arguments: [String], prompt: String, quit: String) throws -> Double {
    let start = now()
    let process = try PseudoTerminalProcess(executable: executable, arguments: arguments, environment: environment)
    try process.waitFor(prompt, timeout: 10)
    let elapsed = now() - start
    process.send(quit)
    _ = try process.waitForExit(timeout: 10)
    return elapsed
}

/// Time for one command to be answered in a running REPL: from sending it to the next prompt.
func timeToAnswer(
    _ executable: String, _ arguments: [String], prompt: String, command: String, quit: String
)
    throws -> [Double]
{
    let process = try PseudoTerminalProcess(executable: executable, arguments: arguments, environment: environment)
    try process.waitFor(prompt, timeout: 10)
    var samples: [Double] = []
    for _ in 0..<options.runs {
        let start = now()
        process.send(command + "\r")
        try process.waitFor(prompt, timeout: 10)
        samples.append(now() - start)
    }
    process.send(quit)
    _ = try process.waitForExit(timeout: 10)
    return samples
}

/// Time to run a process to completion with its output sent to /dev/null (posix_spawn and waitpid, no polling).
func timeToExit(_ executable: String, _ arguments: [String]) throws -> Double {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    let start = now()
    guard posix_spawn(&pid, executable, &actions, nil, argv, envp) == 0 else {
        throw NSError(domain: "stepcare-bench: cannot start \(executable)", code: 1)
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let elapsed = now() - start
    guard status == 0 else { throw NSError(domain: "stepcare-bench: \(executable) failed", code: Int(status)) }
    return elapsed
}

func measure(_ body: () throws -> Double) rethrows -> Summary {
    _ = try body()  // warm the page cache
    return Summary(samples: try (0..<options.runs).map { _ in try body() })
}

let stepcareStart = try measure {
    try timeToPrompt(options.binary, [], prompt: "stepcare> ", quit: "\u{04}")
}
let pythonStart = try measure {
    try timeToPrompt(python3, ["-q", "-i"], prompt: ">>> ", quit: "\u{04}")
}
let stepcareAnswer = Summary(
    samples: try timeToAnswer(
        options.binary, [], prompt: "stepcare> ", command: "score phq9 " + answers.joined(separator: " "),
        quit: "\u{04}"))
let pythonAnswer = Summary(
    samples: try timeToAnswer(
        python3, ["-q", "-i"], prompt: ">>> ", command: pythonScore, quit: "\u{04}"))
let stepcareOneShot = try measure { try timeToExit(options.binary, ["score", "phq9"] + answers) }
let pythonOneShot = try measure { try timeToExit(python3, ["-c", pythonScore]) }

func row(_ name: String, _ ours: Summary, _ peer: Summary) -> String {
    String(
        format: "| %@ | %.1f | %.1f | %.1f | %.1f | %.1fx |", name, ours.median, ours.p90, peer.median, peer.p90,
        peer.median / ours.median)
}

print("stepcare-bench: \(options.runs) runs each, milliseconds; reference: \(python3)")
print("")
print("| measurement | stepcare median | stepcare p90 | python3 median | python3 p90 | python3 / stepcare |")
print("|---|---|---|---|---|---|")
print(row("REPL start-up to first prompt", stepcareStart, pythonStart))
print(row("one command answered in the REPL (score phq9)", stepcareAnswer, pythonAnswer))
print(row("one-shot `score phq9 …` process, spawn to exit", stepcareOneShot, pythonOneShot))

// The engine: `evaluate` on cases with a year of weekly sessions and PHQ-9 scores, timed as the difference
// between a script that evaluates every case and the same script without the evaluations.
let cases = 50
let weeks = 52

/// 2026-01-05 plus `weeks` weeks, as YYYY-MM-DD.
func date(weeks: Int) -> String {
    let calendar = Calendar(identifier: .gregorian)
    let start = calendar.date(from: DateComponents(year: 2026, month: 1, day: 5)) ?? Date()
    let day = calendar.date(byAdding: .day, value: weeks * 7, to: start) ?? start
    let parts = calendar.dateComponents([.year, .month, .day], from: day)
    return String(format: "%04d-%02d-%02d", parts.year ?? 2026, parts.month ?? 1, parts.day ?? 5)
}

var records = "today 2026-01-05\n"
for _ in 0..<cases {
    records += "case new\nrecord score phq9 2 2 2 2 1 1 1 1 0\nplace --as clinician:ana\n"
    for week in 1...weeks {
        let day = date(weeks: week)
        records += "record attended --at \(day)\nrecord score phq9 \(week % 3) 2 1 1 1 1 1 1 0 --at \(day)\n"
    }
}
let evaluations = (1...cases).map { String(format: "evaluate C%03d --at %@\n", $0, date(weeks: weeks)) }.joined()
let plainScript = scratch.appendingPathComponent("records.stepcare")
let evaluatingScript = scratch.appendingPathComponent("records-and-evaluate.stepcare")
try records.write(to: plainScript, atomically: true, encoding: .utf8)
try (records + evaluations).write(to: evaluatingScript, atomically: true, encoding: .utf8)
let engineRuns = max(3, options.runs / 8)
var plainTimes: [Double] = []
var evaluatingTimes: [Double] = []
for _ in 0..<engineRuns {
    plainTimes.append(try timeToExit(options.binary, ["run", "--db", ":memory:", plainScript.path]))
    evaluatingTimes.append(try timeToExit(options.binary, ["run", "--db", ":memory:", evaluatingScript.path]))
}
let plain = Summary(samples: plainTimes)
let evaluating = Summary(samples: evaluatingTimes)
print("")
print(
    "engine: \(cases) cases of \(2 * weeks + 3) events; the script without evaluate "
        + String(format: "%.1f", plain.median) + " ms, with one evaluate per case "
        + String(format: "%.1f", evaluating.median) + " ms (medians of \(engineRuns) runs): "
        + String(format: "%.2f", (evaluating.median - plain.median) / Double(cases)) + " ms per evaluate")

try storeBenchmark(binary: options.binary, scratch: scratch, python3: python3)
