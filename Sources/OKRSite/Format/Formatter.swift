import OKRCore

/// Numbers, percentages and dates as the site's language writes them, without Foundation's formatters
/// (slow on Linux and dependent on the machine's locale data, which would break byte-identical builds).
///
/// de: `5.390`, `0,7`, `42 %`, `29.11.2026`; en: `5,390`, `0.7`, `42%`, `Nov 29, 2026`.
public struct Formatter: Sendable {
    /// `de` or `en`.
    public let language: String
    let decimalSeparator: String
    let groupSeparator: String
    let percentSuffix: String
    let monthNames: [String]

    /// A formatter for `language` with the month names of the UI strings (12 names, January first).
    public init(language: String, monthNames: [String]) {
        self.language = language
        if language == "de" {
            decimalSeparator = ","
            groupSeparator = "."
            percentSuffix = "\u{A0}%"
        } else {
            decimalSeparator = "."
            groupSeparator = ","
            percentSuffix = "%"
        }
        self.monthNames = monthNames.count == 12 ? monthNames : (1...12).map { String($0) }
    }

    /// A number with up to `maxDecimals` decimals (trailing zeros dropped) and grouped thousands.
    public func number(_ x: Double, maxDecimals: Int = 2) -> String {
        guard x.isFinite else { return "–" }
        let scale = [1.0, 10, 100, 1000, 10000][min(max(maxDecimals, 0), 4)]
        let scaled = (abs(x) * scale).rounded()
        let negative = x < 0 && scaled > 0
        guard scaled < 9e15 else { return String(x) }
        let whole = Int(scaled / scale)
        var fraction = Int(scaled) - whole * Int(scale)
        var decimals = ""
        if fraction > 0 {
            var digits = maxDecimals
            while fraction % 10 == 0 && digits > 0 {
                fraction /= 10
                digits -= 1
            }
            let f = String(fraction)
            decimals = decimalSeparator + String(repeating: "0", count: max(0, digits - f.count)) + f
        }
        return (negative ? "−" : "") + grouped(whole) + decimals
    }

    /// A whole number with grouped thousands.
    public func integer(_ n: Int) -> String {
        (n < 0 ? "−" : "") + grouped(abs(n))
    }

    func grouped(_ n: Int) -> String {
        let digits = Array(String(n).utf8)
        guard digits.count > 3 else { return String(decoding: digits, as: UTF8.self) }
        var out = [UInt8]()
        out.reserveCapacity(digits.count + digits.count / 3)
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(contentsOf: groupSeparator.utf8) }
            out.append(c)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A share 0…1 as a whole percentage: `42 %` / `42%`.
    public func percent(_ share: Double) -> String {
        String(Int((Progress.clamp(share) * 100).rounded())) + percentSuffix
    }

    /// A percentage of a number already in percent, e.g. for units: `+20 %`.
    public var percentSign: String { percentSuffix }

    /// A score or confidence with one decimal: `0,7` / `0.7`.
    public func decimal1(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return String(tenths / 10) + decimalSeparator + String(abs(tenths % 10))
    }

    /// A day: `29.11.2026` / `Nov 29, 2026`.
    public func date(_ day: Day) -> String {
        let (y, m, d) = day.components
        if language == "de" {
            return (d < 10 ? "0" : "") + String(d) + "." + (m < 10 ? "0" : "") + String(m) + "." + String(y)
        }
        return "\(monthNames[m - 1]) \(d), \(y)"
    }

    /// A short day for chart axes: `29.11.` / `Nov 29`.
    public func shortDate(_ day: Day) -> String {
        let (_, m, d) = day.components
        if language == "de" { return "\(d).\(m)." }
        return "\(monthNames[m - 1]) \(d)"
    }

    /// A value with its unit: `5.390 Follower`, `30 %`, `12 %` (a `%` unit follows the language's spacing).
    public func value(_ x: Double, unit: String?) -> String {
        let n = number(x)
        guard let unit, !unit.isEmpty else { return n }
        if unit == "%" { return n + percentSuffix }
        return n + "\u{A0}" + unit
    }
}
