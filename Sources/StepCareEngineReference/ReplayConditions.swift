public import StepCareCore
public import StepCareEngine

extension ReplayState {
    /// Evaluates `condition` as of ``now``.
    public func evaluate(_ condition: Condition) -> ConditionResult {
        switch condition {
        case .always:
            return result(true, since: tierStart, index: placementIndex ?? referralIndex ?? -1, [])
        case .scoreAtLeast(let id, let threshold):
            return latestScore(id, threshold, atLeast: true)
        case .scoreBelow(let id, let threshold):
            return latestScore(id, threshold, atLeast: false)
        case .noReliableImprovement(let id, let threshold, let caseness, let session):
            return noReliableImprovement(id, threshold, caseness, session)
        case .persistsAtLeast(let id, let threshold, let span):
            return persists(id, threshold, span)
        case .bandWorsened(let id):
            return bandChange(id, worse: true)
        case .bandImproved(let id):
            return bandChange(id, worse: false)
        case .eventsWithin(let kind, let count, let window):
            return eventsWithin(kind, count, window)
        case .noEventsFor(let kind, let span):
            let last = indices(of: kind).last
            let lastAt = last.map { events[$0].at }
            let start = max(lastAt ?? tierStart, tierStart)
            let words = lastAt.map { "last \(kind) \($0)" } ?? "no \(kind) on record"
            return result(
                now - start >= span, since: start + span, index: max(last ?? -1, placementIndex ?? -1),
                ["\(words); \((now - start).days) days without one since \(start) (need ≥ \(span.days))"])
        case .recurring(let kind, let span):
            guard tier != nil else { return result(false, ["not in a tier"]) }
            return evaluate(.noEventsFor(kind, span: span))
        case .enteredFrom(let tiers):
            var entered: Placement?
            if let placementIndex, case .placement(let placement) = events[placementIndex].kind { entered = placement }
            return result(
                tier != nil && entered?.from.map(tiers.contains) == true, since: tierStart,
                index: placementIndex ?? -1,
                [
                    entered.map {
                        "entered \($0.tier) from \($0.from ?? "no tier") (\($0.kind.rawValue)) on \(tierStart)"
                    } ?? "not in a tier"
                ])
        case .recorded(let kind):
            let latest = indices(of: kind).last
            let holds = latest.map { events[$0].at == now } ?? false
            return result(
                holds, since: now, index: holds ? latest ?? -1 : -1,
                [holds ? "\(kind) recorded on \(now)" : "no \(kind) recorded on \(now)"])
        case .timeInTier(let span):
            guard let tier else { return result(false, ["not in a tier"]) }
            return result(
                now - tierStart >= span, since: tierStart + span, index: placementIndex ?? -1,
                ["in \(tier) since \(tierStart): \((now - tierStart).days) days (need ≥ \(span.days))"])
        case .sessions(let count):
            let holds = count > 0 && sessions.count >= count
            let index = holds ? sessions[count - 1] : -1
            return result(
                holds, since: holds ? events[index].at : now, index: index,
                ["\(CountedEvent.session.counted(sessions.count)) attended in tier (need ≥ \(count))"])
        case .openRiskFlag:
            guard let first = openFlags.first, let last = openFlags.last else {
                return result(false, ["no open risk flag"])
            }
            return result(
                true, since: events[first.index].at, index: last.index,
                openFlags.map {
                    "risk flag \($0.flag.ruleID) (item \($0.flag.item), \($0.flag.urgency.identifier)) on \(events[$0.index].at), not cleared by a risk review"
                })
        case .attendance(let percent, let window, let minimum):
            let contacts = (indices(of: .session) + indices(of: .noShow)).filter {
                events[$0].at >= windowStart(window)
            }
            let attended = contacts.filter {
                if case .contact(attended: true) = events[$0].kind { true } else { false }
            }
            let holds = contacts.count >= minimum && attended.count * 100 >= percent * contacts.count
            return result(
                holds, since: now, index: contacts.max() ?? -1,
                [
                    "\(attended.count) of \(contacts.count) contacts attended in the \(window.days) days to \(now) "
                        + "(need ≥ \(percent)% of at least \(minimum))"
                ])
        case .notPlaced:
            let holds = tier == nil && !isDischarged && referralIndex != nil
            return result(
                holds, since: tierStart, index: referralIndex ?? -1,
                [holds ? "referred \(tierStart), not yet placed" : "placed or discharged"])
        case .all(let conditions):
            let results = conditions.map(evaluate)
            let holds = results.allSatisfy(\.holds)
            return result(
                holds, since: results.map(\.since).max() ?? now, index: results.map(\.evidenceIndex).max() ?? -1,
                results.flatMap(\.evidence))
        case .any(let conditions):
            let results = conditions.map(evaluate)
            let holding = results.filter(\.holds)
            return result(
                !holding.isEmpty, since: holding.map(\.since).min() ?? now,
                index: holding.map(\.evidenceIndex).max() ?? -1,
                (holding.isEmpty ? results : holding).flatMap(\.evidence))
        case .not(let inner):
            let inner = evaluate(inner)
            return result(!inner.holds, since: now, index: -1, inner.evidence)
        }
    }

    private func result(_ holds: Bool, since: Instant? = nil, index: Int = -1, _ evidence: [String]) -> ConditionResult
    {
        ConditionResult(holds: holds, since: since ?? now, evidenceIndex: index, evidence: evidence)
    }

    private func describe(
        _ id: String, _ administration: (index: Int, at: Instant, record: AdministrationRecord)
    ) -> String {
        let total = administration.record.total.map(String.init(describing:)) ?? "not scored"
        let band = administration.record.bandLabel.map { " (\($0))" } ?? ""
        return "\(id) \(total)\(band) on \(administration.at)"
    }

    private func latestScore(_ id: String, _ threshold: Int, atLeast: Bool) -> ConditionResult {
        guard let latest = administrations(of: id).last, let total = latest.record.total else {
            return result(false, ["no scored \(id) on record"])
        }
        let holds = atLeast ? total.value >= Double(threshold) : total.value < Double(threshold)
        return result(
            holds, since: latest.at, index: latest.index,
            [
                "latest \(describe(id, latest)) "
                    + (atLeast ? "(threshold ≥ \(threshold))" : "(threshold < \(threshold))")
            ])
    }

    private func noReliableImprovement(
        _ id: String, _ threshold: Int, _ caseness: Int, _ session: Int
    ) -> ConditionResult {
        let sessionCount =
            "\(CountedEvent.session.counted(sessions.count)) attended in tier (review at session \(session))"
        guard sessions.count >= session else { return result(false, [sessionCount]) }
        guard let baseline = baseline(of: id), let base = baseline.record.total else {
            return result(false, [sessionCount, "no scored \(id) to measure progress from"])
        }
        guard base.value >= Double(caseness) else {
            return result(false, [sessionCount, "baseline \(describe(id, baseline)) below caseness \(caseness)"])
        }
        let sessionIndex = sessions[session - 1]
        guard let latest = administrations(of: id).last, latest.index > baseline.index, let last = latest.record.total
        else {
            // A measure not repeated by the review session cannot show improvement: that is itself a reason to review.
            return result(
                true, since: events[sessionIndex].at, index: sessionIndex,
                [
                    sessionCount,
                    "no \(id) recorded since the baseline \(describe(id, baseline)): progress cannot be shown",
                ])
        }
        let fall = base.value - last.value
        return result(
            fall < Double(threshold), since: max(events[sessionIndex].at, latest.at),
            index: max(sessionIndex, latest.index),
            [
                sessionCount,
                "baseline \(describe(id, baseline)) → most recent \(describe(id, latest)): fall \(Score(exactly: fall)) "
                    + "(reliable change needs ≥ \(threshold))",
            ])
    }

    private func persists(_ id: String, _ threshold: Int, _ span: TimeSpan) -> ConditionResult {
        let start = placementIndex ?? Int.min
        let inTier = administrations(of: id).filter { $0.index >= start }
        var run: [(index: Int, at: Instant, record: AdministrationRecord)] = []
        for administration in inTier {
            if let total = administration.record.total, total.value >= Double(threshold) {
                run.append(administration)
            } else {
                run = []
            }
        }
        guard let first = run.first, let last = run.last, run.count >= 2 else {
            return result(
                false, ["\(run.count) consecutive \(id) ≥ \(threshold) in tier (need 2 or more over \(span.spoken))"])
        }
        let crossing = run.first { $0.at - first.at >= span }
        return result(
            crossing != nil, since: crossing?.at ?? now, index: last.index,
            [
                "\(run.count) consecutive \(id) ≥ \(threshold) from \(first.at) to \(last.at): "
                    + "\((last.at - first.at).days) days (need ≥ \(span.days))"
            ])
    }

    private func bandChange(_ id: String, worse: Bool) -> ConditionResult {
        guard let baseline = baseline(of: id), let latest = administrations(of: id).last, latest.index > baseline.index,
            let from = baseline.record.bandIndex, let to = latest.record.bandIndex
        else { return result(false, ["no \(id) since the tier's baseline"]) }
        return result(
            worse ? to > from : to < from, since: latest.at, index: latest.index,
            ["baseline \(describe(id, baseline)) → most recent \(describe(id, latest))"])
    }

    /// The earliest moment in a window of `window` ending now: whole-day windows are calendar days, so "within
    /// 30 days" on 8 March counts events from 6 February 00:00.
    func windowStart(_ window: TimeSpan) -> Instant {
        window.minutes % 1440 == 0 ? now.startOfDay - window : now - window
    }

    private func eventsWithin(_ kind: CountedEvent, _ count: Int, _ window: TimeSpan) -> ConditionResult {
        let inWindow = indices(of: kind).filter { events[$0].at >= windowStart(window) }
        let holds = count > 0 && inWindow.count >= count
        var evidence = ["\(kind.counted(inWindow.count)) in the \(window.days) days to \(now) (need ≥ \(count))"]
        evidence += inWindow.map { "\(kind) on \(events[$0].at)" }
        return result(
            holds, since: holds ? events[inWindow[count - 1]].at : now, index: inWindow.last ?? -1, evidence)
    }
}
