/// The instruments a StepCare process knows, validated when they are registered.
///
/// The registry is a value: the executable builds it once from the generated module list, and
/// library code and tests receive it as a parameter.
public struct Registry: Sendable {
    /// The registered instruments, ordered by id; an instrument's variants follow its default.
    public let instruments: [any Instrument]
    private let byKey: [String: [Int]]

    /// Registers `instruments`, applying `checks` to each.
    ///
    /// Several instruments may share an id when each names a different variant; the first given is the
    /// default.
    /// - Throws: ``RegistryError`` naming the first failing check and instrument, or a duplicate id.
    public init(instruments: [any Instrument], checks: [DefinitionCheck] = DefinitionCheck.all) throws(RegistryError) {
        var byKey: [String: [Int]] = [:]
        let sorted = instruments.enumerated().sorted {
            ($0.element.definition.id, $0.offset) < ($1.element.definition.id, $1.offset)
        }.map(\.element)
        for (index, instrument) in sorted.enumerated() {
            let definition = instrument.definition
            for check in checks {
                let problems = check.problems(definition)
                if !problems.isEmpty {
                    throw RegistryError(check: check.name, instrumentID: definition.id, problems: problems)
                }
            }
            let key = Registry.key(definition.id)
            let family = byKey[key, default: []].map { sorted[$0].definition }
            if let clash = Registry.variantClash(definition, family) {
                throw RegistryError(check: "unique-id", instrumentID: definition.id, problems: [clash])
            }
            byKey[key, default: []].append(index)
        }
        self.instruments = sorted
        self.byKey = byKey
    }

    private static func variantClash(_ definition: InstrumentDefinition, _ family: [InstrumentDefinition]) -> String? {
        guard !family.isEmpty else { return nil }
        guard let variant = definition.variant, family.allSatisfy({ $0.variant != nil }) else {
            return "another instrument is already registered as \"\(definition.id)\"; "
                + "instruments sharing an id must each name a variant"
        }
        return family.contains { $0.variant?.id == variant.id }
            ? "variant \"\(variant.id)\" of \"\(definition.id)\" is registered twice" : nil
    }

    /// The registered instrument ids, in order, each once.
    public var ids: [String] {
        var seen = Set<String>()
        return instruments.map(\.definition.id).filter { seen.insert($0).inserted }
    }

    /// The default instrument of each id, in order.
    public var defaults: [any Instrument] {
        ids.compactMap { try? instrument($0) }
    }

    /// Every variant registered under `id`, the default first; empty when the id is unknown.
    public func variants(of id: String) -> [any Instrument] {
        (byKey[Registry.key(id)] ?? []).map { instruments[$0] }
    }

    /// The instrument registered under `id`: the named variant, or the default.
    ///
    /// Matching ignores case, hyphens and underscores, so `PHQ-9` finds `phq9`.
    /// - Throws: ``StepCareError`` with code `unknownInstrument` listing the registered ids, or
    ///   `unknownVariant` listing the instrument's variants.
    public func instrument(_ id: String, variant: String? = nil) throws(StepCareError) -> any Instrument {
        let family = variants(of: id)
        guard let first = family.first else {
            throw StepCareError(
                .unknownInstrument, "no instrument is registered as \"\(id)\"",
                hint: "registered instruments: \(ids.joined(separator: ", "))")
        }
        guard let variant else { return first }
        if let match = family.first(where: { $0.definition.variant?.id == variant.lowercased() }) { return match }
        let names = family.compactMap(\.definition.variant?.id)
        throw StepCareError(
            .unknownVariant, "\(first.definition.shortName) has no variant \"\(variant)\"",
            hint: names.isEmpty
                ? "\(first.definition.shortName) has one version; leave out --variant"
                : "variants: \(names.joined(separator: ", ")) (default \(names[0]))")
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
