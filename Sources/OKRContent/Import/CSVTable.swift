import OKRCore

/// A CSV file read for `okrportal import`: the header's column names and the records below it, each
/// with the 1-based line it starts on.
///
/// Reads what spreadsheets write (RFC 4180 and Excel's dialects): a comma, semicolon or tab separator,
/// whichever the header line holds most of; UTF-8 with or without a byte-order mark; Windows-1252
/// when the bytes are not UTF-8 (with a warning, since the guess may be wrong); quoted fields holding
/// separators, doubled quotes and line breaks; CRLF, LF or CR line ends.
public struct CSVTable: Sendable {
    /// One record: its fields and the line of the file where it starts.
    public struct Record: Sendable {
        /// The 1-based line of the file where the record starts.
        public var line: Int
        /// The fields, in column order.
        public var fields: [String]
    }

    /// The column names, as written in the header (trimmed).
    public var header: [String]
    /// The records after the header; blank lines are left out.
    public var records: [Record]
    /// The separator: `,`, `;` or a tab.
    public var separator: Character
    /// Whether the bytes were not UTF-8 and were read as Windows-1252.
    public var readAsWindows1252: Bool

    /// Reads `bytes`; problems are reported against `path` as `path:line:column`, where column is the
    /// 1-based field number. Returns `nil` when nothing usable is there (the diagnostics say why).
    public static func read(_ bytes: [UInt8], path: String, diagnostics: inout Diagnostics) -> CSVTable? {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let text: String
        var windows1252 = false
        if let utf8 = String(validating: body, as: UTF8.self) {
            text = utf8
        } else {
            text = Windows1252.decode(body)
            windows1252 = true
            diagnostics.warning(
                "the file is not UTF-8; it was read as Windows-1252 (Excel's \"CSV\" on Western Windows). "
                    + "Check the names with accents in the files written; save as \"CSV UTF-8\" to avoid the guess",
                at: SourceLocation(path: path))
        }
        let separator = detectSeparator(text)
        var parser = Parser(scalars: Array(text.unicodeScalars), separator: separator.unicodeScalars.first ?? ",")
        var records: [Record] = []
        while let record = parser.next(path: path, &diagnostics) {
            if record.fields.allSatisfy({ $0.isEmpty }) { continue }
            records.append(record)
        }
        guard !records.isEmpty else {
            diagnostics.error(
                "the file is empty: it needs a header row naming the columns", at: SourceLocation(path: path))
            return nil
        }
        let header = records.removeFirst().fields.map { $0.trimmingSpaces.lowercased() }
        return CSVTable(header: header, records: records, separator: separator, readAsWindows1252: windows1252)
    }

    /// The separator the header line (the text up to the first line break) holds most of: `;` as
    /// Excel writes in German, French and other locales with a decimal comma, a tab, else `,`.
    static func detectSeparator(_ text: String) -> Character {
        let first = text.prefix { $0 != "\n" && $0 != "\r" && $0 != "\r\n" }
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        for c in first where counts[c] != nil { counts[c, default: 0] += 1 }
        let best = [",", ";", "\t"].max { (counts[$0] ?? 0) < (counts[$1] ?? 0) } ?? ","
        return (counts[best] ?? 0) > 0 ? best : ","
    }

    /// An RFC 4180 reader over Unicode scalars (so a CRLF stays two scalars and lines count right).
    struct Parser {
        let scalars: [Unicode.Scalar]
        let separator: Unicode.Scalar
        var position = 0
        var line = 1

        /// The next record, or `nil` at the end of the text.
        mutating func next(path: String, _ diagnostics: inout Diagnostics) -> Record? {
            guard position < scalars.count else { return nil }
            let start = line
            var fields: [String] = []
            var field = String.UnicodeScalarView()
            while true {
                // The start of a field.
                if position < scalars.count, scalars[position] == "\"" {
                    let quoteLine = line
                    position += 1
                    var closed = false
                    while position < scalars.count {
                        let c = scalars[position]
                        if c == "\"" {
                            if position + 1 < scalars.count, scalars[position + 1] == "\"" {
                                field.append("\"")
                                position += 2
                                continue
                            }
                            position += 1
                            closed = true
                            break
                        }
                        if c == "\n" || (c == "\r" && !(position + 1 < scalars.count && scalars[position + 1] == "\n"))
                        {
                            line += 1
                        }
                        field.append(c)
                        position += 1
                    }
                    if !closed {
                        diagnostics.error(
                            "a quoted field opened on line \(quoteLine) is never closed: a quote (\") is missing",
                            at: SourceLocation(path: path, line: start, column: fields.count + 1))
                        fields.append(String(field))
                        return Record(line: start, fields: fields)
                    }
                    // After the closing quote: a separator, a line end, or the end of the text.
                    var stray = false
                    while position < scalars.count, scalars[position] != separator, scalars[position] != "\n",
                        scalars[position] != "\r"
                    {
                        if scalars[position] != " " { stray = true }
                        position += 1
                    }
                    if stray {
                        diagnostics.error(
                            "text after the closing quote of a quoted field; a quote inside a field is written twice (\"\")",
                            at: SourceLocation(path: path, line: start, column: fields.count + 1))
                    }
                } else {
                    while position < scalars.count {
                        let c = scalars[position]
                        if c == separator || c == "\n" || c == "\r" { break }
                        field.append(c)
                        position += 1
                    }
                }
                fields.append(String(field))
                field = String.UnicodeScalarView()
                guard position < scalars.count else { return Record(line: start, fields: fields) }
                let c = scalars[position]
                position += 1
                if c == separator { continue }
                if c == "\r", position < scalars.count, scalars[position] == "\n" { position += 1 }
                line += 1
                return Record(line: start, fields: fields)
            }
        }
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and non-breaking spaces.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
