import Foundation
import OKRTestSupport
import Testing

/// Every internal link and asset of the demo site resolves: the portal works from any static web
/// server, under any sub-path and from file://.
@Suite struct LinkTests {
    @Test func everyInternalLinkAndAssetOfTheDemoSiteResolves() async throws {
        let out = FileManager.default.temporaryDirectory.path + "/okrportal-links-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try await Binary.run(["build", Binary.repositoryRoot, "--as-of", "2026-11-29", "--output", out])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try OutputTree.read(out)
        let html = files.filter { $0.path.hasSuffix(".html") }
        #expect(html.count > 50)
        var ids: [String: Set<String>] = [:]
        for (path, bytes) in html {
            ids[path] = Set(Self.attributes("id", in: String(decoding: bytes, as: UTF8.self)))
        }
        let existing = Set(files.map(\.path))
        var checked = 0
        var problems: [String] = []
        for (path, bytes) in html where path != "404.html" {
            let text = String(decoding: bytes, as: UTF8.self)
            let head = text.components(separatedBy: "<base").dropFirst().first ?? ""
            let base = Self.attributes("href", in: " " + head).first
            let depth = path.split(separator: "/").count - 1
            if base != (depth == 0 ? "./" : String(repeating: "../", count: depth)) {
                problems.append("\(path): <base href> is \(base ?? "missing")")
            }
            for link in Self.attributes("href", in: text) + Self.attributes("src", in: text) {
                if link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("mailto:") { continue }
                if link == base { continue }
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                // A query (a shared filter: `periods/ID.html?status=at-risk`) is read by the page's script;
                // the file is what must exist.
                let target = String(parts[0].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
                if target.hasPrefix("/") { problems.append("\(path): absolute link \(link)") }
                if !existing.contains(target) { problems.append("\(path): broken link \(link)") }
                if parts.count == 2, let targetIDs = ids[target], !targetIDs.contains(String(parts[1])) {
                    problems.append("\(path): missing anchor \(link)")
                }
                checked += 1
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(20).joined(separator: "\n"))")
        #expect(checked > 1000)
    }

    /// The values of `name="…"` attributes in `html`, entity-decoded for `&amp;`.
    static func attributes(_ name: String, in html: String) -> [String] {
        var result: [String] = []
        let marker = " \(name)=\""
        var rest = html[...]
        while let r = rest.range(of: marker) {
            rest = rest[r.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            result.append(String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
            rest = rest[end...]
        }
        return result
    }
}
