import CFuzzer
import Foundation
import OKRContent
import OKRCore

/// Runs libFuzzer with the process's arguments (`-max_total_time=600 corpus/…`).
@main
struct Main {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzFrontMatter))
    }
}

/// One input: an objective file's bytes through the reader (front matter split, UTF-8 check, libyaml
/// events, typed fields) and the resolver of a one-objective site.
let fuzzFrontMatter: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32 = { data, size in
    guard let data else { return 0 }
    var diagnostics = Diagnostics()
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let objective = ObjectiveReader.read(bytes, path: "content/objectives/fuzz.md", diagnostics: &diagnostics)
    else { return 0 }
    let period = Period(
        id: "2026-Q4", start: Day(iso: "2026-10-01")!, end: Day(iso: "2026-12-31")!,
        location: SourceLocation(path: "okrportal.yml"))
    let site = Site(
        config: SiteConfig(title: "Fuzz", periods: [period]),
        teams: [Team(id: "company", name: "Company", location: SourceLocation(path: "content/teams.yml"))],
        objectives: [objective])
    _ = Resolver.resolve(site, asOf: Day(iso: "2026-11-29")!, diagnostics: &diagnostics)
    _ = diagnostics.sorted.map(\.description)
    return 0
}
