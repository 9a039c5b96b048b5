/// A minimal JSON writer with deterministic output: keys in the order written, numbers in their
/// shortest exact form, strings escaped so the text is also safe inside an HTML `<script>`.
/// It writes UTF-8 bytes into one buffer (a 100,000-objective export has millions of small pieces).
public struct JSONWriter {
    /// The bytes so far.
    public private(set) var bytes: [UInt8] = []
    private var needsComma = [false]

    /// An empty document.
    public init() {
        bytes.reserveCapacity(1 << 16)
    }

    /// The text so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Hands the text written so far to `sink` and starts over (for streaming large documents).
    public mutating func drain(to sink: (String) -> Void) {
        sink(text)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Appends literal text; byte by byte for the short pieces keys are (see ``SVG``).
    @inline(__always) private mutating func raw(_ s: StaticString) {
        bytes.appendLiteral(s)
    }

    private mutating func key(_ key: StaticString?) {
        if needsComma[needsComma.count - 1] { bytes.append(44) }
        needsComma[needsComma.count - 1] = true
        if let key {
            bytes.append(34)
            raw(key)
            raw("\":")
        }
    }

    /// Opens an object (as a value, or as the member `key` of the enclosing object).
    public mutating func beginObject(_ key: StaticString? = nil) {
        self.key(key)
        bytes.append(123)
        needsComma.append(false)
    }

    /// Closes the innermost object.
    public mutating func endObject() {
        needsComma.removeLast()
        bytes.append(125)
    }

    /// Opens an array.
    public mutating func beginArray(_ key: StaticString? = nil) {
        self.key(key)
        bytes.append(91)
        needsComma.append(false)
    }

    /// Closes the innermost array.
    public mutating func endArray() {
        needsComma.removeLast()
        bytes.append(93)
    }

    /// A string member or element; `nil` writes `null`.
    public mutating func string(_ key: StaticString?, _ value: String?) {
        self.key(key)
        guard let value else { return raw("null") }
        JSONWriter.quote(value, into: &bytes)
    }

    /// A string member whose key is only known at run time (a status, a language's label).
    public mutating func string(named key: String, _ value: String) {
        self.key(nil)
        JSONWriter.quote(key, into: &bytes)
        bytes.append(58)
        JSONWriter.quote(value, into: &bytes)
    }

    /// A number member or element; `nil` and non-finite values write `null`.
    public mutating func number(_ key: StaticString?, _ value: Double?) {
        self.key(key)
        guard let value else { return raw("null") }
        bytes.append(contentsOf: JSONWriter.number(value).utf8)
    }

    /// A boolean.
    public mutating func bool(_ key: StaticString?, _ value: Bool) {
        self.key(key)
        value ? raw("true") : raw("false")
    }

    /// A number: integers without a fraction, others in Swift's shortest round-trip form.
    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }

    /// A JSON string literal. `<`, `>`, `&`, U+2028 and U+2029 are escaped as well, so the JSON can sit
    /// inside an HTML `<script>` element without ending it.
    public static func quote(_ s: String) -> String {
        var out: [UInt8] = []
        quote(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(34)
        var s = s
        s.withUTF8 { u in
            var i = 0
            while i < u.count {
                let b = u[i]
                switch b {
                case 34: out.append(contentsOf: [92, 34])
                case 92: out.append(contentsOf: [92, 92])
                case 10: out.append(contentsOf: [92, 110])
                case 13: out.append(contentsOf: [92, 114])
                case 9: out.append(contentsOf: [92, 116])
                case 60: out.append(contentsOf: "\\u003c".utf8)
                case 62: out.append(contentsOf: "\\u003e".utf8)
                case 38: out.append(contentsOf: "\\u0026".utf8)
                case 0xE2 where i + 2 < u.count && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9):
                    // U+2028 and U+2029 end lines in JavaScript.
                    out.append(contentsOf: (u[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    i += 3
                    continue
                default:
                    if b < 0x20 {
                        let hex: [UInt8] = Array("0123456789abcdef".utf8)
                        out.append(contentsOf: "\\u00".utf8)
                        out.append(hex[Int(b >> 4)])
                        out.append(hex[Int(b & 15)])
                    } else {
                        out.append(b)
                    }
                }
                i += 1
            }
        }
        out.append(34)
    }
}
