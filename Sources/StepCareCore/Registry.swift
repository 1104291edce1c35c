/// The instruments a StepCare process knows, validated when they are registered.
///
/// The registry is a value: the executable builds it once from the generated module list, and
/// library code and tests receive it as a parameter.
public struct Registry: Sendable {
    /// The registered instruments, ordered by id.
    public let instruments: [any Instrument]
    private let byKey: [String: Int]

    /// Registers `instruments`, applying `checks` to each.
    ///
    /// - Throws: ``RegistryError`` naming the first failing check and instrument, or a duplicate id.
    public init(instruments: [any Instrument], checks: [DefinitionCheck] = DefinitionCheck.all) throws(RegistryError) {
        var byKey: [String: Int] = [:]
        let sorted = instruments.sorted { $0.definition.id < $1.definition.id }
        for (index, instrument) in sorted.enumerated() {
            let definition = instrument.definition
            for check in checks {
                let problems = check.problems(definition)
                if !problems.isEmpty {
                    throw RegistryError(check: check.name, instrumentID: definition.id, problems: problems)
                }
            }
            let key = Registry.key(definition.id)
            if byKey[key] != nil {
                throw RegistryError(
                    check: "unique-id", instrumentID: definition.id,
                    problems: ["another instrument is already registered as \"\(definition.id)\""])
            }
            byKey[key] = index
        }
        self.instruments = sorted
        self.byKey = byKey
    }

    /// The registered instrument ids, in order.
    public var ids: [String] { instruments.map(\.definition.id) }

    /// The instrument registered under `id`.
    ///
    /// Matching ignores case, hyphens and underscores, so `PHQ-9` finds `phq9`.
    /// - Throws: ``StepCareError`` with code `unknownInstrument`, listing the registered ids.
    public func instrument(_ id: String) throws(StepCareError) -> any Instrument {
        if let index = byKey[Registry.key(id)] { return instruments[index] }
        throw StepCareError(
            .unknownInstrument, "no instrument is registered as \"\(id)\"",
            hint: "registered instruments: \(ids.joined(separator: ", "))")
    }

    private static func key(_ id: String) -> String {
        String(id.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " })
    }
}

/// Why the registry refused an instrument.
public struct RegistryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name of the failed check, e.g. `bands-partition-range`.
    public var check: String
    /// The refused instrument's id.
    public var instrumentID: String
    /// What the check found.
    public var problems: [String]

    /// Creates an error.
    public init(check: String, instrumentID: String, problems: [String]) {
        self.check = check
        self.instrumentID = instrumentID
        self.problems = problems
    }

    public var description: String {
        "instrument \"\(instrumentID)\" failed check \(check): " + problems.joined(separator: "; ")
    }
}
