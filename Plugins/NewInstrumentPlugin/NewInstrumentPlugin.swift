import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory new-instrument NAME [--id ID]`
///
/// Creates `Instruments/NAME/Sources/NAME.swift` (a summed-scale instrument to fill in) and
/// `Instruments/NAME/Tests/NAMETests.swift` (conformance kit, exhaustive enumeration, golden vector),
/// and adds NAME to the instrument list in Package.swift.
@main
struct NewInstrumentPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) throws {
        var extractor = ArgumentExtractor(arguments)
        let id = extractor.extractOption(named: "id").last
        let names = extractor.remainingArguments
        guard names.count == 1, let name = names.first else {
            throw ScaffoldError(
                "usage: swift package --allow-writing-to-package-directory new-instrument NAME [--id ID]")
        }
        let root = context.package.directoryURL
        try Scaffold(name: name, id: id ?? name.lowercased()).write(into: root)
        print("Created Instruments/\(name) and added \(name) to the instrument list in Package.swift.")
        print("Next: fill in the definition from its primary source, then run `swift test --filter \(name)Tests`.")
    }
}

struct ScaffoldError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

struct Scaffold {
    let name: String
    let id: String

    func write(into root: URL) throws {
        guard name.first.map({ $0.isUppercase && $0.isASCII }) == true,
            name.allSatisfy({ ($0.isLetter || $0.isNumber) && $0.isASCII })
        else {
            throw ScaffoldError(
                "module name \"\(name)\" must be ASCII letters and digits starting with a capital, e.g. K10")
        }
        guard id.first?.isLetter == true, id.allSatisfy({ ($0.isLowercase || $0.isNumber) && $0.isASCII }) else {
            throw ScaffoldError("instrument id \"\(id)\" must be lower-case letters and digits; pass --id ID")
        }
        let manifestURL = root.appending(path: "Package.swift")
        let manifest = try String(contentsOf: manifestURL, encoding: .utf8)
        let folder = root.appending(path: "Instruments/\(name)")
        guard !FileManager.default.fileExists(atPath: folder.path) else {
            throw ScaffoldError("Instruments/\(name) already exists; choose another name")
        }
        let updated = try Self.adding(name, to: manifest)
        try FileManager.default.createDirectory(
            at: folder.appending(path: "Sources"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appending(path: "Tests"), withIntermediateDirectories: true)
        try source.write(to: folder.appending(path: "Sources/\(name).swift"), atomically: true, encoding: .utf8)
        try tests.write(to: folder.appending(path: "Tests/\(name)Tests.swift"), atomically: true, encoding: .utf8)
        try updated.write(to: manifestURL, atomically: true, encoding: .utf8)
    }

    /// Returns `manifest` with `name` added, sorted, to the list between the instrument-list markers,
    /// written one name per line.
    static func adding(_ name: String, to manifest: String) throws -> String {
        var lines = manifest.components(separatedBy: "\n")
        guard let begin = lines.firstIndex(of: "// BEGIN instrument-list"),
            let end = lines.firstIndex(of: "// END instrument-list"), end > begin + 1
        else {
            throw ScaffoldError("Package.swift has no list between // BEGIN and // END instrument-list")
        }
        let block = lines[(begin + 1)..<end].joined(separator: "\n")
        guard let equals = block.firstIndex(of: "="), let open = block[equals...].firstIndex(of: "["),
            let close = block.lastIndex(of: "]")
        else {
            throw ScaffoldError("the instrument list in Package.swift is not a [String] literal")
        }
        var names = block[block.index(after: open)..<close].split(whereSeparator: { $0 == "," || $0 == "\n" }).map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }.filter { !$0.isEmpty }
        guard !names.contains(name) else { throw ScaffoldError("\(name) is already in the instrument list") }
        names = (names + [name]).sorted()
        let list = block[..<open] + "[\n" + names.map { "    \"\($0)\",\n" }.joined() + "]"
        lines.replaceSubrange((begin + 1)..<end, with: [String(list)])
        return lines.joined(separator: "\n")
    }

    var source: String {
        """
        public import StepCareCore

        /// The instruments of this module, for the generated registry.
        public enum \(name)Module: InstrumentModule {
            public static let instruments: [any Instrument] = [\(name)Instrument()]
        }

        /// REPLACE: one line saying what the instrument measures.
        ///
        /// Sources: REPLACE with the primary source of the items, scoring, bands and every cut-off,
        /// and the confidence tag from the instrument reference. Until the licence is confirmed the
        /// module is a data-collection shell: item numbers and neutral labels, no wording.
        public struct \(name)Instrument: Instrument {
            public init() {}

            public let definition = InstrumentDefinition(
                id: "\(id)", shortName: "\(name)", title: "REPLACE: full title",
                edition: "REPLACE: edition", kind: .symptom, recallPeriod: "REPLACE: recall period",
                items: (1...3).map { Item(number: $0, text: "Item \\($0)", options: options) },
                scoreRange: 0...9,
                bands: [SeverityBand(0...4, "low"), SeverityBand(5...9, "high")],
                bandSource: "REPLACE: source of the bands",
                missingItems: .notScoredWhenIncomplete(reason: "no missing-item rule is published"),
                licence: Licence(
                    .permissionRequired, terms: "REPLACE: copyright holder and terms",
                    attribution: "REPLACE: attribution line"),
                citations: [Citation("REPLACE: primary citation", year: 2000)])
        }

        private let options = [
            ResponseOption(0, "Not at all"), ResponseOption(1, "Sometimes"), ResponseOption(2, "Often"),
            ResponseOption(3, "Always"),
        ]

        """
    }

    var tests: String {
        """
        import \(name)
        import StepCareCore
        import StepCareTesting
        import Testing

        @Suite struct \(name)Tests {
            let instrument = \(name)Instrument()

            @Test func passesTheConformanceKit() {
                #expect(Conformance.verify(instrument) == [])
            }

            /// Independent formula, written from the primary source rather than from the module.
            static func expected(_ answers: [Int]) -> Conformance.Expected {
                let total = answers.reduce(0, +)
                return Conformance.Expected(
                    total: total, band: total >= 5 ? "high" : "low", positiveCutOffs: [], firedRiskRules: [])
            }

            @Test func everyAnswerSetScoresAsTheIndependentFormulaSays() {
                let result = Conformance.enumerate(instrument, expected: Self.expected)
                #expect(result.count == 64)
                #expect(result.mismatches == [])
            }

            @Test func goldenVector() throws {
                #expect(try instrument.score(values: [1, 2, 2]).total == 5)
            }
        }

        """
    }
}
