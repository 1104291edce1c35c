package import StepCareCore
package import StepCareEngine

/// How care records, recommendations and decisions read in the REPL.
package enum CareRendering {
    /// One timeline event as staff read it. Free text (plans, reasons) is not echoed.
    package static func text(_ kind: CaseEventKind) -> String {
        switch kind {
        case .referral(let preference):
            return "referred" + (preference.map { "; prefers \($0)" } ?? "")
        case .administration(let record):
            let total = record.total.map { "total \($0)" } ?? "not scored"
            let band = record.bandLabel.map { ", \($0)" } ?? ""
            let flags =
                record.riskFlags.isEmpty
                ? ""
                : "; RISK FLAG "
                    + record.riskFlags.map { "\($0.ruleID) (\($0.urgency.identifier))" }.joined(separator: ", ")
            return "\(record.instrumentID) \(total)\(band)\(flags)"
        case .contact(let attended): return attended ? "session attended" : "no-show"
        case .crisisContact(let detail):
            let parts = [detail.channel?.rawValue, detail.outcome?.rawValue].compactMap { $0 }
            return "crisis contact" + (parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")")
        case .emergencyVisit(let outcome): return "ED visit" + (outcome.map { " (\($0.rawValue))" } ?? "")
        case .medicationConcern: return "medication safety concern"
        case .prescriberQuestion: return "question for the prescriber (not a safety concern)"
        case .plan(.stability): return "stability plan recorded (early warning signs, coping, re-access, follow-up)"
        case .plan(.safety): return "safety plan recorded"
        case .plan(.stepUp): return "step-up plan recorded (safety actions, check-ins, step-down target)"
        case .assignment(let assignment):
            return "assigned to \(assignment.clinician)"
                + (assignment.coordinator.map { ", coordinator \($0)" } ?? "")
                + (assignment.team.map { ", team \($0)" } ?? "") + " by \(assignment.by)"
        case .appointment(.booked(let appointment), let actor):
            return "appointment \(appointment.number) (\(appointment.purpose.rawValue)) booked for \(appointment.due) "
                + "with \(appointment.with) by \(actor)"
        case .appointment(.rescheduled(let number, let due), let actor):
            return "appointment \(number) moved to \(due) by \(actor)"
        case .appointment(.cancelled(let number, let reason), let actor):
            return "appointment \(number) cancelled by \(actor)" + (reason == nil ? "" : "; reason recorded")
        case .outreach(let method, let outcome, let actor):
            return "outreach by \(method.rawValue): \(outcome.rawValue) (\(actor))"
        case .review(let kind, let actor, let coSigner):
            return "\(kind.rawValue) review by \(actor)" + (coSigner.map { ", co-signed by \($0)" } ?? "")
        case .note(let note): return "note (" + note.subject.rawValue.split(separator: "-").joined(separator: " ") + ")"
        case .correction(let correction):
            return "record \(correction.number) marked entered in error by \(correction.by)"
                + (correction.replacement.map { "; replaced by: " + text($0) } ?? "")
        case .placement(let placement): return text(placement)
        case .waitlisted(let tier, let move, let actor):
            return "waitlisted for \(tier) (\(move.rawValue) by \(actor)): the tier is full"
        case .handoverScheduled(let number, let due): return "handover contact \(number) scheduled by \(due)"
        case .discharge(let actor, let coSigner, let reason):
            return "discharged by \(actor)" + (coSigner.map { ", co-signed by \($0)" } ?? "")
                + (reason == nil ? "" : "; reason recorded")
        }
    }

    /// The free text an event carries (a note, a plan, a reason), one line per field, for the timeline: client
    /// data shown to staff on the screen, never to logs or diagnostics.
    package static func content(_ kind: CaseEventKind) -> [String] {
        // Stored text is shown with any control character replaced, so no record can rewrite the screen.
        rawContent(kind).map(\.escapingControlCharacters)
    }

    private static func rawContent(_ kind: CaseEventKind) -> [String] {
        switch kind {
        case .note(let note): return note.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        case .plan(.safety(let summary)): return ["summary: " + summary]
        case .plan(.stability(let plan)):
            return [
                "early warning signs: " + plan.earlyWarningSigns, "coping actions: " + plan.copingActions,
                "re-access: " + plan.reaccessRoute, "follow-up: " + plan.followUpSchedule,
            ]
        case .plan(.stepUp(let plan)):
            return [
                "safety actions: " + plan.safetyActions, "check-ins: " + plan.checkIns,
                "step-down target: " + plan.stepDownTarget,
            ]
        case .appointment(.cancelled(_, let reason), _): return reason.map { ["reason: " + $0] } ?? []
        case .placement(let placement): return placement.reason.map { ["reason: " + $0] } ?? []
        case .discharge(_, _, let reason): return reason.map { ["reason: " + $0] } ?? []
        case .correction(let correction): return ["reason: " + correction.reason]
        default: return []
        }
    }

    /// A placement: `stepped up tier-1 → tier-3 (rapid-access slot) by clinician:ana, co-signed by supervisor:lee`.
    package static func text(_ placement: Placement) -> String {
        let verb: String =
            switch placement.kind {
            case .place: "placed in \(placement.tier)"
            case .stepUp: "stepped up \(placement.from ?? "?") → \(placement.tier)"
            case .stepDown: "stepped down \(placement.from ?? "?") → \(placement.tier)"
            case .override: "placement overridden " + (placement.from.map { "\($0) → " } ?? "") + placement.tier
            }
        var text = "\(verb) (\(placement.slot.rawValue) slot) by \(placement.actor)"
        if let coSigner = placement.coSigner { text += ", co-signed by \(coSigner)" }
        if let deviation = placement.deviation { text += "; deviation documented: \(deviation)" }
        if placement.reason != nil { text += "; reason recorded" }
        return text
    }

    /// A recommendation with its deadline, authorisers, documentation and trace, naming the version of the
    /// service's configuration it fired under.
    package static func lines(_ recommendation: Recommendation, asOf now: Instant) -> [String] {
        let status =
            recommendation.isOverdue(asOf: now)
            ? "OVERDUE since \(recommendation.deadline)" : "due by \(recommendation.deadline)"
        var lines = ["\(recommendation.kind.description.uppercased()) — \(status)"]
        lines.append(
            "  rule: \(recommendation.ruleID) v\(recommendation.ruleVersion) (configuration v\(recommendation.configurationVersion)): "
                + recommendation.title)
        lines.append("  fired: \(recommendation.firedAt)")
        lines.append("  who may authorise: \(recommendation.authorisers)")
        if !recommendation.documentation.isEmpty {
            lines.append("  document: " + recommendation.documentation.map(\.rawValue).joined(separator: ", "))
        }
        lines += recommendation.trace.map { "  because: \($0)" }
        lines.append("  source: \(recommendation.source)")
        return lines
    }
}
