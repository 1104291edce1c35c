public import StepCareCore

extension StepCareError {
    /// Bad simulation input: the parameter at fault (as the user writes it, e.g. `--caps`, `tier3.slots`),
    /// what is wrong with it, and how to fix it.
    public static func simulation(_ parameter: String, _ message: String, hint: String? = nil) -> StepCareError {
        StepCareError(.invalidSimulation, "\(parameter): \(message)", hint: hint)
    }
}

extension StepCareError.Code {
    /// A simulation parameter is missing, out of range or inconsistent.
    public static let invalidSimulation = Self("invalid-simulation")
}

/// A number as an error message shows it: at most six decimals, so 0.6 + 0.3 + 0.2 reads 1.1.
func shown(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    guard abs(value) < 1e15 else { return "\(value)" }  // scaling it up would overflow to inf
    let rounded = (value * 1e6).rounded() / 1e6
    return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : "\(rounded)"
}
