import Foundation
import StepCareCore
import StepCareEngine
import StepCareTesting
import Testing

/// The engine enforces exactly the decision rights published to staff in docs/decision-rights.md.
@Suite struct DecisionRightsTests {
    typealias F = CaseFixture

    /// The pathways and the pages their rights are published on.
    static let pages = [
        "community-stepped-care": "decision-rights.md", "talking-therapies": "decision-rights-talking-therapies.md",
    ]

    static func pathway(_ id: String) -> Pathway {
        do { return try F.registry.pathway(id) } catch { fatalError("\(error)") }
    }

    /// A published table: role id → action → cell text.
    static func published(_ pathwayID: String) -> [String: [String: String]] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let file = root.appendingPathComponent("docs/\(pages[pathwayID] ?? "")")
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| ") }.map {
            $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        guard let header = rows.first(where: { $0.first == "action" }) else { return [:] }
        var table: [String: [String: String]] = [:]
        for row in rows where Action(rawValue: row[0]) != nil && row.count == header.count {
            for (column, role) in header.enumerated().dropFirst() { table[role, default: [:]][row[0]] = row[column] }
        }
        return table
    }

    static let tables = Dictionary(uniqueKeysWithValues: pages.keys.map { ($0, published($0)) })

    /// The published verdict for a move: the most specific scoped entry of the cell, else its first entry.
    static func publishedVerdict(
        _ pathwayID: String, _ role: Role, _ action: Action, from: String?, to: String?
    )
        -> String?
    {
        guard let cell = tables[pathwayID]?[role.id]?[action.rawValue] else { return nil }
        let parts = cell.components(separatedBy: "; ")
        var best: (specificity: Int, verdict: String) = (0, parts[0])
        for part in parts.dropFirst() {
            guard let colon = part.range(of: ": ") else { return nil }
            let scope = part[..<colon.lowerBound].split(separator: " ").map(String.init)
            var scopeFrom: String?
            var scopeTo: String?
            for index in stride(from: 0, to: scope.count - 1, by: 2) {
                if scope[index] == "from" { scopeFrom = scope[index + 1] } else { scopeTo = scope[index + 1] }
            }
            guard scopeFrom == nil || scopeFrom == from, scopeTo == nil || scopeTo == to else { continue }
            let specificity = (scopeFrom == nil ? 0 : 1) + (scopeTo == nil ? 0 : 1)
            if specificity > best.specificity { best = (specificity, String(part[colon.upperBound...])) }
        }
        return best.verdict
    }

    /// Every pathway × role × action.
    static let matrix: [(String, Role, Action)] = pages.keys.sorted().flatMap { id in
        pathway(id).roles.flatMap { role in Action.allCases.map { (id, role, $0) } }
    }

    @Test func thePublishedTablesCoverEveryRoleAndAction() {
        for (pathwayID, role, action) in Self.matrix {
            #expect(
                Self.tables[pathwayID]?[role.id]?[action.rawValue] != nil,
                "\(pathwayID): no cell for \(role.id) × \(action)")
        }
    }

    /// The moves each action can make in `pathway`.
    static func moves(_ action: Action, in pathway: Pathway) -> [(from: String?, to: String?)] {
        let tiers = pathway.tiers.map(\.id)
        let pairs = tiers.flatMap { from in tiers.filter { $0 != from }.map { (from: Optional(from), to: Optional($0)) }
        }
        func rank(_ tier: String?) -> Int { tier.flatMap(pathway.rank(of:)) ?? -1 }
        switch action {
        case .place: return tiers.map { (nil, $0) }
        case .stepUp: return pairs.filter { rank($0.to) > rank($0.from) }
        case .stepDown: return pairs.filter { rank($0.to) < rank($0.from) }
        case .overridePlacement: return tiers.map { (nil, $0) } + pairs
        case .discharge, .clearRiskFlag, .authoriseException, .breakGlass, .configure: return tiers.map { ($0, nil) }
        }
    }

    /// A case in `from` (or referred, when `nil`) with every document on record, an intake PHQ-9 that triage
    /// places in `target`, and an open risk flag when asked.
    static func documentedCase(_ pathway: Pathway, from: String?, placeIn target: String?, openFlag: Bool) -> Caseload {
        var fixture = CaseFixture()
        let rank = target.flatMap(pathway.rank(of:)) ?? 0
        fixture.add(0, F.phq9(rank == 0 ? 5 : rank == pathway.tiers.count - 1 ? 22 : 16))
        if let from { fixture.place(from, on: 0) }
        fixture.add(1, .review(.structured, by: F.clinician))
        fixture.add(1, .review(.supervisor, by: F.supervisor))
        fixture.add(1, .plan(.stability(MoveTests.plan)))
        if openFlag { fixture.add(1, F.phq9(12, item9: 1)) }
        var caseload = Caseload()
        do { try caseload.open(fixture.timeline) } catch { Issue.record("\(error)") }
        return caseload
    }

    func attempt(
        _ pathway: Pathway, _ action: Action, by actor: Actor, coSigner: Actor?, from: String?, to: String?
    ) -> StepCareError.Code? {
        let caseload = Self.documentedCase(
            pathway, from: from, placeIn: action == .place ? to : nil, openFlag: action == .clearRiskFlag)
        let request = MoveRequest(action, tier: to, by: actor, coSigner: coSigner, reason: "documented", at: F.day(2))
        do {
            _ = try Engine(pathway: pathway).apply(request, to: "C001", in: caseload)
            return nil
        } catch {
            return error.code
        }
    }

    @Test(arguments: matrix)
    func theEngineEnforcesThePublishedVerdict(pathwayID: String, role: Role, action: Action) throws {
        let pathway = Self.pathway(pathwayID)
        for (from, to) in Self.moves(action, in: pathway) {
            let published = try #require(Self.publishedVerdict(pathwayID, role, action, from: from, to: to))
            let context = "\(pathwayID): \(role.id) \(action.rawValue) from \(from ?? "-") to \(to ?? "-")"
            let rights = pathway.rights.verdict(role, action, from: from, to: to)
            guard action != .authoriseException, action != .breakGlass, action != .configure else {
                #expect(published == rights.description, "\(context)")
                continue
            }
            let actor = Actor(name: "first", role: role)
            let alone = attempt(pathway, action, by: actor, coSigner: nil, from: from, to: to)
            switch published {
            case "yes":
                #expect(alone == nil, "\(context): published yes, engine said \(alone.map(\.name) ?? "yes")")
            case "no":
                #expect(alone == .notAuthorised, "\(context): published no, engine said \(alone.map(\.name) ?? "yes")")
            default:
                #expect(published.hasPrefix("co-sign ("), "\(context): unreadable cell \(published)")
                let names = published.dropFirst("co-sign (".count).dropLast().components(separatedBy: " or ")
                #expect(
                    alone == .coSignRequired,
                    "\(context): published \(published), engine said \(alone.map(\.name) ?? "yes")")
                for name in names {
                    let coSigner = Actor(name: "second", role: try #require(pathway.role(name)))
                    #expect(
                        attempt(pathway, action, by: actor, coSigner: coSigner, from: from, to: to) == nil,
                        "\(context) with \(name)")
                    let sameName = Actor(name: "first", role: coSigner.role)
                    #expect(
                        attempt(pathway, action, by: actor, coSigner: sameName, from: from, to: to) == .coSignRequired)
                }
                for other in pathway.roles where !names.contains(other.id) {
                    let wrong = Actor(name: "second", role: other)
                    #expect(
                        attempt(pathway, action, by: actor, coSigner: wrong, from: from, to: to) == .coSignRequired,
                        "\(context) co-signed by \(other.id)")
                }
            }
        }
    }

    /// However one person acts — any role, any co-signer under their own name — no decision needing two is
    /// ever completed, and no override at all.
    @Test func noSequenceOfActionsByOneUserCompletesAnOverride() {
        var random = SplitMix64(seed: 2026)
        let actions: [Action] = [.place, .stepUp, .stepDown, .overridePlacement, .discharge, .clearRiskFlag]
        let tiers: [String?] = [nil, "tier-1", "tier-2", "tier-3"]
        var moves = 0
        for sequence in 0..<300 {
            var fixture = CaseFixture("P\(sequence)")
            fixture.add(0, F.phq9([5, 16, 22][random.next(below: 3)], item9: random.next(below: 2)))
            var caseload = Caseload()
            do { try caseload.open(fixture.timeline) } catch { Issue.record("\(error)") }
            for step in 0..<12 {
                let at = F.day(step + 1)
                if let timeline = caseload.cases[fixture.timeline.caseID], random.next(below: 3) == 0 {
                    var updated = timeline
                    let records: [CaseEventKind] = [
                        .review(.structured, by: F.clinician), .review(.supervisor, by: F.supervisor),
                        .plan(.stability(MoveTests.plan)), .crisisContact(),
                    ]
                    try? updated.append(CaseEvent(at: at, records[random.next(below: records.count)]))
                    caseload.update(updated)
                }
                let role = Role.standard[random.next(below: Role.standard.count)]
                let coSigner =
                    random.next(below: 2) == 0 ? nil : Actor(name: "sam", role: Role.standard[random.next(below: 6)])
                let request = MoveRequest(
                    actions[random.next(below: actions.count)], tier: tiers[random.next(below: tiers.count)],
                    by: Actor(name: "sam", role: role), coSigner: coSigner, reason: "reason",
                    exception: random.next(below: 2) == 0, at: at)
                if let outcome = try? F.engine.apply(request, to: fixture.timeline.caseID, in: caseload) {
                    caseload.update(outcome.timeline)
                }
            }
            for event in caseload.cases[fixture.timeline.caseID]?.events ?? [] {
                guard case .placement(let placement) = event.kind else { continue }
                moves += 1
                #expect(placement.kind != .override, "sequence \(sequence) completed an override alone")
                #expect(placement.slot != .exception || placement.actor.role == .clinicalLead)
                let action: Action =
                    switch placement.kind {
                    case .place: .place
                    case .stepUp: .stepUp
                    case .stepDown: .stepDown
                    case .override: .overridePlacement
                    }
                let verdict = F.pathway.rights.verdict(
                    placement.actor.role, action, from: placement.from, to: placement.tier)
                #expect(verdict == .allowed, "sequence \(sequence): \(action) by one person needed \(verdict)")
            }
        }
        #expect(moves > 50, "the sequences made only \(moves) moves; the property was barely exercised")
    }
}
