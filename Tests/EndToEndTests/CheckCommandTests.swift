import Foundation
import OKRTestSupport
import Testing

/// `okrportal check` as users run it: the built binary, its output and its exit code.
@Suite struct CheckCommandTests {
    /// Copies `Tests/Fixtures/broken-site` to a temporary folder and adds a file nobody may read.
    func brokenSite() throws -> SiteFixture {
        let fixture = try SiteFixture([:])
        defer { withExtendedLifetime(fixture) {} }
        let source = Binary.repositoryRoot + "/Tests/Fixtures/broken-site"
        let files = FileManager.default.enumerator(atPath: source)!  // the fixture is part of the repository
        for case let rel as String in files where !rel.hasSuffix("/") {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: source + "/" + rel, isDirectory: &isDir), !isDir.boolValue
            else { continue }
            try fixture.write(rel, try Data(contentsOf: URL(fileURLWithPath: source + "/" + rel)))
        }
        try fixture.write("content/objectives/unreadable.md", "---\nid: unreadable\n---\n")
        chmod(fixture.root + "/content/objectives/unreadable.md", 0)
        // The run below may happen as an unprivileged user: everything else must stay readable.
        for case let rel as String in FileManager.default.enumerator(atPath: fixture.root)! {
            if rel.hasSuffix("unreadable.md") { continue }
            chmod(fixture.root + "/" + rel, 0o755)
        }
        chmod(fixture.root, 0o755)
        return fixture
    }

    /// As root every file is readable, so the run drops to `nobody` to meet the unreadable file.
    var unprivileged: [String] {
        getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
    }

    @Test func brokenSiteGivesOneDiagnosticPerProblemAndExit1() async throws {
        let fixture = try brokenSite()
        defer { withExtendedLifetime(fixture) {} }
        // A copy of the binary the unprivileged user can reach wherever the repository lives.
        let binary = unprivileged.isEmpty ? Binary.path : try await Binary.unprivilegedCopy()
        let run = try await Binary.run(
            ["check", fixture.root, "--as-of", "2026-11-29"], wrapper: unprivileged, executable: binary)
        let expected = try String(
            contentsOfFile: Binary.repositoryRoot + "/Tests/Fixtures/broken-site/expected-check.txt", encoding: .utf8)
        #expect(run.status == 1)
        #expect(run.stdout == expected, "got:\n\(run.stdout)\(run.stderr)")
    }

    /// Two company objectives with two key results each: nothing for the format or the rules to say.
    static let healthy = Fixtures.site(
        Dictionary(
            uniqueKeysWithValues: ["a", "b"].map { id in
                (
                    "\(id).md",
                    Fixtures.objective(
                        id,
                        keyResults: "  - id: kr1\n    title: K1\n    start: 0\n    target: 10\n"
                            + "  - id: kr2\n    title: K2\n    start: 0\n    target: 10\n")
                )
            }))

    @Test func cleanSiteExits0() async throws {
        let fixture = try SiteFixture(Self.healthy)
        defer { withExtendedLifetime(fixture) {} }
        let run = try await Binary.run(["check", fixture.root, "--as-of", "2026-11-29"])
        #expect(run.status == 0)
        #expect(run.stdout == "2 objectives, 4 key results, 4 teams, 2 periods: 0 errors, 0 warnings\n")
    }

    @Test func strictTurnsRuleHintsIntoErrors() async throws {
        // One objective with one key result: OKR001 and OKR002 fire.
        let fixture = try SiteFixture(Fixtures.site(["a.md": Fixtures.objective("a")]))
        defer { withExtendedLifetime(fixture) {} }
        let lenient = try await Binary.run(["check", fixture.root, "--as-of", "2026-11-29"])
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("content/objectives/a.md:7:3: warning: objective \"a\" has only 1 key result"))
        #expect(lenient.stdout.hasSuffix(": 0 errors, 2 warnings\n"))
        let strict = try await Binary.run(["check", fixture.root, "--as-of", "2026-11-29", "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("content/objectives/a.md:7:3: error: objective \"a\" has only 1 key result"))
        #expect(strict.stdout.contains("[OKR002]\n"))
        #expect(strict.stdout.hasSuffix(": 2 errors, 0 warnings\n"))
    }

    @Test func strictPassesACleanSiteAndKeepsFormatWarningsWarnings() async throws {
        var files = Self.healthy
        files["content/objectives/a.md"] = files["content/objectives/a.md"]!.replacingOccurrences(
            of: "title: Objective a", with: "ownr: x\ntitle: Objective a")
        let fixture = try SiteFixture(files)
        defer { withExtendedLifetime(fixture) {} }
        let run = try await Binary.run(["check", fixture.root, "--as-of", "2026-11-29", "--strict"])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.hasSuffix(": 0 errors, 1 warning\n"))
    }

    @Test func rulesExplainsEveryRule() async throws {
        let runs = try await Binary.runAll([["rules"], ["rules", "OKR003"], ["rules", "OKR03"]])
        let (all, one, unknown) = (runs[0], runs[1], runs[2])
        #expect(all.status == 0)
        for n in 1...9 { #expect(all.stdout.contains("OKR00\(n)  ")) }
        #expect(one.stdout.hasPrefix("OKR003  every key result is measurable\n"))
        #expect(one.stdout.contains("Source: John Doerr, Measure What Matters"))
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean \"OKR003\""))
    }

    @Test func warningsAloneExit0() async throws {
        let fixture = try SiteFixture(Fixtures.site(["a.md": Fixtures.objective("a", team: "marketing")]))
        defer { withExtendedLifetime(fixture) {} }
        let run = try await Binary.run(["check", fixture.root, "--as-of", "2026-11-29"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("content/objectives/a.md:2:5: warning: not aligned"))
    }

    @Test func notASiteExits2() async throws {
        let fixture = try SiteFixture(["README.md": "hello"])
        defer { withExtendedLifetime(fixture) {} }
        let run = try await Binary.run(["check", fixture.root])
        #expect(run.status == 2)
        #expect(run.stderr.contains("not an okrportal site"))
    }

    @Test func badAsOfExits2() async throws {
        let fixture = try SiteFixture(Fixtures.site([:]))
        defer { withExtendedLifetime(fixture) {} }
        let run = try await Binary.run(["check", fixture.root, "--as-of", "2026-02-30"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--as-of"))
    }

    @Test func badSourceDateEpochExits2() async throws {
        let fixture = try SiteFixture(Fixtures.site([:]))
        defer { withExtendedLifetime(fixture) {} }
        let run = try await Binary.run(["check", fixture.root], environment: ["SOURCE_DATE_EPOCH": "yesterday"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("SOURCE_DATE_EPOCH"))
    }

    @Test func unknownOptionExits2() async throws {
        let run = try await Binary.run(["check", "--no-such-option"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no-such-option"))
    }

    @Test func helpHasAnExample() async throws {
        let run = try await Binary.run(["check", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Example:"))
    }
}
