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

    /// The text for `key` with `{name}` placeholders replaced.
    public func format(_ key: String, _ values: KeyValuePairs<String, String>) -> String {
        var s = self[key]
        for (name, value) in values { s = s.replacingPlaceholder(name, with: value) }
        return s
    }

    /// `key_one` for a count of 1, else `key_other`, with `{count}` replaced by `formatted`.
    public func plural(_ key: String, count: Int, formatted: String) -> String {
        format(count == 1 ? key + "_one" : key + "_other", ["count": formatted])
    }

    /// The twelve month names (`month_1` … `month_12`).
    public var monthNames: [String] { (1...12).map { self["month_\($0)"] } }
}

extension String {
    func replacingPlaceholder(_ name: String, with value: String) -> String {
        let token = "{" + name + "}"
        guard contains(token) else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.range(of: token) {
            out += rest[..<r.lowerBound]
            out += value
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}

#if canImport(Foundation)
    import Foundation
#endif
