import Foundation

/// A small scanner over generated markup for the safety tests: the start tags of a page with their
/// attributes, entities decoded. It reads what the portal writes (well-formed, quoted attributes),
/// not arbitrary HTML; anything it cannot read is reported rather than skipped.
public enum MarkupScan {
    /// A start tag: its lower-cased name, its attributes (lower-cased names, decoded values) and, for
    /// `script` and `style`, the raw text up to the closing tag.
    public struct Tag: Sendable {
        public var name: String
        public var attributes: [(name: String, value: String)]
        public var rawText: String?

        /// The value of attribute `name`, if present.
        public func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    }

    /// The start tags of `text`, in order (comments, doctype and end tags skipped).
    public static func tags(in text: String) -> [Tag] {
        let s = Array(text.unicodeScalars)
        var tags: [Tag] = []
        var i = 0
        func isNameChar(_ c: Unicode.Scalar) -> Bool {
            CharacterSet.alphanumerics.contains(c) || c == "-" || c == ":" || c == "_"
        }
        while i < s.count {
            guard s[i] == "<" else {
                i += 1
                continue
            }
            // Comments: skip to their end.
            if i + 3 < s.count, s[i + 1] == "!", s[i + 2] == "-", s[i + 3] == "-" {
                i = find("-->", in: s, from: i + 4).map { $0 + 3 } ?? s.count
                continue
            }
            guard i + 1 < s.count, CharacterSet.letters.contains(s[i + 1]) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < s.count, isNameChar(s[j]) { j += 1 }
            var tag = Tag(name: String(String.UnicodeScalarView(s[(i + 1)..<j])).lowercased(), attributes: [])
            // Attributes until `>` (or `/>`).
            while j < s.count, s[j] != ">" {
                if s[j] == " " || s[j] == "\n" || s[j] == "\t" || s[j] == "\r" || s[j] == "/" {
                    j += 1
                    continue
                }
                let nameStart = j
                while j < s.count, s[j] != "=", s[j] != ">", s[j] != " ", s[j] != "\n", s[j] != "/" { j += 1 }
                let name = String(String.UnicodeScalarView(s[nameStart..<j])).lowercased()
                var value = ""
                if j < s.count, s[j] == "=" {
                    j += 1
                    if j < s.count, s[j] == "\"" || s[j] == "'" {
                        let quote = s[j]
                        let start = j + 1
                        j = start
                        while j < s.count, s[j] != quote { j += 1 }
                        value = String(String.UnicodeScalarView(s[start..<min(j, s.count)]))
                        j += 1
                    } else {
                        let start = j
                        while j < s.count, s[j] != " ", s[j] != ">", s[j] != "\n" { j += 1 }
                        value = String(String.UnicodeScalarView(s[start..<j]))
                    }
                }
                tag.attributes.append((name, decodeEntities(value)))
            }
            j += 1
            if tag.name == "script" || tag.name == "style" {
                let end = find("</" + tag.name, in: s, from: j, caseInsensitive: true) ?? s.count
                tag.rawText = String(String.UnicodeScalarView(s[min(j, s.count)..<end]))
                j = end
            }
            tags.append(tag)
            i = j
        }
        return tags
    }

    /// The text with the character references HTML and XML use decoded (named ones the portal writes,
    /// decimal and hexadecimal ones).
    public static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(12).firstIndex(of: ";") {
                let ref = after[..<semi]
                var scalar: Unicode.Scalar?
                if ref.hasPrefix("#x") || ref.hasPrefix("#X") {
                    scalar = UInt32(ref.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if ref.hasPrefix("#") {
                    scalar = UInt32(ref.dropFirst()).flatMap(Unicode.Scalar.init)
                }
                if let scalar {
                    out.unicodeScalars.append(scalar)
                    rest = after[after.index(after: semi)...]
                    continue
                }
                if let n = named[String(ref)] {
                    out += n
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }

    /// Whether a URL attribute's value would run script or load a document from the link itself:
    /// `javascript:`, `vbscript:`, or `data:` other than a raster image (as browsers read it: control
    /// characters and whitespace inside the scheme are ignored, case does not matter).
    public static func isExecutableURL(_ value: String) -> Bool {
        let squeezed = String(value.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }).lowercased()
        if squeezed.hasPrefix("javascript:") || squeezed.hasPrefix("vbscript:") { return true }
        if squeezed.hasPrefix("data:") {
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains {
                squeezed.hasPrefix($0)
            }
        }
        return false
    }

    static func find(
        _ needle: String, in s: [Unicode.Scalar], from: Int, caseInsensitive: Bool = false
    ) -> Int? {
        let n = Array(needle.lowercased().unicodeScalars)
        guard n.count <= s.count, from <= s.count - n.count else { return nil }
        outer: for i in from...(s.count - n.count) {
            for k in 0..<n.count {
                var c = s[i + k]
                if caseInsensitive, c.value >= 65, c.value <= 90 { c = Unicode.Scalar(c.value + 32)! }  // ASCII
                if c != n[k] { continue outer }
            }
            return i
        }
        return nil
    }
}
