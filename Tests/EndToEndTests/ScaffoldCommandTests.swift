import Foundation
import OKRContent
import OKRCore
import OKRTestSupport
import Testing

/// `okrportal init` and `okrportal new objective` through the real binary.
@Suite struct ScaffoldCommandTests {
    func initialised(_ extra: [String] = []) async throws -> SiteFixture {
        let fixture = try SiteFixture([:])
        let run = try await Binary.run(["init", fixture.root + "/okrs", "--as-of", "2026-11-29"] + extra)
        #expect(run.status == 0, "\(run.stderr)")
        return SiteFixture.existing(fixture.root + "/okrs", keepAlive: fixture)
    }

    @Test func initMakesASiteThatChecksCleanAndBuilds() async throws {
        let site = try await initialised()
        defer { withExtendedLifetime(site) {} }
        let config = try String(contentsOfFile: site.root + "/okrportal.yml", encoding: .utf8)
        #expect(config.contains("- id: 2026-Q4\n    start: 2026-10-01\n    end: 2026-12-31"))
        #expect(config.contains("language: en"))
        let objectives = try FileManager.default.contentsOfDirectory(atPath: site.root + "/content/objectives/2026-q4")
        #expect(
            objectives.sorted() == [
                "customers-recommend-us-2026-q4.md", "effortless-onboarding-2026-q4.md",
                "win-back-customers-2026-q4.md",
            ])
        #expect(try String(contentsOfFile: site.root + "/.gitignore", encoding: .utf8).contains("public/"))
        let check = try await Binary.run(["check", site.root, "--as-of", "2026-11-29"])
        #expect(check.status == 0)
        #expect(check.stdout.hasSuffix("3 objectives, 6 key results, 3 teams, 1 period: 0 errors, 0 warnings\n"))
        let build = try await Binary.run(["build", site.root, "--as-of", "2026-11-29"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.root + "/public/index.html"))
    }

    @Test func initInGermanWritesGermanExamples() async throws {
        let site = try await initialised(["--language", "de"])
        defer { withExtendedLifetime(site) {} }
        #expect(try String(contentsOfFile: site.root + "/okrportal.yml", encoding: .utf8).contains("language: de"))
        let check = try await Binary.run(["check", site.root, "--as-of", "2026-11-29"])
        #expect(check.status == 0)
        #expect(check.stdout.contains(": 0 errors, 0 warnings"))
        #expect(try await Binary.run(["init", site.root + "/x", "--language", "fr"]).status == 2)
    }

    @Test func initOverwritesNothing() async throws {
        let site = try await initialised()
        defer { withExtendedLifetime(site) {} }
        try site.write("content/teams.yml", "- id: mine\n  name: Mine\n")
        let again = try await Binary.run(["init", site.root, "--as-of", "2026-11-29"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already holds okrportal.yml, content/teams.yml"))
        #expect(again.stderr.contains("overwrites no file"))
        #expect(
            try String(contentsOfFile: site.root + "/content/teams.yml", encoding: .utf8)
                == "- id: mine\n  name: Mine\n")
        // A folder with other files (a README, a .gitignore of its own) is fine; its .gitignore stays.
        let other = try SiteFixture(["README.md": "# okrs\n", ".gitignore": "*.tmp\n"])
        defer { withExtendedLifetime(other) {} }
        #expect(try await Binary.run(["init", other.root, "--as-of", "2026-11-29"]).status == 0)
        #expect(try String(contentsOfFile: other.root + "/.gitignore", encoding: .utf8) == "*.tmp\n")
    }

    @Test func newObjectiveWritesAValidFileWithTheNextFreeID() async throws {
        let site = try await initialised()
        defer { withExtendedLifetime(site) {} }
        let title = #"Win back "lost" customers: \ all of them"#
        let first = try await Binary.run(
            ["new", "objective", "--team", "sales", "--period", "2026-Q4", title, site.root])
        #expect(first.status == 0, "\(first.stderr)")
        let path = "content/objectives/2026-q4/win-back-lost-customers-all-of-2026-q4.md"
        #expect(first.stdout.contains(path))
        let second = try await Binary.run(
            [
                "new", "objective", "--team", "sales", "--period", "2026-Q4", title, site.root, "--aligns-to",
                "customers-recommend-us-2026-q4#kr2",
            ])
        #expect(second.status == 0)
        #expect(second.stdout.contains("win-back-lost-customers-all-of-2026-q4-2.md"))
        // A file already in the way (even one that does not parse) is skipped, never overwritten.
        try site.write("content/objectives/2026-q4/plan-2026-q4.md", "not an objective yet")
        let third = try await Binary.run([
            "new", "objective", "--team", "product", "--period", "2026-Q4", "Plan", site.root,
        ])
        #expect(third.stdout.contains("plan-2026-q4-2.md"))
        #expect(
            try String(contentsOfFile: site.root + "/content/objectives/2026-q4/plan-2026-q4.md", encoding: .utf8)
                == "not an objective yet")
        try FileManager.default.removeItem(atPath: site.root + "/content/objectives/2026-q4/plan-2026-q4.md")

        let result = try site.check()
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics)")
        let written = try #require(result.organisation?.objectives.first { $0.id.hasSuffix("of-2026-q4") })
        #expect(written.title == title)
        #expect(written.team == "sales")
        #expect(written.keyResults.count == 2)
        #expect(written.keyResults.allSatisfy { $0.title.hasPrefix("TODO") })
        let aligned = try #require(result.organisation?.objectives.first { $0.id.hasSuffix("of-2026-q4-2") })
        #expect(aligned.alignsTo.count == 1)
    }

    @Test func newObjectiveNamesTheValidTeamsAndPeriods() async throws {
        let site = try await initialised()
        defer { withExtendedLifetime(site) {} }
        let team = try await Binary.run(["new", "objective", "--team", "sale", "--period", "2026-Q4", "X", site.root])
        #expect(team.status == 2)
        #expect(
            team.stderr.contains(#"no team "sale" (did you mean "sales"?); the teams are: company, product, sales"#))
        let period = try await Binary.run([
            "new", "objective", "--team", "sales", "--period", "2027-Q1", "X", site.root,
        ])
        #expect(period.status == 2)
        #expect(period.stderr.contains(#"no period "2027-Q1""#))
        #expect(period.stderr.contains("the periods are: 2026-Q4"))
        let notASite = try await Binary.run([
            "new", "objective", "--team", "a", "--period", "b", "X", site.root + "/content",
        ])
        #expect(notASite.status == 2)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: site.root + "/content/objectives/2026-q4").count == 3)
    }
}
