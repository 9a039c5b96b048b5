import OKRCore

/// Reads the fields of one YAML mapping into typed values, reporting every problem with its place:
/// duplicate keys (error), unknown keys (warning with "did you mean"), missing and ill-typed values.
///
/// Types come from the field: a plain scalar is a number only where a number is expected.
struct FieldReader {
    let path: String
    let node: YAMLNode
    let context: String
    private(set) var fields: [String: (key: YAMLNode, value: YAMLNode)] = [:]

    /// Reads `node` as a mapping of the `known` keys. `context` names the thing for messages
    /// ("key result", "check-in"). Returns `nil` (and reports) when `node` is not a mapping.
    init?(_ node: YAMLNode, path: String, context: String, known: [String], diagnostics: inout Diagnostics) {
        self.path = path
        self.node = node
        self.context = context
        guard case .mapping(let pairs) = node.value else {
            diagnostics.error("expected a \(context) (a mapping of fields), found \(node.kindDescription)",
                at: SourceLocation(path: path, line: node.line, column: node.column))
            return nil
        }
        for (key, value) in pairs {
            let at = SourceLocation(path: path, line: key.line, column: key.column)
            guard let name = key.scalarText else {
                diagnostics.error("a \(context) field name must be text, found \(key.kindDescription)", at: at)
                continue
            }
            if let first = fields[name] {
                diagnostics.error(
                    "duplicate field \"\(name)\" in this \(context) (first at line \(first.key.line))", at: at)
                continue
            }
            fields[name] = (key, value)
            if !known.contains(name) {
                let hint = Suggest.hint(for: name, in: known)
                diagnostics.warning("unknown field \"\(name)\" in \(context) is ignored\(hint)", at: at)
            }
        }
    }

    /// The place of the mapping itself.
    var location: SourceLocation { SourceLocation(path: path, line: node.line, column: node.column) }

    /// The place of a field's value, if the field is present.
    func location(of key: String) -> SourceLocation? {
        fields[key].map { SourceLocation(path: path, line: $0.value.line, column: $0.value.column) }
    }

    /// The value node of a field that is present and not null.
    func value(_ key: String) -> YAMLNode? {
        guard let v = fields[key]?.value, !v.isNull else { return nil }
        return v
    }

    func missing(_ key: String, _ diagnostics: inout Diagnostics) {
        if let f = fields[key] {
            diagnostics.error("\(context) field \"\(key)\" is empty", at: at(f.value))
        } else {
            diagnostics.error("\(context) is missing the required field \"\(key)\"", at: location)
        }
    }

    func at(_ node: YAMLNode) -> SourceLocation {
        SourceLocation(path: path, line: node.line, column: node.column)
    }

    /// Text; numbers and booleans written plain are taken as the text they are.
    func string(_ key: String, required: Bool = false, _ diagnostics: inout Diagnostics) -> String? {
        guard let v = value(key) else {
            if required { missing(key, &diagnostics) }
            return nil
        }
        guard case .scalar(let s, _) = v.value else {
            diagnostics.error("\"\(key)\" must be text, found \(v.kindDescription)", at: at(v))
            return nil
        }
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
        return FieldReader.number(v, name: key, path: path, &diagnostics)
    }

    /// A whole number.
    func integer(_ key: String, _ diagnostics: inout Diagnostics) -> Int? {
        guard let v = value(key), let x = FieldReader.number(v, name: key, path: path, &diagnostics) else {
            return nil
        }
        guard x == x.rounded(), abs(x) < 1e9 else {
            diagnostics.error("\"\(key)\" must be a whole number, found \(v.scalarText ?? "")", at: at(v))
            return nil
        }
        return Int(x)
    }

    /// `true` or `false` (also `yes`/`no`, `on`/`off`, any case), written plain.
    func bool(_ key: String, _ diagnostics: inout Diagnostics) -> Bool? {
        guard let v = value(key) else { return nil }
        if case .scalar(let s, let plain) = v.value {
            switch s.lowercased() {
            case "true", "yes", "on": if plain { return true }
            case "false", "no", "off": if plain { return false }
            default: break
            }
        }
        diagnostics.error(
            "\"\(key)\" must be true or false, found \(FieldReader.describe(v))", at: at(v))
        return nil
    }

    /// A calendar day `YYYY-MM-DD` that exists.
    func day(_ key: String, required: Bool = false, _ diagnostics: inout Diagnostics) -> Day? {
        guard let v = value(key) else {
            if required { missing(key, &diagnostics) }
            return nil
        }
        return FieldReader.day(v, name: key, path: path, &diagnostics)
    }

    /// One of `choices`.
    func choice(_ key: String, _ choices: [String], _ diagnostics: inout Diagnostics) -> String? {
        guard let v = value(key) else { return nil }
        if case .scalar(let s, _) = v.value, choices.contains(s) { return s }
        let list = choices.map { "\"\($0)\"" }.joined(separator: " or ")
        let hint = v.scalarText.map { Suggest.hint(for: $0, in: choices) } ?? ""
        diagnostics.error(
            "\"\(key)\" must be \(list), found \(FieldReader.describe(v))\(hint)", at: at(v))
        return nil
    }

    /// A list of texts; a single text counts as a list of one.
    func strings(_ key: String, _ diagnostics: inout Diagnostics) -> [(String, SourceLocation)] {
        guard let v = value(key) else { return [] }
        switch v.value {
        case .scalar(let s, _):
            return [(s, at(v))]
        case .sequence(let items):
            var result: [(String, SourceLocation)] = []
            for item in items {
                if case .scalar(let s, _) = item.value, !item.isNull {
                    result.append((s, at(item)))
                } else {
                    diagnostics.error(
                        "each entry of \"\(key)\" must be text, found \(item.kindDescription)", at: at(item))
                }
            }
            return result
        case .mapping:
            diagnostics.error("\"\(key)\" must be a text or a list of texts, found a mapping", at: at(v))
            return []
        }
    }

    /// The items of a list field.
    func list(_ key: String, _ diagnostics: inout Diagnostics) -> [YAMLNode]? {
        guard let v = value(key) else { return nil }
        guard case .sequence(let items) = v.value else {
            diagnostics.error("\"\(key)\" must be a list, found \(v.kindDescription)", at: at(v))
            return nil
        }
        return items
    }

    static func describe(_ node: YAMLNode) -> String {
        if let s = node.scalarText, !node.isNull { return "\"\(s)\"" }
        return node.kindDescription
    }

    static func number(_ v: YAMLNode, name: String, path: String, _ diagnostics: inout Diagnostics) -> Double? {
        let at = SourceLocation(path: path, line: v.line, column: v.column)
        guard case .scalar(let s, let plain) = v.value else {
            diagnostics.error("\"\(name)\" must be a number, found \(v.kindDescription)", at: at)
            return nil
        }
        guard isNumberSyntax(s) else {
            let lower = s.lowercased()
            if [".inf", "+.inf", "-.inf", ".nan", "nan", "inf", "infinity", "-inf"].contains(lower) {
                diagnostics.error("\"\(name)\" must be a finite number, found \(s)", at: at)
            } else {
                diagnostics.error("\"\(name)\" must be a number, found \"\(s)\"", at: at)
            }
            return nil
        }
        guard plain else {
            diagnostics.error(
                "\"\(name)\" must be a number, found the text \"\(s)\" (remove the quotes)", at: at)
            return nil
        }
        guard let x = Double(s), x.isFinite else {
            diagnostics.error("\"\(name)\" is out of range: \(s)", at: at)
            return nil
        }
        return x == 0 ? 0 : x  // no negative zero in the output
    }

    /// `-?digits(.digits)?([eE][+-]?digits)?`, also `.5`; no hex, no underscores, no `inf`.
    static func isNumberSyntax(_ s: String) -> Bool {
        let u = Array(s.utf8)
        var i = 0
        if i < u.count && (u[i] == 45 || u[i] == 43) { i += 1 }
        var digits = 0
        while i < u.count && (48...57).contains(u[i]) { i += 1; digits += 1 }
        if i < u.count && u[i] == 46 {
            i += 1
            while i < u.count && (48...57).contains(u[i]) { i += 1; digits += 1 }
        }
        guard digits > 0 else { return false }
        if i < u.count && (u[i] == 101 || u[i] == 69) {
            i += 1
            if i < u.count && (u[i] == 45 || u[i] == 43) { i += 1 }
            var exp = 0
            while i < u.count && (48...57).contains(u[i]) { i += 1; exp += 1 }
            guard exp > 0 else { return false }
        }
        return i == u.count
    }

    static func day(_ v: YAMLNode, name: String, path: String, _ diagnostics: inout Diagnostics) -> Day? {
        let at = SourceLocation(path: path, line: v.line, column: v.column)
        guard case .scalar(let s, _) = v.value else {
            diagnostics.error("\"\(name)\" must be a date YYYY-MM-DD, found \(v.kindDescription)", at: at)
            return nil
        }
        if let d = Day(iso: s) { return d }
        if Day.looksLikeDate(s) {
            diagnostics.error("\"\(name)\" is an impossible date: \(s) does not exist", at: at)
        } else {
            diagnostics.error("\"\(name)\" must be a date YYYY-MM-DD, found \"\(s)\"", at: at)
        }
        return nil
    }
}
