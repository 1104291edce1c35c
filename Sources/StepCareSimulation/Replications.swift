import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs independent replications over several cores; results come back in replication order, so the output
/// does not depend on how many cores ran them or in which order they finished.
public enum Replications {
    /// Runs `body(k)` for k in 0..<count on up to `jobs` threads.
    ///
    /// - Parameters:
    ///   - progress: called after each replication with the number done so far (from any thread).
    public static func run<Result: Sendable>(
        count: Int, jobs: Int, progress: (@Sendable (Int) -> Void)? = nil,
        _ body: @escaping @Sendable (Int) -> Result
    ) -> [Result] {
        let jobs = max(1, min(jobs, count))
        let results = Mutex<[Result?]>(Array(repeating: nil, count: count))
        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            while true {
                let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard k < count else { return }
                let result = body(k)
                results.withLock { $0[k] = result }
                let finished = done.wrappingAdd(1, ordering: .relaxed).newValue
                progress?(finished)
            }
        }
        let collected = results.withLock { $0.compactMap(\.self) }
        precondition(collected.count == count, "a replication did not finish")
        return collected
    }

    /// The number of cores this process may use.
    public static var availableCores: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}
