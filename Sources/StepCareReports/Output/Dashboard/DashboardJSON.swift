import StepCareCore
package import StepCareJSON
package import StepCareMetrics

/// The huddle dashboard as JSON: every figure with last week's and its support, the outstanding triggers,
/// the weekly history and any breakdowns (suppressed figures are `null` with `"suppressed": true`).
package enum DashboardJSON {
    package static func json(_ dashboard: Dashboard) -> JSONValue {
        let week = dashboard.week
        let previous = dashboard.previousWeek
        return .object([
            ("pathway", .string(dashboard.pathway.id)), ("context", .string(dashboard.context.rawValue)),
            ("week", window(week.window)),
            (
                "metrics",
                .array(
                    week.values.map { value in
                        .object([
                            ("id", .string(value.id)), ("tier", value.tier.map(JSONValue.string) ?? .null),
                            ("label", .string(value.label)), ("kind", .string(value.definition.kind.rawValue)),
                            ("value", number(value.value)), ("previous", number(previous.value(value.id))),
                            ("support", .int(value.support)),
                            ("numerator", value.numerator.map(JSONValue.int) ?? .null),
                        ])
                    })
            ),
            ("outstanding", .array(week.outstanding.map(outstanding))),
            ("outstandingReviews", .array(week.outstandingReviews.map(outstanding))),
            (
                "history",
                .array(
                    dashboard.history.map { set in
                        .object([
                            ("week", window(set.window)),
                            ("values", .object(set.values.map { ($0.id, number($0.value)) })),
                        ])
                    })
            ),
            ("equity", .array(dashboard.equity.map(equity))),
        ])
    }

    private static func equity(_ breakdown: EquityBreakdown) -> JSONValue {
        .object([
            ("field", .string(breakdown.field)), ("threshold", .int(breakdown.suppression.threshold)),
            ("window", window(breakdown.window)),
            (
                "groups",
                .array(
                    breakdown.groups.map { group in
                        .object([
                            ("value", .string(group.value)),
                            ("clients", breakdown.clients(of: group).map(JSONValue.int) ?? .null),
                            (
                                "figures",
                                .object(
                                    breakdown.overall.values.map { value in
                                        let cell = breakdown.cell(value.id, in: group)
                                        return (
                                            value.id,
                                            .object([
                                                ("value", cell.value.map(number) ?? .null),
                                                ("gap", cell.gap.map(number) ?? .null),
                                                ("suppressed", .bool(cell.isSuppressed)),
                                            ])
                                        )
                                    })
                            ),
                        ])
                    })
            ),
        ])
    }

    private static func window(_ window: ReportingWindow) -> JSONValue {
        .object([("from", .string(window.from.date)), ("to", .string(window.to.date))])
    }

    private static func number(_ value: Double) -> JSONValue { value.isFinite ? .number(value) : .null }

    /// One outstanding trigger or review: the case, its tier, the rule, when it fired, its deadline, its age.
    private static func outstanding(_ trigger: OutstandingTrigger) -> JSONValue {
        .object([
            ("case", .string(trigger.caseID)), ("tier", trigger.tier.map(JSONValue.string) ?? .null),
            ("rule", .string(trigger.ruleID)), ("firedAt", .string(trigger.firedAt.description)),
            ("deadline", .string(trigger.deadline.description)), ("ageDays", number(trigger.ageDays)),
            ("overdue", .bool(trigger.isOverdue)),
        ])
    }
}
