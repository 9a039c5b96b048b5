import Foundation
import OKRTestSupport
import Testing

// Themes: template errors in words at path:line:col, partial recursion.
extension BadInputCorpusTests {
    static let themeCases: [Case] = [
        themeCase(
            "a partial that includes itself", at: "partials/status.mustache:1:1",
            ["includes itself", "cannot recurse"],
            ["partials/status.mustache": "{{> partials/status}}"]),
        themeCase(
            "a partial that includes itself through another", at: "partials/other.mustache:1:2",
            ["\"partials/status\" → \"partials/other\" → \"partials/status\""],
            ["partials/status.mustache": "a{{> partials/other}}", "partials/other.mustache": "b{{> partials/status}}"]),
        themeCase(
            "partials that include each other four times twelve levels deep", at: "partials/p1",
            ["expands to more than a million pieces"], exponentialPartials(levels: 12)),
        themeCase(
            "sections nested 300 deep", at: "partials/status.mustache:1:601", ["more than 100 levels"],
            [
                "partials/status.mustache": String(repeating: "{{#a}}", count: 300)
                    + String(repeating: "{{/a}}", count: 300)
            ]),
        themeCase(
            "a tag never closed", at: "partials/status.mustache:2:3", ["the tag opened here is never closed"],
            ["partials/status.mustache": "abc\n  {{status"]),
        themeCase(
            "a section never closed", at: "partials/status.mustache:1:2", ["{{#status}} is never closed"],
            ["partials/status.mustache": "x{{#status}}abc"]),
        themeCase(
            "a section closed by another name", at: "partials/status.mustache:1:15",
            ["{{/other}} does not close {{#status}}", "line 1, column 1"],
            ["partials/status.mustache": "{{#status}}abc{{/other}}"]),
        themeCase(
            "a delimiter change without its closing =", at: "partials/status.mustache:1:1", ["must end with \"=\""],
            ["partials/status.mustache": "{{=<% %>}}"]),
        themeCase(
            "an unknown pragma", at: "partials/status.mustache:1:1", ["unknown pragma {{%FOO}}"],
            ["partials/status.mustache": "{{%FOO}}"]),
        Case(
            name: "a block that replaces itself builds", exit: 0, expect: [],
            breakSite: {
                try $0.write(
                    "theme/partials/status.mustache",
                    "{{<partials/layout}}{{$b}}[{{$b}}x{{/b}}]{{/b}}{{/partials/layout}}")
                try $0.write("theme/partials/layout.mustache", "{{$b}}default{{/b}}")
            }, arguments: ["--templates", "theme"]),
    ]

    /// A build with a theme folder `theme/` holding `files`, failing with an error at `theme/` + `at`.
    static func themeCase(_ name: String, at: String, _ words: [String], _ files: [String: String]) -> Case {
        Case(
            name: "theme: " + name, exit: 1, expect: [("theme/" + at, [": error: "] + words)],
            breakSite: { fixture in
                for (path, text) in files { try fixture.write("theme/" + path, text) }
            }, arguments: ["--templates", "theme"])
    }

    /// `partials/status` includes p0, which includes p1 four times, and so on: 4^levels copies of the last.
    static func exponentialPartials(levels: Int) -> [String: String] {
        var files = ["partials/status.mustache": "{{> partials/p0}}", "partials/p\(levels).mustache": "x"]
        for i in 0..<levels {
            files["partials/p\(i).mustache"] = String(repeating: "{{> partials/p\(i + 1)}}", count: 4)
        }
        return files
    }
}
