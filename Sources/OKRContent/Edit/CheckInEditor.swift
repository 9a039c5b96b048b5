import OKRCore

/// A check-in to write into an objective file.
public struct NewCheckIn: Sendable, Hashable {
    /// The day of the reading.
    public var date: Day
    /// The metric's value as the owner typed it (already known to parse as a number); `nil` for a
    /// milestone.
    public var value: String?
    /// The confidence as typed (a number 0…1), or `nil`.
    public var confidence: String?
    /// The owner's call, or `nil`.
    public var status: Status?
    /// What happened, or `nil`.
    public var note: String?
    /// For a milestone: set `done: true` as well.
    public var done: Bool

    /// Creates a check-in.
    public init(
        date: Day, value: String? = nil, confidence: String? = nil, status: Status? = nil, note: String? = nil,
        done: Bool = false
    ) {
        self.date = date
        self.value = value
        self.confidence = confidence
        self.status = status
        self.note = note
        self.done = done
    }

    /// The check-in as a YAML flow mapping: `{ date: 2026-12-02, value: 5610, confidence: 0.7, note: "…" }`.
    public var flowMapping: String {
        var fields = ["date: \(date.iso)"]
        if let value { fields.append("value: \(value)") }
        if let confidence { fields.append("confidence: \(confidence)") }
        if let status { fields.append("status: \(status.rawValue)") }
        if let note { fields.append("note: \(CheckInEditor.doubleQuoted(note))") }
        return "{ " + fields.joined(separator: ", ") + " }"
    }
}

/// Appends a check-in to one key result of an objective file, changing nothing else: comments, key
/// order, quoting, flow or block style and line endings stay as they are. The file's bytes are edited
/// where libyaml's events say the list is; nothing is re-serialised.
///
/// - A block list gets one more `- { … }` line after its last item, indented like that item.
/// - A flow list (`[ {…}, {…} ]`, on one line or several) gets `, { … }` after its last item (on a line
///   of its own, indented like the last item, when the items stand on lines of their own); an empty
///   one (`[]`) gets the item between its brackets.
/// - A missing `checkins:` is added as the key result's last field, in the key result's style.
/// - `current:`, when written, is set to the new value; a milestone's `done:` to `true` with `done`.
public enum CheckInEditor {
    /// Why the file could not be edited.
    public struct Failure: Error, Sendable, Equatable {
        /// What is wrong.
        public var message: String
        /// Creates a failure.
        public init(_ message: String) { self.message = message }
    }

    /// One replacement of a byte range.
    struct Change {
        var range: Range<Int>
        var text: String
    }

    /// The file's bytes with `checkIn` appended to key result `keyResult`.
    public static func append(_ checkIn: NewCheckIn, toKeyResult keyResult: String, in bytes: [UInt8]) throws(Failure)
        -> [UInt8]
    {
        let parts: FrontMatter
        switch bytes.withUnsafeBufferPointer({ FrontMatter.split($0) }) {
        case .success(let p): parts = p
        case .failure: throw Failure("the file has no front matter between two '---' lines")
        }
        let yaml = Array(bytes[parts.yaml])
        guard let spans = YAMLSpans.parse(yaml) else {
            throw Failure("the front matter is not valid YAML; 'okrportal check' tells why")
        }
        guard let krs = spans.root.field("key_results")?.value, krs.kind == .sequence else {
            throw Failure("the file has no key_results list")
        }
        guard let kr = krs.children.first(where: { $0.field("id")?.value.text == keyResult }), kr.kind == .mapping
        else {
            throw Failure("the file has no key result \"\(keyResult)\"")
        }
        let eol = lineEnding(yaml)
        var changes: [Change] = []
        if let value = checkIn.value, let current = kr.field("current")?.value, current.kind == .scalar {
            changes.append(Change(range: current.start..<current.end, text: value))
        }
        if checkIn.done {
            if let done = kr.field("done")?.value {
                if done.kind == .scalar && done.text != "true" {
                    changes.append(Change(range: done.start..<done.end, text: "true"))
                }
            } else {
                changes.append(addField("done: true", to: kr, in: yaml, eol: eol))
            }
        }
        changes.append(try addCheckIn(checkIn.flowMapping, to: kr, in: yaml, eol: eol))

        var edited = yaml
        // From the end, so earlier offsets stay valid; a stable sort keeps the order of insertions at
        // one place (`done:` before `checkins:`).
        let ordered = changes.enumerated().sorted {
            $0.element.range.lowerBound != $1.element.range.lowerBound
                ? $0.element.range.lowerBound > $1.element.range.lowerBound : $0.offset > $1.offset
        }
        for (_, change) in ordered { edited.replaceSubrange(change.range, with: Array(change.text.utf8)) }
        return Array(bytes[..<parts.yaml.lowerBound]) + edited + Array(bytes[parts.yaml.upperBound...])
    }

    /// The change that appends `item` to the key result's `checkins:` list, creating the list if needed.
    static func addCheckIn(_ item: String, to kr: YAMLSpans.Node, in yaml: [UInt8], eol: String) throws(Failure)
        -> Change
    {
        guard let (key, list) = kr.field("checkins") else {
            if kr.flow { return addField("checkins: [ \(item) ]", to: kr, in: yaml, eol: eol) }
            let indent = String(repeating: " ", count: column(of: kr.start, in: yaml))
            return insertLines(["checkins:", "  - " + item], indent: indent, after: kr.end, in: yaml, eol: eol)
        }
        switch list.kind {
        case .sequence where list.flow:
            guard let last = list.children.last else {
                let open = yaml[list.close - 1] == UInt8(ascii: "[")
                return Change(range: list.close..<list.close, text: (open ? " " : "") + item + " ")
            }
            let prefix = linePrefix(of: last.start, in: yaml)
            if prefix.allSatisfy({ $0 == " " || $0 == "\t" }) {
                return Change(range: last.end..<last.end, text: "," + eol + prefix + item)
            }
            return Change(range: last.end..<last.end, text: ", " + item)
        case .sequence:
            guard let last = list.children.last else { throw Failure("the checkins list is empty") }
            var prefix = linePrefix(of: last.start, in: yaml)
            let trimmed = prefix.drop(while: { $0 == " " })
            if !(trimmed.first == "-" && trimmed.dropFirst().allSatisfy({ $0 == " " })) {
                prefix = String(repeating: " ", count: max(0, column(of: last.start, in: yaml) - 2)) + "- "
            }
            return insertLines([item], indent: prefix, after: last.end, in: yaml, eol: eol)
        case .scalar where list.isNull && list.text.isEmpty && !kr.flow:
            let indent = String(repeating: " ", count: column(of: key.start, in: yaml) + 2)
            return insertLines(["- " + item], indent: indent, after: key.end, in: yaml, eol: eol)
        case .scalar where list.isNull:
            return Change(range: list.start..<list.end, text: "[ \(item) ]")
        default:
            throw Failure("checkins of key result is not a list; fix it by hand ('okrportal check' shows where)")
        }
    }

    /// The change that adds `field` (`name: value`) as the mapping's last field.
    static func addField(_ field: String, to map: YAMLSpans.Node, in yaml: [UInt8], eol: String) -> Change {
        if map.flow {
            let at = map.children.last?.end ?? map.close
            return Change(range: at..<at, text: (map.children.isEmpty ? " " : ", ") + field)
        }
        let indent = String(repeating: " ", count: column(of: map.start, in: yaml))
        return insertLines([field], indent: indent, after: map.end, in: yaml, eol: eol)
    }

    /// Inserts whole lines after the line holding `offset` (at `offset` itself when it starts a line, as
    /// after a block scalar).
    static func insertLines(_ lines: [String], indent: String, after offset: Int, in yaml: [UInt8], eol: String)
        -> Change
    {
        let text = lines.map { indent + $0 + eol }.joined()
        if offset == 0 || yaml[offset - 1] == 10 { return Change(range: offset..<offset, text: text) }
        var i = offset
        while i < yaml.count && yaml[i] != 10 { i += 1 }
        if i == yaml.count { return Change(range: i..<i, text: eol + text) }
        return Change(range: (i + 1)..<(i + 1), text: text)
    }

    /// The text of the line holding `offset`, up to `offset`.
    static func linePrefix(of offset: Int, in yaml: [UInt8]) -> String {
        var i = offset
        while i > 0 && yaml[i - 1] != 10 { i -= 1 }
        return String(decoding: yaml[i..<offset], as: UTF8.self)
    }

    /// The 0-based column of `offset` in characters (indentation is spaces, so bytes on the left of a
    /// key are characters).
    static func column(of offset: Int, in yaml: [UInt8]) -> Int {
        linePrefix(of: offset, in: yaml).unicodeScalars.count
    }

    /// `\r\n` when the front matter's first line ends so, else `\n`.
    static func lineEnding(_ yaml: [UInt8]) -> String {
        guard let lf = yaml.firstIndex(of: 10) else { return "\n" }
        return lf > 0 && yaml[lf - 1] == 13 ? "\r\n" : "\n"
    }

    /// `text` as a finite number the way the reader reads a plain scalar (`5610`, `-1.5`, `1e3`), or `nil`.
    public static func number(_ text: String) -> Double? {
        var copy = text
        return copy.withUTF8 { NumberSyntax.parse($0) } ?? nil
    }

    /// A YAML double-quoted scalar holding `text` exactly, on one line (``YAMLQuoting/doubleQuoted(_:)``).
    public static func doubleQuoted(_ text: String) -> String { YAMLQuoting.doubleQuoted(text) }
}
