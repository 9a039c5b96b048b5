import OKRCore

/// Reads the fields of one YAML mapping into typed values, reporting every problem with its place:
/// duplicate keys (error), unknown keys (warning with "did you mean"), missing and ill-typed values.
///
/// Types come from the field: a plain scalar is a number only where a number is expected.
struct FieldReader {
    let doc: YAMLDocument
    let node: Int
    let path: String
    let context: String
    let known: [String]
    /// For each known field, the (key, value) node indices when present.
    private var slots: [(key: Int32, value: Int32)]

    /// Reads mapping `node` of `doc` with the `known` keys. `context` names the thing for messages
    /// ("key result", "check-in"). Returns `nil` (and reports) when the node is not a mapping.
    init?(
        _ doc: YAMLDocument, _ node: Int, path: String, context: String, known: [String],
        diagnostics: inout Diagnostics
    ) {
        self.doc = doc
        self.node = node
        self.path = path
        self.context = context
        self.known = known
        slots = Array(repeating: (-1, -1), count: known.count)
        guard doc[node].kind == .mapping else {
            diagnostics.error(
                "expected a \(context) (a mapping of fields), found \(doc.kindDescription(node))",
                at: SourceLocation(path: path, line: Int(doc[node].line), column: Int(doc[node].column)))
            return nil
        }
        var unknown: [String: Int] = [:]
        var child = doc[node].firstChild
        while child >= 0 {
            let key = Int(child)
            let value = doc[key].nextSibling
            child = value >= 0 ? doc[Int(value)].nextSibling : -1
            let at = SourceLocation(path: path, line: Int(doc[key].line), column: Int(doc[key].column))
            guard doc.isScalar(key), value >= 0 else {
                diagnostics.error("a \(context) field name must be text, found \(doc.kindDescription(key))", at: at)
                continue
            }
            if let k = known.indices.first(where: { doc.scalar(key, equals: known[$0]) }) {
                if slots[k].key >= 0 {
                    diagnostics.error(
                        "duplicate field \"\(known[k])\" in this \(context) (first at line \(doc[Int(slots[k].key)].line))",
                        at: at)
                } else {
                    slots[k] = (Int32(key), value)
                }
                continue
            }
            let name = doc.string(key)
            if let first = unknown[name] {
                diagnostics.error("duplicate field \"\(name)\" in this \(context) (first at line \(first))", at: at)
                continue
            }
            unknown[name] = Int(doc[key].line)
            diagnostics.warning(
                "unknown field \"\(name)\" in \(context) is ignored\(Suggest.hint(for: name, in: known))", at: at)
        }
    }

    /// The place of the mapping itself.
    var location: SourceLocation { at(node) }

    /// The place of node `i`.
    func at(_ i: Int) -> SourceLocation {
        SourceLocation(path: path, line: Int(doc[i].line), column: Int(doc[i].column))
    }

    /// The value node of field `key` if it is written (even as null).
    func field(_ key: String) -> Int? {
        guard let k = known.firstIndex(of: key) else {
            preconditionFailure("field \(key) is not among the known fields of \(context)")  // programming error
        }
        let v = slots[k].value
        return v >= 0 ? Int(v) : nil
    }

    /// The place of a field's value, if the field is present.
    func location(of key: String) -> SourceLocation? { field(key).map(at) }

    /// The mapping's place as a mark (the path is known from context).
    var mark: Mark { Mark(line: Int(doc[node].line), column: Int(doc[node].column)) }

    /// The place of a field's value as a mark.
    func mark(of key: String) -> Mark? {
        field(key).map { Mark(line: Int(doc[$0].line), column: Int(doc[$0].column)) }
    }

    /// The value node of a field that is present and not null.
    func value(_ key: String) -> Int? {
        guard let v = field(key), !doc.isNull(v) else { return nil }
        return v
    }

    func missing(_ key: String, _ diagnostics: inout Diagnostics) {
        if let v = field(key) {
            diagnostics.error("\(context) field \"\(key)\" is empty", at: at(v))
        } else {
            diagnostics.error("\(context) is missing the required field \"\(key)\"", at: location)
        }
    }

    /// Text; numbers and booleans written plain are taken as the text they are.
    func string(_ key: String, required: Bool = false, _ diagnostics: inout Diagnostics) -> String? {
        guard let v = value(key) else {
            if required { missing(key, &diagnostics) }
            return nil
        }
        guard doc.isScalar(v) else {
            diagnostics.error("\"\(key)\" must be text, found \(doc.kindDescription(v))", at: at(v))
            return nil
        }
        let s = doc.string(v)
        if required && s.allSatisfy({ $0 == " " }) {
            missing(key, &diagnostics)
            return nil
        }
        return s
    }

    /// A finite number written plain (`5000`, `-0.5`, `1.2e3`).
    func number(_ key: String, required: Bool = false, _ diagnostics: inout Diagnostics) -> Double? {
        guard let v = value(key) else {
            if required { missing(key, &diagnostics) }
            return nil
        }
        return number(v, name: key, &diagnostics)
    }

    /// A whole number in `range`; a number outside it (`1e30`, `99999999999999999999`) is reported as
    /// out of range with the range, not as a number that is not whole.
    func integer(_ key: String, in range: ClosedRange<Int>, _ diagnostics: inout Diagnostics) -> Int? {
        guard let v = value(key), let x = number(v, name: key, &diagnostics) else { return nil }
        guard x >= Double(range.lowerBound), x <= Double(range.upperBound) else {
            diagnostics.error(
                "\"\(key)\" is out of range: found \(doc.string(v)); it must be a whole number from "
                    + "\(range.lowerBound) to \(range.upperBound)", at: at(v))
            return nil
        }
        guard x == x.rounded() else {
            diagnostics.error("\"\(key)\" must be a whole number, found \(doc.string(v))", at: at(v))
            return nil
        }
        return Int(x)
    }

    /// `true` or `false` (also `yes`/`no`, `on`/`off`, any case), written plain.
    func bool(_ key: String, _ diagnostics: inout Diagnostics) -> Bool? {
        guard let v = value(key) else { return nil }
        if doc[v].kind == .plainScalar {
            switch doc.string(v).lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        diagnostics.error("\"\(key)\" must be true or false, found \(describe(v))", at: at(v))
        return nil
    }

    /// A calendar day `YYYY-MM-DD` that exists.
    func day(_ key: String, required: Bool = false, _ diagnostics: inout Diagnostics) -> Day? {
        guard let v = value(key) else {
            if required { missing(key, &diagnostics) }
            return nil
        }
        guard doc.isScalar(v) else {
            diagnostics.error("\"\(key)\" must be a date YYYY-MM-DD, found \(doc.kindDescription(v))", at: at(v))
            return nil
        }
        let n = doc[v]
        let parsed = doc.text.withUnsafeBufferPointer {
            Day(isoBytes: UnsafeBufferPointer(rebasing: $0[Int(n.textStart)..<Int(n.textEnd)]))
        }
        if let d = parsed { return d }
        let s = doc.string(v)
        if Day.looksLikeDate(s) {
            diagnostics.error("\"\(key)\" is an impossible date: \(s) does not exist", at: at(v))
        } else {
            diagnostics.error("\"\(key)\" must be a date YYYY-MM-DD, found \"\(s)\"", at: at(v))
        }
        return nil
    }

    /// One of `choices`.
    func choice(_ key: String, _ choices: [String], _ diagnostics: inout Diagnostics) -> String? {
        guard let v = value(key) else { return nil }
        if doc.isScalar(v), let c = choices.first(where: { doc.scalar(v, equals: $0) }) { return c }
        let list = choices.map { "\"\($0)\"" }.joined(separator: " or ")
        let hint = doc.isScalar(v) ? Suggest.hint(for: doc.string(v), in: choices) : ""
        diagnostics.error("\"\(key)\" must be \(list), found \(describe(v))\(hint)", at: at(v))
        return nil
    }

    /// A list of texts; a single text counts as a list of one.
    func strings(_ key: String, _ diagnostics: inout Diagnostics) -> [(String, SourceLocation)] {
        guard let v = value(key) else { return [] }
        switch doc[v].kind {
        case .plainScalar, .quotedScalar:
            return [(doc.string(v), at(v))]
        case .sequence:
            var result: [(String, SourceLocation)] = []
            for item in doc.children(v) {
                if doc.isScalar(item), !doc.isNull(item) {
                    result.append((doc.string(item), at(item)))
                } else {
                    diagnostics.error(
                        "each entry of \"\(key)\" must be text, found \(doc.kindDescription(item))", at: at(item))
                }
            }
            return result
        case .mapping:
            diagnostics.error("\"\(key)\" must be a text or a list of texts, found a mapping", at: at(v))
            return []
        }
    }

    /// The items of a list field.
    func list(_ key: String, _ diagnostics: inout Diagnostics) -> [Int]? {
        guard let v = value(key) else { return nil }
        guard doc[v].kind == .sequence else {
            diagnostics.error("\"\(key)\" must be a list, found \(doc.kindDescription(v))", at: at(v))
            return nil
        }
        return doc.children(v)
    }

    /// A sub-reader for mapping node `i`.
    func reader(_ i: Int, context: String, known: [String], _ diagnostics: inout Diagnostics) -> FieldReader? {
        FieldReader(doc, i, path: path, context: context, known: known, diagnostics: &diagnostics)
    }

    func describe(_ i: Int) -> String {
        if doc.isScalar(i), !doc.isNull(i) { return "\"\(doc.string(i))\"" }
        return doc.kindDescription(i)
    }

    func number(_ v: Int, name: String, _ diagnostics: inout Diagnostics) -> Double? {
        guard doc.isScalar(v) else {
            diagnostics.error("\"\(name)\" must be a number, found \(doc.kindDescription(v))", at: at(v))
            return nil
        }
        let n = doc[v]
        let parsed: Double?? = doc.text.withUnsafeBufferPointer { t in
            NumberSyntax.parse(UnsafeBufferPointer(rebasing: t[Int(n.textStart)..<Int(n.textEnd)]))
        }
        guard let syntaxOK = parsed else {
            let s = doc.string(v)
            if [".inf", "+.inf", "-.inf", ".nan", "nan", "inf", "infinity", "-inf"].contains(s.lowercased()) {
                diagnostics.error("\"\(name)\" must be a finite number, found \(s)", at: at(v))
            } else {
                diagnostics.error("\"\(name)\" must be a number, found \"\(s)\"", at: at(v))
            }
            return nil
        }
        guard n.kind == .plainScalar else {
            diagnostics.error(
                "\"\(name)\" must be a number, found the text \"\(doc.string(v))\" (remove the quotes)", at: at(v))
            return nil
        }
        guard let x = syntaxOK else {
            diagnostics.error("\"\(name)\" is out of range: \(doc.string(v))", at: at(v))
            return nil
        }
        return x == 0 ? 0 : x  // no negative zero in the output
    }
}

/// Decimal numbers as YAML writes them: `-?digits(.digits)?([eE][+-]?digits)?`, also `.5`; no hex,
/// no underscores, no `inf` or `nan`.
enum NumberSyntax {
    /// `nil` when the bytes are not a number; `.some(nil)` when they are one but not finite (1e400).
    static func parse(_ u: UnsafeBufferPointer<UInt8>) -> Double?? {
        var i = 0
        var negative = false
        if i < u.count && (u[i] == 45 || u[i] == 43) {
            negative = u[i] == 45
            i += 1
        }
        var digits = 0
        // Stays below 2^53 so that it converts to Double exactly.
        var mantissa: UInt64 = 0
        var exact = true
        var fractionDigits = 0
        while i < u.count && (48...57).contains(u[i]) {
            if mantissa <= 900_719_925_474_098 { mantissa = mantissa * 10 + UInt64(u[i] - 48) } else { exact = false }
            i += 1
            digits += 1
        }
        if i < u.count && u[i] == 46 {
            i += 1
            while i < u.count && (48...57).contains(u[i]) {
                if mantissa <= 900_719_925_474_098 {
                    mantissa = mantissa * 10 + UInt64(u[i] - 48)
                } else {
                    exact = false
                }
                i += 1
                digits += 1
                fractionDigits += 1
            }
        }
        guard digits > 0 else { return nil }
        var hasExponent = false
        if i < u.count && (u[i] == 101 || u[i] == 69) {
            hasExponent = true
            i += 1
            if i < u.count && (u[i] == 45 || u[i] == 43) { i += 1 }
            var exp = 0
            while i < u.count && (48...57).contains(u[i]) {
                i += 1
                exp += 1
            }
            guard exp > 0 else { return nil }
        }
        guard i == u.count else { return nil }
        // Fast path for the common case (check-in values like 5390 or 302.5): exact integer mantissa
        // divided by an exact power of ten is correctly rounded.
        if exact && !hasExponent && fractionDigits <= 15 {
            let powers: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]
            let x = Double(mantissa) / powers[fractionDigits]
            return .some(negative ? -x : x)
        }
        guard let x = Double(String(decoding: u, as: UTF8.self)), x.isFinite else { return .some(nil) }
        return .some(x)
    }
}
