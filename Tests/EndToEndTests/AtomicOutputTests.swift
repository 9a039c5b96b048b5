import Foundation
import OKRTestSupport
import Testing

/// The output is replaced whole or not at all: a killed build leaves the previous site and no debris
/// that breaks the next build; two builds at once take turns.
@Suite(.serialized) struct AtomicOutputTests {
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

    func siblings(_ fixture: SiteFixture) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: fixture.root).filter { $0.hasPrefix(".public.okrportal") }
            .sorted()
    }

    @Test func aBuildKilledMidWriteLeavesThePreviousSite() throws {
        let fixture = try largeSite()
        let first = try Binary.run(["build", fixture.root, "--as-of", "2026-11-29"])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try OutputTree.read(fixture.root + "/public")
        // Change every page (a new as-of date), start a build and kill it once it is writing.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["build", fixture.root, "--as-of", "2026-11-30"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var killedWhileWriting = false
        for _ in 0..<2000 {
            let staging = try siblings(fixture).first { $0.hasPrefix(".public.okrportal-tmp-") }
            if let staging,
                let count = try? FileManager.default.subpathsOfDirectory(atPath: fixture.root + "/" + staging).count,
                count > 50
            {
                kill(process.processIdentifier, SIGKILL)
                killedWhileWriting = true
                break
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        #expect(killedWhileWriting, "the build finished before it could be killed")
        #expect(process.terminationReason == .uncaughtSignal)
        let after = try OutputTree.read(fixture.root + "/public")
        #expect(after.map(\.path) == before.map(\.path))
        #expect(after.map(\.bytes) == before.map(\.bytes))
        // The next build cleans up and completes.
        let next = try Binary.run(["build", fixture.root, "--as-of", "2026-11-30"])
        #expect(next.status == 0, "\(next.stderr)")
        let left = try siblings(fixture)
        #expect(left == [".public.okrportal.lock"], "\(left)")
        #expect(try String(contentsOfFile: fixture.root + "/public/index.html", encoding: .utf8).contains("30.11.2026"))
    }

    @Test func twoBuildsAtOnceTakeTurns() throws {
        let fixture = try largeSite()
        let processes = try (0..<2).map { _ -> Process in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: Binary.path)
            p.arguments = ["build", fixture.root, "--as-of", "2026-11-29"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        for p in processes { p.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let reference = try fixture.build(output: fixture.root + "/reference")
        let built = try OutputTree.read(fixture.root + "/public")
        let expected = try reference.files()
        #expect(built.map(\.path) == expected.map(\.path))
        #expect(built.map(\.bytes) == expected.map(\.bytes))
        #expect(try siblings(fixture).filter { $0.hasPrefix(".public.") } == [".public.okrportal.lock"])
    }
}
