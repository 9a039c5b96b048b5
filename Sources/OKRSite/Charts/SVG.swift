/// A small builder for inline SVG: every piece of text it writes is escaped, every coordinate
/// rounded to 0.1, so charts are safe and byte-identical from the same data.
public struct SVG {
    private(set) var body = ""

    /// An empty drawing.
    public init() {
        body.reserveCapacity(1024)
    }

    /// A coordinate or length rounded to one decimal, without a trailing `.0`.
    public static func n(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let tenths = Int((x * 10).rounded())
        if tenths % 10 == 0 { return String(tenths / 10) }
        let a = abs(tenths)
        return (tenths < 0 ? "-" : "") + String(a / 10) + "." + String(a % 10)
    }

    /// Escapes text for SVG content and attribute values.
    public static func escape(_ s: String) -> String { HTML.escape(s) }

    private mutating func attributes(_ attributes: KeyValuePairs<String, String>) {
        for (k, v) in attributes {
            body.append(" ")
            body.append(k)
            body.append("=\"")
            body.append(SVG.escape(v))
            body.append("\"")
        }
    }

    /// Appends an element with attributes (values escaped) and optional escaped text content.
    public mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String>, text: String? = nil) {
        body.append("<")
        body.append(name)
        self.attributes(attributes)
        if let text {
            body.append(">")
            body.append(SVG.escape(text))
            body.append("</")
            body.append(name)
            body.append(">")
        } else {
            body.append("/>")
        }
    }

    /// Opens a group with attributes.
    public mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        body.append("<")
        body.append(name)
        self.attributes(attributes)
        body.append(">")
    }

    /// Closes an element opened with ``open(_:_:)``.
    public mutating func close(_ name: String) {
        body.append("</")
        body.append(name)
        body.append(">")
    }

    /// Appends another drawing's content.
    public mutating func append(_ other: SVG) { body.append(other.body) }

    /// The whole `<svg>` element: `role="img"`, a `<title>` and a `<desc>` stating the data in words,
    /// a `viewBox` so it stays sharp at any zoom, and the drawing. `stretch` lets CSS set both sides
    /// independently (bars that fill their container's width). A chart whose parts are links passes
    /// `role: nil` (the implicit graphics-document role), so that assistive technology reaches the links,
    /// which `img` would hide.
    public func render(
        width: Double, height: Double, title: String, description: String, className: String,
        idPrefix: String? = nil, stretch: Bool = false, role: String? = "img"
    ) -> String {
        let w = SVG.n(width)
        let h = SVG.n(height)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\""
        out.reserveCapacity(body.utf8.count + title.utf8.count + description.utf8.count + 256)
        out.append(SVG.escape(className))
        out.append("\" viewBox=\"0 0 ")
        out.append(w)
        out.append(" ")
        out.append(h)
        out.append("\" width=\"")
        out.append(w)
        out.append("\" height=\"")
        out.append(h)
        out.append("\"")
        if stretch { out.append(" preserveAspectRatio=\"none\"") }
        if let role {
            out.append(" role=\"")
            out.append(role)
            out.append("\"")
        }
        if let raw = idPrefix {
            let id = SVG.escape(raw)
            out.append(" aria-labelledby=\"\(id)-t \(id)-d\"><title id=\"\(id)-t\">")
            out.append(SVG.escape(title))
            out.append("</title><desc id=\"\(id)-d\">")
        } else {
            out.append("><title>")
            out.append(SVG.escape(title))
            out.append("</title><desc>")
        }
        out.append(SVG.escape(description))
        out.append("</desc>")
        out.append(body)
        out.append("</svg>")
        return out
    }
}
