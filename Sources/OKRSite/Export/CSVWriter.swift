/// Rows of RFC 4180 CSV for spreadsheets: comma-separated, CRLF line ends, fields quoted when they
/// hold a comma, a quote, CR or LF (quotes doubled), and text made harmless for formula evaluation.
///
/// **Formula injection.** Excel, LibreOffice and Google Sheets evaluate a cell that starts with `=`,
/// `+`, `-` or `@` (and tab or CR, which some of them strip first) as a formula, so a key result titled
/// `=HYPERLINK(…)` would run. Every *text* cell that starts with one of these gets a leading apostrophe
/// (`'=HYPERLINK(…)`), which spreadsheets show as text. *Number* cells are written by ``number(_:)`` and
/// never neutralised, so a real `-5` stays a number; text that looks like a negative number ("-5 %
/// Ausschuss") is text and gets the apostrophe.
public struct CSVWriter {
    /// The document so far.
    public private(set) var text: String
    private var rowStarted = false

    /// An empty document; `bom` starts it with U+FEFF, which tells Excel the file is UTF-8.
    public init(bom: Bool = true) {
        text = bom ? "\u{FEFF}" : ""
    }

    /// A text cell, neutralised and quoted as needed; `nil` is an empty cell.
    public mutating func text(_ value: String?) {
        separate()
        guard let value else { return }
        text += CSVWriter.quote(CSVWriter.neutralise(value))
    }

    /// A number cell: integers without a fraction, others in their shortest form with a decimal point;
    /// `nil` and non-finite values are an empty cell.
    public mutating func number(_ value: Double?) {
        separate()
        guard let value, value.isFinite else { return }
        text += JSONWriter.number(value)
    }

    /// Ends the current row.
    public mutating func endRow() {
        text += "\r\n"
        rowStarted = false
    }

    /// Hands the text written so far to `sink` and starts over (for streaming large documents).
    public mutating func drain(to sink: (String) -> Void) {
        sink(text)
        text = ""
    }

    private mutating func separate() {
        if rowStarted { text += "," }
        rowStarted = true
    }

    /// `value` with a leading apostrophe when a spreadsheet would read it as a formula.
    public static func neutralise(_ value: String) -> String {
        guard let first = value.utf8.first else { return value }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13: return "'" + value
        default: return value
        }
    }

    /// `value` quoted when it holds a comma, a quote, CR or LF (RFC 4180), else as it is.
    public static func quote(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 13 || $0 == 10 }) else { return value }
        var out = "\""
        for c in value.unicodeScalars {
            if c == "\"" { out += "\"" }
            out.unicodeScalars.append(c)
        }
        return out + "\""
    }
}
