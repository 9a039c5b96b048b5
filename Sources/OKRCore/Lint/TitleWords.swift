/// The word heuristics behind OKR004 (a number in an objective's title) and OKR005 (an activity counted
/// by a key result), in German and English. Deliberately small and documented in `docs/lint.md`: they
/// give hints, and a hint that is wrong once is silenced with `lint: { ignore: [...] }`.
public enum TitleWords {
    /// The words of a title: split at white space, surrounding punctuation and quotes removed, case kept.
    /// Walks Unicode scalars, not Characters: grapheme breaking made this a twentieth of a build's
    /// instructions (callgrind), and every separator and quote here is a single scalar.
    public static func words(_ title: String) -> [Substring] {
        var result: [Substring] = []
        let scalars = title.unicodeScalars
        var i = scalars.startIndex
        while i < scalars.endIndex {
            while i < scalars.endIndex, isSpace(scalars[i]) { i = scalars.index(after: i) }
            var start = i
            while i < scalars.endIndex, !isSpace(scalars[i]) { i = scalars.index(after: i) }
            var end = i
            while start < end, trim.contains(scalars[start]) { start = scalars.index(after: start) }
            while start < end, trim.contains(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
            if start < end { result.append(title[start..<end]) }
        }
        return result
    }

    /// White space, answered without the Unicode tables for ASCII.
    private static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? c == " " || (0x09...0x0D).contains(c.value) : c.properties.isWhitespace
    }

    /// Punctuation and quotes around a word.
    private static let trim: Set<Unicode.Scalar> = [
        "(", ")", "[", "]", "\"", "'", "„", "“", "”", "‚", "‘", "’", "«", "»", ",", ";", ":", "!", "?", ".", "…",
    ]

    /// Number words people write instead of digits. "ein/eine/one" are left out: they are articles too.
    public static let numberWords: Set<String> = [
        "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "zwanzig",
        "dreißig", "hundert", "tausend", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "twenty", "thirty", "hundred", "thousand",
    ]

    /// The first number in a title, as written: a numeral (`30`, `1.500`, `2,5`, `20%`) or a number word
    /// (`drei`, `five`). Not counted: years 1900–2099 ("AMB 2026"), numbers right after an abbreviation
    /// in capitals (standards and versions: "ISO 230", "WCAG 2.1"), and digits inside a name ("PX-5").
    public static func firstNumber(in title: String) -> String? {
        let ws = words(title)
        for (i, w) in ws.enumerated() {
            if numberWords.contains(w.lowercased()) { return String(w) }
            guard isNumeral(w) else { continue }
            if isYear(w) { continue }
            if i > 0 && isAbbreviation(ws[i - 1]) { continue }
            return String(w)
        }
        return nil
    }

    /// `[sign]digits([.,]digits)*[unit]`: 30, -5, 1.500, 2,5, 20%, 3x.
    static func isNumeral(_ w: Substring) -> Bool {
        var s = w
        if let c = s.first, "+-−~≈<>≤≥".contains(c) { s = s.dropFirst() }
        if let c = s.last, "%‰x×€$".contains(c) { s = s.dropLast() }
        guard let first = s.first, first.isASCII, first.isNumber, let last = s.last, last.isASCII, last.isNumber
        else { return false }
        var previousWasDigit = false
        for c in s {
            if c.isASCII && c.isNumber {
                previousWasDigit = true
            } else if (c == "." || c == ",") && previousWasDigit {
                previousWasDigit = false
            } else {
                return false
            }
        }
        return true
    }

    static func isYear(_ w: Substring) -> Bool {
        guard w.count == 4, w.allSatisfy({ $0.isASCII && $0.isNumber }), let y = Int(w) else { return false }
        return (1900...2099).contains(y)
    }

    /// Two or more capitals, maybe with digits or hyphens: ISO, WCAG, DIN, OPC-UA.
    static func isAbbreviation(_ w: Substring) -> Bool {
        var capitals = 0
        for c in w {
            if c.isUppercase {
                capitals += 1
            } else if !(c.isNumber || c == "-") {
                return false
            }
        }
        return capitals >= 2
    }

    /// Verbs (infinitive and participle) that describe doing something rather than what it changes:
    /// a key result "5 Fachartikel veröffentlichen" / "publish 5 articles" counts output, not outcome.
    public static let activityVerbs: Set<String> = [
        // German
        "veröffentlichen", "veröffentlicht", "durchführen", "durchgeführt", "erstellen", "erstellt", "geführt",
        "abhalten", "abgehalten", "gehalten", "organisieren", "organisiert", "schreiben", "geschrieben", "verfassen",
        "verfasst", "versenden", "versendet", "verschicken", "verschickt", "starten", "gestartet", "launchen",
        "gelauncht", "besuchen", "besucht", "schulen", "geschult", "produzieren", "produziert", "drehen", "gedreht",
        "posten", "gepostet", "präsentieren", "präsentiert", "teilnehmen", "teilgenommen",
        // English
        "publish", "published", "publishing", "hold", "held", "holding", "host", "hosted", "launch", "launched",
        "write", "wrote", "written", "conduct", "conducted", "organize", "organized", "organise", "organised",
        "create", "created", "send", "sent", "attend", "attended", "produce", "produced", "post", "posted", "ship",
        "shipped", "run",
    ]

    /// The first activity verb in a key result's title, as written.
    public static func activityVerb(in title: String) -> String? {
        for w in words(title) where activityVerbs.contains(w.lowercased()) { return String(w) }
        return nil
    }
}
