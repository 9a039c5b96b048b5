import Foundation
import OKRTestSupport
import Testing

// The output depends on the content only, not on the order the file system lists it in.
extension DeterminismTests {
    @Test func sameBytesWhateverTheCreationOrder() async throws {
        var objectives: [String: String] = [:]
        for i in 0..<30 {
            let team = ["company", "marketing", "social-media", "sales"][i % 4]
            let aligns = i >= 4 ? "aligns_to: o\(i % 4)\n" : ""
            objectives["d\(i % 3)/o\(i).md"] = Fixtures.objective(
                "o\(i)", team: team, extra: aligns + "owner: Person \(i % 5)\n")
        }
        let files = Fixtures.site(objectives).sorted { $0.key < $1.key }
        // The same files, created in opposite orders (directory listings follow creation order on
        // many file systems, tmpfs among them).
        var outputs: [[(path: String, bytes: Data)]] = []
        for order in [files, files.reversed()] {
            let fixture = try SiteFixture([:])
            defer { withExtendedLifetime(fixture) {} }
            for (path, text) in order { try fixture.write(path, text) }
            let run = try await Binary.run(["build", fixture.root, "--as-of", "2026-11-29"])
            #expect(run.status == 0, "\(run.stderr.suffix(1000))")
            outputs.append(try OutputTree.read(fixture.root + "/public"))
        }
        #expect(outputs[0].count > 40)
        #expect(outputs[0].map(\.path) == outputs[1].map(\.path))
        for (a, b) in zip(outputs[0], outputs[1]) { #expect(a.bytes == b.bytes, "\(a.path) differs") }
    }
}
