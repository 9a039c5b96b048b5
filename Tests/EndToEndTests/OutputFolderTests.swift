import Foundation
import OKRSite
import OKRTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a build may replace (``OutputFolder``), through the real binary: only an earlier output, never
/// the site, a file in the way or a folder of someone else's; and paths written with extra slashes.
@Suite struct OutputFolderTests {
    static let asOf = ["--as-of", "2026-11-29"]

    func site() throws -> SiteFixture {
        try SiteFixture(Fixtures.site(["a.md": Fixtures.objective("a")]))
    }

    @Test func outputIntoContentDeletesNothing() async throws {
        let fixture = try site()
        let before = try OutputTree.read(fixture.root + "/content")
        for output in ["content", "content/", "content/objectives", "public/../content", "."] {
            let run = try await Binary.run(
                ["build", fixture.root, "--output", fixture.root + "/" + output] + Self.asOf)
            #expect(run.status == 2, "\(output): \(run.stderr)")
            let lines = run.stderr.split(separator: "\n")
            #expect(lines.contains { $0.hasPrefix("error: the output folder ") }, "\(output): \(run.stderr)")
        }
        let after = try OutputTree.read(fixture.root + "/content")
        #expect(after.map(\.path) == before.map(\.path))
        #expect(after.map(\.bytes) == before.map(\.bytes))
        // Nothing was made beside the site either: no lock, no staging folder.
        let names = try FileManager.default.contentsOfDirectory(atPath: fixture.root)
        #expect(names.sorted() == ["content", "okrportal.yml"])
    }

    @Test func aFileInTheWayStaysUntouched() async throws {
        let fixture = try site()
        try fixture.write("public", "not a folder\n")
        let run = try await Binary.run(["build", fixture.root] + Self.asOf)
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: the output \(fixture.root)/public is a file, not a folder"))
        #expect(try String(contentsOfFile: fixture.root + "/public", encoding: .utf8) == "not a folder\n")
        #expect(!FileManager.default.fileExists(atPath: fixture.root + "/.public.okrportal.lock"))
    }

    @Test func everyOutputIsMarkedAndAMarkedOutputIsReplaced() async throws {
        let fixture = try site()
        let first = try await Binary.run(["build", fixture.root] + Self.asOf)
        #expect(first.status == 0, "\(first.stderr)")
        let marker = fixture.root + "/public/" + OutputFolder.marker
        #expect(try String(contentsOfFile: marker, encoding: .utf8).contains("okrportal build"))
        try fixture.write("content/objectives/b.md", Fixtures.objective("b"))
        let second = try await Binary.run(["build", fixture.root] + Self.asOf)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(FileManager.default.fileExists(atPath: fixture.root + "/public/objectives/b.html"))
        #expect(FileManager.default.fileExists(atPath: marker))
    }

    @Test func anOutputOfAnEarlierVersionIsReplacedAndMarked() async throws {
        let fixture = try site()
        #expect(try await Binary.run(["build", fixture.root] + Self.asOf).status == 0)
        // As an okrportal before the marker left it: the lock beside it, index.html and data/ in it.
        try FileManager.default.removeItem(atPath: fixture.root + "/public/" + OutputFolder.marker)
        let again = try await Binary.run(["build", fixture.root] + Self.asOf)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(FileManager.default.fileExists(atPath: fixture.root + "/public/" + OutputFolder.marker))
        // Without the lock beside it, the same folder is someone else's.
        try FileManager.default.removeItem(atPath: fixture.root + "/public/" + OutputFolder.marker)
        try FileManager.default.removeItem(atPath: fixture.root + "/.public.okrportal.lock")
        let before = try OutputTree.read(fixture.root + "/public")
        let refused = try await Binary.run(["build", fixture.root] + Self.asOf)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("holds files okrportal did not write (404.html, assets, cascade, …)"))
        #expect(try OutputTree.read(fixture.root + "/public").map(\.bytes) == before.map(\.bytes))
    }

    @Test(arguments: ["public//", "./public/", "x/../public///", "public/."])
    func extraSlashesAndDotsNameTheSameOutputAndLock(_ output: String) async throws {
        let fixture = try site()
        let run = try await Binary.run(["build", fixture.root, "--output", fixture.root + "/" + output] + Self.asOf)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("to \(fixture.root)/public in"), "\(run.stdout)")
        // A failed build over it.
        try fixture.write("content/objectives/b.md", Fixtures.objective("b", team: "nope"))
        let failed = try await Binary.run(["build", fixture.root, "--output", fixture.root + "/" + output] + Self.asOf)
        #expect(failed.status == 1)
        let inside = try OutputTree.read(fixture.root + "/public").map(\.path)
        #expect(!inside.contains { $0.contains("okrportal.lock") || $0.contains("okrportal-tmp") }, "\(inside)")
        let beside = try FileManager.default.contentsOfDirectory(atPath: fixture.root).sorted()
        #expect(beside == [".public.okrportal.lock", "content", "okrportal.yml", "public"])
    }

    @Test func sourceDateEpochIsCheckedLikeAsOf() async throws {
        let fixture = try site()
        for epoch in ["253402300800", "-62135596801", "9223372036854775807", "-9223372036854775808"] {
            let run = try await Binary.run(["check", fixture.root], environment: ["SOURCE_DATE_EPOCH": epoch])
            #expect(run.status == 2, "\(epoch)")
            #expect(run.stderr.contains("SOURCE_DATE_EPOCH must be"), "\(run.stderr)")
            #expect(run.stderr.contains("(0001-01-01 to 9999-12-31 UTC), found \"\(epoch)\""), "\(run.stderr)")
        }
        let last = try await Binary.run(["check", fixture.root], environment: ["SOURCE_DATE_EPOCH": "253402300799"])
        #expect(last.status == 0, "\(last.stderr)")
    }

    @Test func personAndOverviewPagesNeverShareAFileAndBuildsAreByteIdentical() throws {
        let fixture = try SiteFixture(
            Fixtures.site([
                "a.md": Fixtures.objective("a", extra: "owner: Index\n"),
                "b.md": Fixtures.objective("b", extra: "owner: P Index\n"),
                "c.md": Fixtures.objective("c", extra: "owner: INDEX\n"),
            ]))
        let one = try fixture.build(output: fixture.root + "/one")
        let two = try fixture.build(output: fixture.root + "/two")
        #expect(one.errors.isEmpty, "\(one.diagnostics)")
        let a = try one.files()
        let b = try two.files()
        #expect(a.map(\.path) == b.map(\.path))
        #expect(a.map(\.bytes) == b.map(\.bytes))
        let overview = try one.text("people/index.html")
        // The overview lists all three; each has a page of its own.
        for page in ["p-index.html", "p-index-2.html", "p-index-3.html"] {
            #expect(a.contains { $0.path == "people/" + page }, "\(page)")
            #expect(overview.contains(page), "\(page)")
        }
    }

    @Test func collisionsAreFoundIgnoringCase() {
        #expect(Routes.firstCollision(["teams/index.html", "teams/a.html"]) == nil)
        #expect(Routes.firstCollision(["teams/index.html", "teams/a.html", "teams/Index.html"]) == "teams/Index.html")
    }
}
