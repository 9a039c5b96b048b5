/// Escaping for XML 1.0 text and attribute values (Atom feeds, sitemaps).
public enum XML {
    /// Escapes `& < > " '` and replaces what XML 1.0 cannot hold at all (control characters other than
    /// tab, LF and CR; U+FFFE, U+FFFF) with U+FFFD, so any text a YAML file can hold yields valid XML.
    /// One pass over the UTF-8 bytes: U+FFFE and U+FFFF are the only characters beyond ASCII it changes.
    public static func escape(_ s: String) -> String {
        var s = s
        return s.withUTF8 { u -> String in
            guard
                u.contains(where: {
                    $0 < 0x20 || $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 || $0 == 0xEF
                })
            else { return String(decoding: u, as: UTF8.self) }
            var out = [UInt8]()
            out.reserveCapacity(u.count + 16)
            let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
            var i = 0
            while i < u.count {
                let b = u[i]
                switch b {
                case 38: out.append(contentsOf: "&amp;".utf8)
                case 60: out.append(contentsOf: "&lt;".utf8)
                case 62: out.append(contentsOf: "&gt;".utf8)
                case 34: out.append(contentsOf: "&quot;".utf8)
                case 39: out.append(contentsOf: "&apos;".utf8)
                case 9, 10, 13: out.append(b)
                case 0..<0x20: out.append(contentsOf: replacement)
                case 0xEF where i + 2 < u.count && u[i + 1] == 0xBF && (u[i + 2] == 0xBE || u[i + 2] == 0xBF):
                    out.append(contentsOf: replacement)
                    i += 2
                default: out.append(b)
                }
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
