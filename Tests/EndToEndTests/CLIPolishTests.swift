import Foundation
import OKRTestSupport
import Testing

/// What every command shares: help with examples, the version, exit codes, colours, JSON for tools.
@Suite struct CLIPolishTests {
    @Test func everyCommandsHelpHasAnExample() async throws {
        let commands = [[], ["check"], ["build"], ["serve"], ["init"], ["new"], ["new", "objective"], ["rules"]]
        let runs = try await Binary.runAll(commands.map { $0 + ["--help"] })
        for (command, run) in zip(commands, runs) {
            #expect(run.status == 0, "\(command)")
            #expect(run.stdout.contains("Example:\n  okrportal "), "\(command): \(run.stdout)")
            #expect(!run.stdout.contains("\\\n"), "\(command): a stray backslash")
        }
        let root = runs[0].stdout
        #expect(root.contains("0  no errors (warnings allowed)"))
        #expect(root.contains("1  content errors"))
        #expect(root.contains("2  usage or environment errors"))
        #expect(root.contains("NO_COLOR"))
    }

    @Test func versionIsPrinted() async throws {
        let run = try await Binary.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == "0.9.0\n")
    }

    @Test func usageErrorsExit2() async throws {
        #expect(try await Binary.run(["check", "--format", "xml"]).status == 2)
        #expect(try await Binary.run(["nonsense"]).status == 2)
    }

    /// A site with one error and one methodology hint.
    static let flawed = Fixtures.site([
        "a.md": Fixtures.objective(
            "a", keyResults: "  - id: kr1\n    title: K1\n    start: 0\n    target: 10\n"),
        "b.md": Fixtures.objective("b", team: "nobody"),
    ])

    @Test func checkFormatJSONListsEveryDiagnosticAndTheSummary() async throws {
        let fixture = try SiteFixture(Self.flawed)
        defer { withExtendedLifetime(fixture) {} }
        let text = try await Binary.run(["check", fixture.root, "--as-of", "2026-11-29"])
        let run = try await Binary.run(["check", fixture.root, "--as-of", "2026-11-29", "--format", "json"])
        #expect(run.status == 1)
        #expect(run.status == text.status)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        let summary = try #require(document["summary"] as? [String: Any])
        let textLines = text.stdout.split(separator: "\n").dropLast()
        #expect(diagnostics.count == textLines.count)
        #expect(summary["errors"] as? Int == diagnostics.filter { $0["severity"] as? String == "error" }.count)
        #expect(summary["warnings"] as? Int == diagnostics.filter { $0["severity"] as? String == "warning" }.count)
        #expect(summary["objectives"] as? Int == 2)
        let error = try #require(diagnostics.first { $0["severity"] as? String == "error" })
        #expect(error["path"] as? String == "content/objectives/b.md")
        #expect((error["line"] as? Int ?? 0) > 0 && (error["column"] as? Int ?? 0) > 0)
        #expect((error["message"] as? String)?.contains("nobody") == true)
        #expect(error["rule"] == nil)
        // Each JSON entry is a text line, field by field.
        for (d, line) in zip(diagnostics, textLines) {
            let tag = (d["rule"] as? String).map { " [\($0)]" } ?? ""
            let rebuilt = "\(d["path"]!):\(d["line"]!):\(d["column"]!): \(d["severity"]!): \(d["message"]!)\(tag)"
            #expect(rebuilt == String(line))
        }
    }

    @Test func checkFormatJSONGivesTheRuleOfAHint() async throws {
        let fixture = try SiteFixture(
            Fixtures.site([
                "a.md": Fixtures.objective(
                    "a", keyResults: "  - id: kr1\n    title: K1\n    start: 0\n    target: 10\n")
            ]))
        defer { withExtendedLifetime(fixture) {} }
        let run = try await Binary.run(["check", fixture.root, "--as-of", "2026-11-29", "--format", "json"])
        #expect(run.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        let hint = try #require(diagnostics.first { $0["rule"] != nil }, "\(run.stdout)")
        #expect((hint["rule"] as? String)?.hasPrefix("OKR") == true)
        #expect(hint["severity"] as? String == "warning")
        #expect((document["summary"] as? [String: Any])?["warnings"] as? Int == diagnostics.count)
    }

    @Test func checkFormatJSONOnACleanSiteExits0() async throws {
        let fixture = try SiteFixture(CheckCommandTests.healthy)
        defer { withExtendedLifetime(fixture) {} }
        let run = try await Binary.run(["check", fixture.root, "--as-of", "2026-11-29", "--format", "json"])
        #expect(run.status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect((document?["diagnostics"] as? [Any])?.isEmpty == true)
        #expect((document?["summary"] as? [String: Any])?["errors"] as? Int == 0)
    }

    /// Runs `okrportal ARGS` on a pseudo-terminal with `script`, so isatty is true.
    func onTerminal(_ arguments: [String], environment: [String: String] = [:]) async throws -> String {
        let command = ([Binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        var env = environment
        env["TERM"] = "xterm"
        var full = ProcessInfo.processInfo.environment
        full["NO_COLOR"] = nil
        for (k, v) in env { full[k] = v }
        return try await Child.run("/usr/bin/script", ["-qec", command, "/dev/null"], environment: full).stdout
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func diagnosticsAreColouredOnATerminalOnlyAndNO_COLORTurnsThemOff() async throws {
        let fixture = try SiteFixture(Self.flawed)
        defer { withExtendedLifetime(fixture) {} }
        let args = ["check", fixture.root, "--as-of", "2026-11-29"]
        let terminal = try await onTerminal(args)
        #expect(terminal.contains("\u{1B}[1;31merror:"), "\(terminal)")
        #expect(terminal.contains("content/objectives/b.md:"))
        let noColor = try await onTerminal(args, environment: ["NO_COLOR": "1"])
        #expect(noColor.contains("content/objectives/b.md:"))
        #expect(!noColor.contains("\u{1B}["))
        let piped = try await Binary.run(args)
        #expect(!piped.stdout.contains("\u{1B}["))
        #expect(piped.stdout.contains(": error: "))
    }
}
