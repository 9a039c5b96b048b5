import OKRCore
import OKRSite
import Testing

/// Numbers and dates as the site's language writes them.
@Suite struct FormatterTests {
    let de = Formatter(language: "de", monthNames: (1...12).map { "M\($0)" })
    let en = Formatter(
        language: "en",
        monthNames: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])

    @Test(arguments: [
        (5390.0, 2, "5.390", "5,390"), (0.0, 2, "0", "0"), (-3.5, 2, "−3,5", "−3.5"),
        (1_234_567.891, 2, "1.234.567,89", "1,234,567.89"), (0.05, 2, "0,05", "0.05"), (0.001, 2, "0", "0"),
        (-0.001, 2, "0", "0"), (999.999, 2, "1.000", "1,000"), (12.5, 0, "13", "13"), (0.125, 4, "0,125", "0.125"),
        (100, 1, "100", "100"), (1.05, 1, "1,1", "1.1"), (123_456, 2, "123.456", "123,456"),
    ])
    func numbers(x: Double, decimals: Int, german: String, english: String) {
        #expect(de.number(x, maxDecimals: decimals) == german)
        #expect(en.number(x, maxDecimals: decimals) == english)
    }

    @Test func notFiniteAndHugeNumbers() {
        #expect(de.number(.nan) == "–")
        #expect(de.number(.infinity) == "–")
        // Too large for digits: three significant digits and the power of ten, in the language.
        #expect(de.number(1e16) == "1e16" && de.number(-1.7e308) == "−1,7e308" && en.number(1.2345e20) == "1.23e20")
    }

    @Test func integersPercentagesDecimalsDatesAndValues() throws {
        #expect(de.integer(-1234) == "−1.234")
        #expect(en.integer(1_000_000) == "1,000,000")
        #expect(de.integer(7) == "7")
        #expect(de.percent(0.425) == "43\u{A0}%")
        #expect(en.percent(1.7) == "100%")
        #expect(de.decimal1(0.65) == "0,7")
        #expect(en.decimal1(1) == "1.0")
        let day = try #require(Day(iso: "2026-11-29"))
        #expect(de.date(day) == "29.11.2026")
        #expect(en.date(day) == "Nov 29, 2026")
        #expect(de.value(5390, unit: "Follower") == "5.390\u{A0}Follower")
        #expect(de.value(12, unit: "%") == "12\u{A0}%")
        #expect(en.value(12, unit: "%") == "12%")
    }
}
