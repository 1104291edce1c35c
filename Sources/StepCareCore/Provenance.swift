/// A code in a named terminology, such as LOINC.
public struct Code: Sendable, Hashable {
    /// The terminology, e.g. `LOINC`.
    public var system: String
    /// The code within the terminology, e.g. `44261-6`.
    public var value: String
    /// What the code stands for, e.g. "PHQ-9 total score".
    public var display: String?

    /// Creates a code.
    public init(system: String, value: String, display: String? = nil) {
        self.system = system
        self.value = value
        self.display = display
    }

    /// A LOINC code.
    public static func loinc(_ value: String, _ display: String? = nil) -> Code {
        Code(system: "LOINC", value: value, display: display)
    }
}

/// A published source: a paper, manual or data specification.
public struct Citation: Sendable, Hashable {
    /// The reference as it would appear in a bibliography.
    public var text: String
    /// The year of publication.
    public var year: Int

    /// Creates a citation.
    public init(_ text: String, year: Int) {
        self.text = text
        self.year = year
    }
}

/// Whether the item wording may ship inside StepCare, and on what terms.
public struct Licence: Sendable, Hashable {
    /// The licence status, which decides whether wording ships.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Free to reproduce and distribute; wording ships.
        case free
        /// Free with conditions (attribution, no alteration); wording ships under those conditions.
        case freeWithConditions = "free-with-conditions"
        /// Free for non-commercial use only; wording ships, and commercial services need permission.
        case nonCommercial = "non-commercial"
        /// Permission is needed or unclear; the module is a data-collection shell without wording.
        case permissionRequired = "permission-required"

        /// Whether item wording may ship under this status.
        public var allowsWording: Bool { self != .permissionRequired }
    }

    /// The licence status.
    public var status: Status
    /// The copyright holder and the terms, as the holder states them.
    public var terms: String
    /// The attribution line to show wherever the instrument is shown.
    public var attribution: String

    /// Creates a licence.
    public init(_ status: Status, terms: String, attribution: String) {
        self.status = status
        self.terms = terms
        self.attribution = attribution
    }
}
