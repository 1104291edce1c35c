/// One scored administration as the timeline keeps it: the instrument and edition, the item-level answers,
/// and the parts of the score report the rules read.
public struct AdministrationRecord: Sendable, Hashable {
    /// The fields, kept in one shared box: a timeline's events are copied into every state and report that
    /// reads them, and a record copied as one reference costs one retain instead of one per field.
    private var box: Box

    private struct Fields: Sendable, Hashable {
        var instrumentID: String
        var variantID: String?
        var edition: String?
        var answers: [ItemResponse]
        var total: Score?
        var bandIndex: Int?
        var bandLabel: String?
        var riskFlags: [RiskFlag]
        var codes: AdministrationCodes?
    }

    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = box.fields
        change(&fields)
        box = Box(fields)
    }

    /// The instrument's id, e.g. `phq9`.
    public var instrumentID: String {
        get { box.fields.instrumentID }
        set { update { $0.instrumentID = newValue } }
    }
    /// The variant scored, when the instrument has several.
    public var variantID: String? {
        get { box.fields.variantID }
        set { update { $0.variantID = newValue } }
    }
    /// The edition of the instrument scored, e.g. "2001 (Kroenke, Spitzer and Williams)", when known.
    public var edition: String? {
        get { box.fields.edition }
        set { update { $0.edition = newValue } }
    }
    /// The answers, one per item in order; empty when only the total was recorded.
    public var answers: [ItemResponse] {
        get { box.fields.answers }
        set { update { $0.answers = newValue } }
    }
    /// The total, or `nil` when the administration could not be scored.
    public var total: Score? {
        get { box.fields.total }
        set { update { $0.total = newValue } }
    }
    /// The band's position among the instrument's bands (0 = least severe), when scored and banded.
    public var bandIndex: Int? {
        get { box.fields.bandIndex }
        set { update { $0.bandIndex = newValue } }
    }
    /// The band's label.
    public var bandLabel: String? {
        get { box.fields.bandLabel }
        set { update { $0.bandLabel = newValue } }
    }
    /// The risk flags the administration raised.
    public var riskFlags: [RiskFlag] {
        get { box.fields.riskFlags }
        set { update { $0.riskFlags = newValue } }
    }
    /// The terminology codes of what was scored, taken from the definition at the time, when it has them.
    public var codes: AdministrationCodes? {
        get { box.fields.codes }
        set { update { $0.codes = newValue } }
    }

    /// Creates a record.
    public init(
        instrumentID: String, variantID: String? = nil, edition: String? = nil, answers: [ItemResponse] = [],
        total: Score?, bandIndex: Int? = nil, bandLabel: String? = nil, riskFlags: [RiskFlag] = [],
        codes: AdministrationCodes? = nil
    ) {
        box = Box(
            Fields(
                instrumentID: instrumentID, variantID: variantID, edition: edition, answers: answers, total: total,
                bandIndex: bandIndex, bandLabel: bandLabel, riskFlags: riskFlags, codes: codes))
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.box === rhs.box || lhs.box.fields == rhs.box.fields }

    public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

    /// The record of a score report.
    public init(_ report: ScoreReport, definition: InstrumentDefinition) {
        let index = report.band.flatMap { band in definition.bands.firstIndex(of: band) }
        self.init(
            instrumentID: definition.id, variantID: definition.variant?.id, edition: definition.edition,
            answers: report.responses, total: report.total, bandIndex: index, bandLabel: report.band?.label,
            riskFlags: report.flags, codes: AdministrationCodes(definition: definition, answers: report.responses))
    }
}

/// The terminology codes (LOINC where the instrument module has them) of one administration: the instrument's
/// own, each item's, and the code of the option chosen for each answered item.
public struct AdministrationCodes: Sendable, Hashable {
    /// The instrument's codes (panel, total score).
    public var instrument: [Code]
    /// Each answered item's code (system and code, no display), one per answer in item order; `nil` where the
    /// item has none.
    public var items: [Code?]
    /// The chosen option's code, one per answer in item order; `nil` where unanswered or uncoded.
    public var answers: [Code?]

    /// Creates codes.
    public init(instrument: [Code], items: [Code?], answers: [Code?]) {
        self.instrument = instrument
        self.items = items
        self.answers = answers
    }

    /// The codes of `definition` for these answers, or `nil` when the definition has no codes at all.
    public init?(definition: InstrumentDefinition, answers: [ItemResponse]) {
        // Item and answer codes are kept as system and code: their display text is the definition's own.
        func bare(_ code: Code?) -> Code? { code.map { Code(system: $0.system, value: $0.value) } }
        let items = answers.indices.map { index in
            index < definition.items.count ? bare(definition.items[index].code) : nil
        }
        let chosen = answers.indices.map { index -> Code? in
            guard index < definition.items.count, let value = answers[index].value else { return nil }
            return bare(definition.items[index].options.first { $0.value == value }?.code)
        }
        guard !definition.codes.isEmpty || items.contains(where: { $0 != nil }) else { return nil }
        self.init(instrument: definition.codes, items: items, answers: chosen)
    }
}

/// A written stability plan: the four parts a step-down needs.
public struct StabilityPlan: Sendable, Hashable {
    /// Early warning signs the client and team watch for.
    public var earlyWarningSigns: String
    /// What the client does when they notice them.
    public var copingActions: String
    /// How to get rapid support again.
    public var reaccessRoute: String
    /// The follow-up contacts scheduled after the move.
    public var followUpSchedule: String

    /// Creates a plan.
    public init(earlyWarningSigns: String, copingActions: String, reaccessRoute: String, followUpSchedule: String) {
        self.earlyWarningSigns = earlyWarningSigns
        self.copingActions = copingActions
        self.reaccessRoute = reaccessRoute
        self.followUpSchedule = followUpSchedule
    }

    /// The names of the parts left empty, in order.
    public var missingParts: [String] {
        [
            ("early warning signs", earlyWarningSigns), ("coping actions", copingActions),
            ("re-access route", reaccessRoute), ("follow-up schedule", followUpSchedule),
        ].filter { $0.1.allSatisfy(\.isWhitespace) }.map(\.0)
    }
}

/// A plan on the record.
public enum Plan: Sendable, Hashable {
    /// A stability plan for a step-down.
    case stability(StabilityPlan)
    /// A safety plan.
    case safety(summary: String)
    /// The plan a step-up to the most intensive tier requires.
    case stepUp(StepUpPlan)
}

/// A documented review.
public enum ReviewKind: String, Sendable, Hashable, CaseIterable {
    /// A structured review of progress and tier.
    case structured
    /// A risk review: the only thing that clears risk flags.
    case risk
    /// A supervisor's consultation.
    case supervisor
}

/// The kind of move a placement records.
public enum MoveKind: String, Sendable, Hashable {
    /// Initial placement.
    case place
    /// A move to a more intensive tier.
    case stepUp = "step-up"
    /// A move to a less intensive tier.
    case stepDown = "step-down"
    /// A placement other than the one the rules indicate.
    case override
}

/// Which capacity a placement used.
public enum Slot: String, Sendable, Hashable {
    /// One of the tier's ordinary slots.
    case standard
    /// A reserved rapid-access slot (step-ups and crises).
    case rapidAccess = "rapid-access"
    /// Over capacity, by an authorised exception.
    case exception
}

/// A move into a tier, with who made it and why.
public struct Placement: Sendable, Hashable {
    /// The tier moved into.
    public var tier: String
    /// The tier moved from, or `nil` for an initial placement.
    public var from: String?
    /// The kind of move.
    public var kind: MoveKind
    /// The capacity used.
    public var slot: Slot
    /// Who made it.
    public var actor: Actor
    /// Who co-signed it, when the decision rights require it.
    public var coSigner: Actor?
    /// The reason given, when one was required or offered.
    public var reason: String?
    /// A documented deviation from the indicated tier (e.g. the client's preference), if any.
    public var deviation: String?

    /// Creates a placement.
    public init(
        tier: String, from: String?, kind: MoveKind, slot: Slot, actor: Actor, coSigner: Actor? = nil,
        reason: String? = nil, deviation: String? = nil
    ) {
        self.tier = tier
        self.from = from
        self.kind = kind
        self.slot = slot
        self.actor = actor
        self.coSigner = coSigner
        self.reason = reason
        self.deviation = deviation
    }
}

/// Something that happened to a client, in order.
public enum CaseEventKind: Sendable, Hashable {
    /// The referral, with the tier the client would prefer, if they said.
    case referral(preference: String?)
    /// A scored administration.
    case administration(AdministrationRecord)
    /// A contact that was attended (a session) or missed (a no-show).
    case contact(attended: Bool)
    /// A contact with a crisis line or crisis team, with its channel and outcome when known.
    case crisisContact(CrisisDetail = CrisisDetail())
    /// A visit to an emergency department, with its outcome when known.
    case emergencyVisit(outcome: EmergencyOutcome? = nil)
    /// A medication safety concern raised by the prescriber or team (escalates).
    case medicationConcern
    /// A question for the prescriber about medication, not a safety concern (does not escalate).
    case prescriberQuestion
    /// A plan written with the client.
    case plan(Plan)
    /// A documented review, by whom, and who co-signed it when the rights require a co-signer.
    case review(ReviewKind, by: Actor, coSigner: Actor? = nil)
    /// A free-text note: on the case, on a contact, or a review's content. Rules do not read it.
    case note(CaseNote)
    /// An earlier record marked entered in error, optionally with its replacement. Rules read the corrected
    /// timeline (``CaseTimeline/corrected``), never the correction itself.
    indirect case correction(Correction)
    /// A move into a tier.
    case placement(Placement)
    /// The client waits for a tier that is full, after an authorised move.
    case waitlisted(tier: String, move: MoveKind, actor: Actor)
    /// A handover contact scheduled after a step-down.
    case handoverScheduled(number: Int, due: Instant)
    /// Discharge from the service, by whom, with the co-signer and reason when given.
    case discharge(by: Actor, coSigner: Actor? = nil, reason: String? = nil)
    /// The case assigned to a clinician (and coordinator and team); a later one is a handover.
    case assignment(Assignment)
    /// An appointment booked, rescheduled or cancelled, by whom.
    case appointment(AppointmentChange, by: Actor)
    /// An outreach attempt: how, what came of it, by whom.
    case outreach(method: OutreachMethod, outcome: OutreachOutcome, by: Actor)
}

/// One entry in a case timeline.
public struct CaseEvent: Sendable, Hashable {
    /// When it happened.
    public var at: Instant
    /// What happened.
    public var kind: CaseEventKind

    /// Creates an event.
    public init(at: Instant, _ kind: CaseEventKind) {
        self.at = at
        self.kind = kind
    }
}

/// The event-sourced record of one client, identified by a pseudonymous id.
///
/// Events are kept in the order they happened; an event dated before the last one is refused, so the order
/// is the order of time.
public struct CaseTimeline: Sendable, Hashable {
    /// The client's pseudonymous id, e.g. `C001`.
    public let caseID: String
    /// Demographic fields recorded for equity reporting (e.g. `age-band` → `25-34`); optional, never names.
    public var demographics: [String: String]
    /// The events, oldest first.
    public private(set) var events: [CaseEvent]

    /// Creates an empty timeline.
    public init(caseID: String, demographics: [String: String] = [:], events: [CaseEvent] = []) {
        self.caseID = caseID
        self.demographics = demographics
        self.events = events
    }

    /// Whether `id` has the shape of a pseudonymous case id: 1–16 ASCII letters, digits or '-', starting with a
    /// letter (`C042`).
    public static func isCaseID(_ id: String) -> Bool {
        id.count <= 16 && id.first?.isLetter == true
            && id.allSatisfy { ($0.isLetter || $0.isNumber || $0 == "-") && $0.isASCII }
    }

    /// The time of the latest event.
    public var lastEventAt: Instant? { events.last?.at }

    /// Appends an event.
    ///
    /// - Throws: ``StepCareError`` with code `dateOutOfRange` when `event` (or a handover it schedules) is dated
    ///   outside 1900–2199, or `datesOutOfOrder` when it is dated before the latest event.
    public mutating func append(_ event: CaseEvent) throws(StepCareError) {
        try Self.check(event, after: events.last?.at)
        events.append(event)
    }

    /// Checks what ``append(_:)`` checks: that `event` may follow an event dated `last` (`nil` for the first).
    ///
    /// - Throws: ``StepCareError`` with code `dateOutOfRange` or `datesOutOfOrder`, as ``append(_:)`` does.
    public static func check(_ event: CaseEvent, after last: Instant?) throws(StepCareError) {
        try checkRecordable(event.at)
        switch event.kind {
        case .handoverScheduled(_, let due), .appointment(.rescheduled(_, let due), _): try checkRecordable(due)
        case .appointment(.booked(let appointment), _): try checkRecordable(appointment.due)
        default: break
        }
        if let last, event.at < last {
            throw StepCareError(
                .datesOutOfOrder, "the event is dated \(event.at), before the case's latest event (\(last))",
                hint: "events are recorded in order; give --at \(last) or later")
        }
    }

    private static func checkRecordable(_ date: Instant) throws(StepCareError) {
        guard !date.isRecordable else { return }
        // A date far enough out would overflow the calendar arithmetic, so it is shown as a count of minutes.
        let readable = (-1_000_000_000_000...1_000_000_000_000).contains(date.minutes)
        throw StepCareError(
            .dateOutOfRange,
            "the event is dated " + (readable ? "\(date)" : "\(date.minutes) minutes from 1970-01-01")
                + ", outside the dates a record may carry (\(Instant.earliest.date) to \(Instant.latest.date))",
            hint: "give the date the event happened, as YYYY-MM-DD or YYYY-MM-DDTHH:MM")
    }
}

extension StepCareError.Code {
    /// An event is dated outside the years a record may carry.
    public static let dateOutOfRange = Self("date-out-of-range")
    /// An event is dated before the latest event of its case.
    public static let datesOutOfOrder = Self("dates-out-of-order")
}
