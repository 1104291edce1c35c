public import StepCareCore

/// One number of a synthetic population or service behaviour, with what it means and where it comes from.
public struct PopulationParameter: Sendable, Hashable {
    /// The name `--set` uses, e.g. `referral.rate` or `tier-3.slots`.
    public var name: String
    /// The value.
    public var value: Double
    /// What it means, with its unit.
    public var meaning: String
    /// Where the default comes from; most are StepCare's illustrative choices and say so.
    public var source: String
    /// The values allowed.
    public var range: ClosedRange<Double>
    /// Whether only whole numbers make sense (slots).
    public var isWhole: Bool

    init(
        _ name: String, _ value: Double, _ meaning: String, range: ClosedRange<Double>, whole: Bool = false,
        source: String = PopulationModel.illustrative
    ) {
        self.name = name
        self.value = value
        self.meaning = meaning
        self.source = source
        self.range = range
        self.isWhole = whole
    }
}

/// A synthetic population and how the service treats it: referrals, initial severity, how scores move in each
/// tier, crisis and emergency hazards that rise with severity, no-shows, staff response times, demographic
/// mix, and each tier's slots (from the pathway, changeable for what-if runs).
///
/// The defaults are an illustrative service, not data from one: a service lead sets them from their own
/// figures. Every parameter has a name, so `--set NAME=VALUE` changes it and a sweep varies it.
public struct PopulationModel: Sendable, Hashable {
    static let illustrative = "StepCare's illustrative default; set it from the service's own data"

    /// The parameters, in the order they are listed.
    public private(set) var parameters: [PopulationParameter]

    /// The demographic fields and their mix: field → (code, share); shares of a field sum to 1. Illustrative.
    public var demographics: [(field: String, mix: [(code: String, share: Double)])] = [
        ("age-band", [("18-24", 0.20), ("25-34", 0.25), ("35-44", 0.20), ("45-64", 0.25), ("65+", 0.10)]),
        ("sex", [("female", 0.60), ("male", 0.38), ("other", 0.02)]),
        ("ethnicity", [("white", 0.80), ("asian", 0.08), ("black", 0.04), ("mixed", 0.04), ("other", 0.04)]),
        ("deprivation", [("1", 0.2), ("2", 0.2), ("3", 0.2), ("4", 0.2), ("5", 0.2)]),
        ("rurality", [("urban", 0.80), ("rural", 0.20)]),
    ]

    /// The defaults for `pathway`: its tiers' slots, and illustrative population and service figures.
    public init(pathway: Pathway) {
        var list: [PopulationParameter] = [
            .init("referral.rate", 0.5, "referrals per day (Poisson)", range: 0.001...1000),
            .init("intake.phq9.mean", 12, "mean PHQ-9 severity at referral", range: 0...27),
            .init("intake.phq9.sd", 5, "spread (SD) of PHQ-9 severity at referral", range: 0...20),
            .init("measurement.sd", 1.5, "PHQ-9 measurement noise (SD) around the true severity", range: 0...10),
            .init("deterioration", 0.02, "chance per week in care of a sudden 4-point worsening", range: 0...1),
            .init("drift", 0.1, "weekly PHQ-9 change of a client not responding (points)", range: -5...5),
            .init(
                "crisis.hazard", 0.003, "crisis contacts per day at PHQ-9 10 (×e^(slope·(PHQ-9 − 10)) above)",
                range: 0...10),
            .init("emergency.hazard", 0.001, "ED visits per day at PHQ-9 10 (same slope)", range: 0...10),
            .init("hazard.slope", 0.15, "how fast the crisis and ED hazards rise per PHQ-9 point", range: 0...2),
            .init("risk.item9", 0.03, "chance PHQ-9 item 9 is positive at PHQ-9 10 (same slope)", range: 0...1),
            .init("review.delay", 2, "days from a recommendation to the staff acting on it", range: 0...60),
            .init("urgent.delay", 0.25, "days from a risk flag to the safety review", range: 0...30),
            .init("first-contact.delay", 1, "days from a placement to the first contact", range: 0...60),
        ]
        let response = [0.5, 0.55, 0.6]
        let improvement = [1.0, 0.8, 0.6]
        let noShow = [0.15, 0.12, 0.10]
        for (rank, tier) in pathway.tiers.enumerated() {
            let at = min(rank, 2)
            list += [
                .init(
                    "\(tier.id).slots", Double(tier.capacity.standardSlots), "ordinary slots in \(tier.id)",
                    range: 0...100_000, whole: true, source: "pathway \(pathway.id)"),
                .init(
                    "\(tier.id).rapid", Double(tier.capacity.rapidAccessSlots),
                    "rapid-access slots reserved in \(tier.id)", range: 0...100_000, whole: true,
                    source: "pathway \(pathway.id)"),
                .init("\(tier.id).response", response[at], "chance a client responds to \(tier.id)", range: 0...1),
                .init(
                    "\(tier.id).improvement", improvement[at], "weekly PHQ-9 fall of a responder in \(tier.id)",
                    range: 0...10),
                .init("\(tier.id).no-show", noShow[at], "chance a \(tier.id) contact is missed", range: 0...1),
            ]
        }
        parameters = list
    }

    /// The value of `name`; the name must be one of ``parameters``.
    public subscript(name: String) -> Double {
        guard let parameter = parameters.first(where: { $0.name == name }) else {
            preconditionFailure("no population parameter \(name)")
        }
        return parameter.value
    }

    /// The canonical name for `name`, accepting `tier3.slots` for `tier-3.slots`.
    public func canonicalName(_ name: String) -> String? {
        if parameters.contains(where: { $0.name == name }) { return name }
        func squeezed(_ text: String) -> String { text.filter { $0 != "-" && $0 != "_" }.lowercased() }
        return parameters.first { squeezed($0.name) == squeezed(name) }?.name
    }

    /// Sets `name` to `value`.
    ///
    /// - Throws: ``StepCareError`` (`invalid-simulation`) for an unknown name (listing the near ones) or a
    ///   value out of range.
    public mutating func set(_ name: String, to value: Double) throws(StepCareError) {
        guard let canonical = canonicalName(name), let index = parameters.firstIndex(where: { $0.name == canonical })
        else {
            let prefix = name.split(separator: ".").first.map(String.init) ?? name
            let near = parameters.map(\.name).filter { $0.hasPrefix(prefix) }
            throw .simulation(
                name, "is not a parameter of this simulation",
                hint: near.isEmpty
                    ? "list them with --parameters"
                    : "did you mean \(near.joined(separator: ", "))? (all: --parameters)")
        }
        let parameter = parameters[index]
        guard parameter.range.contains(value), value.isFinite else {
            throw .simulation(
                canonical,
                "must lie between \(shown(parameter.range.lowerBound)) and "
                    + "\(shown(parameter.range.upperBound)), not \(shown(value))")
        }
        guard !parameter.isWhole || value == value.rounded() else {
            throw .simulation(canonical, "takes a whole number, not \(shown(value))")
        }
        parameters[index].value = value
    }

    /// `pathway` with its tiers' capacity replaced by the `TIER.slots` and `TIER.rapid` values.
    public func applyCapacity(to pathway: Pathway) -> Pathway {
        var pathway = pathway
        for index in pathway.tiers.indices {
            let id = pathway.tiers[index].id
            pathway.tiers[index].capacity.standardSlots = Int(self["\(id).slots"])
            pathway.tiers[index].capacity.rapidAccessSlots = Int(self["\(id).rapid"])
        }
        return pathway
    }

    public static func == (lhs: PopulationModel, rhs: PopulationModel) -> Bool { lhs.parameters == rhs.parameters }
    public func hash(into hasher: inout Hasher) { hasher.combine(parameters) }
}
