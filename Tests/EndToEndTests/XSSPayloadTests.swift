import Foundation
import OKRTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Every field a user writes, filled with one attack after another: no output file may carry an
/// executable form of it, template syntax in content is never evaluated, and the text still shows.
@Suite struct XSSPayloadTests {
    /// Attacks as people paste them: markup, event handlers, script URLs, breakouts of `<script>`, of
    /// attributes (both quotes) and of CDATA, template syntax, look-alike characters.
    static let payloads = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)><circle r=9 /></svg>",
        "javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "</script><script>alert(1)</script>",
        "\" onmouseover=\"alert(1)\" x=\"",
        "' onfocus='alert(1)' autofocus x='",
        "{{site_title}} {{{t.home}}} {{#t}}evaluated{{/t}} {{> base}}",
        "＜script＞alert(1)＜/script＞ ｊａｖａｓｃｒｉｐｔ:alert(1) <ſcript>",
        "]]><x:y/>&amp;&#x3C;script&#x3E;<!--",
        "=HYPERLINK(\"http://evil\";\"x\") +1 -1 @SUM(A1)",
    ]

    /// Markdown that tries to smuggle a link or markup past the renderer.
    static let markdown = """
        [a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](&#106;avascript:alert(1))
        [d](data:text/html,<script>alert(1)</script>) ![e](javascript:alert(1)) <javascript:alert(1)>
        [f](vbscript:msgbox(1)) <a href="javascript:alert(1)">g</a> <img src=x onerror=alert(1)>
        <svg onload=alert(1)></svg> <iframe src="https://evil"></iframe> <style>*{}</style>

        """

    /// A YAML double-quoted scalar holding `text`.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The test site with `p` in every field people write.
    static func site(_ p: String) -> [String: String] {
        let q = quoted(p)
        let config = Fixtures.config.replacingOccurrences(of: "title: Test GmbH", with: "title: \(q)")
        let teams = Fixtures.teams.replacingOccurrences(of: "name: Marketing", with: "name: \(q)")
            .replacingOccurrences(of: "lead: Jan Becker", with: "lead: \(q)")
            .replacingOccurrences(
                of: "  lead: Aylin Demir", with: "  lead: Aylin Demir\n  description: \(quoted(p + " " + markdown))")
        let krs = """
              - id: kr1
                title: \(q)
                start: 0
                target: 10
                unit: \(q)
                checkins:
                  - { date: 2026-11-20, value: 5, confidence: 0.5, note: \(q) }
              - id: kr2
                title: \(quoted("Second " + p))
                kind: milestone
                done: true

            """
        let body = "Body " + p + "\n\n" + markdown
        let a = Fixtures.objective("a", extra: "owner: \(q)\ntags: [\(q)]\n", keyResults: krs, body: body)
            .replacingOccurrences(of: "title: Objective a", with: "title: \(q)")
        let closed = Fixtures.objective(
            "r", period: "2026-Q3", extra: "owner: \(q)\nretro: \(quoted("Retro " + p + "\n\n" + markdown))\n",
            keyResults: krs, body: body
        ).replacingOccurrences(of: "title: Objective r", with: "title: \(q)")
        return Fixtures.site(
            [
                "a.md": a, "r.md": closed,
                "b.md": Fixtures.objective("b", team: "marketing", extra: "aligns_to: a#kr1\nowner: \(q)\n"),
                "c.md": Fixtures.objective(
                    "c", team: "social-media", extra: "aligns_to: b\nowner: \"Aylin Demir\"\n"),
            ], extra: ["okrportal.yml": config, "content/teams.yml": teams])
    }

    /// Elements the theme never writes, so any of them could only have come from content.
    static let forbiddenElements: Set<String> = [
        "iframe", "object", "embed", "frame", "frameset", "applet",
        "foreignobject", "animate", "set", "handler", "listener", "import", "x:y", "ſcript",
    ]

    @Test(arguments: payloads)
    func noFieldCarriesAnExecutableForm(_ payload: String) throws {
        let fixture = try SiteFixture(Self.site(payload))
        defer { withExtendedLifetime(fixture) {} }
        let result = try fixture.build()
        #expect(result.errors.isEmpty, "\(result.errors)")
        let files = try result.files()
        #expect(files.count > 20)
        for (path, bytes) in files {
            let text = String(decoding: bytes, as: UTF8.self)
            switch (path as NSString).pathExtension {
            case "html", "svg": Self.expectSafeMarkup(text, path: path)
            case "xml":
                Self.expectSafeMarkup(text, path: path)
                let parser = XMLParser(data: bytes)
                #expect(parser.parse(), "\(path) is not well-formed XML: \(String(describing: parser.parserError))")
            case "json":
                #expect(
                    (try? JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed])) != nil,
                    "\(path) is not valid JSON")
                #expect(!text.contains("</"), "\(path) has a raw </ that could end a <script>")
                #expect(!text.contains("<"), "\(path) has a raw <")
            case "js" where path == "search/data.js":
                // The search index: one JSON value assigned to a global, nothing else that could run.
                let prefix = "window.OKRPORTAL_SEARCH="
                let start = text.range(of: prefix)
                #expect(start != nil, "\(path) is not the index")
                if let start {
                    #expect(text[..<start.lowerBound].hasPrefix("/*"), "\(path): more than a comment before")
                    var json = text[start.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
                    if json.hasSuffix(";") { json.removeLast() }
                    #expect(
                        (try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "\(path): not one JSON value"
                    )
                }
                #expect(!text.contains("<"), "\(path) has a raw <")
            case "js":
                // The theme's scripts carry no content.
                #expect(!text.contains("alert("), "\(path) carries content")
            case "csv": Self.expectSafeCSV(text, path: path)
            default: break
            }
        }
        // The text still shows, as text: on the objective page, in its heading and in the KR table.
        let page = try result.text("objectives/a.html")
        let visible = MarkupScan.decodeEntities(page)
        #expect(visible.contains(payload), "title not shown")
        #expect(visible.contains("Second " + payload), "KR title not shown")
        // Template syntax in content stays literal: never evaluated, whatever the field.
        if payload.contains("{{") {
            #expect(visible.contains("{{site_title}} {{{t.home}}} {{#t}}evaluated{{/t}} {{> base}}"))
            let home = MarkupScan.decodeEntities(try result.text("index.html"))
            #expect(home.contains(payload), "site title not shown as written")
        }
    }

    /// No script, handler or script URL in a page or SVG, whatever the payload.
    static func expectSafeMarkup(_ text: String, path: String) {
        for tag in MarkupScan.tags(in: text) {
            #expect(!forbiddenElements.contains(tag.name), "\(path): <\(tag.name)> element")
            if tag.name == "script" {
                // Only the theme's own scripts, loaded from its assets, with nothing inline.
                let src = tag.attribute("src") ?? ""
                let own = src.hasPrefix("assets/") || src == "search/data.js"
                #expect(own && !MarkupScan.isExecutableURL(src), "\(path): script \(src)")
                #expect(tag.rawText?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" == "", "\(path): inline")
            }
            #expect(tag.name != "style", "\(path): <style> element")
            if tag.name == "meta" {
                #expect(tag.attribute("http-equiv") == nil, "\(path): <meta http-equiv>")
            }
            for (name, value) in tag.attributes {
                #expect(!name.hasPrefix("on"), "\(path): <\(tag.name) \(name)=…> event handler")
                #expect(name != "style" || !value.contains("url("), "\(path): style with url()")
                #expect(name != "srcdoc", "\(path): srcdoc")
                if ["href", "src", "xlink:href", "action", "formaction", "poster", "data", "srcset"].contains(name) {
                    #expect(!MarkupScan.isExecutableURL(value), "\(path): <\(tag.name) \(name)=\"\(value)\">")
                }
            }
        }
    }

    /// No cell of a CSV export starts like a formula (spreadsheets would run it), numbers aside.
    static func expectSafeCSV(_ text: String, path: String) {
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var previous: Character = " "
        for ch in text {
            if quoted {
                if ch == "\"" { quoted = false } else { cell.append(ch) }
            } else if ch == "\"" {
                if previous == "\"" { cell.append("\"") }
                quoted = true
            } else if ch == "," || ch == "\n" || ch == "\r\n" {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(ch)
            }
            previous = ch
        }
        for c in cells {
            let number = Double(c) != nil
            if let first = c.first, "=+-@\t\r".contains(first), !number {
                Issue.record("\(path): cell \(c.debugDescription) starts like a formula")
            }
        }
    }
}
