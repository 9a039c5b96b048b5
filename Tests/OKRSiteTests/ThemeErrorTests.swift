import Foundation
import OKRCore
import OKRSite
import OKRTestSupport
import Testing

/// Broken themes: every syntax error and every recursion is a diagnostic in words at the template's
/// `path:line:col`, never a crash, and `serve` (the incremental builder) says exactly what `build` says
/// ([robust], issue 13).
@Suite struct ThemeErrorTests {
    /// Theme files (under `theme/`) and the diagnostic expected.
    static let cases: [(files: [String: String], at: String, words: [String])] = [
        (
            ["partials/status.mustache": "{{> partials/status}}"], "theme/partials/status.mustache:1:1",
            ["includes itself"]
        ),
        (
            ["partials/status.mustache": "a{{> partials/other}}", "partials/other.mustache": "b{{> partials/status}}"],
            "theme/partials/other.mustache:1:2", ["\"partials/status\" → \"partials/other\" → \"partials/status\""]
        ),
        (["partials/status.mustache": "abc\n  {{label"], "theme/partials/status.mustache:2:3", ["never closed"]),
        (
            ["partials/status.mustache": "x{{#label}}abc"], "theme/partials/status.mustache:1:2",
            ["{{#label}} is never closed"]
        ),
        (
            ["partials/status.mustache": "{{#label}}abc{{/x}}"], "theme/partials/status.mustache:1:14",
            ["does not close"]
        ),
        (["partials/status.mustache": "abc{{/x}}"], "theme/partials/status.mustache:1:4", ["never opened"]),
        (["partials/status.mustache": "{{=<% %>}}"], "theme/partials/status.mustache:1:1", ["must end with \"=\""]),
        (["partials/status.mustache": "{{=<%%>=}}"], "theme/partials/status.mustache:1:1", ["two delimiters"]),
        (["partials/status.mustache": "{{%FOO}}"], "theme/partials/status.mustache:1:1", ["unknown pragma"]),
        (["partials/status.mustache": "{{ }}"], "theme/partials/status.mustache:1:1", ["has no name"]),
        (
            [
                "partials/status.mustache": String(repeating: "{{#label}}", count: 300)
                    + String(repeating: "{{/label}}", count: 300)
            ],
            "theme/partials/status.mustache:1:1001", ["more than 100 levels"]
        ),
        (exponential(levels: 12), "theme/partials/p1", ["expands to more than a million pieces"]),
    ]

    /// `partials/status` includes p0, which includes p1 four times, … : 4^12 copies of p12.
    static func exponential(levels: Int) -> [String: String] {
        var files = ["partials/status.mustache": "{{> partials/p0}}", "partials/p\(levels).mustache": "x"]
        for i in 0..<levels {
            files["partials/p\(i).mustache"] = String(repeating: "{{> partials/p\(i + 1)}}", count: 4)
        }
        return files
    }

    @Test(arguments: cases.indices)
    func aBrokenThemeIsReportedInWordsTheSameByBuildAndServe(_ i: Int) throws {
        let c = Self.cases[i]
        let fixture = try SiteFixture(Fixtures.site(["a.md": Fixtures.objective("a")]))
        for (path, text) in c.files { try fixture.write("theme/" + path, text) }
        let build = try fixture.build(templates: "theme")
        let errors = build.diagnostics.filter { $0.severity == .error }.map(\.description)
        let line = errors.first { $0.hasPrefix(c.at) && $0.contains(": error: ") && c.words.allSatisfy($0.contains) }
        #expect(line != nil, "\(errors)")
        #expect(errors.allSatisfy { !$0.contains("TemplateSyntaxError") && !$0.contains("Swift.") }, "\(errors)")

        let serve = IncrementalBuilder(
            options: BuildOptions(siteRoot: fixture.root, templates: "theme", asOf: Day(iso: "2026-11-29")!))
        let outcome = try serve.build()
        #expect(!outcome.succeeded)
        #expect(outcome.diagnostics.filter { $0.severity == .error }.map(\.description) == errors)
    }

    @Test func aBlockThatReplacesItselfTakesItsDefaultInside() throws {
        let fixture = try SiteFixture(Fixtures.site(["a.md": Fixtures.objective("a")]))
        try fixture.write(
            "theme/partials/status.mustache", "{{<partials/layout}}{{$b}}[{{$b}}x{{/b}}]{{/b}}{{/partials/layout}}")
        try fixture.write("theme/partials/layout.mustache", "{{$b}}default{{/b}}")
        let build = try fixture.build(templates: "theme")
        #expect(build.errors.isEmpty, "\(build.errors)")
        #expect(try build.text("objectives/a.html").contains("[x]"))
    }
}
