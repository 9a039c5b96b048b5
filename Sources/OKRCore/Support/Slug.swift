/// The rules for ids that become file names.
public enum Slug {
    /// The longest id accepted.
    public static let maxLength = 80

    /// Names that Windows refuses as file names whatever the extension.
    static let reserved: Set<String> = {
        var s: Set<String> = ["con", "prn", "aux", "nul"]
        for i in 0...9 {
            s.insert("com\(i)")
            s.insert("lpt\(i)")
        }
        return s
    }()

    /// Why `id` is not a valid objective, key-result or team id (`[a-z0-9][a-z0-9-]*`, ≤ 80), or `nil`.
    public static func problem(with id: String) -> String? {
        if id.isEmpty { return "is empty" }
        let u = id.utf8
        if u.count > maxLength { return "is longer than \(maxLength) characters" }
        for (i, c) in u.enumerated() {
            let lowerOrDigit = (97...122).contains(c) || (48...57).contains(c)
            if i == 0 && !lowerOrDigit { return "must start with a lowercase letter or digit" }
            if !lowerOrDigit && c != UInt8(ascii: "-") {
                return "may only hold lowercase letters a–z, digits and '-'"
            }
        }
        if reserved.contains(id) { return "is a reserved file name on Windows" }
        return nil
    }

    /// Why `id` is not a valid period id (`[A-Za-z0-9][A-Za-z0-9_-]*`, ≤ 80), or `nil`.
    public static func periodProblem(with id: String) -> String? {
        if id.isEmpty { return "is empty" }
        let u = id.utf8
        if u.count > maxLength { return "is longer than \(maxLength) characters" }
        for (i, c) in u.enumerated() {
            let alnum = (97...122).contains(c) || (65...90).contains(c) || (48...57).contains(c)
            if i == 0 && !alnum { return "must start with a letter or digit" }
            if !alnum && c != UInt8(ascii: "-") && c != UInt8(ascii: "_") {
                return "may only hold letters, digits, '-' and '_'"
            }
        }
        if reserved.contains(id.lowercased()) { return "is a reserved file name on Windows" }
        return nil
    }

    /// A slug made from a name for URLs: "Dr. Jürgen Groß" → "dr-juergen-gross".
    ///
    /// German letters are transliterated the German way; other letters lose their accents where the
    /// Unicode decomposition allows it; everything else becomes a separator.
    public static func make(from name: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in name.lowercased().unicodeScalars {
            let mapped: String?
            switch scalar {
            case "ä": mapped = "ae"
            case "ö": mapped = "oe"
            case "ü": mapped = "ue"
            case "ß": mapped = "ss"
            default: mapped = baseLetter(scalar).map { String(Character($0)) }
            }
            guard let mapped else {
                // Combining marks of decomposed input belong to the letter before them.
                if !(0x300...0x36F).contains(scalar.value) { pendingDash = true }
                continue
            }
            if pendingDash && !out.isEmpty { out += "-" }
            pendingDash = false
            out += mapped
        }
        if out.count > maxLength {
            out = String(out.prefix(maxLength))
            while out.hasSuffix("-") { out.removeLast() }
        }
        if out.isEmpty { return "person" }
        if reserved.contains(out) { return "p-" + out }
        return out
    }
}

extension Slug {
    /// The ASCII base letter of a Latin letter with diacritics, or the scalar itself if it is [a-z0-9].
    static func baseLetter(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        if (97...122).contains(s.value) || (48...57).contains(s.value) { return s }
        // Latin-1 Supplement and Latin Extended-A letters with accents, by their base letter.
        let table: [(ClosedRange<UInt32>, Character)] = [
            (0xE0...0xE5, "a"), (0xE7...0xE7, "c"), (0xE8...0xEB, "e"), (0xEC...0xEF, "i"),
            (0xF1...0xF1, "n"), (0xF2...0xF6, "o"), (0xF8...0xF8, "o"), (0xF9...0xFC, "u"),
            (0xFD...0xFD, "y"), (0xFF...0xFF, "y"), (0x101...0x105, "a"), (0x107...0x10D, "c"),
            (0x10F...0x111, "d"), (0x113...0x11B, "e"), (0x11D...0x123, "g"), (0x125...0x127, "h"),
            (0x129...0x131, "i"), (0x135...0x135, "j"), (0x137...0x137, "k"), (0x13A...0x142, "l"),
            (0x144...0x148, "n"), (0x14D...0x151, "o"), (0x155...0x159, "r"), (0x15B...0x161, "s"),
            (0x163...0x167, "t"), (0x169...0x173, "u"), (0x175...0x175, "w"), (0x177...0x177, "y"),
            (0x17A...0x17E, "z"),
        ]
        for (range, base) in table where range.contains(s.value) {
            return base.unicodeScalars.first
        }
        return nil
    }
}
