/// One value a service sets for its pathway: a named parameter, a tier's slots, or temporary surge slots.
///
/// Written `NAME=VALUE` in the command language: `step-up-window=14d`, `tier-3.slots=10`,
/// `tier-3.rapid-access-slots=3`, `tier-3.surge=2` (with an end date).
public enum ConfigurationSetting: Sendable, Hashable, CustomStringConvertible {
    /// A pathway parameter (a threshold, window or deadline) by its id.
    case parameter(id: String, PathwayParameter.Value)
    /// A tier's ordinary slots.
    case slots(tier: String, Int)
    /// A tier's rapid-access slots.
    case rapidAccessSlots(tier: String, Int)
    /// Extra ordinary slots for a tier until a date (0 ends a surge early).
    case surge(tier: String, slots: Int, until: Instant)
    /// What must be on record before a decision (`action`, into `tier` when given) is accepted, for every role.
    case documentation(action: Action, tier: String?, [Documentation])
    /// A bound of the window live records may be dated in (``RecordWindow``).
    case recordWindow(RecordWindow, TimeSpan)

    /// The setting's name: the parameter id, or `TIER.slots`, `TIER.rapid-access-slots`, `TIER.surge`.
    public var name: String {
        switch self {
        case .parameter(let id, _): id
        case .slots(let tier, _): tier + ".slots"
        case .rapidAccessSlots(let tier, _): tier + ".rapid-access-slots"
        case .surge(let tier, _, _): tier + ".surge"
        case .documentation(let action, let tier, _):
            action.rawValue + (tier.map { ".to-" + $0 } ?? "") + ".documentation"
        case .recordWindow(let bound, _): bound.rawValue
        }
    }

    /// `step-up-window=14d`, `tier-3.surge=2 until 2027-03-01`.
    public var description: String {
        switch self {
        case .parameter(_, .span(let span)), .recordWindow(_, let span): "\(name)=\(span)"
        case .parameter(_, let value): "\(name)=\(value)"
        case .slots(_, let count), .rapidAccessSlots(_, let count): "\(name)=\(count)"
        case .surge(_, let slots, let until): slots == 0 ? "\(name)=0" : "\(name)=\(slots) until \(until)"
        case .documentation(_, _, let items):
            "\(name)=" + (items.isEmpty ? "none" : items.map(\.rawValue).joined(separator: ","))
        }
    }

    /// The most slots a tier may be given: far beyond any service, small enough that no count overflows.
    public static let largestSlotCount = 10_000
    /// The most events a count parameter may ask for.
    public static let largestCount = 1_000
    /// The shortest window, deadline or period a parameter may be set to: one hour.
    public static let shortestSpan = TimeSpan.hours(1)
    /// The longest: three years (156 weeks).
    public static let longestSpan = TimeSpan.weeks(156)

    /// Reads `name=text` against `pathway`'s parameters and tiers; `until` ends a surge.
    ///
    /// - Throws: ``StepCareError`` naming the setting (`field`) when the name is unknown, the value is not of
    ///   the parameter's kind, or it lies outside what any configuration may hold.
    public init(name: String, text: String, until: Instant?, in pathway: Pathway) throws(StepCareError) {
        let lowered = name.lowercased()
        if let bound = RecordWindow(rawValue: lowered) {
            self = .recordWindow(bound, try bound.span(text))
            return
        }
        if lowered.hasSuffix(".documentation") {
            self = try Self.documentation(lowered, text, in: pathway)
            return
        }
        if let dot = lowered.lastIndex(of: "."), let tier = pathway.tier(String(lowered[..<dot])) {
            let suffix = String(lowered[lowered.index(after: dot)...])
            let count = try Self.wholeNumber(text, name: lowered, range: 0...Self.largestSlotCount)
            switch suffix {
            case "slots": self = .slots(tier: tier.id, count)
            case "rapid-access-slots": self = .rapidAccessSlots(tier: tier.id, count)
            case "surge":
                guard count == 0 || until != nil else {
                    throw StepCareError(
                        .invalidSetting, "surge capacity needs an end date", hint: "add --until YYYY-MM-DD",
                        field: lowered)
                }
                self = .surge(tier: tier.id, slots: count, until: until ?? Instant(minutes: 0))
            default:
                throw StepCareError(
                    .invalidSetting, "a tier has no setting \"\(suffix)\"",
                    hint: "a tier's settings: \(tier.id).slots, \(tier.id).rapid-access-slots, \(tier.id).surge",
                    field: lowered)
            }
            return
        }
        guard let parameter = pathway.parameters.first(where: { $0.id == lowered }) else {
            throw StepCareError(
                .invalidSetting, "\(pathway.id) has no setting \"\(name)\"",
                hint: "list them with: configure show (parameters, TIER.slots, TIER.rapid-access-slots, "
                    + "TIER.surge, records.backdate-limit, records.clock-skew)", field: name)
        }
        self = .parameter(id: parameter.id, try Self.value(text, like: parameter.value, name: parameter.id))
    }

    /// `ACTION.documentation=a,b` or `ACTION.to-TIER.documentation=…` (`none` for nothing).
    private static func documentation(
        _ name: String, _ text: String, in pathway: Pathway
    ) throws(StepCareError) -> ConfigurationSetting {
        var parts = name.split(separator: ".").map(String.init)
        parts.removeLast()
        guard let first = parts.first, let action = Action(rawValue: first), action != .configure,
            parts.count <= 2
        else {
            throw StepCareError(
                .invalidSetting, "\(name) names no decision",
                hint: "write ACTION.documentation or ACTION.to-TIER.documentation; actions: "
                    + Action.allCases.filter { $0 != .configure }.map(\.rawValue).joined(separator: ", "),
                field: name)
        }
        var tier: String?
        if parts.count == 2 {
            guard parts[1].hasPrefix("to-"), let found = pathway.tier(String(parts[1].dropFirst(3))) else {
                throw StepCareError(
                    .invalidSetting, "\(name): \"\(parts[1].prefix(40))\" is not to-TIER",
                    hint: "tiers: " + pathway.tiers.map(\.id).joined(separator: ", "), field: name)
            }
            tier = found.id
        }
        guard text != "none" else { return .documentation(action: action, tier: tier, []) }
        var items: [Documentation] = []
        for word in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let item = Documentation(rawValue: String(word)), !items.contains(item) else {
                throw StepCareError(
                    .invalidSetting, "\(name): \"\(word.prefix(40))\" is not documentation, or is given twice",
                    hint: "one or more of " + Documentation.allCases.map(\.rawValue).joined(separator: ", ")
                        + ", separated by commas, or none", field: name)
            }
            items.append(item)
        }
        return .documentation(action: action, tier: tier, items)
    }

    /// `text` read as a value of the same kind as `current`, within what any configuration may hold.
    ///
    /// - Throws: `invalid-setting` naming `name`.
    public static func value(
        _ text: String, like current: PathwayParameter.Value, name: String
    ) throws(StepCareError) -> PathwayParameter.Value {
        switch current {
        case .count: return .count(try wholeNumber(text, name: name, range: 1...largestCount))
        case .score: return .score(try wholeNumber(text, name: name, range: 0...largestSlotCount))
        case .percent:
            let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
            return .percent(try wholeNumber(digits, name: name, range: 1...100))
        case .span:
            guard let span = TimeSpan(parsing: text) else {
                throw StepCareError(
                    .invalidSetting, "\"\(text)\" is not a length of time",
                    hint: "write a whole number and a unit, e.g. \(name)=14d (48h, 14d, 4w)", field: name)
            }
            guard span >= shortestSpan, span <= longestSpan else {
                throw StepCareError(
                    .invalidSetting, "\(name) must be from 1 hour to 156 weeks, not \(span)",
                    hint: "a window or deadline of 0 would never let a rule fire or be met", field: name)
            }
            return .span(span)
        }
    }

    private static func wholeNumber(
        _ text: String, name: String, range: ClosedRange<Int>
    ) throws(StepCareError)
        -> Int
    {
        guard text.first.map({ $0.isASCII && $0.isNumber }) == true, let number = Int(text), range.contains(number)
        else {
            throw StepCareError(
                .invalidSetting, "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)",
                hint: "e.g. \(name)=\(range.lowerBound == 0 ? 1 : min(range.upperBound, max(range.lowerBound, 10)))",
                field: name)
        }
        return number
    }
}

/// The window a live record's effective time must fall in, as a service sets it: no earlier than
/// `records.backdate-limit` before now (and never before the case's referral or latest event), no later than
/// `records.clock-skew` after now; and `records.late-entry-after`, after which an entry is marked late. Training
/// and simulation set their own clock and have no window.
public enum RecordWindow: String, Sendable, Hashable, CaseIterable {
    /// How far back a record may be dated. Records are made at the time or as soon as possible after (NMC, The
    /// Code, 2018, 10.1; GMC, Good medical practice), and a late entry is marked as such. The default of 30
    /// days is StepCare's choice, not a published limit: it covers a clinician's leave without opening the
    /// whole past (docs/trusted-time.md).
    case backdateLimit = "records.backdate-limit"
    /// How far after the clock a record may be dated, for staff whose own clock runs a little ahead. Default 0.
    case clockSkew = "records.clock-skew"
    /// A live entry recorded more than this after its effective time is marked as a late entry, in its audit
    /// entry and in `timeline`. Default 24 hours (StepCare's choice: "as soon as possible after" read as the
    /// same working day or the next).
    case lateEntry = "records.late-entry-after"

    /// The bound when the service has not set it.
    public var defaultSpan: TimeSpan {
        switch self {
        case .backdateLimit: .days(30)
        case .clockSkew: TimeSpan(minutes: 0)
        case .lateEntry: .hours(24)
        }
    }

    /// The values a service may set.
    public var range: ClosedRange<TimeSpan> {
        switch self {
        case .backdateLimit: .days(1)...ConfigurationSetting.longestSpan
        case .clockSkew: TimeSpan(minutes: 0)...TimeSpan(minutes: 15)
        case .lateEntry: .hours(1)...(.days(30))
        }
    }

    /// `text` read as this bound's span.
    ///
    /// - Throws: `invalid-setting` naming the bound.
    public func span(_ text: String) throws(StepCareError) -> TimeSpan {
        guard let span = TimeSpan(parsing: text) else {
            throw StepCareError(
                .invalidSetting, "\"\(text.prefix(40))\" is not a length of time",
                hint: "write a whole number and a unit, e.g. \(rawValue)=\(self == .clockSkew ? "2m" : "14d")",
                field: rawValue)
        }
        guard range.contains(span) else {
            throw StepCareError(
                .invalidSetting,
                "\(rawValue) must be from \(range.lowerBound.minutes == 0 ? "0" : range.lowerBound.spoken) to "
                    + "\(range.upperBound.spoken), not \(span.spoken)",
                hint: self == .clockSkew
                    ? "a record dated far ahead would block every later record on the case"
                    : "a day at least, so yesterday's notes can be entered; 156 weeks at most",
                field: rawValue)
        }
        return span
    }
}

/// A change to a service's configuration, as stored and audited: its version, when it takes effect, the
/// settings, who made it and why.
public struct ConfigurationChange: Sendable, Hashable {
    /// The pathway it configures.
    public var pathway: String
    /// 1 for the first change to the pathway, then 2, 3, …
    public var version: Int
    /// When it takes effect.
    public var effective: Instant
    /// The values set, in the order given.
    public var settings: [ConfigurationSetting]
    /// Why (required).
    public var reason: String
    /// The staff id of who made it.
    public var by: String

    /// Creates a change.
    public init(
        pathway: String, version: Int, effective: Instant, settings: [ConfigurationSetting], reason: String,
        by: String
    ) {
        self.pathway = pathway
        self.version = version
        self.effective = effective
        self.settings = settings
        self.reason = reason
        self.by = by
    }
}

/// The configuration in force at a moment: every change that has taken effect, applied in the order they took
/// effect (a setting holds the value of the latest change to take effect; same-time changes by version).
public struct ServiceConfiguration: Sendable, Hashable {
    /// The highest version in force, 0 when the pathway runs on its module's defaults.
    public var version = 0
    /// Parameter values set, by parameter id.
    public var values: [String: PathwayParameter.Value] = [:]
    /// Ordinary slots set, by tier id.
    public var slots: [String: Int] = [:]
    /// Rapid-access slots set, by tier id.
    public var rapidAccessSlots: [String: Int] = [:]
    /// Surge slots in force, by tier id.
    public var surges: [String: Int] = [:]
    /// The documentation each decision needs, as set (in the order set): action, tier moved into, items.
    public var documentation: [DocumentationRequirement] = []
    /// When the earliest surge in force ends (the configuration changes then without a new version).
    public var nextSurgeEnd: Instant?
    /// The record window's bounds set, by bound.
    public var recordWindow: [RecordWindow: TimeSpan] = [:]

    /// How far before now a live record may be dated.
    public var backdateLimit: TimeSpan {
        recordWindow[.backdateLimit] ?? RecordWindow.backdateLimit.defaultSpan
    }
    /// How far after now a live record may be dated.
    public var clockSkew: TimeSpan { recordWindow[.clockSkew] ?? RecordWindow.clockSkew.defaultSpan }
    /// After how long a live entry is marked late.
    public var lateEntryInterval: TimeSpan { recordWindow[.lateEntry] ?? RecordWindow.lateEntry.defaultSpan }

    /// The module's defaults.
    public init() {}

    /// The configuration `changes` (of one pathway) put in force at `now`.
    public init(_ changes: [ConfigurationChange], at now: Instant) {
        var surges: [String: (slots: Int, until: Instant)] = [:]
        let inForce = changes.filter { $0.effective <= now }.sorted {
            ($0.effective, $0.version) < ($1.effective, $1.version)
        }
        for change in inForce {
            version = max(version, change.version)
            for setting in change.settings {
                switch setting {
                case .parameter(let id, let value): values[id] = value
                case .slots(let tier, let count): slots[tier] = count
                case .rapidAccessSlots(let tier, let count): rapidAccessSlots[tier] = count
                case .surge(let tier, let count, let until): surges[tier] = (count, until)
                case .documentation(let action, let tier, let items):
                    documentation.removeAll { $0.action == action && $0.tier == tier }
                    documentation.append(DocumentationRequirement(action: action, tier: tier, documentation: items))
                case .recordWindow(let bound, let span): recordWindow[bound] = span
                }
            }
        }
        for (tier, surge) in surges where surge.slots > 0 && now < surge.until {
            self.surges[tier] = surge.slots
            nextSurgeEnd = min(nextSurgeEnd ?? surge.until, surge.until)
        }
    }
}

/// The documentation a service requires before a decision: for `action` (into `tier`, or any move when `nil`),
/// for every role that may take it.
public struct DocumentationRequirement: Sendable, Hashable {
    /// The decision.
    public var action: Action
    /// The tier moved into, or `nil` for every move.
    public var tier: String?
    /// What must be on record.
    public var documentation: [Documentation]

    /// Creates a requirement.
    public init(action: Action, tier: String?, documentation: [Documentation]) {
        self.action = action
        self.tier = tier
        self.documentation = documentation
    }
}

/// Builds a pathway from parameter values: what a pathway module supplies so a service can configure it.
///
/// Two builders compare equal: a pathway is identified by its id, version and content, not by how it is made.
public struct PathwayBuilder: Sendable, Hashable {
    /// Makes the pathway with `values` (by parameter id) in place of the defaults.
    public let make: @Sendable (_ values: [String: PathwayParameter.Value]) -> Pathway

    /// Creates a builder.
    public init(_ make: @escaping @Sendable (_ values: [String: PathwayParameter.Value]) -> Pathway) {
        self.make = make
    }

    public static func == (lhs: PathwayBuilder, rhs: PathwayBuilder) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}

extension Pathway {
    /// The pathway with `configuration` applied: parameters rebuilt through the module's builder, slots and
    /// surges in place, ``configurationVersion`` set. Configure the registered pathway, not a configured one.
    ///
    /// - Throws: `invalid-setting` naming the setting when a parameter is unknown, of the wrong kind, or the
    ///   pathway cannot be configured.
    public func configured(_ configuration: ServiceConfiguration) throws(StepCareError) -> Pathway {
        var pathway = self
        if !configuration.values.isEmpty {
            for (id, value) in configuration.values.sorted(by: { $0.key < $1.key }) {
                guard let parameter = parameters.first(where: { $0.id == id }) else {
                    throw StepCareError(
                        .invalidSetting, "\(self.id) has no parameter \"\(id)\"",
                        hint: "this build of the pathway no longer has it; set the configuration again", field: id)
                }
                _ = try ConfigurationSetting.value(value.text, like: parameter.value, name: id)
            }
            guard let builder else {
                throw StepCareError(
                    .invalidSetting, "\(self.id) takes no parameter values", hint: "its module has no builder",
                    field: configuration.values.keys.sorted().first)
            }
            pathway = builder.make(configuration.values)
        }
        for rank in pathway.tiers.indices {
            let id = pathway.tiers[rank].id
            if let count = configuration.slots[id] { pathway.tiers[rank].capacity.standardSlots = count }
            if let count = configuration.rapidAccessSlots[id] { pathway.tiers[rank].capacity.rapidAccessSlots = count }
            pathway.tiers[rank].capacity.standardSlots += configuration.surges[id] ?? 0
        }
        // A requirement for every move of an action first, then the tier-specific ones over it.
        for requirement in configuration.documentation.sorted(by: {
            ($0.tier == nil ? 0 : 1) < ($1.tier == nil ? 0 : 1)
        }) {
            for index in pathway.rights.rights.indices
            where pathway.rights.rights[index].action == requirement.action
                && (requirement.tier == nil || pathway.rights.rights[index].scope.to == requirement.tier)
            {
                pathway.rights.rights[index].documentation = requirement.documentation
            }
        }
        pathway.configurationVersion = configuration.version
        return pathway
    }
}

extension PathwayParameter.Value {
    /// The value as typed in a setting: `14d`, `2`, `75%`.
    public var text: String {
        switch self {
        case .count(let n), .score(let n): String(n)
        case .span(let span): span.description
        case .percent(let n): "\(n)%"
        }
    }
}

extension StepCareError.Code {
    /// A configuration setting is unknown, of the wrong kind, out of range, or fails the pathway's checks.
    public static let invalidSetting = Self("invalid-setting")
}

/// A pathway's parameters as a service set them: what a module's builder reads its thresholds through.
public struct ParameterValues: Sendable {
    /// The values set, by parameter id.
    public var values: [String: PathwayParameter.Value]

    /// Values set by a service (none: the defaults).
    public init(_ values: [String: PathwayParameter.Value] = [:]) { self.values = values }

    /// `parameter` with the service's value when one is set; its source then says so and keeps the default's.
    public subscript(_ parameter: PathwayParameter) -> PathwayParameter {
        guard let value = values[parameter.id], value != parameter.value else { return parameter }
        var set = parameter
        set.value = value
        set.source = "set by the service's configuration (default \(parameter.value.text): \(parameter.source))"
        return set
    }
}
