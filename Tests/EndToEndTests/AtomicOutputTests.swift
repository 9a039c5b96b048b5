import Foundation
import OKRTestSupport
import Testing

/// The output is replaced whole or not at all: a killed build leaves the previous site and no debris
/// that breaks the next build; two builds at once take turns.
@Suite struct AtomicOutputTests {
    /// A site large enough that a build takes a noticeable time.
    func largeSite() throws -> SiteFixture {
        var objectives: [String: String] = ["c.md": Fixtures.objective("c")]
        for i in 0..<600 {
            objectives["o\(i).md"] = Fixtures.objective(
                "o\(i)", team: ["marketing", "sales", "social-media"][i % 3], extra: "aligns_to: c#kr1\n",
                body: String(repeating: "Ein Absatz über das Ziel. ", count: 40) + "\n")
        }
        return try SiteFixture(Fixtures.site(objectives))
    }

    static func siblings(_ fixture: SiteFixture) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: fixture.root).filter { $0.hasPrefix(".public.okrportal") }
            .sorted()
    }

    @Test func aBuildKilledMidWriteLeavesThePreviousSite() async throws {
        let fixture = try largeSite()
        // The longest chain of builds in the run: queued behind the short runs of other tests, it would
        // only start late and finish last.
        let first = try await Binary.run(["build", fixture.root, "--as-of", "2026-11-29"], queued: false)
        #expect(first.status == 0, "\(first.stderr)")
        let before = try OutputTree.read(fixture.root + "/public")
        // Change every page (a new as-of date), start a build and kill it once it is writing.
        let build = try Child(Binary.path, ["build", fixture.root, "--as-of", "2026-11-30"])
        // The watch is timed (a look every 2 ms while the build writes), so it runs on a thread of its
        // own: a task could wait behind other tests for a thread of the pool and miss the moment.
        let killedWhileWriting = try await OffPool.run {
            for _ in 0..<2000 {
                let staging = try Self.siblings(fixture).first { $0.hasPrefix(".public.okrportal-tmp-") }
                if let staging,
                    let count = try? FileManager.default.subpathsOfDirectory(atPath: fixture.root + "/" + staging)
                        .count,
                    count > 50
                {
                    build.send(SIGKILL)
                    return true
                }
                usleep(2_000)
            }
            return false
        }
        let end = await build.termination()
        #expect(killedWhileWriting, "the build finished before it could be killed")
        #expect(end.signalled)
        let after = try OutputTree.read(fixture.root + "/public")
        #expect(after.map(\.path) == before.map(\.path))
        #expect(after.map(\.bytes) == before.map(\.bytes))
        // The next build cleans up and completes.
        let next = try await Binary.run(["build", fixture.root, "--as-of", "2026-11-30"], queued: false)
        #expect(next.status == 0, "\(next.stderr)")
        let left = try Self.siblings(fixture)
        #expect(left == [".public.okrportal.lock"], "\(left)")
        #expect(try String(contentsOfFile: fixture.root + "/public/index.html", encoding: .utf8).contains("30.11.2026"))
    }

    @Test func twoBuildsAtOnceTakeTurns() async throws {
        let fixture = try largeSite()
        let builds = try (0..<2).map { _ in
            try Child(Binary.path, ["build", fixture.root, "--as-of", "2026-11-29"])
        }
        // The reference goes to a folder of its own (and its own lock), so it is built meanwhile.
        async let reference = fixture.build(output: fixture.root + "/reference")
        var ends: [Child.Termination] = []
        for build in builds { ends.append(await build.termination()) }
        #expect(ends.allSatisfy { !$0.signalled && $0.status == 0 })
        let built = try OutputTree.read(fixture.root + "/public")
        let expected = try await reference.files()
        #expect(built.map(\.path) == expected.map(\.path))
        #expect(built.map(\.bytes) == expected.map(\.bytes))
        #expect(try Self.siblings(fixture).filter { $0.hasPrefix(".public.") } == [".public.okrportal.lock"])
    }
}
