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
        evaluated(condition, explain)
    }

    /// The earliest moment in a window of `window` ending now: whole-day windows are calendar days, so "within
    /// 30 days" on 8 March counts events from 6 February 00:00.
    func windowStart(_ window: TimeSpan) -> Instant {
        window.minutes % 1440 == 0 ? now.startOfDay - window : now - window
    }
}

// Each condition, read from the state's indices; evidence lines are built only when `explain` is true.
extension CaseState {
    private func evaluated(_ condition: Condition, _ explain: Bool) -> ConditionResult {
        switch condition {
        case .always:
            return result(explain, true, since: tierStart, index: placementIndex ?? referralIndex ?? -1, [])
        case .scoreAtLeast(let id, let threshold):
            return latestScore(explain, id, threshold, atLeast: true)
        case .scoreBelow(let id, let threshold):
            return latestScore(explain, id, threshold, atLeast: false)
        case .noReliableImprovement(let id, let threshold, let caseness, let session):
            return noReliableImprovement(explain, id, threshold, caseness, session)
        case .persistsAtLeast(let id, let threshold, let span):
            return persists(explain, id, threshold, span)
        case .bandWorsened(let id):
            return bandChange(explain, id, worse: true)
        case .bandImproved(let id):
            return bandChange(explain, id, worse: false)
        case .eventsWithin(let kind, let count, let window):
            return eventsWithin(explain, kind, count, window)
        case .noEventsFor(let kind, let span):
            let last = indices(of: kind).last
            let lastAt = last.map { events[$0].at }
            let start = max(lastAt ?? tierStart, tierStart)
            return result(
                explain,
                now - start >= span, since: start + span, index: max(last ?? -1, placementIndex ?? -1),
                {
                    let words = lastAt.map { "last \(kind) \($0)" } ?? "no \(kind) on record"
                    return ["\(words); \((now - start).days) days without one since \(start) (need ≥ \(span.days))"]
                })
        case .recurring(let kind, let span):
            guard tier != nil else { return result(explain, false, { ["not in a tier"] }) }
            return evaluated(.noEventsFor(kind, span: span), explain)
        case .enteredFrom(let tiers):
            let from = placement?.from
            let holds = tier != nil && from.map(tiers.contains) == true
            return result(
                explain,
                holds, since: tierStart, index: placementIndex ?? -1,
                {
                    [
                        placement.map {
                            "entered \($0.tier) from \($0.from ?? "no tier") (\($0.kind.rawValue)) on \(tierStart)"
                        } ?? "not in a tier"
                    ]
                })
        case .recorded(let kind):
            let latest = indices(of: kind).last
            let holds = latest.map { events[$0].at == now } ?? false
            return result(
                explain,
                holds, since: now, index: holds ? latest ?? -1 : -1,
                { [holds ? "\(kind) recorded on \(now)" : "no \(kind) recorded on \(now)"] })
        case .timeInTier(let span):
            guard let tier = tier else { return result(explain, false, { ["not in a tier"] }) }
            let start = tierStart
            return result(
                explain,
                now - start >= span, since: start + span, index: placementIndex ?? -1,
                { ["in \(tier) since \(start): \((now - start).days) days (need ≥ \(span.days))"] })
        case .sessions(let count):
            let sessions = sessions
            let holds = count > 0 && sessions.count >= count
            let index = holds ? sessions[count - 1] : -1
            return result(
                explain,
                holds, since: holds ? events[index].at : now, index: index,
                { ["\(CountedEvent.session.counted(sessions.count)) attended in tier (need ≥ \(count))"] })
        case .openRiskFlag:
            let flags = openFlags
            guard let first = flags.first, let last = flags.last else {
                return result(explain, false, { ["no open risk flag"] })
            }
            return result(
                explain,
                true, since: events[first.index].at, index: last.index,
                {
                    flags.map {
                        "risk flag \($0.flag.ruleID) (item \($0.flag.item), \($0.flag.urgency.identifier)) on "
                            + "\(events[$0.index].at), not cleared by a risk review"
                    }
                })
        case .attendance(let percent, let window, let minimum):
            let start = windowStart(window)
            let attended = indices(of: .session, from: start)
            let missed = indices(of: .noShow, from: start)
            let contacts = attended.count + missed.count
            let holds = contacts >= minimum && attended.count * 100 >= percent * contacts
            return result(
                explain,
                holds, since: now, index: max(attended.last ?? -1, missed.last ?? -1),
                {
                    [
                        "\(attended.count) of \(contacts) contacts attended in the \(window.days) days to \(now) "
                            + "(need ≥ \(percent)% of at least \(minimum))"
                    ]
                })
        case .notPlaced:
            let holds = tier == nil && !isDischarged && referralIndex != nil
            let start = tierStart
            return result(
                explain,
                holds, since: start, index: referralIndex ?? -1,
                { [holds ? "referred \(start), not yet placed" : "placed or discharged"] })
        case .all(let conditions):
            var (holds, since, index, evidence) = (true, Instant?.none, -1, [String]())
            for condition in conditions {
                let part = evaluated(condition, explain)
                holds = holds && part.holds
                since = max(since ?? part.since, part.since)
                index = max(index, part.evidenceIndex)
                evidence += part.evidence
            }
            return ConditionResult(holds: holds, since: since ?? now, evidenceIndex: index, evidence: evidence)
        case .any(let conditions):
            var (since, index, holding, all) = (Instant?.none, -1, [String](), [String]())
            for condition in conditions {
                let part = evaluated(condition, explain)
                if part.holds {
                    since = min(since ?? part.since, part.since)
                    index = max(index, part.evidenceIndex)
                    holding += part.evidence
                }
                all += part.evidence
            }
            return ConditionResult(
                holds: since != nil, since: since ?? now, evidenceIndex: index, evidence: since != nil ? holding : all)
        case .not(let inner):
            let inner = evaluated(inner, explain)
            return ConditionResult(holds: !inner.holds, since: now, evidenceIndex: -1, evidence: inner.evidence)
        }
    }

    /// A result whose evidence lines are built only when explaining.
    private func result(
        _ explain: Bool, _ holds: Bool, since: Instant? = nil, index: Int = -1, _ evidence: () -> [String]
    ) -> ConditionResult {
        ConditionResult(holds: holds, since: since ?? now, evidenceIndex: index, evidence: explain ? evidence() : [])
    }

    private func result(
        _ explain: Bool, _ holds: Bool, since: Instant, index: Int, _ evidence: [String]
    ) -> ConditionResult {
        ConditionResult(holds: holds, since: since, evidenceIndex: index, evidence: evidence)
    }

    private func describe(_ id: String, _ index: Int) -> String {
        let record = administration(index)
        let total = record.total.map(String.init(describing:)) ?? "not scored"
        let band = record.bandLabel.map { " (\($0))" } ?? ""
        return "\(id) \(total)\(band) on \(events[index].at)"
    }

    private func total(_ index: Int) -> Double { totals[index] }

    private func latestScore(_ explain: Bool, _ id: String, _ threshold: Int, atLeast: Bool) -> ConditionResult {
        guard let latest = scored(id).last else {
            return result(explain, false, { ["no scored \(id) on record"] })
        }
        let value = total(latest)
        let holds = atLeast ? value >= Double(threshold) : value < Double(threshold)
        return result(
            explain,
            holds, since: events[latest].at, index: latest,
            {
                [
                    "latest \(describe(id, latest)) "
                        + (atLeast ? "(threshold ≥ \(threshold))" : "(threshold < \(threshold))")
                ]
            })
    }

    private func noReliableImprovement(
        _ explain: Bool, _ id: String, _ threshold: Int, _ caseness: Int, _ session: Int
    ) -> ConditionResult {
        let sessions = sessions
        func sessionCount() -> String {
            "\(CountedEvent.session.counted(sessions.count)) attended in tier (review at session \(session))"
        }
        guard sessions.count >= session else { return result(explain, false, { [sessionCount()] }) }
        guard let baseline = baselineIndex(of: id) else {
            return result(explain, false, { [sessionCount(), "no scored \(id) to measure progress from"] })
        }
        let base = total(baseline)
        guard base >= Double(caseness) else {
            return result(
                explain,
                false, { [sessionCount(), "baseline \(describe(id, baseline)) below caseness \(caseness)"] })
        }
        let sessionIndex = sessions[session - 1]
        guard let latest = scored(id).last, latest > baseline else {
            // A measure not repeated by the review session cannot show improvement: that is itself a reason to review.
            return result(
                explain,
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
            explain,
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
    private func persists(_ explain: Bool, _ id: String, _ threshold: Int, _ span: TimeSpan) -> ConditionResult {
        let start = placementIndex ?? Int.min
        let all = scored(id)
        var first = all.endIndex
        while first > all.startIndex, all[first - 1] >= start, total(all[first - 1]) >= Double(threshold) {
            first -= 1
        }
        let run = all[first...]
        guard let firstIndex = run.first, let lastIndex = run.last, run.count >= 2 else {
            return result(
                explain,
                false,
                { ["\(run.count) consecutive \(id) ≥ \(threshold) in tier (need 2 or more over \(span.spoken))"] })
        }
        let (firstAt, lastAt) = (events[firstIndex].at, events[lastIndex].at)
        // The run's events are in time order, so the first one `span` after its start is found by bisection.
        let crossingPosition = run.partitionPoint(where: { events[$0].at - firstAt >= span })
        let crossing = crossingPosition < run.endIndex ? run[crossingPosition] : nil
        return result(
            explain,
            crossing != nil, since: crossing.map { events[$0].at } ?? now, index: lastIndex,
            {
                [
                    "\(run.count) consecutive \(id) ≥ \(threshold) from \(firstAt) to \(lastAt): "
                        + "\((lastAt - firstAt).days) days (need ≥ \(span.days))"
                ]
            })
    }

    private func bandChange(_ explain: Bool, _ id: String, worse: Bool) -> ConditionResult {
        guard let baseline = baselineIndex(of: id), let latest = scored(id).last, latest > baseline,
            case (let from, let to) = (bands[baseline], bands[latest]), from >= 0, to >= 0
        else { return result(explain, false, { ["no \(id) since the tier's baseline"] }) }
        return result(
            explain,
            worse ? to > from : to < from, since: events[latest].at, index: latest,
            { ["baseline \(describe(id, baseline)) → most recent \(describe(id, latest))"] })
    }

    private func eventsWithin(
        _ explain: Bool, _ kind: CountedEvent, _ count: Int, _ window: TimeSpan
    ) -> ConditionResult {
        let inWindow = indices(of: kind, from: windowStart(window))
        let holds = count > 0 && inWindow.count >= count
        return result(
            explain,
            holds, since: holds ? events[inWindow[inWindow.startIndex + count - 1]].at : now,
            index: inWindow.last ?? -1,
            {
                ["\(kind.counted(inWindow.count)) in the \(window.days) days to \(now) (need ≥ \(count))"]
                    + inWindow.map { "\(kind) on \(events[$0].at)" }
            })
    }
}

extension CaseState {
    /// The earliest moment after ``now`` at which `condition` could change with no new event (a window's oldest
    /// event leaving it, a span running out), or `nil` when only a new event can change it.
    func nextTimeChange(_ condition: Condition) -> Instant? {
        switch condition {
        case .timeInTier(let span):
            guard tier != nil else { return nil }
            return later(tierStart + span)
        case .noEventsFor(let kind, let span), .recurring(let kind, let span):
            let start = max(indices(of: kind).last.map { events[$0].at } ?? tierStart, tierStart)
            return later(start + span)
        case .eventsWithin(let kind, _, let window):
            return leaving(indices(of: kind, from: windowStart(window)).first, window)
        case .attendance(_, let window, _):
            let start = windowStart(window)
            let oldest = [indices(of: .session, from: start).first, indices(of: .noShow, from: start).first]
                .compactMap { $0 }.min()
            return leaving(oldest, window)
        case .all(let conditions), .any(let conditions):
            var earliest: Instant?
            for condition in conditions {
                if let moment = nextTimeChange(condition), earliest.map({ moment < $0 }) ?? true { earliest = moment }
            }
            return earliest
        case .not(let inner):
            return nextTimeChange(inner)
        case .always, .scoreAtLeast, .scoreBelow, .noReliableImprovement, .persistsAtLeast, .bandWorsened,
            .bandImproved, .sessions, .openRiskFlag, .notPlaced, .enteredFrom, .recorded:
            return nil
        }
    }

    private func later(_ moment: Instant) -> Instant? { moment > now ? moment : nil }

    /// When the event at `index` leaves a window of `window` ending at the moment asked: the first minute whose
    /// window starts after it (whole-day windows start at midnight, see ``windowStart(_:)``).
    private func leaving(_ index: Int?, _ window: TimeSpan) -> Instant? {
        guard let index else { return nil }
        let edge = events[index].at + window
        return later(window.minutes % 1440 == 0 ? edge.startOfDay + .days(1) : edge + TimeSpan(minutes: 1))
    }
}
