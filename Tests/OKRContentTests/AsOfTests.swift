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
}
