import OKRCore

extension ObjectiveReader {
    /// `depends_on:` of an objective or a key result: one reference (`id` or `id#kr`) or a list of
    /// them, flow (`[a, b#kr2]`) or block. Each entry is checked for its shape here, at its own place:
    /// it must be text (not a number, a list or a mapping), not empty, and both of its ids slugs.
    /// Whether the targets exist is checked when the site is resolved.
    static func readDependsOn(_ f: FieldReader, _ diagnostics: inout Diagnostics) -> [AlignmentRef] {
        guard let v = f.value("depends_on") else { return [] }
        let doc = f.doc
        let items: [Int]
        switch doc[v].kind {
        case .plainScalar, .quotedScalar:
            items = [v]
        case .sequence:
            items = doc.children(v)
        case .mapping:
            diagnostics.error(
                "\"depends_on\" must be an objective id, `id#kr` or a list of them, found a mapping", at: f.at(v))
            return []
        }
        var refs: [AlignmentRef] = []
        for item in items {
            let at = f.at(item)
            guard doc.isScalar(item), !doc.isNull(item) else {
                diagnostics.error(
                    "each entry of \"depends_on\" must be an objective id or `id#kr`, found \(doc.kindDescription(item))",
                    at: at)
                continue
            }
            let text = doc.string(item)
            if doc[item].kind == .plainScalar, isNumber(doc, item) {
                diagnostics.error(
                    "\"depends_on\" names objectives by id (`id` or `id#kr`), found the number \(text); "
                        + "write the objective's id (in quotes if the id is all digits)",
                    at: at)
                continue
            }
            if let problem = problem(with: text) {
                diagnostics.error("\"depends_on\" entry \"\(text)\" \(problem)", at: at)
                continue
            }
            refs.append(AlignmentRef(parsing: text, location: at))
        }
        return refs
    }

    /// Why `text` is not `id` or `id#kr` with slug ids, or `nil`.
    static func problem(with text: String) -> String? {
        if text.allSatisfy({ $0 == " " }) { return "is empty; name an objective id or `id#kr`" }
        let parts = text.split(separator: "#", omittingEmptySubsequences: false).map(String.init)
        if parts.count > 2 { return "has more than one '#'; write `id` or `id#kr`" }
        if let p = Slug.problem(with: parts[0]) {
            return parts[0].isEmpty ? "lacks the objective id before '#'" : "is not an objective id: the id \(p)"
        }
        if parts.count == 2, let p = Slug.problem(with: parts[1]) {
            return parts[1].isEmpty ? "lacks the key result id after '#'" : "is not `id#kr`: the key result id \(p)"
        }
        return nil
    }

    /// Whether plain scalar `i` reads as a number (`5`, `-2.5`, `1e3`).
    static func isNumber(_ doc: YAMLDocument, _ i: Int) -> Bool {
        let n = doc[i]
        return doc.text.withUnsafeBufferPointer {
            NumberSyntax.parse(UnsafeBufferPointer(rebasing: $0[Int(n.textStart)..<Int(n.textEnd)])) != nil
        }
    }
}
