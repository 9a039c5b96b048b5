extension String {
    /// The text with every control character shown escaped, Swift style (`\u{1B}`): C0 (U+0000–U+001F),
    /// DEL (U+007F) and C1 (U+0080–U+009F). Text from content passes through this before it reaches a
    /// terminal, so a title cannot retitle, clear or recolour it (ESC sequences), ring its bell (BEL) or
    /// overwrite what was printed (CR, backspace). The tab is kept: it only moves the cursor. Line
    /// feeds are kept when `keepingLineFeeds` (text of several lines written by okrportal itself) and
    /// escaped otherwise (a diagnostic is one line).
    public func escapingControlCharacters(keepingLineFeeds: Bool = false) -> String {
        func isControl(_ v: UInt32) -> Bool {
            if v == 9 || (v == 10 && keepingLineFeeds) { return false }
            return v < 0x20 || (0x7F...0x9F).contains(v)
        }
        // Most lines have none: no copy. C1 characters start with the UTF-8 byte 0xC2.
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return self }
        guard unicodeScalars.contains(where: { isControl($0.value) }) else { return self }
        var out = String.UnicodeScalarView()
        for s in unicodeScalars {
            if isControl(s.value) {
                out.append(contentsOf: "\\u{\(String(s.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }
}
