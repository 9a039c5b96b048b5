import OKRCore

/// The fast path of ``KeyResultReadings``: the key results' `id`, `current` and `done` read line by
/// line from front matter in the block style people write (and the docs show), without libyaml.
/// History reads thousands of old versions whose check-in lists make up most of their bytes; this
/// skips those lines instead of parsing them (about ten times faster on generated organisations).
///
/// It accepts a strict subset and returns `nil` for anything else — flow-style key results, quoted or
/// multi-line `id`/`current`/`done` values, anchors, tabs, unusual indentation, a root that is not a
/// mapping — and the caller then parses the version with libyaml. Where it returns readings they are
/// the ones libyaml gives (tested side by side). Lines nested deeper than a key result's fields are
/// not looked at, so an old version whose only problem is in such a line still gives its readings.
enum ReadingScanner {
    /// The readings of a front matter's YAML text, or `nil` to let libyaml decide.
    static func scan(_ yaml: UnsafeBufferPointer<UInt8>) -> [String: KeyResultReading]? {
        scanVersion(yaml)?.readings
    }

    /// What history needs of a front matter's YAML text (the readings and the top-level `id`,
    /// `visibility` and `draft`), or `nil` to let libyaml decide.
    static func scanVersion(_ yaml: UnsafeBufferPointer<UInt8>) -> VersionFacts? {
        var facts = VersionFacts()
        var readings: [String: KeyResultReading] = [:]
        var inKeyResults = false
        var seenKeyResults = false
        var itemIndent = -1  // column of the key results' dashes
        var fieldIndent = -1  // column of the current key result's fields; -1 until known
        var inItem = false
        var id: String?
        var reading = KeyResultReading()
        var currentRead = false
        var doneRead = false
        // After an id/current/done line, a deeper line would continue that value over several lines.
        var valueMayContinueAt = -1

        func finishItem() {
            if inItem, let id, readings[id] == nil { readings[id] = reading }
            inItem = false
            id = nil
            reading = KeyResultReading()
            currentRead = false
            doneRead = false
            fieldIndent = -1
        }

        var start = 0
        let n = yaml.count
        while start < n {
            var end = start
            while end < n && yaml[end] != 10 { end += 1 }
            var lineEnd = end
            if lineEnd > start && yaml[lineEnd - 1] == 13 { lineEnd -= 1 }
            defer { start = end + 1 }
            var i = start
            while i < lineEnd && yaml[i] == 32 { i += 1 }
            if i < lineEnd && yaml[i] == 9 { return nil }  // a tab in the indentation: libyaml reports it
            if i == lineEnd || yaml[i] == 35 { continue }  // blank or comment line
            let column = i - start
            if valueMayContinueAt >= 0 {
                if column > valueMayContinueAt { return nil }
                valueMayContinueAt = -1
            }

            // A top-level field (unless the key results' dashes sit at column 0 themselves).
            if column == 0 && !(inKeyResults && itemIndent <= 0 && isDash(yaml, i, lineEnd)) {
                finishItem()
                inKeyResults = false
                guard let colon = keyEnd(yaml, i, lineEnd) else { return nil }
                let rest = skipSpaces(yaml, colon + 1, lineEnd)
                if matches(yaml, i..<colon, "key_results") {
                    guard !seenKeyResults, rest == lineEnd || yaml[rest] == 35 else { return nil }
                    seenKeyResults = true
                    inKeyResults = true
                    itemIndent = -1
                } else if let field = VersionFacts.Field(yaml, i..<colon) {
                    // A top-level `id`, `visibility` or `draft`: plain, on one line, or libyaml decides.
                    guard let value = plainValue(yaml, colon + 1, lineEnd) else { return nil }
                    guard facts.record(field, UnsafeBufferPointer(rebasing: yaml[value])) else { return nil }
                    valueMayContinueAt = 0
                } else if !closesOnLine(yaml, rest, lineEnd) {
                    // A quoted or flow value going on over lines that may start at column 0.
                    return nil
                }
                continue
            }
            guard inKeyResults else { continue }  // nested in another top-level field

            var fieldStart = i
            if itemIndent < 0 {
                guard isDash(yaml, i, lineEnd) else { return nil }
                itemIndent = column
            }
            if column == itemIndent {
                guard isDash(yaml, i, lineEnd) else { return nil }
                finishItem()
                inItem = true
                fieldStart = skipSpaces(yaml, i + 1, lineEnd)
                if fieldStart == lineEnd || yaml[fieldStart] == 35 { continue }  // fields on the next lines
                fieldIndent = fieldStart - start
            } else if column < itemIndent {
                return nil
            } else if fieldIndent < 0 {
                fieldIndent = column
            } else if column > fieldIndent {
                continue  // inside a field: check-ins, a title over several lines
            } else if column < fieldIndent {
                return nil
            }

            // A field of the key result: `key: value`.
            guard let colon = keyEnd(yaml, fieldStart, lineEnd) else { return nil }
            let isID = matches(yaml, fieldStart..<colon, "id")
            let isCurrent = !isID && matches(yaml, fieldStart..<colon, "current")
            let isDone = !isID && !isCurrent && matches(yaml, fieldStart..<colon, "done")
            guard isID || isCurrent || isDone else {
                if !closesOnLine(yaml, skipSpaces(yaml, colon + 1, lineEnd), lineEnd) { return nil }
                continue
            }
            guard let value = plainValue(yaml, colon + 1, lineEnd) else { return nil }
            valueMayContinueAt = fieldIndent
            let bytes = UnsafeBufferPointer(rebasing: yaml[value])
            if isID {
                if id != nil { continue }  // written twice: the first counts, as with libyaml
                guard !value.isEmpty, !isNull(bytes) else { return nil }
                id = String(decoding: bytes, as: UTF8.self)
            } else if isCurrent {
                if currentRead { continue }
                currentRead = true
                if let x = NumberSyntax.parse(bytes) ?? nil { reading.current = x == 0 ? 0 : x }
            } else {
                if doneRead { continue }
                doneRead = true
                reading.done = isTrue(bytes)
            }
        }
        finishItem()
        guard seenKeyResults else { return nil }
        facts.readings = readings
        return facts
    }

    /// `-` followed by a space or the line's end.
    static func isDash(_ y: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        y[i] == 45 && (i + 1 == end || y[i + 1] == 32)
    }

    /// The index of the `:` ending a plain key (`[A-Za-z0-9_-]+`) that starts at `i`, followed by a
    /// space or the line's end; `nil` for any other key.
    static func keyEnd(_ y: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
        var j = i
        while j < end {
            let b = y[j]
            if b == 58 { break }
            guard (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == 95 || b == 45 else {
                return nil
            }
            j += 1
        }
        guard j > i, j < end, j + 1 == end || y[j + 1] == 32, y[i] != 45 else { return nil }
        return j
    }

    static func skipSpaces(_ y: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        var j = i
        while j < end && y[j] == 32 { j += 1 }
        return j
    }

    static func matches(_ y: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ s: StaticString) -> Bool {
        guard r.count == s.utf8CodeUnitCount else { return false }
        let p = s.utf8Start
        for k in 0..<r.count where y[r.lowerBound + k] != p[k] { return false }
        return true
    }

    /// A plain scalar from `i` to the line's end, without a trailing comment and spaces; `nil` when the
    /// value is not one libyaml would read the same way as a single-line plain scalar.
    static func plainValue(_ y: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Range<Int>? {
        let s = skipSpaces(y, i, end)
        var e = s
        while e < end {
            if y[e] == 35 && e > s && (y[e - 1] == 32) { break }  // " #" starts a comment
            if y[e] == 9 { return nil }
            if y[e] == 58 && (e + 1 == end || y[e + 1] == 32) { return nil }  // "a: b" is no plain scalar
            e += 1
        }
        while e > s && y[e - 1] == 32 { e -= 1 }
        if s < e {
            switch y[s] {
            case 34, 39, 123, 91, 125, 93, 38, 42, 33, 124, 62, 37, 64, 96, 44, 35: return nil  // "'{[}]&*!|>%@`,#
            case 45, 63, 58: if s + 1 == e || y[s + 1] == 32 { return nil }  // "- ", "? ", ": "
            default: break
            }
        }
        return s..<e
    }

    /// Whether a value that starts at `i` ends on this line: anything but a quoted or flow value that
    /// is not closed (followed by nothing but a comment) here.
    static func closesOnLine(_ y: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        guard i < end else { return true }
        let first = y[i]
        guard first == 34 || first == 39 || first == 123 || first == 91 else { return true }
        var depth = 0
        var quote: UInt8 = 0
        var j = i
        while j < end {
            let b = y[j]
            if quote == 34 {
                if b == 92 {
                    j += 2
                    continue
                }
                if b == 34 { quote = 0 }
            } else if quote == 39 {
                if b == 39 {
                    if j + 1 < end && y[j + 1] == 39 {
                        j += 2
                        continue
                    }
                    quote = 0
                }
            } else if b == 34 || b == 39 {
                quote = b
            } else if b == 123 || b == 91 {
                depth += 1
            } else if b == 125 || b == 93 {
                depth -= 1
            } else if b == 35 && j > i && y[j - 1] == 32 {
                return false  // a comment inside an open flow value
            }
            j += 1
            if quote == 0 && depth == 0 {
                let rest = skipSpaces(y, j, end)
                return rest == end || (y[rest] == 35 && rest > j)
            }
        }
        return false
    }

    /// `~`, `null`, `Null`, `NULL`.
    static func isNull(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = String(decoding: v, as: UTF8.self)
        return s == "~" || s == "null" || s == "Null" || s == "NULL"
    }

    /// `true`, `yes` or `on` in any case, as the reader takes booleans.
    static func isTrue(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = String(decoding: v, as: UTF8.self).lowercased()
        return s == "true" || s == "yes" || s == "on"
    }
}
