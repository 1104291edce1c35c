import StepCareCore
import StepCareReports

extension CommandSpec {
    /// `describe ID`: everything about one instrument.
    static let describe = CommandSpec(
        name: "describe", abstract: "Show an instrument's items, options, bands, cut-offs and sources",
        discussion: "Shows the items (with wording where the licence allows it, otherwise why not and how a service "
            + "can supply licensed wording), the response options and their points, reversed and not-applicable "
            + "items, skip rules, subscales, the severity bands, every named cut-off rule, the reliable-change "
            + "threshold, the risk rules, the missing-item policy, the variants, terminology codes, licence and "
            + "citations. --variant describes a variant other than the default.",
        arguments: [ArgumentSpec("ID", "an instrument id, e.g. phq9", completion: .instrument)],
        options: [
            OptionSpec("variant", value: "VARIANT", "Describe a named variant instead of the default"),
            OptionSpec("json", "Print the definition as one line of JSON (schema/stepcare-catalogue-1.schema.json)"),
        ],
        examples: ["describe phq9", "describe k10 --variant us-abs", "describe gad7 --json"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let instrument = try interpreter.instrument(invocation.positionals[0], variant: invocation.values["variant"])
        let variants = interpreter.registry.variants(of: instrument.definition.id).compactMap(\.definition.variant)
        if invocation.flag("json") {
            interpreter.output.line(CatalogueJSON.described(instrument.definition, variants: variants))
        } else {
            interpreter.output.write(InstrumentSheet.render(instrument.definition, variants: variants))
        }
    }
}

extension Interpreter {
    /// The instrument named by `argument`, in the variant named by `variant`, with errors located at them.
    func instrument(_ argument: CommandArgument, variant: CommandArgument? = nil) throws(Diagnostic) -> any Instrument {
        do {
            return try registry.instrument(argument.text, variant: variant?.text)
        } catch {
            throw Diagnostic(error, at: (error.code == .unknownVariant ? variant : nil)?.location ?? argument.location)
        }
    }
}
