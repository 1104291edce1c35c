import StepCareCore
import StepCareEngine
import StepCareReports

extension CommandSpec {
    /// `outcome ID FIRST… -- LAST…`: classify the change between a first and a last administration.
    static let outcome = CommandSpec(
        name: "outcome", abstract: "Classify change between a first and last administration (NHS Talking Therapies)",
        discussion: "ID is one instrument, or a depression and an anxiety measure joined by a comma (phq9,gad7), the "
            + "pair NHS Talking Therapies uses. Give the first administration's answers, then --, then the last "
            + "one's; for a pair, each side is the first measure's answers followed by the second's. --totals "
            + "takes one total per measure on each side instead of answers. Prints each measure's change against "
            + "its caseness cut-off and published reliable-change threshold, then caseness, recovery, reliable "
            + "improvement, reliable deterioration and reliable recovery, with the reasons. Two combination rules "
            + "are unverified in the sources and are options: --improvement no-deterioration (default) or "
            + "any-measure; --deterioration any-measure (default) or no-improvement. --caseness picks a different "
            + "cut-off rule for a single measure.",
        arguments: [
            ArgumentSpec("ID", "an instrument id, or two joined by a comma", completion: .instrument),
            ArgumentSpec("ANSWER", "first answers, --, last answers", arity: .oneOrMore),
        ],
        options: [
            OptionSpec("totals", "Give totals instead of answers"),
            OptionSpec("caseness", value: "RULE", "The cut-off rule that decides caseness (one measure only)"),
            OptionSpec("improvement", value: "RULE", "Reliable improvement rule: no-deterioration or any-measure"),
            OptionSpec("deterioration", value: "RULE", "Reliable deterioration rule: any-measure or no-improvement"),
            OptionSpec("json", "Print one line of JSON (schema/stepcare-outcome-1.schema.json)"),
        ],
        examples: [
            "outcome phq9 --totals 16 -- 9", "outcome phq9,gad7 --totals 16 12 -- 9 6",
            "outcome gad7 3 3 2 2 1 1 0 -- 1 1 1 0 0 0 0",
        ]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let idWord = invocation.positionals[0]
        let ids = idWord.text.split(separator: ",").map(String.init)
        guard (1...2).contains(ids.count) else {
            throw Diagnostic(
                .invalidAnswer, "outcome takes one measure or a pair", hint: "write e.g. phq9 or phq9,gad7",
                at: idWord.location)
        }
        var instruments: [any Instrument] = []
        for id in ids {
            instruments.append(try interpreter.instrument(CommandArgument(id, at: idWord.location)))
        }
        guard let separator = invocation.separatorIndex, separator > 1 else {
            throw Diagnostic(
                .missingArgument, "outcome needs the first answers, then --, then the last answers",
                hint: "e.g. outcome phq9 --totals 16 -- 9", at: invocation.location)
        }
        let first = Array(invocation.positionals[1..<separator])
        let last = Array(invocation.positionals[separator...])
        var measures: [OutcomeMeasure] = []
        for instrument in instruments {
            do throws(StepCareError) {
                let rule = ids.count == 1 ? invocation.values["caseness"]?.text : nil
                measures.append(try OutcomeMeasure(instrument.definition, casenessRule: rule))
            } catch {
                throw Diagnostic(error, at: invocation.values["caseness"]?.location ?? idWord.location)
            }
        }
        let byTotal = invocation.flag("totals")
        let firstTotals = try totals(first, instruments, byTotal: byTotal, side: "first", output: interpreter.output)
        let lastTotals = try totals(last, instruments, byTotal: byTotal, side: "last", output: interpreter.output)
        let rules = OutcomeRules(
            improvement: try choice(invocation.values["improvement"], default: .noDeterioration),
            deterioration: try choice(invocation.values["deterioration"], default: .anyMeasure))
        let outcome = rules.classify(
            measures.indices.map { (measures[$0], firstTotals[$0], lastTotals[$0]) })
        if invocation.flag("json") {
            interpreter.output.line(OutcomeJSON.line(outcome))
        } else {
            interpreter.output.write(render(outcome))
        }
    }

    private static func totals(
        _ words: [CommandArgument], _ instruments: [any Instrument], byTotal: Bool, side: String,
        output: any TextOutput
    ) throws(Diagnostic) -> [Score] {
        let counts = instruments.map { byTotal ? 1 : $0.definition.items.count }
        guard words.count == counts.reduce(0, +) else {
            let wanted = zip(instruments, counts).map { "\($1) for \($0.definition.shortName)" }
            throw Diagnostic(
                .wrongAnswerCount,
                "the \(side) administration has \(words.count) " + (byTotal ? "totals" : "answers")
                    + ", but \(wanted.joined(separator: " and ")) are needed",
                hint: byTotal
                    ? "give one total per measure on each side of --" : "give one answer per item, or use --totals",
                at: words.first?.location)
        }
        var scores: [Score] = []
        var start = 0
        for (instrument, count) in zip(instruments, counts) {
            let slice = Array(words[start..<start + count])
            start += count
            let definition = instrument.definition
            if byTotal {
                guard let total = Int(slice[0].text), definition.scoreRange.contains(total) else {
                    throw Diagnostic(
                        .invalidAnswer, "the \(side) \(definition.shortName) total is not a whole number in its range",
                        hint: "\(definition.shortName) totals run \(InstrumentSheet.span(definition.scoreRange))",
                        at: slice[0].location)
                }
                scores.append(Score(total))
            } else {
                let report = try scoreAnswers(
                    instrument, slice, at: slice.first?.location, output: output)
                guard let total = report.total else {
                    throw Diagnostic(
                        .invalidAnswer,
                        "the \(side) \(definition.shortName) administration was not scored: "
                            + (report.notScoredReason ?? "incomplete"),
                        hint: "an outcome needs a scored first and last administration", at: slice.first?.location)
                }
                scores.append(total)
            }
        }
        return scores
    }

    private static func choice<Rule: RawRepresentable & CaseIterable>(
        _ argument: CommandArgument?, default fallback: Rule
    ) throws(Diagnostic) -> Rule where Rule.RawValue == String {
        guard let argument else { return fallback }
        if let rule = Rule(rawValue: argument.text) { return rule }
        throw Diagnostic(
            .invalidOption, "there is no rule called \"\(argument.text)\"",
            hint: "choices: " + Rule.allCases.map(\.rawValue).joined(separator: ", "), at: argument.location)
    }

    private static func render(_ outcome: Outcome) -> String {
        func verdict(_ value: Bool?, _ unknown: String) -> String {
            value.map { $0 ? "yes" : "no" } ?? unknown
        }
        var lines = outcome.changes.map(\.explanation)
        lines.append("caseness at first: \(verdict(outcome.caseAtFirst, "unknown (no caseness rule)"))")
        lines.append("caseness at last: \(verdict(outcome.caseAtLast, "unknown (no caseness rule)"))")
        lines.append("recovery: \(verdict(outcome.recovery, "not applicable (not a case at first, or no rule)"))")
        lines.append(
            "reliable improvement: \(verdict(outcome.reliableImprovement, "unknown (no published threshold)"))")
        lines.append(
            "reliable deterioration: \(verdict(outcome.reliableDeterioration, "unknown (no published threshold)"))")
        lines.append("reliable recovery: \(verdict(outcome.reliableRecovery, "not applicable"))")
        lines += outcome.trace.dropFirst(outcome.changes.count).map { "  because: \($0)" }
        if !outcome.usesTalkingTherapiesMeasures {
            let names = outcome.changes.filter { !$0.measure.isTalkingTherapiesMeasure }.map(\.measure.shortName)
            lines.append(
                "note: NHS Talking Therapies defines recovery and reliable change on PHQ-9 with GAD-7 (Clark et al. "
                    + "2018, Table 2), not on \(names.joined(separator: " or ")): these are its rules applied "
                    + "elsewhere, an indication only")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
