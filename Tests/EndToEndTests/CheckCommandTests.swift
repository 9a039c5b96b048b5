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
            FileManager.default.fileExists(atPath: source + "/" + rel, isDirectory: &isDir)
            if isDir.boolValue { continue }
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

    @Test func brokenSiteGivesOneDiagnosticPerProblemAndExit1() throws {
        let fixture = try brokenSite()
        defer { withExtendedLifetime(fixture) {} }
        // A copy of the binary the unprivileged user can reach wherever the repository lives.
        let binary = fixture.root + "/okrportal-bin"
        try FileManager.default.copyItem(atPath: Binary.path, toPath: binary)
        chmod(binary, 0o755)
        let run = try Binary.run(
            ["check", fixture.root, "--as-of", "2026-11-29"], wrapper: unprivileged, executable: binary)
        let expected = try String(
            contentsOfFile: Binary.repositoryRoot + "/Tests/Fixtures/broken-site/expected-check.txt", encoding: .utf8)
        #expect(run.status == 1)
        #expect(run.stdout == expected, "got:\n\(run.stdout)\(run.stderr)")
    }

    @Test func cleanSiteExits0() throws {
        let fixture = try SiteFixture(Fixtures.site(["a.md": Fixtures.objective("a")]))
        defer { withExtendedLifetime(fixture) {} }
        let run = try Binary.run(["check", fixture.root, "--as-of", "2026-11-29"])
        #expect(run.status == 0)
        #expect(run.stdout == "1 objective, 1 key result, 4 teams, 2 periods: 0 errors, 0 warnings\n")
    }

    @Test func warningsAloneExit0() throws {
        let fixture = try SiteFixture(Fixtures.site(["a.md": Fixtures.objective("a", team: "marketing")]))
        defer { withExtendedLifetime(fixture) {} }
        let run = try Binary.run(["check", fixture.root, "--as-of", "2026-11-29"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("content/objectives/a.md:2:5: warning: not aligned"))
    }

    @Test func notASiteExits2() throws {
        let fixture = try SiteFixture(["README.md": "hello"])
        defer { withExtendedLifetime(fixture) {} }
        let run = try Binary.run(["check", fixture.root])
        #expect(run.status == 2)
        #expect(run.stderr.contains("not an okrportal site"))
    }

    @Test func badAsOfExits2() throws {
        let fixture = try SiteFixture(Fixtures.site([:]))
        defer { withExtendedLifetime(fixture) {} }
        let run = try Binary.run(["check", fixture.root, "--as-of", "2026-02-30"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--as-of"))
    }

    @Test func badSourceDateEpochExits2() throws {
        let fixture = try SiteFixture(Fixtures.site([:]))
        defer { withExtendedLifetime(fixture) {} }
        let run = try Binary.run(["check", fixture.root], environment: ["SOURCE_DATE_EPOCH": "yesterday"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("SOURCE_DATE_EPOCH"))
    }

    @Test func unknownOptionExits2() throws {
        let run = try Binary.run(["check", "--no-such-option"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no-such-option"))
    }

    @Test func helpHasAnExample() throws {
        let run = try Binary.run(["check", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Example:"))
    }
}
