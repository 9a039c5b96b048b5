import Foundation
import OKRTestSupport
import Testing

/// Broken sites, each built with the real binary over a previous good build: a clear diagnostic at the
/// right place, the right exit code, no crash, no hang, and the previous output byte for byte
/// unchanged when the build fails.
@Suite(GoodBuild()) struct BadInputCorpusTests {
    /// One broken site: how to break the good site, the exit code, and the diagnostics expected
    /// (each: the start of the line, `path:line:col: severity` or less, and words the message holds).
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var exit: Int32
        var expect: [(at: String, words: [String])]
        var breakSite: @Sendable (SiteFixture) throws -> Void
        /// The command run on the broken site: `build`, or `check` where a debug build of the whole
        /// site would take minutes (the release binary's figures are in docs/security.md).
        var command = "build"
        /// Arguments after `SITE --as-of 2026-11-29`; `{site}` stands for the site folder.
        var arguments: [String] = []
        /// Environment variables set for the run.
        var environment: [String: String] = [:]
        var testDescription: String { name }
    }

    static let a = "content/objectives/a.md"

    /// Replaces the good objective a.md with `text`.
    static func objective(_ text: String) -> @Sendable (SiteFixture) throws -> Void {
        { try $0.write(a, text) }
    }

    static func bytes(_ data: [UInt8]) -> @Sendable (SiteFixture) throws -> Void {
        { try $0.write(a, Data(data)) }
    }

    static func good(_ extra: String = "", keyResults: String? = nil, id: String = "a", team: String = "company")
        -> String
    {
        Fixtures.objective(id, team: team, extra: extra, keyResults: keyResults)
    }

    static func kr(_ lines: String) -> String {
        "  - id: kr1\n    title: T\n" + lines.split(separator: "\n").map { "    " + $0 + "\n" }.joined()
    }

    /// Every case: the first corpus, then one list per class of hostile input ([robust]), each in its
    /// own file (`BadInputCorpusTests+*.swift`).
    static let cases: [Case] = baseCases + outputCases + readingCases + numberCases + themeCases

    static let baseCases: [Case] = [
        Case(name: "missing content folder", exit: 1, expect: [("content:1:1: error", ["content/ folder"])]) {
            try FileManager.default.removeItem(atPath: $0.root + "/content")
        },
        Case(name: "missing team list", exit: 1, expect: [("content/teams.yml:1:1: error", ["missing"])]) {
            try FileManager.default.removeItem(atPath: $0.root + "/content/teams.yml")
        },
        Case(name: "missing configuration", exit: 2, expect: [("error", ["not an okrportal site"])]) {
            try FileManager.default.removeItem(atPath: $0.root + "/okrportal.yml")
        },
        Case(name: "empty file", exit: 1, expect: [("\(a):1:1: error", ["empty"])], breakSite: objective("")),
        Case(
            name: "no front matter", exit: 1, expect: [("\(a):1:1: error", ["no front matter"])],
            breakSite: objective("# Title\n\nText\n")),
        Case(
            name: "front matter never closed", exit: 1, expect: [("\(a):1:1: error", ["never closed"])],
            breakSite: objective("---\ntitle: T\nteam: company\n\nText\n")),
        Case(
            name: "YAML unclosed flow sequence", exit: 1, expect: [("\(a):", ["YAML syntax error", "flow sequence"])],
            breakSite: objective("---\ntitle: [a, b\nteam: company\n---\n")),
        Case(
            name: "YAML unclosed quote", exit: 1, expect: [("\(a):", ["YAML syntax error", "quoted scalar"])],
            breakSite: objective("---\ntitle: \"abc\nteam: company\n---\n")),
        Case(
            name: "YAML mapping value in a plain scalar", exit: 1,
            expect: [("\(a):2:9: error", ["YAML syntax error", "mapping values are not allowed"])],
            breakSite: objective("---\ntitle: a: b\nteam: company\n---\n")),
        Case(
            name: "YAML tab indentation", exit: 1, expect: [("\(a):5:1: error", ["YAML syntax error", "tabs"])],
            breakSite: objective("---\ntitle: T\nteam: company\nkey_results:\n\t- id: kr1\n---\n")),
        Case(
            name: "YAML bad escape", exit: 1, expect: [("\(a):2:", ["YAML syntax error", "escape"])],
            breakSite: objective("---\ntitle: \"bad \\q\"\n---\n")),
        Case(
            name: "YAML unbalanced braces", exit: 1, expect: [("\(a):", ["YAML syntax error"])],
            breakSite: objective("---\ntitle: {a: b]\n---\n")),
        Case(
            name: "YAML alias bomb", exit: 1, expect: [("\(a):3:8: error", ["aliases"])],
            breakSite: objective(
                "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                    + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                    + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n---\n")),
        Case(
            name: "YAML nested too deep", exit: 1, expect: [("\(a):", ["nested deeper"])],
            breakSite: objective(
                "---\ntitle: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\n---\n")),
        Case(
            name: "duplicate key", exit: 1, expect: [("\(a):6:1: error", ["duplicate field \"title\""])],
            breakSite: objective(good("title: Again\n"))),
        Case(
            name: "text for a number", exit: 1, expect: [("\(a):9:12: error", ["\"start\"", "must be a number"])],
            breakSite: objective(good(keyResults: kr("start: zero\ntarget: 10\n")))),
        Case(
            name: "quoted number", exit: 1, expect: [("\(a):9:12: error", ["remove the quotes"])],
            breakSite: objective(good(keyResults: kr("start: \"0\"\ntarget: 10\n")))),
        Case(
            name: "text for a list", exit: 1, expect: [("\(a):5:14: error", ["\"key_results\" must be a list"])],
            breakSite: objective("---\ntitle: T\nteam: company\nperiod: 2026-Q4\nkey_results: lots\n---\n")),
        Case(
            name: "list for a mapping", exit: 1, expect: [("\(a):7:5: error", ["expected a key result", "a list"])],
            breakSite: objective(good(keyResults: "  - [a, b]\n"))),
        Case(
            name: "null title", exit: 1, expect: [("\(a):3:", ["\"title\" is empty"])],
            breakSite: objective(good().replacingOccurrences(of: "title: Objective a", with: "title:"))),
        Case(
            name: "number out of range", exit: 1, expect: [("\(a):10:13: error", ["out of range", "1e400"])],
            breakSite: objective(good(keyResults: kr("start: 0\ntarget: 1e400\n")))),
        Case(
            name: "NaN", exit: 1, expect: [("\(a):10:13: error", ["finite"])],
            breakSite: objective(good(keyResults: kr("start: 0\ntarget: .nan\n")))),
        Case(
            name: "infinity", exit: 1, expect: [("\(a):9:12: error", ["finite"])],
            breakSite: objective(good(keyResults: kr("start: -.inf\ntarget: 5\n")))),
        Case(
            name: "negative weight", exit: 1, expect: [("\(a):10:13: error", ["weight -1", "greater than 0"])],
            breakSite: objective(good(keyResults: kr("kind: milestone\nweight: -1\n")))),
        Case(
            name: "confidence 1.5", exit: 1, expect: [("\(a):", ["confidence 1.5"])],
            breakSite: objective(
                good(
                    keyResults: kr(
                        "start: 0\ntarget: 10\ncheckins:\n  - { date: 2026-10-05, value: 1, confidence: 1.5 }\n")))),
        Case(
            name: "impossible date in a check-in", exit: 1,
            expect: [("\(a):12:17: error", ["impossible date", "2026-02-30"])],
            breakSite: objective(
                good(keyResults: kr("start: 0\ntarget: 10\ncheckins:\n  - { date: 2026-02-30, value: 1 }\n")))),
        Case(
            name: "period ends before it starts", exit: 1,
            expect: [("okrportal.yml:9:10: error", ["\"2026-Q4\" ends (2026-09-01) before it starts"])]
        ) {
            try $0.write(
                "okrportal.yml", Fixtures.config.replacingOccurrences(of: "end: 2026-12-31", with: "end: 2026-09-01"))
        },
        Case(
            name: "impossible period date", exit: 1,
            expect: [("okrportal.yml:5:12: error", ["impossible date", "2026-06-31"])]
        ) {
            try $0.write(
                "okrportal.yml",
                Fixtures.config.replacingOccurrences(of: "start: 2026-07-01", with: "start: 2026-06-31"))
        },
        Case(
            name: "unknown language", exit: 1, expect: [("okrportal.yml:2:11: error", ["\"language\"", "\"fr\""])]
        ) {
            try $0.write(
                "okrportal.yml", Fixtures.config.replacingOccurrences(of: "language: de", with: "language: fr"))
        },
        Case(
            name: "Latin-1 bytes", exit: 1, expect: [("\(a):3:19: error", ["not valid UTF-8", "Latin-1"])],
            breakSite: bytes(Array("---\nid: a\ntitle: Objective ".utf8) + [0x54, 0xFC, 0x72] + Array("\n---\n".utf8))),
        Case(
            name: "overlong UTF-8", exit: 1, expect: [("\(a):3:8: error", ["not valid UTF-8"])],
            breakSite: bytes(Array("---\nid: a\ntitle: ".utf8) + [0xC0, 0xAF] + Array("\n---\n".utf8))),
        Case(
            name: "NUL byte", exit: 1, expect: [("\(a):2:6: error", ["NUL"])],
            breakSite: bytes(Array("---\nid: a".utf8) + [0] + Array("\n---\n".utf8))),
        Case(
            name: "file too large", exit: 1, expect: [("\(a):1:1: error", ["MB", "at most 5 MB"])],
            breakSite: objective(good() + String(repeating: "Zehn Megabyte Text. ", count: 520_000))),
        Case(
            name: "100,000 key results", exit: 1,
            expect: [("\(a):6:1: error", ["100000 key results", "at most 1000"])],
            breakSite: objective(
                "---\ntitle: T\nteam: company\nperiod: 2026-Q4\nkey_results:\n"
                    + (1...100_000).map { "- {id: k\($0), title: K, kind: milestone}\n" }.joined() + "---\n")),
        Case(
            name: "alignment cycle", exit: 1, expect: [("\(a):6:12: error", ["alignment cycle", "\"b\""])]
        ) {
            try $0.write(a, good("aligns_to: b\n"))
            try $0.write("content/objectives/b.md", good("aligns_to: a\n", id: "b"))
        },
        Case(
            name: "duplicate id", exit: 1,
            expect: [("content/objectives/b.md:2:5: error", ["duplicate objective id \"a\"", a])]
        ) {
            try $0.write("content/objectives/b.md", good())
        },
        Case(
            name: "id with ../", exit: 1, expect: [("\(a):2:5: error", ["\"../x\""])],
            breakSite: objective(good(id: "../x"))),
        Case(
            name: "absolute id", exit: 1, expect: [("\(a):2:5: error", ["\"/etc/passwd\""])],
            breakSite: objective(good(id: "/etc/passwd"))),
        Case(
            name: "reserved id", exit: 1, expect: [("\(a):2:5: error", ["reserved"])],
            breakSite: objective(good(id: "nul"))),
        Case(
            name: "full-width look-alike id", exit: 1, expect: [("\(a):2:5: error", ["ｃｏｎ"])],
            breakSite: objective(good(id: "ｃｏｎ"))),
        Case(
            name: "unknown team", exit: 1, expect: [("\(a):4:7: error", ["unknown team \"nobody\""])],
            breakSite: objective(good(team: "nobody"))),
        Case(
            name: "dangling key result", exit: 1, expect: [("\(a):6:12: error", ["\"kr7\"", "no such key result"])],
            breakSite: objective(good("aligns_to: c#kr7\n", team: "marketing"))),
        Case(
            name: "public aligned to confidential", exit: 1,
            expect: [("\(a):6:12: error", ["confidential objective \"c\""])]
        ) {
            try $0.write(a, good("aligns_to: c\n", team: "marketing"))
            try $0.write("content/objectives/c.md", good("visibility: confidential\n", id: "c"))
        },
        Case(
            name: "two roots", exit: 1, expect: [("content/teams.yml:16:3: error", ["2 roots"])]
        ) {
            try $0.write("content/teams.yml", Fixtures.teams + "- id: rogue\n  name: Rogue\n")
        },
        Case(
            name: "team cycle", exit: 1, expect: [("content/teams.yml:18:11: error", ["cycle"])]
        ) {
            try $0.write(
                "content/teams.yml",
                Fixtures.teams + "- id: x\n  name: X\n  parent: y\n- id: y\n  name: Y\n  parent: x\n")
        },
        Case(
            name: "unreadable file", exit: 1, expect: [("\(a):1:1: error", ["cannot read"])]
        ) {
            try $0.write(a, good())
            chmod($0.root + "/" + a, 0)
        },
        Case(
            name: "unknown field is only a warning", exit: 0,
            expect: [("\(a):6:1: warning", ["did you mean \"owner\""])],
            breakSite: objective(good("ownr: X\n"))),
        Case(
            name: "symlink outside the site is not followed", exit: 0,
            expect: [("content/objectives/outside.md:1:1: warning", ["outside the site"])]
        ) {
            symlink("/etc/passwd", $0.root + "/content/objectives/outside.md")
        },
        Case(
            name: "byte-order mark and CRLF are fine", exit: 0, expect: [],
            breakSite: objective("\u{FEFF}" + good().replacingOccurrences(of: "\n", with: "\r\n"))),
        Case(
            name: "a 10,000-deep alignment chain checks", exit: 0, expect: [],
            breakSite: chain(10_000), command: "check"),
        Case(name: "a 1,500-deep alignment chain builds", exit: 0, expect: [], breakSite: chain(1_500)),
    ]

    /// Replaces the site with a chain of `depth` company objectives, each aligned to the one before.
    static func chain(_ depth: Int) -> @Sendable (SiteFixture) throws -> Void {
        {
            try $0.write("content/teams.yml", "- id: company\n  name: C\n")
            for i in 0..<depth {
                try $0.write(
                    "content/objectives/chain/o\(i).md",
                    "---\nid: o\(i)\ntitle: O\(i)\nteam: company\nperiod: 2026-Q4\n"
                        + (i > 0 ? "aligns_to: o\(i - 1)\n" : "")
                        + "key_results:\n  - {id: kr1, title: K, kind: milestone}\n---\n")
            }
            try FileManager.default.removeItem(atPath: $0.root + "/" + a)
            try FileManager.default.removeItem(atPath: $0.root + "/content/objectives/c.md")
        }
    }

    /// The good site every case starts from: a company objective c and a valid a.md.
    static func goodSite() -> [String: String] {
        Fixtures.site(["a.md": good(), "c.md": good(id: "c")])
    }

    @Test(arguments: cases)
    func brokenSite(_ c: Case) async throws {
        let fixture = try SiteFixture(Self.goodSite())
        defer { withExtendedLifetime(fixture) {} }
        // The good site's build, by the binary, as it would have left this folder.
        let good = try #require(GoodBuild.current, "the suite's good build")
        for item in ["public", ".public.okrportal.lock"] {
            try FileManager.default.copyItem(atPath: good.root + "/" + item, toPath: fixture.root + "/" + item)
        }
        let before = try OutputTree.read(fixture.root + "/public")
        try c.breakSite(fixture)
        // Everything the unprivileged run reads must be readable by it (see CheckCommandTests).
        let asNobody = getuid() == 0 && c.name == "unreadable file"
        var binary: String?
        if asNobody {
            for case let rel as String in FileManager.default.enumerator(atPath: fixture.root)!
            where !rel.hasSuffix("a.md") {
                chmod(fixture.root + "/" + rel, 0o777)
            }
            chmod(fixture.root, 0o777)
            binary = try await Binary.unprivilegedCopy()
        }
        let run = try await Binary.run(
            [c.command, fixture.root, "--as-of", "2026-11-29"]
                + c.arguments.map { $0.replacingOccurrences(of: "{site}", with: fixture.root) },
            wrapper: asNobody ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : [],
            environment: c.environment, executable: binary, timeout: 300)
        let hung = run.timedOut
        let crashed = run.signalled && !hung
        let status = run.status
        #expect(!hung, "hung")
        #expect(!crashed, "crashed: \(run.stderr.suffix(2000))")
        #expect(status == c.exit, "exit \(status): \(run.stderr.suffix(2000))")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        for (at, words) in c.expect {
            let found = lines.contains { $0.hasPrefix(at) && words.allSatisfy($0.contains) }
            #expect(found, "no line starting \(at) with \(words) in:\n\(run.stderr.prefix(3000))")
        }
        if c.exit != 0 {
            let after = try OutputTree.read(fixture.root + "/public")
            #expect(after.map(\.path) == before.map(\.path))
            #expect(after.map(\.bytes) == before.map(\.bytes))
        }
    }

    @Test func theCorpusIsLargeEnough() {
        #expect(Self.baseCases.count >= 40)
        // [robust]: at least 25 hostile cases beyond the first corpus, and more than one per class.
        #expect(Self.cases.count - Self.baseCases.count >= 25)
        for (name, list) in [
            ("output", Self.outputCases), ("reading", Self.readingCases), ("number", Self.numberCases),
            ("theme", Self.themeCases),
        ] {
            #expect(list.count >= 2, "\(name) cases: \(list.count)")
        }
        // Every case has its own name, so a failure says which.
        #expect(Set(Self.cases.map(\.name)).count == Self.cases.count)
    }
}

/// The good site (``BadInputCorpusTests/goodSite()``) built once by the real binary before the corpus
/// runs, and removed after it. Every case starts from a copy of that folder, site and output: the same
/// build 51 times over would give 51 identical outputs.
struct GoodBuild: SuiteTrait, TestScoping {
    /// The folder of the good build, while the suite runs.
    @TaskLocal static var current: SiteFixture?

    /// Once for the suite, not once per case.
    var isRecursive: Bool { false }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let fixture = try SiteFixture(BadInputCorpusTests.goodSite())
        // Every case waits for this build: it does not queue behind them.
        let build = try await Binary.run(["build", fixture.root, "--as-of", "2026-11-29"], queued: false)
        guard build.status == 0, !build.signalled else {
            throw FixtureError("the good site does not build: \(build.stderr)")
        }
        try await Self.$current.withValue(fixture) { try await function() }
    }
}
