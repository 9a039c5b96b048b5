import Foundation
import OKRContent
import OKRCore
import Testing

/// The fuzzers' corpus and every crash they ever found (`Fuzz/crashers/`, committed as regression
/// fixtures) go through the reader and resolver on every test run, as the fuzz target does.
@Suite struct FuzzRegressionTests {
    static let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz").path

    static func inputs(_ folder: String) -> [String] {
        let dir = fuzz + "/" + folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { dir + "/" + $0 }
    }

    @Test func everyCorpusAndCrasherInputReadsWithAnAnswer() throws {
        let files = Self.inputs("corpus/front-matter") + Self.inputs("crashers")
        #expect(files.count >= 300)
        let period = Period(
            id: "2026-Q4", start: Day(iso: "2026-10-01")!, end: Day(iso: "2026-12-31")!,
            location: SourceLocation(path: "okrportal.yml"))
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
            var diagnostics = Diagnostics()
            let objective = bytes.withUnsafeBufferPointer {
                ObjectiveReader.read($0, path: "content/objectives/fuzz.md", diagnostics: &diagnostics)
            }
            // Either an objective, or at least one error saying why not: never silence.
            #expect(objective != nil || !diagnostics.sorted.filter { $0.severity == .error }.isEmpty, "\(file)")
            guard let objective else { continue }
            let site = Site(
                config: SiteConfig(title: "Fuzz", periods: [period]),
                teams: [Team(id: "company", name: "Company", location: SourceLocation(path: "content/teams.yml"))],
                objectives: [objective])
            _ = Resolver.resolve(site, asOf: Day(iso: "2026-11-29")!, diagnostics: &diagnostics)
            for d in diagnostics.sorted {
                #expect(d.location.path == "content/objectives/fuzz.md" || d.location.path == "content/teams.yml")
                #expect(d.location.line >= 0 && !d.message.isEmpty)
            }
        }
    }
}
