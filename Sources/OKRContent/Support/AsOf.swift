import Foundation
import OKRCore

/// Decides the as-of date: `--as-of`, else `SOURCE_DATE_EPOCH`, else today.
public enum AsOf {
    /// The as-of day for an optional `--as-of` value and the process environment.
    public static func resolve(
        option: String?, environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()
    ) throws(EnvironmentError) -> Day {
        if let option {
            guard let day = Day(iso: option) else {
                throw EnvironmentError("--as-of must be a date YYYY-MM-DD that exists, found \"\(option)\"")
            }
            return day
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int(epoch.trimmingCharacters(in: .whitespaces)) else {
                throw EnvironmentError("SOURCE_DATE_EPOCH must be a Unix time in seconds, found \"\(epoch)\"")
            }
            return Day(unixSeconds: seconds)
        }
        // Today in the machine's time zone: the day the people in the office see on their calendars.
        let c = Calendar.current.dateComponents([.year, .month, .day], from: now)
        return Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
            ?? Day(unixSeconds: Int(now.timeIntervalSince1970))
    }
}
