import CFuzzer
import Foundation
import FuzzSupport
import OKRContent
import OKRCore
import OKRSite

/// A site in shared memory with a fixed configuration, team list and one aligned objective; the
/// fuzzed bytes become a second objective file, and the whole build runs (read, resolve, theme,
/// every page, charts, export, atomic output).
let siteRoot: String = {
    let root = fuzzSite(
        named: "okrportal-fuzz",
        teams: """
            - id: company
              name: Fuzz GmbH
              lead: Petra
            - id: team
              name: Team
              parent: company
              lead: Jan

            """)
    try? """
    ---
    id: company-goal
    title: Ziel
    team: company
    period: 2026-Q4
    key_results:
      - id: kr1
        title: KR
        kind: children
      - id: kr2
        title: Zahl
        start: 0
        target: 10
        checkins:
          - { date: 2026-10-05, value: 3, confidence: 0.5 }
    ---
    Text.

    """.write(toFile: root + "/content/objectives/company.md", atomically: false, encoding: .utf8)
    return root
}()

/// Runs libFuzzer with the process's arguments (`-max_total_time=600 corpus/…`).
@main
struct Main {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzBuild))
    }
}

/// One input.
let fuzzBuild: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32 = { data, size in
    guard let data else { return 0 }
    let path = siteRoot + "/content/objectives/fuzz.md"
    _ = FileSystem.write(path, UnsafeRawBufferPointer(start: data, count: size))
    var diagnostics = Diagnostics()
    let options = BuildOptions(siteRoot: siteRoot, output: siteRoot + "/public", asOf: Day(iso: "2026-11-29")!)
    _ = try? SiteBuilder.build(options, diagnostics: &diagnostics)
    return 0
}
