public import StepCareCore

/// Times in the record: ISO 8601 in UTC with the offset written, `2026-01-06T09:00:00Z`.
///
/// StepCare's clinical clock is UTC: an ``Instant`` counts minutes from 1970-01-01T00:00:00Z, and the live
/// session clock reads UTC. Event times are to the minute (their seconds are always `00`); audit entry
/// times are to the second.
public enum RecordTime {
    /// `2026-01-06T09:00:00Z`.
    public static func text(_ instant: Instant) -> String { text(seconds: Int64(instant.minutes) * 60) }

    /// `2026-01-06T09:00:12Z` for seconds since 1970 UTC.
    public static func text(seconds: Int64) -> String {
        let days =
            Int(seconds.quotientAndRemainder(dividingBy: 86_400).quotient)
            - (seconds % 86_400 < 0 ? 1 : 0)
        let secondOfDay = Int(seconds - Int64(days) * 86_400)
        let date = Instant(minutes: days * 1440).date
        return date + "T" + pad(secondOfDay / 3600) + ":" + pad(secondOfDay / 60 % 60) + ":" + pad(secondOfDay % 60)
            + "Z"
    }

    /// Reads a time written as ``text(_:)`` writes it, to the minute.
    ///
    /// - Returns: `nil` unless the text is `YYYY-MM-DDTHH:MM:00Z` for a real date (years 0000–9999).
    public static func instant(_ text: String) -> Instant? {
        guard let seconds = seconds(text), seconds % 60 == 0 else { return nil }
        return Instant(minutes: Int(seconds / 60))
    }

    /// Reads `YYYY-MM-DDTHH:MM:SSZ` as seconds since 1970 UTC, or `nil` when it is anything else.
    public static func seconds(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
            bytes[16] == 0x3A, bytes[19] == 0x5A
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard (48...57).contains(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19), second < 60,
            let instant = Instant(year: year, month: month, day: day, hour: hour, minute: minute)
        else { return nil }
        return Int64(instant.minutes) * 60 + Int64(second)
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }
}
