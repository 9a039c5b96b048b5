/// Escaping for XML 1.0 text and attribute values (Atom feeds, sitemaps).
public enum XML {
    /// Escapes `& < > " '` and replaces what XML 1.0 cannot hold at all (control characters other than
    /// tab, LF and CR; U+FFFE, U+FFFF) with U+FFFD, so any text a YAML file can hold yields valid XML.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(c)
            default:
                if c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out
    }
}
