/// A moment on StepCare's clinical clock, which is UTC (the record writes it as `2026-01-06T09:30:00Z`), to the minute.
///
/// StepCare records when things happened as minutes since 1970-01-01 00:00 in the service's own time zone;
/// it never reads the system clock itself (callers inject the time). Written `2026-11-22` (midnight) or
/// `2026-11-22T09:30`.
public struct Instant: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Minutes since 1970-01-01 00:00.
    public var minutes: Int

    /// Creates an instant `minutes` after 1970-01-01 00:00.
    public init(minutes: Int) { self.minutes = minutes }

    /// Creates the instant at `hour`:`minute` on a calendar day.
    ///
    /// - Returns: `nil` when the date does not exist (e.g. 2026-02-30).
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0) {
        guard (1...12).contains(month), (1...Instant.daysIn(month: month, year: year)).contains(day),
            (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        minutes = (Instant.days(year: year, month: month, day: day) * 24 + hour) * 60 + minute
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (a space may replace the `T`).
    public init?(parsing text: String) {
        let parts = text.split(whereSeparator: { $0 == "T" || $0 == " " }).map(String.init)
        guard (1...2).contains(parts.count) else { return nil }
        let date = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard date.count == 3, date[0].count == 4, date[1].count == 2, date[2].count == 2,
            let year = Int(date[0]), let month = Int(date[1]), let day = Int(date[2])
        else { return nil }
        var hour = 0
        var minute = 0
        if parts.count == 2 {
            let time = parts[1].split(separator: ":", omittingEmptySubsequences: false)
            guard time.count == 2, time.allSatisfy({ $0.count == 2 }), let h = Int(time[0]), let m = Int(time[1])
            else { return nil }
            hour = h
            minute = m
        }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute)
    }

    /// The earliest moment a record may be dated: 1900-01-01 00:00.
    public static let earliest = Instant(minutes: Instant.days(year: 1900, month: 1, day: 1) * 1440)
    /// The latest moment a record may be dated: 2199-12-31 23:59. Records are bounded so that every span the
    /// engine adds or subtracts (at most ``TimeSpan/longest``) stays far from integer overflow.
    public static let latest = Instant(minutes: Instant.days(year: 2200, month: 1, day: 1) * 1440 - 1)

    /// Whether a record may be dated at this moment: from ``earliest`` to ``latest``.
    public var isRecordable: Bool { self >= Instant.earliest && self <= Instant.latest }

    /// The calendar day, as days since 1970-01-01.
    public var dayNumber: Int { minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440 }

    /// Midnight at the start of this instant's day.
    public var startOfDay: Instant { Instant(minutes: dayNumber * 1440) }

    /// The last minute of this instant's day (23:59).
    public var endOfDay: Instant { Instant(minutes: dayNumber * 1440 + 1439) }

    /// `2026-11-22`, or `2026-11-22T09:30` when the time is not midnight.
    public var description: String {
        let (year, month, day) = Instant.civil(dayNumber)
        let minuteOfDay = minutes - dayNumber * 1440
        guard (0...9999).contains(year) else {
            var text = Instant.pad(year, 4) + "-" + Instant.pad(month, 2) + "-" + Instant.pad(day, 2)
            if minuteOfDay != 0 {
                text += "T" + Instant.pad(minuteOfDay / 60, 2) + ":" + Instant.pad(minuteOfDay % 60, 2)
            }
            return text
        }
        // Four-digit years (every date a record may carry) are written straight into the string's storage: dates
        // are formatted into every explanation, so this is on the engine's path.
        let length = minuteOfDay == 0 ? 10 : 16
        return String(unsafeUninitializedCapacity: length) { text in
            func put(_ value: Int, width: Int, at offset: Int) {
                var rest = value
                for position in (offset..<offset + width).reversed() {
                    text[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            put(year, width: 4, at: 0)
            text[4] = UInt8(ascii: "-")
            put(month, width: 2, at: 5)
            text[7] = UInt8(ascii: "-")
            put(day, width: 2, at: 8)
            if minuteOfDay != 0 {
                text[10] = UInt8(ascii: "T")
                put(minuteOfDay / 60, width: 2, at: 11)
                text[13] = UInt8(ascii: ":")
                put(minuteOfDay % 60, width: 2, at: 14)
            }
            return length
        }
    }

    /// The date alone, `2026-11-22`.
    public var date: String { String(startOfDay.description) }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.minutes < rhs.minutes }

    /// The instant `span` later.
    public static func + (lhs: Instant, rhs: TimeSpan) -> Instant { Instant(minutes: lhs.minutes + rhs.minutes) }

    /// The instant `span` earlier.
    public static func - (lhs: Instant, rhs: TimeSpan) -> Instant { Instant(minutes: lhs.minutes - rhs.minutes) }

    /// The time from `rhs` to `lhs`.
    public static func - (lhs: Instant, rhs: Instant) -> TimeSpan { TimeSpan(minutes: lhs.minutes - rhs.minutes) }

    // Days from the civil calendar and back (Howard Hinnant's algorithms, proleptic Gregorian).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// A length of time, to the minute: written `30m`, `48h`, `14d` or `4w`.
public struct TimeSpan: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The length in minutes.
    public var minutes: Int

    /// Creates a span of `minutes`.
    public init(minutes: Int) { self.minutes = minutes }

    /// `count` days.
    public static func days(_ count: Int) -> TimeSpan { TimeSpan(minutes: count * 1440) }
    /// `count` hours.
    public static func hours(_ count: Int) -> TimeSpan { TimeSpan(minutes: count * 60) }
    /// `count` weeks.
    public static func weeks(_ count: Int) -> TimeSpan { TimeSpan(minutes: count * 10_080) }

    /// The longest span StepCare reads: 100 years.
    public static let longest = TimeSpan(minutes: 100 * 366 * 1440)

    /// Parses a whole number followed by `m`, `h`, `d` or `w`, e.g. `14d`, up to ``longest``.
    public init?(parsing text: String) {
        let units = ["m": 1, "h": 60, "d": 1440, "w": 10_080]
        guard let unit = text.last.flatMap({ units[String($0)] }), let count = Int(text.dropLast()), count >= 0,
            count <= TimeSpan.longest.minutes / unit
        else { return nil }
        self.init(minutes: count * unit)
    }

    /// Whole days in the span, rounded down.
    public var days: Int { minutes / 1440 }

    /// The span in its largest whole unit, `4w`, `60d` or `90m`; hours below three days, `48h`.
    public var description: String {
        if minutes != 0, minutes % 10_080 == 0 { return "\(minutes / 10_080)w" }
        if minutes % 1440 == 0, minutes >= 4320 || minutes == 0 { return "\(minutes / 1440)d" }
        if minutes % 60 == 0 { return "\(minutes / 60)h" }
        return "\(minutes)m"
    }

    /// Reads as staff say it: `60 days`, `48 hours`, `4 weeks`.
    public var spoken: String {
        func plural(_ n: Int, _ unit: String) -> String { "\(n) \(unit)" + (n == 1 ? "" : "s") }
        if minutes != 0, minutes % 10_080 == 0 { return plural(minutes / 10_080, "week") }
        if minutes % 1440 == 0, minutes >= 4320 || minutes == 0 { return plural(minutes / 1440, "day") }
        if minutes % 60 == 0 { return plural(minutes / 60, "hour") }
        return plural(minutes, "minute")
    }

    /// Rounded down to its two largest units, as staff read a delay: `3 days 21 hours`, `5 hours 4 minutes`.
    public var rounded: String {
        func plural(_ n: Int, _ unit: String) -> String { "\(n) \(unit)" + (n == 1 ? "" : "s") }
        let days = minutes / 1440
        let hours = minutes % 1440 / 60
        if days > 0 { return plural(days, "day") + (hours > 0 ? " " + plural(hours, "hour") : "") }
        if hours > 0 { return plural(hours, "hour") + (minutes % 60 > 0 ? " " + plural(minutes % 60, "minute") : "") }
        return plural(minutes, "minute")
    }

    public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.minutes < rhs.minutes }
}
