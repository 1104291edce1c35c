/// The instruments and pathways a StepCare process knows, validated when they are registered.
///
/// The registry is a value: the executable builds it once from the generated module list, and
/// library code and tests receive it as a parameter.
public struct Registry: Sendable {
    /// The registered instruments, ordered by id; an instrument's variants follow its default.
    public let instruments: [any Instrument]
    /// The registered pathways, in the order given; the first is the default.
    public let pathways: [Pathway]
    private let byKey: [String: [Int]]

    /// Registers `instruments`, applying `checks` to each.
    ///
    /// Several instruments may share an id when each names a different variant; the first given is the
    /// default.
    /// Pathways are checked against the instruments (see ``PathwayCheck``).
    /// - Throws: ``RegistryError`` naming the first failing check and instrument or pathway, or a duplicate id.
    public init(
        instruments: [any Instrument], pathways: [Pathway] = [], checks: [DefinitionCheck] = DefinitionCheck.all,
        pathwayChecks: [PathwayCheck] = PathwayCheck.all
    ) throws(RegistryError) {
        var byKey: [String: [Int]] = [:]
        let sorted = instruments.enumerated().sorted {
            ($0.element.definition.id, $0.offset) < ($1.element.definition.id, $1.offset)
        }.map(\.element)
        for (index, instrument) in sorted.enumerated() {
            let definition = instrument.definition
            for check in checks {
                let problems = check.problems(definition)
                if !problems.isEmpty {
                    throw RegistryError(check: check.name, id: definition.id, problems: problems)
                }
            }
            let key = Registry.key(definition.id)
            let family = byKey[key, default: []].map { sorted[$0].definition }
            if let clash = Registry.variantClash(definition, family) {
                throw RegistryError(check: "unique-id", id: definition.id, problems: [clash])
            }
            byKey[key, default: []].append(index)
        }
        self.instruments = sorted
        self.byKey = byKey
        var definitions: [String: InstrumentDefinition] = [:]
        for instrument in sorted where definitions[instrument.definition.id] == nil {
            definitions[instrument.definition.id] = instrument.definition
        }
        var pathwayIDs = Set<String>()
        for pathway in pathways {
            guard pathwayIDs.insert(pathway.id).inserted else {
                throw RegistryError(
                    check: "unique-id", subject: "pathway", id: pathway.id,
                    problems: ["another pathway is already registered as \"\(pathway.id)\""])
            }
            for check in pathwayChecks {
                let problems = check.problems(pathway, definitions)
                if !problems.isEmpty {
                    throw RegistryError(check: check.name, subject: "pathway", id: pathway.id, problems: problems)
                }
            }
        }
        self.pathways = pathways
    }

    /// Applies `checks` to `pathway` (a registered pathway as a service configured it) against the registered
    /// instruments, as registration did.
    ///
    /// - Throws: ``RegistryError`` naming the first failing check.
    public func check(_ pathway: Pathway, checks: [PathwayCheck] = PathwayCheck.all) throws(RegistryError) {
        var definitions: [String: InstrumentDefinition] = [:]
        for instrument in instruments where definitions[instrument.definition.id] == nil {
            definitions[instrument.definition.id] = instrument.definition
        }
        for check in checks {
            let problems = check.problems(pathway, definitions)
            if !problems.isEmpty {
                throw RegistryError(check: check.name, subject: "pathway", id: pathway.id, problems: problems)
            }
        }
    }

    /// The pathway registered as `id`.
    ///
    /// - Throws: ``StepCareError`` with code `unknownPathway` listing the registered pathways.
    public func pathway(_ id: String) throws(StepCareError) -> Pathway {
        if let match = pathways.first(where: { $0.id == id.lowercased() }) { return match }
        throw StepCareError(
            .unknownPathway, "no pathway is registered as \"\(id)\"",
            hint: pathways.isEmpty
                ? "this build registers no pathways"
                : "registered pathways: \(pathways.map(\.id).joined(separator: ", "))")
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

/// Why the registry refused an instrument or a pathway.
public struct RegistryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name of the failed check, e.g. `bands-partition-range`.
    public var check: String
    /// What was refused: `instrument` or `pathway`.
    public var subject: String
    /// The refused instrument's or pathway's id.
    public var id: String
    /// What the check found.
    public var problems: [String]

    /// Creates an error.
    public init(check: String, subject: String = "instrument", id: String, problems: [String]) {
        self.check = check
        self.subject = subject
        self.id = id
        self.problems = problems
    }

    public var description: String {
        "\(subject) \"\(id)\" failed check \(check): " + problems.joined(separator: "; ")
    }
}

extension StepCareError.Code {
    /// No pathway is registered under the given identifier.
    public static let unknownPathway = Self("unknown-pathway")
}

extension StepCareError.Code {
    /// A definition (a data-defined instrument or pathway) has a missing, malformed or unknown field, fails a
    /// registry check, or imitates a registered instrument.
    public static let invalidDefinition = Self("invalid-definition")
}
