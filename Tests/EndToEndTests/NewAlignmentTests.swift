import Foundation
import OKRTestSupport
import Testing

/// `okrportal new objective --aligns-to`: a path is taken as the objective's id, and no file is written
/// that `okrportal check` would refuse.
@Suite struct NewAlignmentTests {
    func site() throws -> SiteFixture {
        try SiteFixture(
            Fixtures.site([
                "a.md": Fixtures.objective("a"),
                "secret.md": Fixtures.objective("secret", extra: "visibility: confidential\n"),
            ]))
    }

    func new(_ fixture: SiteFixture, _ alignsTo: String, title: String = "Grow in the north") async throws
        -> Binary.Run
    {
        try await Binary.run(
            [
                "new", "objective", "--team", "sales", "--period", "2026-Q4", "--aligns-to", alignsTo, title,
                fixture.root,
            ])
    }

    func objectiveFiles(_ fixture: SiteFixture) throws -> [String] {
        try OutputTree.read(fixture.root + "/content/objectives").map(\.path)
    }

    @Test(arguments: ["content/objectives/a.md", "content/objectives/a.md#kr1", "./content/objectives//a.md"])
    func aPathBecomesTheObjectivesID(_ path: String) async throws {
        let fixture = try site()
        let run = try await new(fixture, path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("is the objective \"a\""))
        let written = fixture.root + "/content/objectives/2026-q4/grow-in-the-north-2026-q4.md"
        let text = try String(contentsOfFile: written, encoding: .utf8)
        #expect(text.contains(path.hasSuffix("#kr1") ? "aligns_to: \"a#kr1\"" : "aligns_to: \"a\""))
        let check = try await Binary.run(["check", fixture.root, "--as-of", "2026-11-29"])
        #expect(check.status == 0, "\(check.stdout)")
        // Relative to the working folder works as well.
        let again = try await Binary.run(
            ["new", "objective", "--team", "sales", "--period", "2026-Q4", "--aligns-to", path, "Again", "."],
            currentDirectory: fixture.root)
        #expect(again.status == 0, "\(again.stderr)")
    }

    @Test func refusedTargetsWriteNothing() async throws {
        let fixture = try site()
        let before = try objectiveFiles(fixture)
        let cases: [(String, [String])] = [
            ("secret", ["confidential objective \"secret\"", "may not align"]),
            ("content/objectives/secret.md", ["confidential objective \"secret\""]),
            ("content/objectives/nope.md", ["is not an objective's id", "takes an id"]),
            ("b", ["no objective \"b\""]),
            ("a#kr9", ["no key result \"kr9\" of \"a\"", "kr1"]),
        ]
        for (target, words) in cases {
            let run = try await new(fixture, target)
            #expect(run.status == 2, "\(target): \(run.stderr)")
            for w in words { #expect(run.stderr.contains(w), "\(target): \(run.stderr)") }
            #expect(run.stderr.contains("nothing was written"))
        }
        #expect(try objectiveFiles(fixture) == before)
    }
}
