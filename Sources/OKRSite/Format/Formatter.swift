import OKRCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Numbers, percentages and dates as the site's language writes them, without Foundation's formatters
/// (slow on Linux and dependent on the machine's locale data, which would break byte-identical builds).
///
/// de: `5.390`, `0,7`, `42 %`, `29.11.2026`; en: `5,390`, `0.7`, `42%`, `Nov 29, 2026`.
public struct Formatter: Sendable {
    /// `de` or `en`.
    public let language: String
    let decimalSeparator: String
    let groupSeparator: String
    /// The separators as the single ASCII bytes they are, for the byte-level writers.
    private let decimalByte: UInt8
    private let groupByte: UInt8
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
        decimalByte = decimalSeparator.utf8.first ?? 46
        groupByte = groupSeparator.utf8.first ?? 44
        self.monthNames = monthNames.count == 12 ? monthNames : (1...12).map { String($0) }
    }

    private static let scales: [Double] = [1, 10, 100, 1000, 10000]

    /// A number with up to `maxDecimals` decimals (trailing zeros dropped) and grouped thousands.
    /// Written into a byte buffer: charts and tables format hundreds of thousands of numbers a build.
    public func number(_ x: Double, maxDecimals: Int = 2) -> String {
        guard x.isFinite else { return "–" }
        let scale = Formatter.scales[min(max(maxDecimals, 0), 4)]
        let scaled = (abs(x) * scale).rounded()
        let negative = x < 0 && scaled > 0
        guard scaled < 9e15 else { return scientific(x) }
        let whole = Int(saturating: scaled / scale)
        var fraction = Int(saturating: scaled) - whole * Int(saturating: scale)
        var out: [UInt8] = []
        out.reserveCapacity(32)
        if negative { out.append(contentsOf: "−".utf8) }
        appendGrouped(UInt64(whole), to: &out)
        if fraction > 0 {
            var digits = maxDecimals
            while fraction % 10 == 0 && digits > 0 {
                fraction /= 10
                digits -= 1
            }
            out.append(decimalByte)
            let start = out.count
            while fraction > 0 {
                out.append(UInt8(48 + fraction % 10))
                fraction /= 10
            }
            while out.count - start < digits { out.append(48) }
            out.reverseTail(from: start)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A number too large to write in digits at its precision (9e15 units of the last decimal, up to
    /// 1.8e308) with three significant digits and its power of ten: `1,7e308` / `1.7e308`, `−5e20`.
    func scientific(_ x: Double) -> String {
        var exponent = Int(saturating: log10(abs(x)), rounding: .down)
        var mantissa = ((abs(x) / pow(10, Double(exponent))) * 100).rounded() / 100
        if mantissa >= 10 {
            mantissa /= 10
            exponent += 1
        }
        return (x < 0 ? "−" : "") + number(mantissa) + "e" + String(exponent)
    }

    /// A whole number with grouped thousands.
    public func integer(_ n: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(24)
        if n < 0 { out.append(contentsOf: "−".utf8) }
        appendGrouped(UInt64(n.magnitude), to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `n`'s digits with the group separator every three.
    func appendGrouped(_ n: UInt64, to out: inout [UInt8]) {
        var n = n
        let start = out.count
        var count = 0
        repeat {
            if count == 3 {
                out.append(groupByte)
                count = 0
            }
            out.append(UInt8(truncatingIfNeeded: 48 + n % 10))
            n /= 10
            count += 1
        } while n > 0
        out.reverseTail(from: start)
    }

    /// A share 0…1 as a whole percentage: `42 %` / `42%`.
    public func percent(_ share: Double) -> String {
        String(Int(rounding: Progress.clamp(share) * 100)) + percentSuffix
    }

    /// A percentage of a number already in percent, e.g. for units: `+20 %`.
    public var percentSign: String { percentSuffix }

    /// A score or confidence with one decimal: `0,7` / `0.7`.
    public func decimal1(_ x: Double) -> String {
        let tenths = Int(rounding: x * 10)
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
