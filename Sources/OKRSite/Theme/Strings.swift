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

    /// The text for `key` with `{name}` placeholders replaced (one pass, no Foundation).
    public func format(_ key: String, _ values: KeyValuePairs<String, String>) -> String {
        let template = self[key]
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = rest[rest.index(after: open)..<close]
            if let value = values.first(where: { $0.key == name })?.value {
                out += value
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// `key_one` for a count of 1, else `key_other`, with `{count}` replaced by `formatted`.
    public func plural(_ key: String, count: Int, formatted: String) -> String {
        format(count == 1 ? key + "_one" : key + "_other", ["count": formatted])
    }

    /// The twelve month names (`month_1` … `month_12`).
    public var monthNames: [String] { (1...12).map { self["month_\($0)"] } }
}
