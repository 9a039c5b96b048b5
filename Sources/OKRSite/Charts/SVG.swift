/// A small builder for inline SVG: every piece of text it writes is escaped, every coordinate
/// rounded to 0.1, so charts are safe and byte-identical from the same data.
///
/// It writes UTF-8 bytes into one buffer: charts are made of thousands of tiny pieces, and appending
/// each to a `String` cost more than drawing them.
public struct SVG {
    private(set) var bytes: [UInt8] = []

    /// An empty drawing.
    public init() {
        bytes.reserveCapacity(2048)
    }

    private init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// A coordinate or length rounded to one decimal, without a trailing `.0`.
    public static func n(_ x: Double) -> String {
        var w = SVG(capacity: 16)
        w.number(x)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// Escapes text for SVG content and attribute values.
    public static func escape(_ s: String) -> String { HTML.escape(s) }

    /// Appends literal markup. Most pieces are a few bytes (`="`, `/>`), for which appending byte by
    /// byte costs a fifth of a generic `append(contentsOf:)` (callgrind).
    @inline(__always) mutating func raw(_ s: StaticString) {
        bytes.appendLiteral(s)
    }

    /// Appends text, escaped.
    mutating func text(_ s: String) {
        var s = s
        s.withUTF8 { u in
            // Most text (ids, classes, labels) has nothing to escape: one copy then.
            if !u.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) {
                bytes.append(contentsOf: u)
                return
            }
            for b in u {
                switch b {
                case 38: raw("&amp;")
                case 60: raw("&lt;")
                case 62: raw("&gt;")
                case 34: raw("&quot;")
                case 39: raw("&#39;")
                default: bytes.append(b)
                }
            }
        }
    }

    /// Appends a number rounded to one decimal. A coordinate beyond ±10^12 means nothing on a page
    /// and is written as that bound (and a non-finite one as 0): nothing a chart computes can trap here.
    mutating func number(_ x: Double) {
        guard x.isFinite else {
            bytes.append(48)
            return
        }
        let tenths = Int(rounding: min(max(x, -1e12), 1e12) * 10)
        if tenths < 0 { bytes.append(45) }
        let a = abs(tenths)
        integer(a / 10)
        if a % 10 != 0 {
            bytes.append(46)
            bytes.append(UInt8(48 + a % 10))
        }
    }

    private mutating func integer(_ v: Int) {
        guard v >= 10 else { return bytes.append(UInt8(48 + v)) }
        let start = bytes.count
        var v = v
        while v > 0 {
            bytes.append(UInt8(48 + v % 10))
            v /= 10
        }
        bytes.reverseTail(from: start)
    }

    private mutating func attributes(_ attributes: KeyValuePairs<StaticString, Attribute>) {
        for (k, v) in attributes {
            raw(" ")
            raw(k)
            raw("=\"")
            switch v {
            case .text(let s): text(s)
            case .number(let x): number(x)
            case .points(let points):
                for (i, p) in points.enumerated() {
                    if i > 0 { bytes.append(32) }
                    number(p.x)
                    bytes.append(44)
                    number(p.y)
                }
            }
            raw("\"")
        }
    }

    /// Appends an element with attributes (values escaped) and optional escaped text content.
    public mutating func element(
        _ name: StaticString, _ attributes: KeyValuePairs<StaticString, Attribute>, text content: String? = nil
    ) {
        raw("<")
        raw(name)
        self.attributes(attributes)
        if let content {
            raw(">")
            text(content)
            raw("</")
            raw(name)
            raw(">")
        } else {
            raw("/>")
        }
    }

    /// Opens a group with attributes.
    public mutating func open(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, Attribute> = [:]) {
        raw("<")
        raw(name)
        self.attributes(attributes)
        raw(">")
    }

    /// Closes an element opened with ``open(_:_:)``.
    public mutating func close(_ name: StaticString) {
        raw("</")
        raw(name)
        raw(">")
    }

    /// Appends another drawing's content.
    public mutating func append(_ other: SVG) { bytes.append(contentsOf: other.bytes) }

    /// Appends markup drawn before (a piece from the ``ChartMemo``).
    mutating func append(_ piece: [UInt8]) { bytes.append(contentsOf: piece) }

    /// The whole `<svg>` element: `role="img"`, a `<title>` and a `<desc>` stating the data in words,
    /// a `viewBox` so it stays sharp at any zoom, and the drawing. `stretch` lets CSS set both sides
    /// independently (bars that fill their container's width). A chart whose parts are links passes
    /// `role: nil` (the implicit graphics-document role), so that assistive technology reaches the links,
    /// which `img` would hide.
    public func render(
        width: Double, height: Double, title: String, description: String, className: String,
        idPrefix: String? = nil, stretch: Bool = false, role: String? = "img"
    ) -> String {
        var out = SVG()
        out.bytes.reserveCapacity(bytes.count + title.utf8.count + description.utf8.count + 256)
        out.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"")
        out.text(className)
        out.raw("\" viewBox=\"0 0 ")
        out.number(width)
        out.raw(" ")
        out.number(height)
        out.raw("\" width=\"")
        out.number(width)
        out.raw("\" height=\"")
        out.number(height)
        out.raw("\"")
        if stretch { out.raw(" preserveAspectRatio=\"none\"") }
        if let role {
            out.raw(" role=\"")
            out.text(role)
            out.raw("\"")
        }
        if let id = idPrefix {
            out.raw(" aria-labelledby=\"")
            out.text(id)
            out.raw("-t ")
            out.text(id)
            out.raw("-d\"><title id=\"")
            out.text(id)
            out.raw("-t\">")
            out.text(title)
            out.raw("</title><desc id=\"")
            out.text(id)
            out.raw("-d\">")
        } else {
            out.raw("><title>")
            out.text(title)
            out.raw("</title><desc>")
        }
        out.text(description)
        out.raw("</desc>")
        out.bytes.append(contentsOf: bytes)
        out.raw("</svg>")
        return String(decoding: out.bytes, as: UTF8.self)
    }
}

/// An attribute value: text (escaped) or a number (rounded to 0.1), written straight into the
/// drawing without an intermediate string.
public enum Attribute: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    /// Text, escaped when written.
    case text(String)
    /// A coordinate or length.
    case number(Double)
    /// Points of a polyline or polygon: `x,y x,y …`, each rounded to 0.1.
    case points([(x: Double, y: Double)])

    public init(stringLiteral value: String) { self = .text(value) }
    public init(stringInterpolation: DefaultStringInterpolation) {
        self = .text(String(stringInterpolation: stringInterpolation))
    }

    /// A number.
    public static func n(_ x: Double) -> Attribute { .number(x) }
}
