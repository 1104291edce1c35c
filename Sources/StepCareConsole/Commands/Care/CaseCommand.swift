import StepCareCore
import StepCareEngine
import StepCareRecord
import StepCareReports
import StepCareService
import StepCareStore

extension CommandSpec {
    /// `case new [ID]`, `case ID`, `case`: open a case, switch to one, or list them.
    static let caseCommand = CommandSpec(
        name: "case", abstract: "Open a case (case new), switch to one (case ID), or list them (case [--owner …])",
        discussion: "case new opens a referral with a pseudonymous id (C001, C002, … unless you give one) and makes "
            + "it the current case; later commands act on it unless given --case ID. --referred dates the referral "
            + "(default: the session clock); --prefers records the tier the client would prefer, which triage "
            + "honours where safe; --demographics records optional fields for equity reporting, e.g. "
            + "\"age-band=25-34,sex=female\": coded fields only (age-band, sex, ethnicity, deprivation, imd-decile, "
            + "rurality, disability, sexual-orientation, employment, first-language; docs/metrics.md lists the codes), "
            + "never a name or identifier. The case is stored in the session's context (live, training or "
            + "simulation). Never use a name as an id. case alone lists the cases, filtered by --owner (clinician or "
            + "coordinator), --mine, --team, --tier, --status (referred, open, discharged) and --search (part of an "
            + "id, ignoring case); the case ids complete with Tab.",
        arguments: [ArgumentSpec("WHAT", "new [ID], or an existing case id", arity: .zeroOrMore, completion: .caseID)],
        options: [
            OptionSpec("referred", value: "DATE", "When the referral arrived"),
            OptionSpec("prefers", value: "TIER", "The tier the client would prefer", completion: .tier),
            OptionSpec("demographics", value: "FIELD=VALUE,…", "Optional fields for equity reporting"),
            OptionSpec("json", "case (the list): one line of JSON per case (schema/stepcare-caseload-1.schema.json)"),
            OptionSpec("owner", value: "STAFF", "case (the list): cases held by this clinician or coordinator"),
            OptionSpec("mine", "case (the list): cases held by the logged-in user"),
            OptionSpec("team", value: "TEAM", "case (the list): cases of this team"),
            OptionSpec("tier", value: "TIER", "case (the list): cases in this tier", completion: .tier),
            OptionSpec("status", value: "STATUS", "case (the list): referred, open or discharged"),
            OptionSpec("search", value: "TEXT", "case (the list): ids containing TEXT, ignoring case"),
        ],
        examples: [
            "case new", "case new C042 --referred 2026-01-05 --prefers tier-1",
            "case new --demographics \"age-band=25-34,ethnicity=white-british\"", "case C001", "case",
            "case --mine --status open", "case --tier tier-3 --search c04",
        ],
        writes: .recordsByKind
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let words = invocation.positionals
        let workspace = interpreter.workspace
        guard let first = words.first else {
            try listCases(invocation, interpreter)
            return
        }
        guard first.text == "new" else {
            guard words.count == 1 else {
                throw Diagnostic(.unexpectedArgument, "case takes one id", hint: "write case ID", at: words[1].location)
            }
            do throws(StepCareError) { try workspace.select(case: first.text) } catch {
                throw Diagnostic(error, at: first.location)
            }
            interpreter.output.line("current case: \(first.text)")
            return
        }
        guard words.count <= 2 else {
            throw Diagnostic(
                .unexpectedArgument, "case new takes at most one id", hint: "write case new [ID]", at: words[2].location
            )
        }
        let referred = try invocation.values["referred"].map { (argument) throws(Diagnostic) in
            try Interpreter.instant(argument)
        }
        let demographics = try invocation.values["demographics"].map { (argument) throws(Diagnostic) in
            try Self.demographics(argument)
        }
        var bound = invocation
        if words.count == 2 { bound.values["id"] = words[1] }
        let timeline = try interpreter.core(bound) { () throws(StepCareError) in
            try workspace.openCase(
                words.count == 2 ? words[1].text : nil, referred: referred,
                preference: invocation.values["prefers"]?.text, demographics: demographics ?? [:])
        }
        let preference: String? = if case .referral(let tier) = timeline.events.first?.kind { tier } else { nil }
        interpreter.output.line(
            "case \(timeline.caseID) opened: referred \(timeline.events.first?.at ?? workspace.now)"
                + (preference.map { ", prefers \($0)" } ?? "") + " (pathway \(workspace.engine?.pathway.id ?? "none"))")
    }

    /// Parses `field=value,…`: lower-case field names and short coded values, never free text.
    static func demographics(_ argument: CommandArgument) throws(Diagnostic) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in argument.text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces }
            let allowed: (Character) -> Bool = { ($0.isLetter || $0.isNumber || "-+_.".contains($0)) && $0.isASCII }
            guard parts.count == 2, (1...24).contains(parts[0].count), (1...40).contains(parts[1].count),
                parts[0].allSatisfy({ $0.isLowercase || $0 == "-" }), parts[1].allSatisfy(allowed),
                fields[parts[0]] == nil
            else {
                throw Diagnostic(
                    .invalidOption, "--demographics takes FIELD=VALUE pairs separated by commas",
                    hint: "fields are equity fields such as age-band, sex, ethnicity, deprivation, rurality; "
                        + "values are their codes, e.g. age-band=25-34,sex=female (docs/metrics.md lists them)",
                    at: argument.location)
            }
            fields[parts[0]] = parts[1]
        }
        return fields
    }

    private static func listCases(_ invocation: Invocation, _ interpreter: Interpreter) throws(Diagnostic) {
        let workspace = interpreter.workspace
        let filter = try interpreter.caseFilter(invocation)
        let json = invocation.flag("json")
        let cases = try interpreter.core(invocation) { () throws(StepCareError) in try workspace.cases(filter) }
        guard !cases.isEmpty || json else {
            interpreter.output.line(
                workspace.caseload.order.isEmpty
                    ? "no cases open; open one with: case new" : "no case matches; case alone lists them all")
            return
        }
        for summary in cases {
            let events = workspace.caseload.cases[summary.caseID]?.events.count ?? 0
            if json {
                interpreter.output.line(
                    CaseloadJSON.listed(
                        caseID: summary.caseID,
                        status: summary.status == .discharged
                            ? "discharged" : summary.tier == nil ? "not-placed" : "placed",
                        tier: summary.tier, events: events, current: summary.caseID == workspace.currentCase,
                        assignment: summary.assignment))
                continue
            }
            let tier = summary.status == .discharged ? "discharged" : (summary.tier ?? "not placed")
            let marker = summary.caseID == workspace.currentCase ? "*" : " "
            let owner = summary.assignment.map { "  \($0.clinician)" + ($0.team.map { " (\($0))" } ?? "") } ?? ""
            interpreter.output.line("\(marker) \(summary.caseID)  \(tier)  \(events) events\(owner)")
        }
    }

    /// `timeline [CASE]`: the case's events in order.
    static let timeline = CommandSpec(
        name: "timeline", abstract: "Show a case's events in order",
        discussion: "Lists every event on the case: referral, scores, contacts, crises, plans, reviews, moves and "
            + "waits, with dates, and under each the text it carries: notes, plan contents, reasons. --json prints the "
            + "case as one line in the record format (stepcare-case/2, docs/record-format.md): every event in full, "
            + "with its id and who entered it.",
        arguments: [
            ArgumentSpec("CASE", "the case id (default: the current case)", arity: .optional, completion: .caseID)
        ],
        options: [OptionSpec("json", "Print the case as one line of record-format JSON")],
        examples: ["timeline", "timeline C001", "timeline C001 --json"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        var bound = invocation
        if let id = invocation.positionals.first { bound.values["case"] = id }
        let caseID = try interpreter.caseID(bound)
        try interpreter.recordAccess(invocation, client: caseID)
        if invocation.flag("json") {
            let workspace = interpreter.workspace
            let records = try interpreter.fromStore { () throws(StepCareError) in
                try workspace.store.records(workspace.context, cases: [caseID])
            }
            records.forEach { interpreter.output.line($0.line) }
            return
        }
        let workspace = interpreter.workspace
        // The record as stored: every event, numbered, who entered it and when; corrections shown, not applied.
        let stored =
            try interpreter.fromStore { () throws(StepCareError) in
                try workspace.store.records(workspace.context, cases: [caseID])
            }.first?.events ?? []
        var correctedBy: [Int: Int] = [:]  // record number → the correction's number
        for (index, record) in stored.enumerated() {
            if case .correction(let correction) = record.event.kind { correctedBy[correction.number] = index + 1 }
        }
        interpreter.output.line("case \(caseID):")
        for (index, record) in stored.enumerated() {
            let number = index + 1
            let late = workspace.lateness(of: record)
            var withdrawn = ""
            if case .administration(let form) = record.event.kind, !form.riskFlags.isEmpty {
                withdrawn = "; its risk flag(s) withdrawn with that record's reason"
            }
            let marks =
                (correctedBy[number].map { "  [ENTERED IN ERROR: see record \($0)\(withdrawn)]" } ?? "")
                + (late.map { "  [LATE ENTRY: recorded \($0.rounded) after]" } ?? "")
            interpreter.output.line(
                "  \(String(number).leftPadded(3))  \(record.event.at)  \(CareRendering.text(record.event.kind))"
                    + marks)
            for line in CareRendering.content(record.event.kind) { interpreter.output.line("         " + line) }
        }
    }
}

extension Substring {
    /// The text without leading and trailing whitespace.
    var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
