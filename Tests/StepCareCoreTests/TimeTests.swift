import StepCareCore
import Testing

@Suite struct TimeTests {
    @Test(arguments: ["1970-01-01", "2026-01-05", "2026-11-22T09:30", "2024-02-29", "2000-12-31T23:59", "1969-12-31"])
    func datesRoundTrip(text: String) throws {
        let instant = try #require(Instant(parsing: text))
        #expect(instant.description == text)
    }

    /// Dates are written digit by digit for four-digit years and through the general path beyond them.
    @Test func yearsAtTheEdgesOfFourDigitsAreWrittenInFull() throws {
        let first = try #require(Instant(year: 1, month: 1, day: 1))
        #expect(first.description == "0001-01-01")
        #expect(Instant(minutes: first.minutes + 61).description == "0001-01-01T01:01")
        let last = try #require(Instant(year: 9999, month: 12, day: 31))
        #expect(Instant(minutes: last.minutes + 1439).description == "9999-12-31T23:59")
        #expect(Instant(minutes: last.minutes + 1440).description == "10000-01-01")
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

    /// Records are dated 1900-01-01 00:00 to 2199-12-31 23:59; one minute either side, and the integer
    /// extremes that once overflowed later reads, are refused by name, and the timeline is left unchanged.
    @Test(arguments: [
        ("1899-12-31T23:59", false), ("1900-01-01", true), ("2199-12-31T23:59", true), ("2200-01-01", false),
    ])
    func recordsAreDatedWithinTheSupportedYears(text: String, accepted: Bool) throws {
        let at = try #require(Instant(parsing: text))
        var timeline = CaseTimeline(caseID: "C1")
        do {
            try timeline.append(CaseEvent(at: at, .referral(preference: nil)))
            #expect(accepted)
        } catch {
            #expect(!accepted)
            #expect(error.code == .dateOutOfRange)
            #expect(error.message.contains("outside the dates a record may carry (1900-01-01 to 2199-12-31)"))
            #expect(timeline.events.isEmpty)
        }
    }

    @Test(arguments: [Int.min, Int.max, Int.min / 2])
    func integerExtremesAreRefusedWithoutOverflow(minutes: Int) throws {
        var timeline = CaseTimeline(caseID: "C1")
        let start = try #require(Instant(parsing: "2026-01-05"))
        try timeline.append(CaseEvent(at: start, .referral(preference: nil)))
        #expect(throws: StepCareError.self) {
            try timeline.append(CaseEvent(at: Instant(minutes: minutes), .crisisContact()))
        }
        #expect(throws: StepCareError.self) {
            try timeline.append(CaseEvent(at: start, .handoverScheduled(number: 1, due: Instant(minutes: minutes))))
        }
        #expect(timeline.events.count == 1)
    }
}
