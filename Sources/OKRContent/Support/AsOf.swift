import Foundation
import OKRCore

/// Decides the as-of date: `--as-of`, else `SOURCE_DATE_EPOCH`, else today.
public enum AsOf {
    /// The as-of day for an optional `--as-of` value and the process environment.
    public static func resolve(
        option: String?, environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()
    ) throws(EnvironmentError) -> Day {
        if let option {
            return try check(
                Day(iso: option),
                "--as-of must be a date YYYY-MM-DD that exists, from \(range.lowerBound) to "
                    + "\(range.upperBound)", found: option)
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"] {
            let seconds = Int(epoch.trimmingCharacters(in: .whitespaces))
            return try check(
                seconds.map(Day.init(unixSeconds:)),
                "SOURCE_DATE_EPOCH must be a Unix time in seconds, from -62135596800 to 253402300799 "
                    + "(\(range.lowerBound) to \(range.upperBound) UTC)", found: epoch)
        }
        // Today in the machine's time zone: the day the people in the office see on their calendars.
        let c = Calendar.current.dateComponents([.year, .month, .day], from: now)
        return Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
            ?? Day(unixSeconds: Int(now.timeIntervalSince1970))
    }

    /// The days an as-of date may be, whichever way it is given: the years `Day` reads and writes.
    public static let range = Day(year: 1, month: 1, day: 1)!...Day(year: 9999, month: 12, day: 31)!  // valid literals

    /// `day` if it lies in ``range``; else the one message for every source of the date.
    static func check(_ day: Day?, _ what: String, found: String) throws(EnvironmentError) -> Day {
        if let day, range.contains(day) { return day }
        let shown =
            day.map {
                " (\($0 < range.lowerBound ? "before" : "after") \($0 < range.lowerBound ? range.lowerBound : range.upperBound))"
            } ?? ""
        throw EnvironmentError("\(what), found \"\(found)\"\(shown)")
    }
}
