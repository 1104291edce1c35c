/// The StepCare version.
public enum StepCareVersion {
    /// The version string printed by `stepcare --version`.
    public static let current = "0.1.0"
}
