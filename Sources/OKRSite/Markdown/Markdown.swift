import CCmarkGFM

/// Renders GitHub Flavored Markdown to HTML with cmark-gfm.
///
/// Safe by default: raw HTML and `javascript:`/`vbscript:`/`file:`/`data:` links (other than images)
/// are dropped by cmark's safe mode; `unsafe` keeps them (`markdown: { unsafe: true }`).
public struct Markdown: Sendable {
    /// Whether raw HTML is kept.
    public let unsafe: Bool
    /// The accessible name of task-list checkboxes (`- [x] …`), which cmark writes without a label.
    public let taskLabel: String?

    /// A renderer.
    public init(unsafe: Bool = false, taskLabel: String? = nil) {
        self.unsafe = unsafe
        self.taskLabel = taskLabel
        Markdown.registerExtensions
    }

    /// Gives cmark's task-list checkboxes an `aria-label`: a form control without a name is a
    /// critical accessibility error (axe's `label` rule), and the item's text follows it anyway.
    func labelTasks(_ html: String) -> String {
        guard let taskLabel, Markdown.contains(html, "<input type=\"checkbox\" ") else { return html }
        return html.replacing(
            "<input type=\"checkbox\" ", with: "<input type=\"checkbox\" aria-label=\"\(HTML.escape(taskLabel))\" ")
    }

    /// Whether `text` holds `needle`, over bytes: Foundation's `contains` converts the whole text to
    /// UTF-16 first, and the standard library's `firstRange(of:)` looked up generic metadata per byte
    /// (callgrind: 4 % of a build between them).
    static func contains(_ text: String, _ needle: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { h in
            let n = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
            guard let first = n.first, h.count >= n.count else { return false }
            var i = 0
            while i <= h.count - n.count {
                if h[i] == first {
                    var k = 1
                    while k < n.count && h[i + k] == n[k] { k += 1 }
                    if k == n.count { return true }
                }
                i += 1
            }
            return false
        }
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
        Markdown.shiftHeadings(html(text), by: headingOffset)
    }

    /// `<hN>` and `</hN>` → level N + `offset` (at most 6), in one pass over the bytes. cmark writes
    /// heading tags without attributes; `<hr />` and escaped text (`&lt;h2&gt;`) are left alone.
    static func shiftHeadings(_ html: String, by offset: Int) -> String {
        guard offset > 0 else { return html }
        let u = Array(html.utf8)
        var out = [UInt8]()
        out.reserveCapacity(u.count)
        var i = 0
        var changed = false
        while i < u.count {
            let b = u[i]
            if b == 60 {  // "<"
                let slash = i + 1 < u.count && u[i + 1] == 47
                let h = i + (slash ? 2 : 1)
                if h + 2 < u.count, u[h] == 104, (49...54).contains(u[h + 1]), u[h + 2] == 62 {
                    out.append(60)
                    if slash { out.append(47) }
                    out.append(104)
                    out.append(UInt8(min(6, Int(u[h + 1] - 48) + offset)) + 48)
                    out.append(62)
                    i = h + 3
                    changed = true
                    continue
                }
            }
            out.append(b)
            i += 1
        }
        return changed ? String(decoding: out, as: UTF8.self) : html
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
        return labelTasks(String(cString: rendered))
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
