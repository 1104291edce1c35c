import StepCareCore
import Testing

@Suite struct TimeTests {
    @Test(arguments: ["1970-01-01", "2026-01-05", "2026-11-22T09:30", "2024-02-29", "2000-12-31T23:59", "1969-12-31"])
    func datesRoundTrip(text: String) throws {
        let instant = try #require(Instant(parsing: text))
        #expect(instant.description == text)
    }

    @Test(arguments: ["2026-02-30", "2025-02-29", "2026-13-01", "2026-1-05", "2026-01-05T24:00", "yesterday", ""])
    func impossibleDatesAreRefused(text: String) {
        #expect(Instant(parsing: text) == nil)
    }

    /// Every day from 1900 to 2100 follows the one before, and round-trips through its text.
    @Test func consecutiveDaysAreOneDayApart() throws {
        var previous = try #require(Instant(year: 1900, month: 1, day: 1))
        for year in 1900...2100 {
            for month in 1...12 {
                for day in 1...31 {
                    guard let instant = Instant(year: year, month: month, day: day) else { continue }
                    if (year, month, day) != (1900, 1, 1) { #expect(instant - previous == .days(1)) }
                    #expect(Instant(parsing: instant.description) == instant)
                    previous = instant
                }
            }
        }
    }

    @Test func spansParseAndPrint() {
        #expect(TimeSpan(parsing: "48h") == .hours(48))
        #expect(TimeSpan(parsing: "14d") == .days(14))
        #expect(TimeSpan(parsing: "4w") == .weeks(4))
        #expect(TimeSpan(parsing: "3x") == nil)
        #expect(TimeSpan(parsing: "-1d") == nil)
        #expect(TimeSpan.days(14).description == "2w")
        #expect(TimeSpan.days(60).spoken == "60 days")
        #expect(TimeSpan.hours(48).spoken == "48 hours")
    }

    @Test func dayBoundaries() throws {
        let instant = try #require(Instant(parsing: "2026-03-01T10:15"))
        #expect(instant.startOfDay.description == "2026-03-01")
        #expect(instant.endOfDay.description == "2026-03-01T23:59")
        #expect(Instant(parsing: "1969-12-31T23:00")?.startOfDay.description == "1969-12-31")
    }
}
