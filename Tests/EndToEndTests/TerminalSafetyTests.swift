import Foundation
import OKRTestSupport
import Testing

/// Control characters from content never reach the terminal raw: every diagnostic shows them escaped
/// (`\u{1B}`), in text on a pipe and on a terminal, and `check --format json` escapes them the JSON
/// way ([robust] terminal safety).
@Suite struct TerminalSafetyTests {
    /// ESC (an OSC retitle and a clear screen), BEL, CR, DEL and C1 CSI, written as YAML escapes.
    static let hostile = "\\e]0;PWNED\\a\\e[2J\\r\\x7F\\x9B31m"
    static let shown = "\\u{1B}]0;PWNED\\u{7}\\u{1B}[2J\\u{D}\\u{7F}\\u{9B}31m"

    /// A draft whose key result's title is quoted by OKR003, and an unknown field with the same name.
    static var site: [String: String] {
        Fixtures.site([
            "a.md": Fixtures.objective(
                "a", extra: "draft: true\n\"x\(hostile)\": 1\n",
                keyResults: "  - id: kr1\n    title: \"Reach \(hostile)\"\n")
        ])
    }

    /// No byte of the content's control characters: ESC only where okrportal colours, never BEL, CR,
    /// DEL or U+009B.
    static func expectNoRawControls(_ text: String, colours: Bool = false, _ where: String) {
        #expect(!text.contains("\u{7}") && !text.contains("\r") && !text.contains("\u{7F}"), "\(`where`)")
        #expect(!text.unicodeScalars.contains("\u{9B}"), "\(`where`)")
        #expect(!text.contains("\u{1B}]") && !text.contains("\u{1B}[2J"), "\(`where`)")
        if !colours { #expect(!text.contains("\u{1B}"), "\(`where`)") }
    }

    @Test func checkAndBuildShowContentControlCharactersEscaped() async throws {
        let fixture = try SiteFixture(Self.site)
        defer { withExtendedLifetime(fixture) {} }
        let check = try await Binary.run(["check", fixture.root, "--as-of", "2026-11-29", "--drafts"])
        Self.expectNoRawControls(check.stdout + check.stderr, "check")
        #expect(check.stdout.contains("(\"Reach \(Self.shown)\")"), "\(check.stdout)")
        #expect(check.stdout.contains("unknown field \"x\(Self.shown)\""), "\(check.stdout)")
        let build = try await Binary.run(["build", fixture.root, "--as-of", "2026-11-29", "--drafts"])
        #expect(build.status == 0, "\(build.stderr)")
        Self.expectNoRawControls(build.stdout + build.stderr, "build")
        #expect(build.stderr.contains("unknown field \"x\(Self.shown)\""), "\(build.stderr)")
    }

    @Test func checkAsJSONEscapesThemTheJSONWay() async throws {
        let fixture = try SiteFixture(Self.site)
        defer { withExtendedLifetime(fixture) {} }
        let run = try await Binary.run(["check", fixture.root, "--as-of", "2026-11-29", "--drafts", "--format", "json"])
        Self.expectNoRawControls(run.stdout, "json")
        #expect(run.stdout.contains("\\u001b]0;PWNED\\u0007\\u001b[2J\\r\\u007f\\u009b31m"), "\(run.stdout)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let messages = (json?["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
        #expect(messages.contains { $0.contains("Reach \u{1B}]0;PWNED\u{7}\u{1B}[2J\r\u{7F}\u{9B}31m") })
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func onATerminalOnlyOkrportalsOwnColoursAreEscapes() async throws {
        let fixture = try SiteFixture(Self.site)
        defer { withExtendedLifetime(fixture) {} }
        let command = [Binary.path, "check", fixture.root, "--as-of", "2026-11-29", "--drafts"]
            .map { "'\($0)'" }.joined(separator: " ")
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = nil
        environment["TERM"] = "xterm"
        let run = try await Child.run("/usr/bin/script", ["-qec", command, "/dev/null"], environment: environment)
        // script turns line feeds into CRLF: those CRs are the terminal's, not the content's.
        let output = run.stdout.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(output.contains("\u{1B}[1;33mwarning:"), "\(output)")
        Self.expectNoRawControls(output, colours: true, "terminal")
        #expect(output.contains(Self.shown), "\(output)")
    }
}
