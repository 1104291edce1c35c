/// What an instrument measures, which decides how its scores are used by pathways.
public enum InstrumentKind: String, Sendable, Hashable, CaseIterable {
    /// A symptom severity scale (PHQ-9, GAD-7).
    case symptom
    /// A functional impairment scale (WSAS).
    case functional
    /// A risk screen (C-SSRS).
    case risk
    /// A brief screener that decides whether a fuller measure is needed (PHQ-2).
    case screener
    /// A well-being index, where a higher score is better (WHO-5).
    case wellbeing
}

/// Whether a higher total means more difficulty or more well-being.
public enum ScoreDirection: String, Sendable, Hashable, CaseIterable {
    /// A higher total means more symptoms or impairment (most scales).
    case higherIsWorse
    /// A higher total means better well-being (WHO-5).
    case higherIsBetter
}
