import CFuzzer
import Foundation
import FuzzSupport
import OKRContent
import OKRCore
import OKRSite

/// Extreme numbers through whole builds, charts included: the fuzzed bytes are read as a stream of
/// Doubles (random bit patterns, the edges of Double, powers of ten, small integers) and become the
/// start, target, weights, check-in values and confidences of a site's key results. Every build must
/// finish without a trap, and the progress figures it publishes must be finite shares: anything else
/// aborts, which libFuzzer reports as a crash.
let siteRoot = fuzzSite(
    named: "okrportal-fuzz-numbers",
    teams: "- id: company\n  name: Fuzz GmbH\n- id: team\n  name: Team\n  parent: company\n")

/// The edges of Double, the numbers that break arithmetic written the obvious way.
let edges: [Double] = [
    0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude,
    -.greatestFiniteMagnitude, 1.7e308, -1.7e308, 8.5e307, 1e308, 9e15, 9_007_199_254_740_993, 1e20, 1, -1, 0.5,
    0.1, 1e-300, 9.223372036854775807e18, -9.223372036854775808e18,
]

/// Doubles read from the fuzzer's bytes; 1 once they run out.
struct NumberStream {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0

    mutating func byte() -> UInt8 {
        guard at < bytes.count else { return 0 }
        defer { at += 1 }
        return bytes[at]
    }

    mutating func next() -> Double {
        guard at < bytes.count else {
            // Past the end: 0, 1, 2, … so that start and target still differ.
            defer { at += 1 }
            return Double(at - bytes.count)
        }
        switch byte() % 4 {
        case 0:
            var bits: UInt64 = 0
            for _ in 0..<8 { bits = bits << 8 | UInt64(byte()) }
            let x = Double(bitPattern: bits)
            return x.isFinite ? x : (x < 0 ? -.greatestFiniteMagnitude : .greatestFiniteMagnitude)
        case 1: return edges[Int(byte()) % edges.count]
        case 2:
            let mantissa = Double(Int8(bitPattern: byte()))
            let exponent = Int(Int8(bitPattern: byte())) * 5 / 2  // −320 … 317
            let x = mantissa * pow(10, Double(exponent))
            return x.isFinite ? x : .greatestFiniteMagnitude
        default: return Double(Int8(bitPattern: byte()))
        }
    }

    /// A number as YAML writes it: Swift's shortest round-trip form (`1.7e+308`, `5e-324`).
    mutating func text() -> String { "\(next())" }

    /// A start and a target, different (equal ones are an error that would stop the build before the
    /// arithmetic): `start: …\n` and `target: …` as YAML.
    mutating func range() -> (start: String, target: String) {
        let s = next()
        var t = next()
        if t == s { t = s == 0 ? 1 : -s }
        return ("\(s)", "\(t)")
    }

    /// A share 0…1 from the next number (confidences).
    mutating func share() -> String {
        let x = abs(next())
        return "\(x.isFinite ? x.truncatingRemainder(dividingBy: 1) : 0)"
    }
}

/// Two objectives: one with up to four fuzzed metric key results and a `children` one that the
/// second, in the team below, supports; check-ins across the closed and the open period.
func site(from bytes: UnsafeBufferPointer<UInt8>) -> (company: String, team: String) {
    var n = NumberStream(bytes: bytes)
    let count = Int(n.byte() % 4) + 1
    var company = "---\nid: goal\ntitle: Ziel\nteam: company\nperiod: 2026-Q4\nkey_results:\n"
    company += "  - {id: kids, title: Kinder, kind: children, weight: \(max(abs(n.next()), .leastNonzeroMagnitude))}\n"
    for k in 0..<count {
        let (start, target) = n.range()
        company += "  - id: kr\(k)\n    title: Zahl \(k)\n    start: \(start)\n    target: \(target)\n"
        company += "    weight: \(max(abs(n.next()), .leastNonzeroMagnitude))\n    checkins:\n"
        for (c, day) in ["2026-10-05", "2026-11-02", "2026-11-27"].enumerated() where n.byte() % 3 != 0 || c == 0 {
            company += "      - { date: \(day), value: \(n.text()), confidence: \(n.share()) }\n"
        }
    }
    company += "---\nText.\n"
    let (a, b) = (n.range(), n.range())
    let team = """
        ---
        id: support
        title: Beitrag
        team: team
        period: 2026-Q4
        aligns_to: goal#kids
        key_results:
          - {id: a, title: A, start: \(a.start), target: \(a.target), current: \(n.text())}
          - {id: b, title: B, start: \(b.start), target: \(b.target), weight: \(max(abs(n.next()), 1e-300))}
        ---

        """
    return (company, team)
}

/// okrs.json parses, and every `progress` in it is a number in [0, 1].
func checkFigures(_ data: Data) {
    guard let json = try? JSONSerialization.jsonObject(with: data) else { abort() }
    var stack: [Any] = [json]
    while let item = stack.popLast() {
        if let object = item as? [String: Any] {
            for (key, value) in object {
                if key == "progress" || key == "forecast_progress", let x = value as? Double, !(x >= 0 && x <= 1) {
                    abort()
                }
                stack.append(value)
            }
        } else if let list = item as? [Any] {
            stack.append(contentsOf: list)
        }
    }
}

/// Runs libFuzzer with the process's arguments (`-max_total_time=600 corpus/…`).
@main
struct Main {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzNumbers))
    }
}

/// One input.
let fuzzNumbers: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32 = { data, size in
    guard let data else { return 0 }
    let (company, team) = site(from: UnsafeBufferPointer(start: data, count: size))
    try? company.write(toFile: siteRoot + "/content/objectives/goal.md", atomically: false, encoding: .utf8)
    try? team.write(toFile: siteRoot + "/content/objectives/support.md", atomically: false, encoding: .utf8)
    var diagnostics = Diagnostics()
    let options = BuildOptions(siteRoot: siteRoot, output: siteRoot + "/public", asOf: Day(iso: "2026-11-29")!)
    guard (try? SiteBuilder.build(options, diagnostics: &diagnostics)) ?? nil != nil, !diagnostics.hasErrors else {
        return 0
    }
    checkFigures(FileManager.default.contents(atPath: siteRoot + "/public/data/okrs.json") ?? Data())
    return 0
}
