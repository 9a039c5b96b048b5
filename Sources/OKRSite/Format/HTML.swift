/// Escaping for the contexts okrportal writes text into.
public enum HTML {
    /// Escapes text for HTML element content and quoted attribute values: `& < > " '`.
    public static func escape(_ s: String) -> String {
        var count = 0
        for b in s.utf8 where b == 38 || b == 60 || b == 62 || b == 34 || b == 39 { count += 1 }
        guard count > 0 else { return s }
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count + count * 5)
        for b in s.utf8 {
            switch b {
            case 38: out.append(contentsOf: "&amp;".utf8)
            case 60: out.append(contentsOf: "&lt;".utf8)
            case 62: out.append(contentsOf: "&gt;".utf8)
            case 34: out.append(contentsOf: "&quot;".utf8)
            case 39: out.append(contentsOf: "&#39;".utf8)
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
