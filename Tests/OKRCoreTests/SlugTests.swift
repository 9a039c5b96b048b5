import Testing

@testable import OKRCore

@Suite struct SlugTests {
    @Test(arguments: ["social-reach-2026q4", "kr1", "a", "0", String(repeating: "a", count: 80)])
    func acceptsSlugs(id: String) {
        #expect(Slug.problem(with: id) == nil)
    }

    @Test(arguments: [
        "../x", "A B", "Upper", "-lead", "", "a_b", "a.b", "con", "nul", "com1", "lpt9", "ä",
        String(repeating: "a", count: 81), "a/b", "a\u{0}b",
    ])
    func refusesEverythingElse(id: String) {
        #expect(Slug.problem(with: id) != nil)
    }

    @Test func periodIds() {
        #expect(Slug.periodProblem(with: "2026-Q4") == nil)
        #expect(Slug.periodProblem(with: "FY2026_H1") == nil)
        #expect(Slug.periodProblem(with: "../2026") != nil)
        #expect(Slug.periodProblem(with: "CON") != nil)
    }

    @Test(arguments: [
        ("Dr. Petra Hoffmann", "dr-petra-hoffmann"), ("Jürgen Groß", "juergen-gross"), ("Aylin Demir", "aylin-demir"),
        ("José Ñúñez", "jose-nunez"), ("  ", "person"), ("Ümit Öztürk", "uemit-oeztuerk"), ("con", "p-con"),
    ])
    func peopleSlugs(name: String, slug: String) {
        #expect(Slug.make(from: name) == slug)
    }

    @Test func suggestions() {
        #expect(Suggest.closest(to: "titel", in: ["title", "team", "type"]) == "title")
        #expect(Suggest.closest(to: "marketng", in: ["marketing", "sales"]) == "marketing")
        #expect(Suggest.closest(to: "xyz", in: ["marketing", "sales"]) == nil)
    }
}
