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
        let chunk = 256
        let chunks = (timelines.count + chunk - 1) / chunk
        guard chunks > 1, jobs > 1 else { return timelines.map { fold($0) } }
        let results = Mutex<[[CaseMonitor]]>(Array(repeating: [], count: chunks))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(jobs, chunks)) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < chunks else { return }
                let part = timelines[(index * chunk)..<min(timelines.count, (index + 1) * chunk)].map { fold($0) }
                results.withLock { $0[index] = part }
            }
        }
        return results.withLock { $0.flatMap(\.self) }
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
