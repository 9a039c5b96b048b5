/// The UI strings of one language, from the theme's `i18n/<language>.yml`.
///
/// Keys missing in the chosen language fall back to English, so a theme that adds a key in English
/// only still renders. Placeholders are written `{name}`.
public struct Strings: Sendable {
    /// Every key → text.
    public let table: [String: String]

    /// Creates a table.
    public init(_ table: [String: String]) { self.table = table }

    /// The text for `key`, or the key itself in brackets so a missing string is visible, not silent.
    public subscript(key: String) -> String { table[key] ?? "[\(key)]" }

    /// The text for `key` with `{name}` placeholders replaced: one pass over the UTF-8 bytes (a
    /// `Character` walk cost tens of thousands of instructions per chart description).
    public func format(_ key: String, _ values: KeyValuePairs<String, String>) -> String {
        var template = self[key]
        return template.withUTF8 { u -> String in
            guard u.contains(UInt8(ascii: "{")) else { return String(decoding: u, as: UTF8.self) }
            var out = [UInt8]()
            out.reserveCapacity(u.count + 64)
            var i = 0
            while i < u.count {
                let b = u[i]
                if b == UInt8(ascii: "{"), let close = u[(i + 1)...].firstIndex(of: UInt8(ascii: "}")) {
                    let name = UnsafeBufferPointer(rebasing: u[(i + 1)..<close])
                    if let value = values.first(where: { $0.key.utf8.elementsEqual(name) })?.value {
                        out.append(contentsOf: value.utf8)
                        i = close + 1
                        continue
                    }
                }
                out.append(b)
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The text for `key`, HTML-escaped, with `{name}` placeholders replaced by `html` values as they
    /// are (already markup: a link, escaped text).
    public func formatHTML(_ key: String, _ html: KeyValuePairs<String, String>) -> String {
        Strings(["t": HTML.escape(self[key])]).format("t", html)
    }

    /// `key_one` for a count of 1, else `key_other`, with `{count}` replaced by `formatted`.
    public func plural(_ key: String, count: Int, formatted: String) -> String {
        format(count == 1 ? key + "_one" : key + "_other", ["count": formatted])
    }

    /// The twelve month names (`month_1` … `month_12`).
    public var monthNames: [String] { (1...12).map { self["month_\($0)"] } }
}
