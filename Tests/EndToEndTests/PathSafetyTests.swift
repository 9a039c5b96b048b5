import Foundation
import OKRTestSupport
import Testing

/// Names people type become file names (people pages); none may leave the output folder, clash with a
/// device name, or collide with another person's page on a case-insensitive or normalising file system.
@Suite struct PathSafetyTests {
    static let owners = [
        "../../../tmp/evil", "/etc/passwd", "..", ".", "~", "a/b\\c", "CON", "con.txt", "Ｃｏｎ", "NUL:", "lpt1",
        "Jürgen Groß", "Ju\u{308}rgen Groß", "JÜRGEN GROSS", "José", "Jose\u{301}", "%2e%2e%2f", "file:///etc/passwd",
        "\u{202E}gnp.exe", "   ", "名前", "a\u{200B}b",
    ]

    @Test func ownerNamesNeverLeaveTheOutputFolder() throws {
        var objectives: [String: String] = [:]
        for (i, owner) in Self.owners.enumerated() {
            let quoted = owner.replacingOccurrences(of: "\\", with: "\\\\")
            objectives["o\(i).md"] = Fixtures.objective("o\(i)", extra: "owner: \"\(quoted)\"\n")
        }
        let fixture = try SiteFixture(Fixtures.site(objectives))
        defer { withExtendedLifetime(fixture) {} }
        let result = try fixture.build()
        #expect(result.errors.isEmpty, "\(result.errors)")
        // Nothing beside the site's own files and its output appeared in or next to the site.
        let top = try FileManager.default.contentsOfDirectory(atPath: fixture.root).sorted()
        #expect(top == [".public.okrportal.lock", "content", "okrportal.yml", "public"])
        let files = try result.files().map(\.path)
        let people = files.filter { $0.hasPrefix("people/") && $0 != "people/index.html" }
        for path in files {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            #expect(!parts.contains("..") && !parts.contains(".") && !parts.contains(""), "\(path)")
            let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./")
            #expect(path.allSatisfy(allowed.contains), "\(path) has characters beyond a-z A-Z 0-9 - _ . /")
        }
        // Device names get a prefix; people's pages are told apart without case or normalisation.
        let stems = people.map { String($0.dropFirst("people/".count).dropLast(".html".count)) }
        for reserved in ["con", "nul", "lpt1"] { #expect(!stems.contains(reserved), "\(reserved)") }
        #expect(Set(stems.map { $0.lowercased() }).count == stems.count)
        // Canonically equal names are one person (NFC and NFD "Jürgen", "José"); the rest each have a page.
        let distinct = Set(Self.owners.map { $0.precomposedStringWithCanonicalMapping })
        let leads = 4  // the fixture's team leads
        #expect(people.count == distinct.count + leads, "\(people)")
        // Every owner's name shows on their page as typed, escaped.
        let page = try result.text("objectives/o0.html")
        #expect(page.contains("../../../tmp/evil"))
    }

    @Test func idsThatDifferOnlyInCaseAreAnError() throws {
        let fixture = try SiteFixture(
            Fixtures.site([
                "a.md": Fixtures.objective("reach"),
                "b.md": Fixtures.objective("b").replacingOccurrences(of: "id: b", with: "id: Reach"),
            ]))
        defer { withExtendedLifetime(fixture) {} }
        let result = try fixture.check()
        // Upper case is not an id at all; ids are lower-case slugs, so case can never tell two apart.
        #expect(
            result.errors.contains { $0.location.path == "content/objectives/b.md" && $0.message.contains("Reach") })
    }
}
