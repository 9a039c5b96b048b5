import Testing

@testable import OKRCore

@Suite struct DayTests {
    @Test(arguments: [
        ("1970-01-01", 0), ("2026-11-29", 20_786), ("2000-02-29", 11_016), ("1969-12-31", -1),
    ])
    func parsesAndPrints(text: String, ordinal: Int) throws {
        let day = try #require(Day(iso: text))
        #expect(day.ordinal == ordinal)
        #expect(day.iso == text)
    }

    @Test(arguments: ["2026-02-30", "2026-13-01", "2026-00-10", "2025-02-29", "1900-02-29", "2026-04-31"])
    func refusesImpossibleDays(text: String) {
        #expect(Day(iso: text) == nil)
        #expect(Day.looksLikeDate(text))
    }

    @Test(arguments: ["2026-1-01", "26-01-01", "2026/01/01", "2026-01-01T00:00", "", "abcd-ef-gh"])
    func refusesOtherShapes(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func roundTripsEveryDayOfFourCenturies() {
        let start = Day(iso: "1900-01-01")!
        for n in 0..<(400 * 366) {
            let d = start.adding(days: n)
            let (y, m, dd) = d.components
            #expect(Day(year: y, month: m, day: dd) == d)
        }
    }

    @Test func weekdays() {
        #expect(Day(iso: "2026-11-29")!.weekday == 7)  // a Sunday
        #expect(Day(iso: "2026-11-30")!.weekday == 1)
        #expect(Day(iso: "1970-01-01")!.weekday == 4)
    }

    @Test func unixSeconds() {
        #expect(Day(unixSeconds: 0).iso == "1970-01-01")
        #expect(Day(unixSeconds: 86_399).iso == "1970-01-01")
        #expect(Day(unixSeconds: -1).iso == "1969-12-31")
        #expect(Day(unixSeconds: 1_795_910_400).iso == "2026-11-29")
    }
}
