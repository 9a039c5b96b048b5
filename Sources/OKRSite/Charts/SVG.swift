/// A small builder for inline SVG: every piece of text it writes is escaped, every coordinate
/// rounded to 0.1, so charts are safe and byte-identical from the same data.
public struct SVG {
    private(set) var body = ""

    /// An empty drawing.
    public init() {}

    /// A coordinate or length rounded to one decimal, without a trailing `.0`.
    public static func n(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let tenths = Int((x * 10).rounded())
        if tenths % 10 == 0 { return String(tenths / 10) }
        let sign = tenths < 0 ? "-" : ""
        let a = abs(tenths)
        return sign + String(a / 10) + "." + String(a % 10)
    }

    /// Escapes text for SVG content and attribute values.
    public static func escape(_ s: String) -> String { HTML.escape(s) }

    /// Appends an element with attributes (values escaped) and optional escaped text content.
    public mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String>, text: String? = nil) {
        body += "<" + name
        for (k, v) in attributes { body += " " + k + "=\"" + SVG.escape(v) + "\"" }
        if let text {
            body += ">" + SVG.escape(text) + "</" + name + ">"
        } else {
            body += "/>"
        }
    }

    /// Opens a group with attributes.
    public mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        body += "<" + name
        for (k, v) in attributes { body += " " + k + "=\"" + SVG.escape(v) + "\"" }
        body += ">"
    }

    /// Closes an element opened with ``open(_:_:)``.
    public mutating func close(_ name: String) { body += "</" + name + ">" }

    /// Appends another drawing's content.
    public mutating func append(_ other: SVG) { body += other.body }

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
        var labelledBy = ""
        var titleID = ""
        var descID = ""
        if let raw = idPrefix {
            let idPrefix = SVG.escape(raw)
            titleID = " id=\"\(idPrefix)-t\""
            descID = " id=\"\(idPrefix)-d\""
            labelledBy = " aria-labelledby=\"\(idPrefix)-t \(idPrefix)-d\""
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(SVG.escape(className))\" viewBox=\"0 0 \(w) \(h)\" "
            + "width=\"\(w)\" height=\"\(h)\"" + (stretch ? " preserveAspectRatio=\"none\"" : "")
            + (role.map { " role=\"\($0)\"" } ?? "") + "\(labelledBy)>"
            + "<title\(titleID)>\(SVG.escape(title))</title><desc\(descID)>\(SVG.escape(description))</desc>" + body
            + "</svg>"
    }
}
