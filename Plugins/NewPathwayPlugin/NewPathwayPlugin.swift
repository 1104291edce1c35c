import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory new-pathway NAME [--id ID]`
///
/// Creates `Sources/Pathways/NAME/NAME.swift` (a two-tier pathway passing every `PathwayCheck`, with TODOs) and
/// adds NAME to the pathway list in Package.swift. The id defaults to NAME hyphenated: `scaffold-pathway`.
@main
struct NewPathwayPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) throws {
        var extractor = ArgumentExtractor(arguments)
        let id = extractor.extractOption(named: "id").last
        guard extractor.remainingArguments.count == 1, let name = extractor.remainingArguments.first else {
            throw ScaffoldError("usage: swift package --allow-writing-to-package-directory new-pathway NAME [--id ID]")
        }
        let scaffold = PathwayScaffold(name: name, id: id ?? PathwayScaffold.hyphenated(name))
        try scaffold.write(into: context.package.directoryURL)
        print("Created Sources/Pathways/\(name) (pathway id \(scaffold.id)) and added \(name) to the pathway list.")
        print("Next: replace every TODO with the service's own model and sources, then run `swift build`.")
    }
}

struct ScaffoldError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

struct PathwayScaffold {
    let name: String
    let id: String

    /// `ScaffoldPathway` → `scaffold-pathway`, `NHSTalking` → `nhs-talking`, `K10Care` → `k10-care`.
    static func hyphenated(_ name: String) -> String {
        let characters = Array(name)
        return characters.indices.map { index -> String in
            let startsWord =
                index > 0 && characters[index].isUppercase
                && (!characters[index - 1].isUppercase
                    || (index + 1 < characters.count && characters[index + 1].isLowercase))
            return (startsWord ? "-" : "") + characters[index].lowercased()
        }.joined()
    }

    func write(into root: URL) throws {
        guard name.first.map({ $0.isUppercase && $0.isASCII }) == true,
            name.allSatisfy({ ($0.isLetter || $0.isNumber) && $0.isASCII })
        else { throw ScaffoldError("module name \"\(name)\" must be ASCII letters and digits from a capital") }
        guard id.first?.isLetter == true, id.last != "-", !id.contains("--"),
            id.allSatisfy({ ($0.isLowercase || $0.isNumber || $0 == "-") && $0.isASCII })
        else { throw ScaffoldError("pathway id \"\(id)\" must be lower-case words joined by hyphens; pass --id ID") }
        let fileManager = FileManager.default
        let paths = ["Sources/Pathways/", "Sources/", "Instruments/"].map { $0 + name }
        if let taken = paths.first(where: { fileManager.fileExists(atPath: root.appending(path: $0).path) }) {
            throw ScaffoldError("\(taken) already exists and module names must be unique; choose another name")
        }
        let manifestURL = root.appending(path: "Package.swift")
        let updated = try Self.adding(name, to: try String(contentsOf: manifestURL, encoding: .utf8))
        let folder = root.appending(path: "Sources/Pathways/\(name)")
        try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        try source.write(to: folder.appending(path: "\(name).swift"), atomically: true, encoding: .utf8)
        try updated.write(to: manifestURL, atomically: true, encoding: .utf8)
    }

    /// Returns `manifest` with `name` added, sorted, to the list between the pathway-list markers, written one
    /// name per line (an empty `[]` on one line becomes the multi-line form).
    static func adding(_ name: String, to manifest: String) throws -> String {
        var lines = manifest.components(separatedBy: "\n")
        guard let begin = lines.firstIndex(of: "// BEGIN pathway-list"),
            let end = lines.firstIndex(of: "// END pathway-list"), end > begin + 1
        else { throw ScaffoldError("Package.swift has no list between // BEGIN and // END pathway-list") }
        let block = lines[(begin + 1)..<end].joined(separator: "\n")
        guard let equals = block.firstIndex(of: "="), let open = block[equals...].firstIndex(of: "["),
            let close = block.lastIndex(of: "]"), open < close
        else { throw ScaffoldError("the pathway list in Package.swift is not a [String] literal") }
        var names = block[block.index(after: open)..<close].split(whereSeparator: { $0 == "," || $0 == "\n" }).map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }.filter { !$0.isEmpty }
        guard !names.contains(name) else { throw ScaffoldError("\(name) is already in the pathway list") }
        names = (names + [name]).sorted()
        let list = block[..<open] + "[\n" + names.map { "    \"\($0)\",\n" }.joined() + "]"
        lines.replaceSubrange((begin + 1)..<end, with: [String(list)])
        return lines.joined(separator: "\n")
    }

    var source: String {
        """
        public import StepCareCore

        /// The pathways of this module, for the generated registry.
        public enum \(name)Module: PathwayModule {
            public static var pathways: [Pathway] { [\(name).pathway] }
        }

        /// TODO: one paragraph saying what the model is, for whom, and where it comes from. Every threshold is a
        /// `PathwayParameter` with its source and the rules read their numbers from them; the registry applies
        /// `PathwayCheck.all` when it loads the pathway, so keep it passing as you edit.
        public enum \(name) {
            /// The pathway.
            public static let pathway = Pathway(
                id: "\(id)", name: "TODO: the name shown to staff", version: 1, summary: "TODO: tiers and moves",
                source: "TODO: the service model", tiers: [tier1, tier2], rules: rules, rights: rights,
                handoverContacts: [], parameters: [access, reviewAt, phq9Change, phq9Case, tier2Entry, stepUpWithin])

            // TODO: the service's own values and sources; one parameter per threshold.
            static let access = PathwayParameter(
                "placement-deadline", .span(.days(14)), meaning: "placed within", source: "TODO: access standard")
            static let reviewAt = PathwayParameter(
                "review-session", .count(4), meaning: "not on track by session", source: "TODO: review point")
            static let phq9Change = PathwayParameter(
                "phq9-reliable-change", .score(6), meaning: "reliable fall on PHQ-9", source: "NHS Talking Therapies")
            static let phq9Case = PathwayParameter(
                "phq9-caseness", .score(10), meaning: "PHQ-9 caseness", source: "NHS Talking Therapies")
            static let tier2Entry = PathwayParameter(
                "tier-2-phq9", .score(20), meaning: "PHQ-9 indicating tier 2", source: "TODO: e.g. Kroenke 2001")
            static let stepUpWithin = PathwayParameter(
                "step-up-deadline", .span(.days(14)), meaning: "step up within", source: "TODO: step-up standard")

            // TODO: each tier's components, sessions, timeframe, documentation standard, entry criteria, capacity.
            static let tier1 = TierPackage(
                id: "tier-1", name: "Tier 1 — TODO", components: ["TODO"], sessions: 4...6, timeframe: .weeks(8),
                documentationStandard: "TODO", accessStandard: access.span, entryCriteria: .always,
                escalationRules: [
                    MovementRule(
                        id: "tier-1-not-on-track", title: "Not on track on PHQ-9: step up", scope: .tiers(["tier-1"]),
                        when: .noReliableImprovement(
                            instrument: "phq9", threshold: phq9Change.number, caseness: phq9Case.number,
                            bySession: reviewAt.number),
                        recommend: .stepUp(to: "tier-2"), deadline: .within(stepUpWithin.span),
                        documentation: [.structuredReview], source: reviewAt.source)
                ],
                capacity: Capacity(standardSlots: 20))
            static let tier2 = TierPackage(
                id: "tier-2", name: "Tier 2 — TODO", components: ["TODO"], sessions: 8...12, timeframe: .weeks(16),
                documentationStandard: "TODO", accessStandard: access.span,
                entryCriteria: .scoreAtLeast(instrument: "phq9", threshold: tier2Entry.number),
                capacity: Capacity(standardSlots: 10, rapidAccessSlots: 1))

            // Checked for every client. Keep the risk rule: any risk flag gets a same-day review.
            static let rules: [MovementRule] = [
                MovementRule(
                    id: "placement-due", title: "Place within the access standard", scope: .beforePlacement,
                    when: .notPlaced, recommend: .place, deadline: .within(access.span), source: access.source),
                MovementRule(
                    id: "risk-same-day-review", title: "Risk flag: same-day safety review", scope: .always,
                    when: .openRiskFlag, recommend: .urgentSafetyReview, deadline: .sameDay,
                    documentation: [.riskReview], source: "StepCare safety standard"),
            ]

            // TODO: who may do what (no row = denied). Overrides need a co-signer and a reason, clearing a risk flag
            // a risk review; a step-down right needs a stability plan, and then `handoverContacts` two spans.
            static let rights = DecisionRights(
                [Role.clinician, .supervisor, .clinicalLead].flatMap { role in
                    [
                        DecisionRight(role, .place, .allowed),
                        DecisionRight(role, .stepUp, .allowed, documentation: [.structuredReview]),
                        DecisionRight(role, .discharge, .allowed, documentation: [.structuredReview]),
                        DecisionRight(role, .clearRiskFlag, .allowed, documentation: [.riskReview]),
                    ]
                } + [
                    DecisionRight(
                        .clinician, .overridePlacement, .needsCoSign(by: [.supervisor]), documentation: [.reason]),
                    DecisionRight(.clinicalLead, .authoriseException, .allowed, documentation: [.reason]),
                ])
        }

        """
    }
}
