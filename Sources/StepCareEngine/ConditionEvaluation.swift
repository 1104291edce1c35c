public import StepCareCore

/// Whether a condition held, since when, and the evidence for or against it.
public struct ConditionResult: Sendable, Hashable {
    /// Whether the condition holds.
    public var holds: Bool
    /// When it became true (meaningful only when it holds).
    public var since: Instant
    /// The index of the newest event it rests on, or -1 when it rests on the passage of time alone; a
    /// resolved recommendation fires again only on newer evidence.
    public var evidenceIndex: Int
    /// One line per fact read, with dates and thresholds (empty when evaluated without explanation).
    public var evidence: [String]

    /// Creates a result.
    public init(holds: Bool, since: Instant, evidenceIndex: Int, evidence: [String]) {
        self.holds = holds
        self.since = since
        self.evidenceIndex = evidenceIndex
        self.evidence = evidence
    }
}

extension CaseState {
    /// Evaluates `condition` as of ``now``, with the evidence when `explain` is true.
    ///
    /// Every fact is read from the state's indices, so a condition costs what it reads, not the history's
    /// length. Without `explain` the evidence lines (dates formatted into text) are not built: callers that
    /// only need to know whether a rule holds skip that cost, and build the trace once, when a rule fires.
    public func evaluate(_ condition: Condition, explain: Bool = true) -> ConditionResult {
        Explaining(state: self, explain: explain).evaluate(condition)
    }

    /// The earliest moment in a window of `window` ending now: whole-day windows are calendar days, so "within
    /// 30 days" on 8 March counts events from 6 February 00:00.
    func windowStart(_ window: TimeSpan) -> Instant {
        window.minutes % 1440 == 0 ? now.startOfDay - window : now - window
    }
}

/// One evaluation: the state, and whether evidence lines are wanted.
private struct Explaining {
    let state: CaseState
    let explain: Bool

    var now: Instant { state.now }
    var events: ArraySlice<CaseEvent> { state.events }

    func evaluate(_ condition: Condition) -> ConditionResult {
        switch condition {
        case .always:
            return result(true, since: state.tierStart, index: state.placementIndex ?? state.referralIndex ?? -1, [])
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
            let last = state.indices(of: kind).last
            let lastAt = last.map { events[$0].at }
            let start = max(lastAt ?? state.tierStart, state.tierStart)
            return result(
                now - start >= span, since: start + span, index: max(last ?? -1, state.placementIndex ?? -1),
                {
                    let words = lastAt.map { "last \(kind) \($0)" } ?? "no \(kind) on record"
                    return ["\(words); \((now - start).days) days without one since \(start) (need ≥ \(span.days))"]
                })
        case .timeInTier(let span):
            guard let tier = state.tier else { return result(false, { ["not in a tier"] }) }
            let start = state.tierStart
            return result(
                now - start >= span, since: start + span, index: state.placementIndex ?? -1,
                { ["in \(tier) since \(start): \((now - start).days) days (need ≥ \(span.days))"] })
        case .sessions(let count):
            let sessions = state.sessions
            let holds = count > 0 && sessions.count >= count
            let index = holds ? sessions[count - 1] : -1
            return result(
                holds, since: holds ? events[index].at : now, index: index,
                { ["\(CountedEvent.session.counted(sessions.count)) attended in tier (need ≥ \(count))"] })
        case .openRiskFlag:
            let flags = state.openFlags
            guard let first = flags.first, let last = flags.last else {
                return result(false, { ["no open risk flag"] })
            }
            return result(
                true, since: events[first.index].at, index: last.index,
                {
                    flags.map {
                        "risk flag \($0.flag.ruleID) (item \($0.flag.item), \($0.flag.urgency.identifier)) on "
                            + "\(events[$0.index].at), not cleared by a risk review"
                    }
                })
        case .attendance(let percent, let window, let minimum):
            let start = state.windowStart(window)
            let attended = state.indices(of: .session, from: start)
            let missed = state.indices(of: .noShow, from: start)
            let contacts = attended.count + missed.count
            let holds = contacts >= minimum && attended.count * 100 >= percent * contacts
            return result(
                holds, since: now, index: max(attended.last ?? -1, missed.last ?? -1),
                {
                    [
                        "\(attended.count) of \(contacts) contacts attended in the \(window.days) days to \(now) "
                            + "(need ≥ \(percent)% of at least \(minimum))"
                    ]
                })
        case .notPlaced:
            let holds = state.tier == nil && !state.isDischarged && state.referralIndex != nil
            let start = state.tierStart
            return result(
                holds, since: start, index: state.referralIndex ?? -1,
                { [holds ? "referred \(start), not yet placed" : "placed or discharged"] })
        case .all(let conditions):
            let results = conditions.map(evaluate)
            return ConditionResult(
                holds: results.allSatisfy(\.holds), since: results.map(\.since).max() ?? now,
                evidenceIndex: results.map(\.evidenceIndex).max() ?? -1, evidence: results.flatMap(\.evidence))
        case .any(let conditions):
            let results = conditions.map(evaluate)
            let holding = results.filter(\.holds)
            return ConditionResult(
                holds: !holding.isEmpty, since: holding.map(\.since).min() ?? now,
                evidenceIndex: holding.map(\.evidenceIndex).max() ?? -1,
                evidence: (holding.isEmpty ? results : holding).flatMap(\.evidence))
        case .not(let inner):
            let inner = evaluate(inner)
            return ConditionResult(holds: !inner.holds, since: now, evidenceIndex: -1, evidence: inner.evidence)
        }
    }

    /// A result whose evidence lines are built only when explaining.
    private func result(
        _ holds: Bool, since: Instant? = nil, index: Int = -1, _ evidence: () -> [String]
    ) -> ConditionResult {
        ConditionResult(holds: holds, since: since ?? now, evidenceIndex: index, evidence: explain ? evidence() : [])
    }

    private func result(_ holds: Bool, since: Instant, index: Int, _ evidence: [String]) -> ConditionResult {
        ConditionResult(holds: holds, since: since, evidenceIndex: index, evidence: evidence)
    }

    private func describe(_ id: String, _ index: Int) -> String {
        let record = state.administration(index)
        let total = record.total.map(String.init(describing:)) ?? "not scored"
        let band = record.bandLabel.map { " (\($0))" } ?? ""
        return "\(id) \(total)\(band) on \(events[index].at)"
    }

    private func total(_ index: Int) -> Double { state.administration(index).total?.value ?? 0 }

    private func latestScore(_ id: String, _ threshold: Int, atLeast: Bool) -> ConditionResult {
        guard let latest = state.scored[id]?.last else {
            return result(false, { ["no scored \(id) on record"] })
        }
        let value = total(latest)
        let holds = atLeast ? value >= Double(threshold) : value < Double(threshold)
        return result(
            holds, since: events[latest].at, index: latest,
            {
                [
                    "latest \(describe(id, latest)) "
                        + (atLeast ? "(threshold ≥ \(threshold))" : "(threshold < \(threshold))")
                ]
            })
    }

    private func noReliableImprovement(
        _ id: String, _ threshold: Int, _ caseness: Int, _ session: Int
    ) -> ConditionResult {
        let sessions = state.sessions
        func sessionCount() -> String {
            "\(CountedEvent.session.counted(sessions.count)) attended in tier (review at session \(session))"
        }
        guard sessions.count >= session else { return result(false, { [sessionCount()] }) }
        guard let baseline = state.baselineIndex(of: id) else {
            return result(false, { [sessionCount(), "no scored \(id) to measure progress from"] })
        }
        let base = total(baseline)
        guard base >= Double(caseness) else {
            return result(
                false, { [sessionCount(), "baseline \(describe(id, baseline)) below caseness \(caseness)"] })
        }
        let sessionIndex = sessions[session - 1]
        guard let latest = state.scored[id]?.last, latest > baseline else {
            // A measure not repeated by the review session cannot show improvement: that is itself a reason to review.
            return result(
                true, since: events[sessionIndex].at, index: sessionIndex,
                {
                    [
                        sessionCount(),
                        "no \(id) recorded since the baseline \(describe(id, baseline)): progress cannot be shown",
                    ]
                })
        }
        let fall = base - total(latest)
        return result(
            fall < Double(threshold), since: max(events[sessionIndex].at, events[latest].at),
            index: max(sessionIndex, latest),
            {
                [
                    sessionCount(),
                    "baseline \(describe(id, baseline)) → most recent \(describe(id, latest)): "
                        + "fall \(Score(exactly: fall)) (reliable change needs ≥ \(threshold))",
                ]
            })
    }

    /// The trailing run of administrations in the tier at or above `threshold`, found from the newest back.
    private func persists(_ id: String, _ threshold: Int, _ span: TimeSpan) -> ConditionResult {
        let start = state.placementIndex ?? Int.min
        let all = state.scored[id] ?? []
        var first = all.endIndex
        while first > all.startIndex, all[first - 1] >= start, total(all[first - 1]) >= Double(threshold) {
            first -= 1
        }
        let run = all[first...]
        guard let firstIndex = run.first, let lastIndex = run.last, run.count >= 2 else {
            return result(
                false,
                { ["\(run.count) consecutive \(id) ≥ \(threshold) in tier (need 2 or more over \(span.spoken))"] })
        }
        let (firstAt, lastAt) = (events[firstIndex].at, events[lastIndex].at)
        let crossing = run.first { events[$0].at - firstAt >= span }
        return result(
            crossing != nil, since: crossing.map { events[$0].at } ?? now, index: lastIndex,
            {
                [
                    "\(run.count) consecutive \(id) ≥ \(threshold) from \(firstAt) to \(lastAt): "
                        + "\((lastAt - firstAt).days) days (need ≥ \(span.days))"
                ]
            })
    }

    private func bandChange(_ id: String, worse: Bool) -> ConditionResult {
        guard let baseline = state.baselineIndex(of: id), let latest = state.scored[id]?.last, latest > baseline,
            let from = state.administration(baseline).bandIndex, let to = state.administration(latest).bandIndex
        else { return result(false, { ["no \(id) since the tier's baseline"] }) }
        return result(
            worse ? to > from : to < from, since: events[latest].at, index: latest,
            { ["baseline \(describe(id, baseline)) → most recent \(describe(id, latest))"] })
    }

    private func eventsWithin(_ kind: CountedEvent, _ count: Int, _ window: TimeSpan) -> ConditionResult {
        let inWindow = state.indices(of: kind, from: state.windowStart(window))
        let holds = count > 0 && inWindow.count >= count
        return result(
            holds, since: holds ? events[inWindow[inWindow.startIndex + count - 1]].at : now,
            index: inWindow.last ?? -1,
            {
                ["\(kind.counted(inWindow.count)) in the \(window.days) days to \(now) (need ≥ \(count))"]
                    + inWindow.map { "\(kind) on \(events[$0].at)" }
            })
    }
}
