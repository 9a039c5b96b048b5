import Foundation
import OKRContent
import OKRCore
import Testing

@Suite struct AsOfTests {
    let now = Date(timeIntervalSince1970: 1_795_953_600)  // 2026-11-29 12:00 UTC

    @Test func optionWins() throws {
        let day = try AsOf.resolve(option: "2026-10-05", environment: ["SOURCE_DATE_EPOCH": "0"], now: now)
        #expect(day.iso == "2026-10-05")
    }

    @Test func thenSourceDateEpoch() throws {
        let day = try AsOf.resolve(option: nil, environment: ["SOURCE_DATE_EPOCH": "1790812800"], now: now)
        #expect(day.iso == "2026-10-01")
    }

    @Test func thenToday() throws {
        let day = try AsOf.resolve(option: nil, environment: [:], now: now)
        let c = Calendar.current.dateComponents([.year, .month, .day], from: now)
        #expect(day == Day(year: c.year!, month: c.month!, day: c.day!))
    }

    @Test func refusesBadValues() {
        #expect(throws: EnvironmentError.self) { try AsOf.resolve(option: "2026-02-30", environment: [:], now: now) }
        #expect(throws: EnvironmentError.self) {
            try AsOf.resolve(option: nil, environment: ["SOURCE_DATE_EPOCH": "soon"], now: now)
        }
    }

    /// `--as-of` and `SOURCE_DATE_EPOCH` go through one check: the same days, the same words.
    @Test func bothSourcesShareOneRange() throws {
        #expect(try AsOf.resolve(option: "0001-01-01", environment: [:], now: now).iso == "0001-01-01")
        #expect(try AsOf.resolve(option: "9999-12-31", environment: [:], now: now).iso == "9999-12-31")
        let first = try AsOf.resolve(option: nil, environment: ["SOURCE_DATE_EPOCH": "-62135596800"], now: now)
        let last = try AsOf.resolve(option: nil, environment: ["SOURCE_DATE_EPOCH": "253402300799"], now: now)
        #expect(first.iso == "0001-01-01" && last.iso == "9999-12-31")
        for option in ["10000-01-01", "0000-12-31", "+2026-01-01"] {
            #expect(message(option, [:]).contains("0001-01-01 to 9999-12-31"), "\(option)")
        }
        for epoch in [
            "253402300800", "-62135596801", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        ] {
            let text = message(nil, ["SOURCE_DATE_EPOCH": epoch])
            #expect(text.contains("0001-01-01 to 9999-12-31"), "\(epoch): \(text)")
        }
    }

    func message(_ option: String?, _ environment: [String: String]) -> String {
        do {
            _ = try AsOf.resolve(option: option, environment: environment, now: now)
            return "accepted"
        } catch {
            return error.message
        }
    }
}
