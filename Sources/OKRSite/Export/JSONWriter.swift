/// A minimal JSON writer with deterministic output: keys in the order written, numbers in their
/// shortest exact form, strings escaped so the text is also safe inside an HTML `<script>`.
public struct JSONWriter {
    /// The text so far.
    public private(set) var text = ""
    private var needsComma = [false]

    /// An empty document.
    public init() {}

    /// Hands the text written so far to `sink` and starts over (for streaming large documents).
    public mutating func drain(to sink: (String) -> Void) {
        sink(text)
        text = ""
    }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
    }

    /// Opens an object (as a value, or as the member `key` of the enclosing object).
    public mutating func beginObject(_ key: String? = nil) {
        separator()
        if let key { text += JSONWriter.quote(key) + ":" }
        text += "{"
        needsComma.append(false)
    }

    /// Closes the innermost object.
    public mutating func endObject() {
        needsComma.removeLast()
        text += "}"
    }

    /// Opens an array.
    public mutating func beginArray(_ key: String? = nil) {
        separator()
        if let key { text += JSONWriter.quote(key) + ":" }
        text += "["
        needsComma.append(false)
    }

    /// Closes the innermost array.
    public mutating func endArray() {
        needsComma.removeLast()
        text += "]"
    }

    private mutating func raw(_ key: String?, _ value: String) {
        separator()
        if let key { text += JSONWriter.quote(key) + ":" }
        text += value
    }

    /// A string member or element; `nil` writes `null`.
    public mutating func string(_ key: String?, _ value: String?) {
        raw(key, value.map(JSONWriter.quote) ?? "null")
    }

    /// A number member or element; `nil` and non-finite values write `null`.
    public mutating func number(_ key: String?, _ value: Double?) {
        raw(key, value.map(JSONWriter.number) ?? "null")
    }

    /// A boolean.
    public mutating func bool(_ key: String?, _ value: Bool) { raw(key, value ? "true" : "false") }

    /// A number: integers without a fraction, others in Swift's shortest round-trip form.
    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }

    /// A JSON string literal. `<`, `>`, `&`, U+2028 and U+2029 are escaped as well, so the JSON can sit
    /// inside an HTML `<script>` element without ending it.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if u.value < 0x20 {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
