import Foundation
import OKRTestSupport
import Testing

/// The CI recipes in `docs/ci/` parse as YAML, keep their promises (weekly and on push, a check gate,
/// the whole git history, publishing `public/`), and every `okrportal` command line they run works on a
/// site in git — read out of the files themselves, so the docs cannot drift from what is tested.
@Suite struct CIRecipeTests {
    /// A recipe read by PyYAML: the document (as JSON) and every shell line of its `run:`, `script:` and
    /// `before_script:` entries.
    struct Recipe {
        var document: [String: Any]
        var commands: [String]

        /// The `okrportal …` command lines.
        var okrportal: [String] { commands.filter { $0.hasPrefix("okrportal ") } }
    }

    static func read(_ name: String) async throws -> Recipe {
        let path = Binary.repositoryRoot + "/docs/ci/" + name
        let script = """
            import json, sys, yaml
            doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
            lines = []
            def walk(node, key=None):
                if isinstance(node, dict):
                    for k, v in node.items():
                        walk(v, k)
                elif isinstance(node, list):
                    for v in node:
                        walk(v, key)
                elif isinstance(node, str) and key in ("run", "script", "before_script"):
                    lines.extend(l.strip() for l in node.splitlines() if l.strip())
            walk(doc)
            print(json.dumps({"document": doc, "commands": lines}, default=str))
            """
        let run = try await Child.run("/usr/bin/env", ["python3", "-c", script, path])
        guard run.status == 0, !run.signalled else { throw FixtureError("\(name) does not parse: \(run.stderr)") }
        let data = Data(run.stdout.utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return Recipe(
            document: try #require(json["document"] as? [String: Any]),
            commands: try #require(json["commands"] as? [String]))
    }

    /// A site in git with two weeks of commits, as a CI job checks it out.
    static func site() async throws -> SiteFixture {
        let fixture = try SiteFixture(["okrportal.yml": Fixtures.config])
        try await fixture.gitInit()
        let files = Fixtures.site([
            "o.md": Fixtures.objective("o", extra: "owner: Jan Becker\n"),
            "m.md": Fixtures.objective("m", team: "marketing", extra: "aligns_to: o\n"),
        ])
        try await fixture.commit(files.mapValues { Optional($0) }, date: "2026-10-05")
        try await fixture.commit(
            [
                "content/objectives/o.md": Fixtures.objective("o", extra: "owner: Jan Becker\n")
                    .replacingOccurrences(of: "current: 50", with: "current: 60")
            ], date: "2026-11-24")
        return fixture
    }

    /// Runs each `okrportal` line of a recipe in the site's folder, as the CI job does.
    func runCommands(_ recipe: Recipe, in fixture: SiteFixture) async throws {
        for line in recipe.okrportal {
            // The lines are plain words: no variables, quotes or pipes a shell would change.
            #expect(!line.contains { "$\"'|&;<>`*".contains($0) }, "\(line)")
            let words = line.split(separator: " ").map(String.init)
            let run = try await Binary.run(Array(words.dropFirst()), currentDirectory: fixture.root)
            #expect(run.status == 0, "\(line): \(run.stdout) \(run.stderr)")
            #expect(!run.stderr.contains("shallow"), "\(line)")
            if words.contains("build"), let i = words.firstIndex(of: "--output") {
                let out = fixture.root + "/" + words[i + 1]
                for file in ["index.html", "changes.html", "feed.xml", "data/okrs.csv", "data/okrs.json"] {
                    #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(line): \(file)")
                }
            }
        }
    }

    @Test func githubActionsChecksPullRequestsAndPublishesWeeklyAndOnPush() async throws {
        let recipe = try await Self.read("github-actions.yml")
        // PyYAML reads the key `on` as the boolean true (YAML 1.1); GitHub reads it as "on".
        let on = try #require((recipe.document["true"] ?? recipe.document["on"]) as? [String: Any])
        #expect(on["push"] != nil && on["pull_request"] != nil)
        let schedule = try #require(on["schedule"] as? [[String: Any]])
        #expect((schedule.first?["cron"] as? String)?.split(separator: " ").count == 5)
        let text = try String(contentsOfFile: Binary.repositoryRoot + "/docs/ci/github-actions.yml", encoding: .utf8)
        #expect(text.contains("fetch-depth: 0"))
        #expect(text.contains("actions/upload-pages-artifact") && text.contains("actions/deploy-pages"))
        #expect(recipe.okrportal.contains("okrportal check . --history git"))
        #expect(recipe.okrportal.contains { $0.hasPrefix("okrportal build ") && $0.hasSuffix("--output public") })
        let fixture = try await Self.site()
        defer { withExtendedLifetime(fixture) {} }
        try await runCommands(recipe, in: fixture)
    }

    @Test func gitlabCIChecksMergeRequestsAndPublishesPages() async throws {
        let recipe = try await Self.read("gitlab-ci.yml")
        let variables = try #require(recipe.document["variables"] as? [String: Any])
        #expect(variables["GIT_DEPTH"] as? Int == 0)
        let check = try #require(recipe.document["okr-check"] as? [String: Any])
        #expect("\(check["rules"] ?? "")".contains("merge_request_event"))
        let pages = try #require(recipe.document["pages"] as? [String: Any])
        #expect("\(pages["rules"] ?? "")".contains("schedule"))
        #expect((pages["artifacts"] as? [String: Any])?["paths"] as? [String] == ["public"])
        #expect(recipe.okrportal.contains("okrportal check . --history git"))
        #expect(recipe.okrportal.contains("okrportal build . --history git --output public"))
        let fixture = try await Self.site()
        defer { withExtendedLifetime(fixture) {} }
        try await runCommands(recipe, in: fixture)
    }

    @Test func bothRecipesInstallTheSameRuntimeLibrariesTheREADMENames() async throws {
        let readme = try String(contentsOfFile: Binary.repositoryRoot + "/docs/ci/README.md", encoding: .utf8)
        for name in ["github-actions.yml", "gitlab-ci.yml"] {
            let recipe = try await Self.read(name)
            let install = recipe.commands.joined(separator: " ")
            for package in ["libyaml-0-2", "libcmark-gfm0.29.0.gfm.6", "libcmark-gfm-extensions0.29.0.gfm.6"] {
                #expect(install.contains(package), "\(name): \(package)")
                #expect(readme.contains(package))
            }
        }
    }
}
