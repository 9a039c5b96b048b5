import Foundation
import OKRTestSupport
import Testing

/// `okrportal checkin` through the real binary: the file afterwards is the file before plus the check-in,
/// and a refused check-in leaves every file byte-identical.
@Suite struct CheckinCommandTests {
    static let reach = """
        ---
        title: Reichweite steigern   # social
        team: social-media
        period: 2026-Q4
        key_results:
          - id: kr1
            title: Follower auf LinkedIn
            start: 5000
            target: 6000
            unit: Follower
            checkins:
              - { date: 2026-10-06, value: 5120, confidence: 0.7 }
              # after the trade fair
              - { date: 2026-11-20, value: 5390, confidence: 0.6 }
          - id: kr2
            title: Fachartikel
            start: 0
            target: 5
            current: 2      # counted by hand
          - id: kr3
            title: Launch-Webinar
            kind: milestone
        ---

        Body.

        """

    static let secret = """
        ---
        title: Geheim
        team: social-media
        period: 2026-Q4
        visibility: confidential
        key_results:
          - id: kr1
            title: Geheim
            start: 0
            target: 10
        ---

        """

    static let path = "content/objectives/reach.md"

    func site(extra: [String: String] = [:]) throws -> SiteFixture {
        try SiteFixture(
            Fixtures.site(["reach.md": Self.reach, "secret.md": Self.secret], extra: extra))
    }

    /// A file of the site as text.
    func contents(_ site: SiteFixture, _ path: String) throws -> String {
        try String(contentsOfFile: site.root + "/" + path, encoding: .utf8)
    }

    /// Whether `after` is `before` with exactly `chunk` inserted at one place: the byte diff of an edit.
    func inserts(_ before: String, _ after: String, _ chunk: String) -> Bool {
        let a = Array(before.utf8)
        let b = Array(after.utf8)
        let c = Array(chunk.utf8)
        guard b.count == a.count + c.count else { return false }
        for k in 0...a.count where Array(a[..<k]) + c + Array(a[k...]) == b { return true }
        return false
    }

    @Test func metricCheckInAddsOneLineAndNothingElse() async throws {
        let site = try site()
        chmod(site.root + "/" + Self.path, 0o600)
        let run = try await Binary.run([
            "checkin", "reach#kr1", "5610", "--confidence", "0.7", "--note", "Messe \"wirkt\"", site.root,
            "--as-of", "2026-11-29",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("checked in reach#kr1 on 2026-11-29: value 5610, confidence 0.7"))
        let after = try contents(site, Self.path)
        #expect(
            inserts(
                Self.reach, after,
                "      - { date: 2026-11-29, value: 5610, confidence: 0.7, note: \"Messe \\\"wirkt\\\"\" }\n"))
        var st = stat()
        stat(site.root + "/" + Self.path, &st)
        #expect(st.st_mode & 0o777 == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root + "/content/objectives")
        #expect(leftovers.sorted() == ["reach.md", "secret.md"])
        let check = try await Binary.run(["check", site.root, "--as-of", "2026-11-29"])
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func writtenCurrentIsUpdatedSoNoWarningAppears() async throws {
        let site = try site()
        let run = try await Binary.run([
            "checkin", "reach#kr2", "3", "--status", "at-risk", "--date", "2026-11-27", site.root,
            "--as-of", "2026-11-29",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let expected = Self.reach.replacingOccurrences(
            of: "    current: 2      # counted by hand\n",
            with: "    current: 3      # counted by hand\n    checkins:\n"
                + "      - { date: 2026-11-27, value: 3, status: at-risk }\n")
        #expect(try contents(site, Self.path) == expected)
        let check = try await Binary.run(["check", site.root, "--as-of", "2026-11-29"])
        #expect(!check.stdout.contains("current"), "\(check.stdout)")
    }

    @Test func milestoneDoneTakesTheSiteAsItsOnlyArgument() async throws {
        let site = try site()
        let run = try await Binary.run([
            "checkin", "reach#kr3", "--done", "--note", "80 Teilnehmer", site.root, "--as-of", "2026-11-29",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            inserts(
                Self.reach, try contents(site, Self.path),
                "    done: true\n    checkins:\n      - { date: 2026-11-29, note: \"80 Teilnehmer\" }\n"))
    }

    @Test func crlfFileStaysCRLF() async throws {
        let crlf = Self.reach.replacingOccurrences(of: "\n", with: "\r\n")
        let site = try SiteFixture(Fixtures.site(["reach.md": crlf]))
        let run = try await Binary.run(["checkin", "reach#kr1", "5500", site.root, "--as-of", "2026-11-29"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(inserts(crlf, try contents(site, Self.path), "      - { date: 2026-11-29, value: 5500 }\r\n"))
    }

    @Test(arguments: [
        (["reach#kr1", "5.610,5"], "did you mean \"5610.5\"?"),
        (["reach#kr1", "5610 Follower"], "did you mean \"5610\"?"),
        (["raech#kr1", "5610"], "no objective \"raech\" (did you mean \"reach\"?)"),
        (
            ["reach#kr4", "5610"],
            "reach has no key result \"kr4\" (did you mean \"kr1\"?); its key results are: kr1, kr2, kr3"
        ),
        (["secret#kr1", "5"], "secret is confidential"),
        (["reach#kr1", "5610", "--date", "2026-12-01"], "after today (2026-11-29)"),
        (["reach#kr1", "5610", "--date", "2026-02-30"], "--date must be a date YYYY-MM-DD that exists"),
        (["reach#kr1", "5610", "--status", "at risk"], "(did you mean \"at-risk\"?)"),
        (["reach#kr1", "5610", "--confidence", "70"], "(did you mean \"0.7\"?)"),
        (["reach#kr1", "--done"], "--done is for milestones"),
        (["reach#kr1"], "kr1 is a metric: give its new VALUE"),
        (["reach#kr3", "1"], "kr3 is a milestone and takes no value"),
        (["reach", "5610"], "name the key result as OBJECTIVE#KR"),
    ])
    func refusedCheckInExits2AndChangesNoByte(arguments: [String], message: String) async throws {
        let site = try site()
        let before = try OutputTree.read(site.root)
        let run = try await Binary.run(["checkin"] + arguments + [site.root, "--as-of", "2026-11-29"])
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stderr.contains("nothing was written"), "\(run.stderr)")
        let after = try OutputTree.read(site.root)
        #expect(after.map(\.path) == before.map(\.path))
        #expect(after.map(\.bytes) == before.map(\.bytes))
    }

    @Test func checkInThatWouldAddAnErrorWritesNothingAndExits1() async throws {
        // The most check-ins a key result may have, so one more is an error.
        let full = (0..<10_000).map { "    - { date: 2026-10-01, value: \($0 % 10) }\n" }.joined()
        let text = Fixtures.objective(
            "busy", keyResults: "  - id: kr1\n    title: K\n    start: 0\n    target: 10\n    checkins:\n" + full)
        let site = try SiteFixture(Fixtures.site(["busy.md": text]))
        let run = try await Binary.run(["checkin", "busy#kr1", "5", site.root, "--as-of", "2026-11-29"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("10001 check-ins; a key result may have at most 10000"), "\(run.stderr)")
        #expect(run.stderr.contains("nothing was written"))
        #expect(try contents(site, "content/objectives/busy.md") == text)
    }

    @Test func teamWalkThroughNeedsATerminal() async throws {
        let site = try site()
        let run = try await Binary.run(["checkin", "--team", "social-media", site.root, "--as-of", "2026-11-29"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("needs a terminal"))
        #expect(try contents(site, Self.path) == Self.reach)
    }

    /// A person at a terminal: tmux runs the command in a pseudo-terminal, the test types into it
    /// (answers typed ahead wait in the terminal's input queue, as when someone types fast), the pane is
    /// captured when the command has ended, and the file afterwards holds exactly the answers.
    @Test func teamWalkThroughOnATerminal() async throws {
        let site = try site()
        let socket = site.root + "/tmux.sock"
        let capture = site.root + "/pane.txt"
        func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let tmux = "tmux -f /dev/null -S \(quoted(socket))"
        let command =
            "\(quoted(Binary.path)) checkin --team social-media \(quoted(site.root)) --as-of 2026-11-29; "
            + "echo \"exit $?\"; \(tmux) capture-pane -p -S - > \(quoted(capture)); \(tmux) wait-for -S ended"
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm"
        environment["NO_COLOR"] = "1"
        // Output to a file, and no pipes: the tmux server that new-session starts outlives the command.
        let log = site.root + "/tmux.log"
        func tmuxRun(_ arguments: [String]) async throws -> Int32 {
            // Every descriptor above 2 is closed first: Foundation's Process keeps a socket in its
            // children until they end, and a tmux server holding it would keep the shell from being reaped.
            let closeAll = #"for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done; "#
            let child = try Child(
                "/bin/bash",
                [
                    "-c",
                    closeAll + tmux + " " + arguments.map(quoted).joined(separator: " ") + " >>\(quoted(log)) 2>&1",
                ],
                environment: environment)
            return await child.termination().status
        }
        let started = try await tmuxRun(["new-session", "-d", "-s", "checkin", "-x", "110", "-y", "60", command])
        #expect(started == 0, "\((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        // kr1: value, confidence, note; kr2: a typo, then 3, no confidence, no note; kr3: not done, nothing.
        let keys = [
            "5610", "Enter", "0.7", "Enter", "Messe wirkt", "Enter",
            "drei", "Enter", "3", "Enter", "Enter", "Enter",
            "Enter", "Enter", "Enter",
        ]
        let typed = try await tmuxRun(["send-keys", "-t", "checkin"] + keys)
        #expect(typed == 0)
        // Returns when the command signals its end, or at once when the session (and with it the server)
        // has already ended; either way the pane was captured before.
        _ = try await tmuxRun(["wait-for", "ended"])
        _ = try await tmuxRun(["kill-server"])  // ends with the command; this is in case it has not
        let pane = try String(contentsOfFile: capture, encoding: .utf8)
        #expect(pane.contains("3 open key results of social-media in 2026-Q4"), "\(pane)")
        #expect(pane.contains("last: 5390 Follower (2026-11-20) · expected today: 5648.35 Follower"), "\(pane)")
        #expect(pane.contains("not a number"), "\(pane)")
        #expect(pane.contains("wrote 2 check-ins to 1 file"), "\(pane)")
        #expect(pane.contains("exit 0"), "\(pane)")
        #expect(!pane.contains("Geheim"))
        let expected = Self.reach.replacingOccurrences(
            of: "      - { date: 2026-11-20, value: 5390, confidence: 0.6 }\n",
            with: "      - { date: 2026-11-20, value: 5390, confidence: 0.6 }\n"
                + "      - { date: 2026-11-29, value: 5610, confidence: 0.7, note: \"Messe wirkt\" }\n"
        ).replacingOccurrences(
            of: "    current: 2      # counted by hand\n",
            with: "    current: 3      # counted by hand\n    checkins:\n      - { date: 2026-11-29, value: 3 }\n")
        #expect(try contents(site, Self.path) == expected)
    }
}
