/// Where a record belongs: real care, a training exercise, or a simulation run.
///
/// Every stored record and audit entry carries one. Training and simulation never read or write live records,
/// and live metrics never count the other two.
public enum RecordContext: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Real clients and real decisions.
    case live
    /// Exercises and scripted triage scenarios.
    case training
    /// Synthetic cases from the simulator.
    case simulation

    public var description: String { rawValue }
}
