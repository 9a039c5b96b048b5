import CCmarkGFM

/// Renders GitHub Flavored Markdown to HTML with cmark-gfm.
///
/// Safe by default: raw HTML and `javascript:`/`vbscript:`/`file:`/`data:` links (other than images)
/// are dropped by cmark's safe mode; `unsafe` keeps them (`markdown: { unsafe: true }`).
public struct Markdown: Sendable {
    /// Whether raw HTML is kept.
    public let unsafe: Bool

    /// A renderer.
    public init(unsafe: Bool = false) {
        self.unsafe = unsafe
        Markdown.registerExtensions
    }

    /// Registers the GFM extensions once per process; cmark-gfm's registry is not thread-safe.
    private static let registerExtensions: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    /// The extensions attached to every parser.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// HTML for `text`, with headings moved down `headingOffset` levels (at most to `<h6>`), so a
    /// body's `## Warum` sits below the page section that holds it.
    public func html(_ text: String, headingOffset: Int) -> String {
        let html = html(text)
        guard headingOffset > 0, html.contains("<h") else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var rest = html[...]
        while let r = rest.range(of: "<h") {
            out += rest[..<r.lowerBound]
            rest = rest[r.upperBound...]
            if let d = rest.first, let level = d.wholeNumberValue, (1...6).contains(level),
                rest.dropFirst().first == ">"
            {
                out += "<h\(min(6, level + headingOffset))"
                rest = rest.dropFirst()
            } else {
                out += "<h"
            }
        }
        out += rest
        return out.replacingClosingHeadings(offset: headingOffset)
    }

    /// HTML for `text`.
    public func html(_ text: String) -> String {
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_GITHUB_PRE_LANG | CMARK_OPT_FOOTNOTES
        if unsafe { options |= CMARK_OPT_UNSAFE }
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in Markdown.extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var text = text
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}

extension String {
    /// `</hN>` → `</hN+offset>`.
    fileprivate func replacingClosingHeadings(offset: Int) -> String {
        var out = ""
        var rest = self[...]
        while let r = rest.range(of: "</h") {
            out += rest[..<r.lowerBound]
            rest = rest[r.upperBound...]
            if let d = rest.first, let level = d.wholeNumberValue, (1...6).contains(level),
                rest.dropFirst().first == ">"
            {
                out += "</h\(min(6, level + offset))"
                rest = rest.dropFirst()
            } else {
                out += "</h"
            }
        }
        return out + rest
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
