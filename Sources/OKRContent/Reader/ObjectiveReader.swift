import OKRCore

/// Reads one objective file: front matter into an ``Objective``, the rest as its Markdown body.
public enum ObjectiveReader {
    /// The fields of an objective's front matter.
    public static let objectiveFields = [
        "id", "title", "team", "owner", "period", "aligns_to", "type", "visibility", "draft", "tags",
        "key_results", "score",
    ]
    /// The fields of a key result.
    public static let keyResultFields = [
        "id", "title", "kind", "start", "target", "current", "unit", "weight", "checkins", "done", "due", "score",
    ]
    /// The fields of a check-in.
    public static let checkinFields = ["date", "value", "confidence", "note"]

    /// Reads an objective from a file's bytes. `path` is relative to the site root. Returns `nil` when
    /// the file is unusable (no front matter, YAML syntax error); every problem goes to `diagnostics`.
    public static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, path: String, diagnostics: inout Diagnostics
    ) -> Objective? {
        let fileStart = SourceLocation(path: path)
        if let p = SourceText.problem(in: bytes) {
            diagnostics.error(p.message, at: SourceLocation(path: path, line: p.line, column: p.column))
            return nil
        }
        let parts: FrontMatter
        switch FrontMatter.split(bytes) {
        case .success(let fm): parts = fm
        case .failure(.missing):
            diagnostics.error(
                bytes.isEmpty
                    ? "the file is empty; an objective file starts with YAML front matter between two '---' lines"
                    : "no front matter: an objective file starts with a line '---', then YAML fields, then '---'",
                at: fileStart)
            return nil
        case .failure(.unclosed):
            diagnostics.error(
                "the front matter opened on line 1 is never closed: add a line '---' after the last field",
                at: fileStart)
            return nil
        }
        let yaml = UnsafeBufferPointer(rebasing: bytes[parts.yaml])
        let doc: YAMLDocument
        switch YAMLParser.parse(yaml, lineOffset: parts.openingLine) {
        case .failure(let e):
            diagnostics.error(e.message, at: SourceLocation(path: path, line: e.line, column: e.column))
            return nil
        case .success(nil):
            diagnostics.error("the front matter is empty; it needs at least title, team, period and key_results",
                at: fileStart)
            return nil
        case .success(let d?):
            doc = d
        }
        guard
            let f = FieldReader(
                doc, doc.root, path: path, context: "objective", known: objectiveFields, diagnostics: &diagnostics)
        else { return nil }

        let fileID = fileName(of: path)
        let id = f.string("id", &diagnostics) ?? fileID
        let title = f.string("title", required: true, &diagnostics) ?? ""
        let team = f.string("team", required: true, &diagnostics) ?? ""
        let period = f.string("period", required: true, &diagnostics) ?? ""
        var objective = Objective(
            id: id, title: title, team: team, period: period, path: path,
            idLocation: f.location(of: "id") ?? fileStart,
            teamLocation: f.location(of: "team") ?? f.location,
            periodLocation: f.location(of: "period") ?? f.location)
        objective.owner = f.string("owner", &diagnostics)
        objective.alignsTo = f.strings("aligns_to", &diagnostics).map { AlignmentRef(parsing: $0, location: $1) }
        if let t = f.choice("type", ObjectiveType.allCases.map(\.rawValue), &diagnostics) {
            objective.type = ObjectiveType(rawValue: t) ?? .aspirational
        }
        if let v = f.choice("visibility", Visibility.allCases.map(\.rawValue), &diagnostics) {
            objective.visibility = Visibility(rawValue: v) ?? .public
        }
        objective.draft = f.bool("draft", &diagnostics) ?? false
        objective.tags = f.strings("tags", &diagnostics).map(\.0)
        objective.score = f.number("score", &diagnostics)
        objective.scoreLocation = f.location(of: "score")
        objective.keyResultsLocation = f.location(of: "key_results") ?? f.location
        if let items = f.list("key_results", &diagnostics) {
            objective.keyResults = items.compactMap { readKeyResult($0, in: f, diagnostics: &diagnostics) }
        }
        objective.body = String(decoding: UnsafeBufferPointer(rebasing: bytes[parts.body]), as: UTF8.self)
        objective.bodyLine = parts.bodyLine
        return objective
    }

    /// Reads an objective from bytes held in an array.
    public static func read(_ bytes: [UInt8], path: String, diagnostics: inout Diagnostics) -> Objective? {
        bytes.withUnsafeBufferPointer { read($0, path: path, diagnostics: &diagnostics) }
    }

    /// Reads an objective from text (tests, scaffolding).
    public static func read(_ text: String, path: String, diagnostics: inout Diagnostics) -> Objective? {
        read(Array(text.utf8), path: path, diagnostics: &diagnostics)
    }

    /// The file name without folders and without `.md`.
    static func fileName(of path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasSuffix(".md") { name.removeLast(3) }
        return name
    }

    static func readKeyResult(_ node: Int, in parent: FieldReader, diagnostics: inout Diagnostics) -> KeyResult? {
        guard let f = parent.reader(node, context: "key result", known: keyResultFields, &diagnostics) else {
            return nil
        }
        let id = f.string("id", required: true, &diagnostics) ?? ""
        let title = f.string("title", required: true, &diagnostics) ?? ""
        let kind = f.choice("kind", KeyResultKind.allCases.map(\.rawValue), &diagnostics)
            .flatMap(KeyResultKind.init(rawValue:)) ?? .metric
        var kr = KeyResult(
            id: id, title: title, kind: kind, location: f.location,
            idLocation: f.location(of: "id") ?? f.location)
        switch kind {
        case .metric:
            kr.start = f.number("start", required: true, &diagnostics)
            kr.target = f.number("target", required: true, &diagnostics)
            kr.current = f.number("current", &diagnostics)
            kr.targetLocation = f.location(of: "target")
            kr.currentLocation = f.location(of: "current")
            for field in ["done", "due"] where f.field(field) != nil {
                diagnostics.warning(
                    "\"\(field)\" applies to milestone key results and is ignored for a metric",
                    at: f.location(of: field) ?? f.location)
            }
        case .milestone, .children:
            for field in ["start", "target", "current"] where f.field(field) != nil {
                diagnostics.warning(
                    "\"\(field)\" applies to metric key results and is ignored for kind \(kind.rawValue)",
                    at: f.location(of: field) ?? f.location)
            }
            if kind == .milestone {
                kr.done = f.bool("done", &diagnostics) ?? false
                kr.due = f.day("due", &diagnostics)
                kr.dueLocation = f.location(of: "due")
            } else {
                for field in ["done", "due"] where f.field(field) != nil {
                    diagnostics.warning(
                        "\"\(field)\" applies to milestone key results and is ignored for kind children",
                        at: f.location(of: field) ?? f.location)
                }
            }
        }
        kr.unit = f.string("unit", &diagnostics)
        if let w = f.number("weight", &diagnostics) { kr.weight = w }
        kr.weightLocation = f.location(of: "weight")
        kr.score = f.number("score", &diagnostics)
        kr.scoreLocation = f.location(of: "score")
        if let items = f.list("checkins", &diagnostics) {
            kr.checkins.reserveCapacity(items.count)
            kr.checkins = items.compactMap { readCheckIn($0, kind: kind, in: f, diagnostics: &diagnostics) }
        }
        return kr
    }

    static func readCheckIn(
        _ node: Int, kind: KeyResultKind, in parent: FieldReader, diagnostics: inout Diagnostics
    ) -> CheckIn? {
        guard let f = parent.reader(node, context: "check-in", known: checkinFields, &diagnostics) else {
            return nil
        }
        let date = f.day("date", required: true, &diagnostics)
        let value: Double?
        if kind == .metric {
            value = f.number("value", required: true, &diagnostics)
        } else {
            value = nil
            if f.field("value") != nil {
                diagnostics.warning(
                    "a check-in value applies to metric key results and is ignored for kind \(kind.rawValue)",
                    at: f.location(of: "value") ?? f.location)
            }
        }
        let confidence = f.number("confidence", &diagnostics)
        let note = f.string("note", &diagnostics)
        guard let date, kind != .metric || value != nil else { return nil }
        return CheckIn(
            date: date, value: value, confidence: confidence, note: note, location: f.location,
            confidenceLocation: f.location(of: "confidence"))
    }
}
