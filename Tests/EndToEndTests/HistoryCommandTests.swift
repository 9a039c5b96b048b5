import Foundation
import OKRTestSupport
import Testing

/// `--history git` and `history: git` as users meet them on the command line.
@Suite struct HistoryCommandTests {
    static let file = Fixtures.objective("o")

    @Test func askedForOutsideGitIsAnEnvironmentError() async throws {
        let fixture = try SiteFixture(Fixtures.site(["o.md": Self.file]))
        try #require(
            (try? await GitFixture.run(["rev-parse"], in: fixture.root)) == nil, "the temporary folder is in git")
        for command in ["build", "check"] {
            let run = try await Binary.run([command, fixture.root, "--as-of", "2026-11-29", "--history", "git"])
            #expect(run.status == 2, "\(command)")
            #expect(run.stderr.contains("error: --history git: \(fixture.root) is not in a git repository"))
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.root + "/public"))
    }

    @Test func configuredOutsideGitIsAWarning() async throws {
        let fixture = try SiteFixture(
            Fixtures.site(["o.md": Self.file], extra: ["okrportal.yml": Fixtures.config + "history: git\n"]))
        let check = try await Binary.run(["check", fixture.root, "--as-of", "2026-11-29"])
        #expect(check.status == 0)
        #expect(check.stdout.contains("okrportal.yml:11:10: warning: history: git is set, but"))
        #expect(check.stdout.contains("built without it"))
        let quiet = try await Binary.run(["check", fixture.root, "--as-of", "2026-11-29", "--history", "none"])
        #expect(!quiet.stdout.contains("history"))
        let build = try await Binary.run(["build", fixture.root, "--as-of", "2026-11-29"])
        #expect(build.status == 0)
    }

    @Test func anUnknownHistorySourceIsAUsageError() async throws {
        let fixture = try SiteFixture(Fixtures.site(["o.md": Self.file]))
        let run = try await Binary.run(["check", fixture.root, "--history", "svn"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("svn"))
        let bad = try SiteFixture(
            Fixtures.site(["o.md": Self.file], extra: ["okrportal.yml": Fixtures.config + "history: svn\n"]))
        let config = try await Binary.run(["check", bad.root, "--as-of", "2026-11-29"])
        #expect(config.status == 1)
        #expect(config.stdout.contains("okrportal.yml:11:10: error: \"history\" must be \"none\" or \"git\""))
    }

    @Test func buildWithHistoryInARepositoryAndItsShallowClone() async throws {
        let origin = try SiteFixture(Fixtures.site([:]))
        try await origin.gitInit()
        for (date, current) in [("2026-10-05", 10), ("2026-10-12", 20), ("2026-10-19", 30)] {
            try await origin.commit(
                [
                    "content/objectives/o.md": Self.file.replacingOccurrences(
                        of: "current: 50", with: "current: \(current)")
                ],
                date: date)
        }
        let full = try await Binary.run(["build", origin.root, "--as-of", "2026-11-29", "--history", "git"])
        #expect(full.status == 0)
        // Methodology hints (one objective for a team) aside, the history gives no warning.
        let problems = full.stderr.split(separator: "\n").filter { !$0.contains("[OKR") }
        #expect(problems.isEmpty, "\(problems)")
        let page = try String(contentsOfFile: origin.root + "/public/objectives/o.html", encoding: .utf8)
        #expect(page.contains("<dt>Zuletzt geändert</dt><dd>19.10.2026 von <a href=\"people/aylin-demir.html\">"))

        let holder = try SiteFixture([:])
        try await GitFixture.run(
            ["clone", "-q", "--depth", "1", "file://" + origin.root, holder.root + "/clone"], in: holder.root)
        let shallow = try await Binary.run([
            "build", holder.root + "/clone", "--as-of", "2026-11-29", "--history", "git",
        ])
        #expect(shallow.status == 0)
        #expect(
            shallow.stderr.contains(
                "content/objectives:1:1: warning: the repository is a shallow clone, so its history before 2026-10-19 is missing"
            ))
    }

    @Test func aConfidentialPastAtTheSamePathIsNotPublished() async throws {
        // The file was a confidential objective with its own numbers, then became a public one (new id).
        let fixture = try SiteFixture(Fixtures.site([:]))
        try await fixture.gitInit()
        let secret = Fixtures.objective("secret", extra: "visibility: confidential\n")
        for (date, current) in [("2026-10-05", "47.11"), ("2026-10-12", "63.29")] {
            try await fixture.commit(
                [
                    "content/objectives/o.md": secret.replacingOccurrences(
                        of: "current: 50", with: "current: \(current)")
                ],
                date: date)
        }
        let hidden = try await fixture.git(["rev-parse", "HEAD", "HEAD~1"]).split(separator: "\n").map(String.init)
        try await fixture.commit(["content/objectives/o.md": Self.file], date: "2026-10-19")
        let run = try await Binary.run(["build", fixture.root, "--as-of", "2026-11-29", "--history", "git"])
        #expect(run.status == 0)
        let output = fixture.root + "/public"
        let files = try FileManager.default.subpathsOfDirectory(atPath: output)
        var published = ""
        for file in files { published += (try? String(contentsOfFile: output + "/" + file, encoding: .utf8)) ?? "" }
        #expect(published.contains("Objective o"))
        for word in ["47,11", "47.11", "63,29", "63.29", "secret"] + hidden + hidden.map { String($0.prefix(7)) } {
            #expect(!published.contains(word), "\(word) is published")
        }
    }
}
