public import StepCareCore
public import StepCareSimulation

/// What a `simulate pathway` run varies: every population figure and every parameter of the pathway's
/// configuration, each set once or swept; several swept together make a grid (every combination).
///
/// A configuration parameter is written as a number: a count, score or percentage as itself, a length of time
/// in days (`step-up-window=14` is 14 days). Every point of the grid is checked before anything runs: each
/// value against its range, and each configured pathway against the registry's checks.
public struct SimulationGrid: Sendable {
    /// The population with every single-valued population setting applied.
    public let population: PopulationModel
    /// The configuration values set once, by parameter id (on top of the service's configuration in force).
    public let values: [String: PathwayParameter.Value]
    /// The swept settings (canonical names), in the order given.
    public let axes: [ParameterSetting]
    /// Every combination of the swept values, the first axis varying slowest; one empty point when nothing is
    /// swept.
    public let points: [[Double]]

    /// The most points a grid may have.
    public static let largestGrid = 1_000

    /// Reads `settings` against `pathway` (as the service configured it) and its population model.
    ///
    /// - Throws: `invalid-simulation` or `invalid-setting` naming the setting (field `set`).
    public init(_ pathway: Pathway, settings: [ParameterSetting]) throws(StepCareError) {
        var population = PopulationModel(pathway: pathway)
        var values: [String: PathwayParameter.Value] = [:]
        var axes: [ParameterSetting] = []
        var seen: Set<String> = []
        for setting in settings {
            do throws(StepCareError) {
                guard let first = setting.values.first else {
                    throw StepCareError(.invalidOption, "--set \(setting.name) needs a value")
                }
                let name = Self.canonicalName(setting.name, population, pathway)
                guard seen.insert(name).inserted else {
                    throw StepCareError.simulation(name, "is set twice", hint: "give each setting once")
                }
                for value in setting.values {
                    if let parameter = pathway.parameters.first(where: { $0.id == name }) {
                        _ = try Self.parameterValue(value, like: parameter.value, name: name)
                    } else {
                        var probe = population
                        try probe.set(name, to: value)
                    }
                }
                if setting.values.count > 1 {
                    axes.append(ParameterSetting(name: name, values: setting.values))
                } else if let parameter = pathway.parameters.first(where: { $0.id == name }) {
                    values[name] = try Self.parameterValue(first, like: parameter.value, name: name)
                } else {
                    try population.set(name, to: first)
                }
            } catch {
                var error = error
                error.field = "set"  // the --set word it came from, not the setting's own name
                throw error
            }
        }
        var points: [[Double]] = [[]]
        for axis in axes {
            guard points.count * axis.values.count <= Self.largestGrid else {
                throw StepCareError.simulation(
                    axis.name, "the grid would have more than \(Self.largestGrid) points",
                    hint: "sweep fewer values, or fewer settings at once"
                ).blaming("set")
            }
            points = points.flatMap { point in axis.values.map { point + [$0] } }
        }
        self.population = population
        self.values = values
        self.axes = axes
        self.points = points
    }

    /// The population model and configuration values at `point` (one value per axis).
    public func settings(
        at point: [Double], in pathway: Pathway
    ) throws(StepCareError) -> (
        population: PopulationModel, values: [String: PathwayParameter.Value]
    ) {
        var population = population
        var values = values
        for (axis, value) in zip(axes, point) {
            if let parameter = pathway.parameters.first(where: { $0.id == axis.name }) {
                values[axis.name] = try Self.parameterValue(value, like: parameter.value, name: axis.name)
            } else {
                try population.set(axis.name, to: value)
            }
        }
        return (population, values)
    }

    /// The setting's canonical name: a pathway parameter id as written, or the population's own name for it.
    static func canonicalName(_ name: String, _ population: PopulationModel, _ pathway: Pathway) -> String {
        if let parameter = pathway.parameters.first(where: { $0.id == name.lowercased() }) { return parameter.id }
        return population.canonicalName(name) ?? name
    }

    /// `number` as a value of the parameter's kind: whole counts, scores and percentages, and days for a span;
    /// within what any configuration may hold.
    static func parameterValue(
        _ number: Double, like current: PathwayParameter.Value, name: String
    ) throws(StepCareError) -> PathwayParameter.Value {
        let text: String
        if case .span = current {
            let minutes = number * 1440
            let (low, high) = (ConfigurationSetting.shortestSpan.minutes, ConfigurationSetting.longestSpan.minutes)
            guard minutes.isFinite, minutes >= Double(low), minutes <= Double(high) else {
                throw StepCareError.simulation(
                    name, "is a length of time in days here, from 1 hour (0.0417) to \(high / 1440) days, not \(number)"
                )
            }
            guard minutes == minutes.rounded() else {
                throw StepCareError.simulation(name, "is in days here; \(number) days is not a whole number of minutes")
            }
            text = "\(Int(minutes))m"
        } else {
            guard number.isFinite, number == number.rounded(), abs(number) <= 1e9 else {
                throw StepCareError.simulation(name, "takes a whole number, not \(number)")
            }
            text = String(Int(number))
        }
        return try ConfigurationSetting.value(text, like: current, name: name)
    }
}

extension ParameterSetting {
    /// A setting with its canonical name and values.
    init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }
}
