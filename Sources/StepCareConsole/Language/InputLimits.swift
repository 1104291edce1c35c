public import StepCareCore

/// The sizes the command language accepts, so that no input can exhaust the program.
///
/// Each limit is refused with a diagnostic that names it; docs/limits.md lists them with the limits of
/// the other input surfaces.
public enum InputLimits {
    /// Characters in one typed or piped line (Unicode scalars). A case note may be 8,000 characters; a
    /// line has room for one with its command around it.
    public static let lineCharacters = 16_384
    /// Bytes in one statement, over all its continuation lines.
    public static let statementBytes = 1 << 20
    /// Bytes a variable may hold, and bytes the arguments of one statement may expand to.
    public static let expansionBytes = 1 << 20
    /// Bytes all of a session's variables hold together.
    public static let variableBytes = 16 << 20
    /// Bytes in a script file read by `run` or given on the command line.
    public static let scriptBytes = 16 << 20

    /// The diagnostic for a line over ``lineCharacters``.
    static func lineTooLong(at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(
            .inputTooLarge, "the line is longer than \(lineCharacters) characters; nothing on it was run",
            hint: "split it over lines ending in \\, or put long text in a file", at: location)
    }
}

extension StepCareError.Code {
    /// Input beyond one of the ``InputLimits``.
    public static let inputTooLarge = Self("input-too-large")
}
