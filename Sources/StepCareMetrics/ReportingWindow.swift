public import StepCareCore

/// The span of time a set of metrics covers: both ends included, to the minute.
public struct ReportingWindow: Sendable, Hashable {
    /// The first minute.
    public var from: Instant
    /// The last minute.
    public var to: Instant

    /// Creates a window; `to` must not be before `from`.
    public init(from: Instant, to: Instant) {
        precondition(from <= to, "a reporting window ends before it starts")
        self.from = from
        self.to = to
    }

    /// The huddle week: the seven days ending with the day of `day`, from 00:00 six days before to 23:59.
    public static func week(ending day: Instant) -> ReportingWindow {
        ReportingWindow(from: day.startOfDay - .days(6), to: day.endOfDay)
    }

    /// The window of the same length just before this one.
    public var previous: ReportingWindow {
        let length = TimeSpan(minutes: (to - from).minutes + 1)
        return ReportingWindow(from: from - length, to: to - length)
    }

    /// Its length in days (a week is 7).
    public var days: Double { Double((to - from).minutes + 1) / 1440 }

    /// Whether `instant` falls in the window.
    public func contains(_ instant: Instant) -> Bool { instant >= from && instant <= to }
}
