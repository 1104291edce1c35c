import Dispatch
public import StepCareCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension Engine {
    /// Folds each timeline into a ``CaseMonitor`` (every event appended), spreading the cases over the cores:
    /// each case's fold is independent and pure, so the monitors, returned in the order given, are the same
    /// whatever the number of threads.
    public func monitors(of timelines: [CaseTimeline], jobs: Int = Engine.availableCores) -> [CaseMonitor] {
        Self.monitors(of: timelines, jobs: jobs) { fold($0) }
    }

    /// Folds each timeline with `fold`, spreading the cases over the cores; `fold` must be pure, so the
    /// monitors, returned in the order given, are the same whatever the number of threads.
    public static func monitors(
        of timelines: [CaseTimeline], jobs: Int = Engine.availableCores,
        fold: @escaping @Sendable (CaseTimeline) -> CaseMonitor
    ) -> [CaseMonitor] {
        inChunks(of: timelines.count, jobs: jobs) { range in timelines[range].map { fold($0) } }.flatMap(\.self)
    }

    /// `body` applied to consecutive ranges of `0..<count`, `chunk` positions each, spread over `jobs` threads:
    /// the results come back in the order of their ranges. The ranges depend on `count` and `chunk` alone, so
    /// a pure `body` gives the same results whatever the number of threads (one thread, or fewer than two
    /// ranges, runs them in turn on the caller's).
    public static func inChunks<Part: Sendable>(
        of count: Int, chunk: Int = 256, jobs: Int = Engine.availableCores,
        _ body: @escaping @Sendable (Range<Int>) -> Part
    ) -> [Part] {
        let chunks = (count + chunk - 1) / chunk
        @Sendable func range(_ index: Int) -> Range<Int> { (index * chunk)..<min(count, (index + 1) * chunk) }
        guard chunks > 1, jobs > 1 else { return (0..<chunks).map { body(range($0)) } }
        let results = Mutex<[Part?]>(Array(repeating: nil, count: chunks))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(jobs, chunks)) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < chunks else { return }
                let part = body(range(index))
                results.withLock { $0[index] = part }
            }
        }
        return results.withLock { $0.compactMap(\.self) }
    }

    /// A monitor holding every event of `timeline`.
    private func fold(_ timeline: CaseTimeline) -> CaseMonitor {
        var monitor = CaseMonitor(engine: self)
        monitor.catchUp(with: timeline)
        return monitor
    }

    /// The number of cores this process may use.
    public static var availableCores: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}
