import StepCareCore
import StepCareReports

extension CommandSpec {
    /// `instruments`: the table of registered instruments.
    static let instruments = CommandSpec(
        name: "instruments", abstract: "List the registered instruments",
        discussion: "Shows each instrument's id (used by score, describe and administer), short name, kind, "
            + "number of items, licence status and named variants (the first is the default). --licence adds the "
            + "licence terms and attribution of every variant.",
        options: [
            OptionSpec("licence", "Show the licence terms and attribution of each instrument"),
            OptionSpec("json", "One line of JSON per instrument (schema/stepcare-catalogue-1.schema.json)"),
        ],
        examples: ["instruments", "instruments --licence", "instruments --json"]
    ) { (invocation: Invocation, interpreter: Interpreter) throws(Diagnostic) in
        let registry = interpreter.registry
        if invocation.flag("json") {
            for definition in registry.defaults.map(\.definition) {
                let variants = registry.variants(of: definition.id).compactMap(\.definition.variant?.id)
                interpreter.output.line(CatalogueJSON.listed(definition, variants: variants))
            }
            return
        }
        let rows = registry.defaults.map(\.definition).map {
            let variants = registry.variants(of: $0.id).compactMap(\.definition.variant?.id)
            return [
                $0.id, $0.shortName, $0.kind.rawValue, String($0.items.count), $0.licence.status.rawValue,
                variants.isEmpty ? "-" : variants.joined(separator: ","), $0.title,
            ]
        }
        interpreter.output.write(
            TextTable.render(header: ["ID", "NAME", "KIND", "ITEMS", "LICENCE", "VARIANTS", "TITLE"], rows: rows))
        guard invocation.flag("licence") else { return }
        for definition in registry.instruments.map(\.definition) {
            interpreter.output.line()
            interpreter.output.line(
                "\(definition.shortName)\(definition.variant.map { " (\($0.id))" } ?? ""): "
                    + "\(definition.licence.status.rawValue)"
                    + (definition.licence.status.allowsWording ? "" : " (data-collection shell, no item wording)"))
            interpreter.output.line("  terms: \(definition.licence.terms)")
            interpreter.output.line("  attribution: \(definition.licence.attribution)")
        }
    }
}

/// Plain-text tables that fit a terminal.
enum TextTable {
    /// Renders rows under a header, columns padded to their widest cell, the last column truncated to `width`.
    static func render(header: [String], rows: [[String]], width: Int = 80) -> String {
        let all = [header] + rows
        var widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        let fixed = widths.dropLast().reduce(0) { $0 + $1 + 2 }
        widths[widths.count - 1] = max(header[header.count - 1].count, min(widths[widths.count - 1], width - fixed))
        return all.map { row in
            row.indices.map { column in
                var cell = row[column]
                if cell.count > widths[column] { cell = String(cell.prefix(widths[column] - 1)) + "…" }
                return column == row.count - 1 ? cell : cell.padding(to: widths[column])
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
