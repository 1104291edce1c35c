public import StepCareCore

/// Outcome rules as NHS Talking Therapies defines them, comparing the first and last paired scores.
///
/// Sources (`../shared/reference/instruments.md` §7): caseness, recovery, reliable improvement and
/// reliable recovery from NHS Digital's IAPT "Outcomes" pages and the PHE Fingertips glossary [V]; the
/// thresholds (PHQ-9 caseness ≥ 10, RCI 6; GAD-7 caseness ≥ 8, RCI 4) from MindStep 2018, Table 1 [S].
/// Two parts are UNVERIFIED in the reference and are explicit options here: whether reliable improvement
/// also needs no reliable deterioration on the other measure, and how reliable deterioration combines
/// the measures.
public struct OutcomeRules: Sendable, Hashable {
    /// When a person counts as reliably improved.
    public enum ImprovementRule: String, Sendable, Hashable, CaseIterable {
        /// At least one measure improved reliably and none deteriorated reliably (the default; the IAPT
        /// Manual's wording as remembered, UNVERIFIED in the reference).
        case noDeterioration = "no-deterioration"
        /// At least one measure improved reliably, whatever the other did.
        case anyMeasure = "any-measure"
    }

    /// When a person counts as reliably deteriorated.
    public enum DeteriorationRule: String, Sendable, Hashable, CaseIterable {
        /// At least one measure deteriorated reliably (the default; UNVERIFIED).
        case anyMeasure = "any-measure"
        /// One measure deteriorated reliably and no measure improved reliably (UNVERIFIED).
        case noImprovement = "no-improvement"
    }

    /// When a person counts as reliably improved.
    public var improvement: ImprovementRule
    /// When a person counts as reliably deteriorated.
    public var deterioration: DeteriorationRule

    /// Creates rules; the defaults are the documented StepCare choices.
    public init(improvement: ImprovementRule = .noDeterioration, deterioration: DeteriorationRule = .anyMeasure) {
        self.improvement = improvement
        self.deterioration = deterioration
    }

    /// Classifies the change between the first and last scores of each measure.
    ///
    /// `pairs` holds one entry per measure: the depression measure and the anxiety measure in NHS Talking
    /// Therapies, or one measure for plain reliable change.
    public func classify(_ pairs: [(measure: OutcomeMeasure, first: Score, last: Score)]) -> Outcome {
        var trace: [String] = []
        let changes = pairs.map { pair -> MeasureChange in
            let change = MeasureChange(measure: pair.measure, first: pair.first, last: pair.last)
            trace.append(change.explanation)
            return change
        }
        let casenessKnown = changes.allSatisfy { $0.measure.caseness != nil }
        let caseAtFirst = casenessKnown ? changes.contains { $0.caseAtFirst == true } : nil
        let caseAtLast = casenessKnown ? changes.contains { $0.caseAtLast == true } : nil
        let improved = changes.contains { $0.reliablyImproved == true }
        let deteriorated = changes.contains { $0.reliablyDeteriorated == true }
        let rciKnown = changes.allSatisfy { $0.measure.reliableChange != nil }

        let reliableImprovement: Bool? =
            !rciKnown ? nil : improvement == .anyMeasure ? improved : improved && !deteriorated
        let reliableDeterioration: Bool? =
            !rciKnown ? nil : deterioration == .anyMeasure ? deteriorated : deteriorated && !improved
        var recovery: Bool?
        if let caseAtFirst, let caseAtLast {
            if caseAtFirst {
                recovery = !caseAtLast
                trace.append(
                    caseAtLast
                        ? "still at caseness at the last score on at least one measure: not recovered"
                        : "at caseness at the first score and below caseness on every measure at the last: recovered")
            } else {
                trace.append("not at caseness at the first score: left out of recovery (NHS Digital)")
            }
        } else {
            trace.append("a measure has no caseness rule: recovery cannot be classified")
        }
        if reliableImprovement == nil || reliableDeterioration == nil {
            trace.append("a measure has no published reliable-change threshold: reliable change is not classified")
        } else {
            trace.append(
                "reliable improvement rule \(improvement.rawValue), reliable deterioration rule "
                    + "\(deterioration.rawValue) (both combinations are UNVERIFIED; see docs)")
        }
        let reliableRecovery = recovery.flatMap { recovered in reliableImprovement.map { recovered && $0 } }
        return Outcome(
            changes: changes, caseAtFirst: caseAtFirst, caseAtLast: caseAtLast, recovery: recovery,
            reliableImprovement: reliableImprovement, reliableDeterioration: reliableDeterioration,
            reliableRecovery: reliableRecovery, rules: self, trace: trace)
    }
}

/// How one measure changed between the first and last scores.
public struct MeasureChange: Sendable, Hashable {
    /// The measure.
    public var measure: OutcomeMeasure
    /// The first and last totals.
    public var first: Score
    public var last: Score

    /// Creates a change.
    public init(measure: OutcomeMeasure, first: Score, last: Score) {
        self.measure = measure
        self.first = first
        self.last = last
    }

    /// Whether the first total was at caseness; `nil` without a caseness rule.
    public var caseAtFirst: Bool? { measure.isCase(first) }
    /// Whether the last total was at caseness; `nil` without a caseness rule.
    public var caseAtLast: Bool? { measure.isCase(last) }
    /// Improvement in points: positive when the person got better.
    public var improvement: Double { measure.improvement(from: first, to: last) }
    /// Whether the improvement reaches the reliable-change threshold (`≥`); `nil` without one.
    public var reliablyImproved: Bool? { measure.reliableChange.map { improvement >= Double($0.threshold) } }
    /// Whether the worsening reaches the reliable-change threshold (`≥`); `nil` without one.
    public var reliablyDeteriorated: Bool? { measure.reliableChange.map { -improvement >= Double($0.threshold) } }

    /// One line saying what happened and why.
    public var explanation: String {
        var text = "\(measure.shortName) \(first) → \(last)"
        if let rule = measure.caseness {
            text +=
                "; caseness \(rule.condition) (\(rule.id)): "
                + "\(caseAtFirst == true ? "case" : "not a case") → \(caseAtLast == true ? "case" : "not a case")"
        }
        if let change = measure.reliableChange {
            let verdict =
                reliablyImproved == true
                ? "reliable improvement"
                : reliablyDeteriorated == true ? "reliable deterioration" : "no reliable change"
            text += "; change \(Score(exactly: -improvement)) against a threshold of \(change.threshold): \(verdict)"
        } else {
            text += "; no published reliable-change threshold"
        }
        return text
    }
}

/// The classification of one course of treatment.
public struct Outcome: Sendable, Hashable {
    /// Each measure's change.
    public var changes: [MeasureChange]
    /// Whether every measure is one NHS Talking Therapies defines its outcomes on (PHQ-9, GAD-7): otherwise
    /// recovery and reliable change are the programme's rules applied elsewhere, an indication only.
    public var usesTalkingTherapiesMeasures: Bool { changes.allSatisfy(\.measure.isTalkingTherapiesMeasure) }
    /// Caseness at the first and last scores (any measure at or above its cut-off); `nil` if unknown.
    public var caseAtFirst: Bool?
    public var caseAtLast: Bool?
    /// Recovery: a case at first and not at last; `nil` when not a case at first or unknown.
    public var recovery: Bool?
    /// Reliable improvement under ``OutcomeRules/improvement``; `nil` when a threshold is missing.
    public var reliableImprovement: Bool?
    /// Reliable deterioration under ``OutcomeRules/deterioration``; `nil` when a threshold is missing.
    public var reliableDeterioration: Bool?
    /// Reliable recovery: both recovery and reliable improvement.
    public var reliableRecovery: Bool?
    /// The rules applied.
    public var rules: OutcomeRules
    /// Why, step by step.
    public var trace: [String]
}
