import OKRCore

/// Reads one objective file: front matter into an ``Objective``, the rest as its Markdown body.
public enum ObjectiveReader {
    /// The fields of an objective's front matter.
    public static let objectiveFields = [
        "id", "title", "team", "owner", "period", "aligns_to", "type", "visibility", "draft", "tags",
        "key_results", "score", "origin", "continues", "retro", "lint", "priority", "depends_on",
    ]
    /// The fields of a `lint:` setting (in an objective and in `okrportal.yml`).
    public static let lintFields = ["ignore"]
    /// The fields of a key result.
    public static let keyResultFields = [
        "id", "title", "kind", "start", "target", "current", "unit", "weight", "checkins", "done", "due", "score",
        "checkin_every_days", "depends_on",
    ]
    /// The fields of a check-in.
    public static let checkinFields = ["date", "value", "confidence", "note", "status"]
    /// The largest `priority:` accepted (1 is the most important).
    public static let maxPriority = 1_000_000

    /// Limits beyond which a file is surely a mistake (a pasted log, a generated dump), reported as
    /// errors instead of building pages nobody can read.
    public static let maxFileBytes = 5 << 20
    /// The most key results an objective may have (2–5 are recommended).
    public static let maxKeyResults = 1000
    /// The most check-ins a key result may have (a weekly check-in for twenty years is about 1,000).
    public static let maxCheckins = 10_000

    /// Reads an objective from a file's bytes. `path` is relative to the site root. Returns `nil` when
    /// the file is unusable (no front matter, YAML syntax error); every problem goes to `diagnostics`.
    public static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, path: String, diagnostics: inout Diagnostics
    ) -> Objective? {
        let fileStart = SourceLocation(path: path)
        if bytes.count > maxFileBytes {
            diagnostics.error(
                SiteReader.tooLarge(bytes.count, limit: maxFileBytes, what: "an objective file"), at: fileStart)
            return nil
        }
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
        case .failure(.documentEnd(let line)):
            diagnostics.error(
                "front matter ends with ---; `...` is YAML's document end, not allowed here "
                    + "(replace it with ---, or remove it if more fields follow)",
                at: SourceLocation(path: path, line: line, column: 1))
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
            diagnostics.error(
                "the front matter is empty; it needs at least title, team, period and key_results",
                at: fileStart)
            return nil
        case .success(let d?):
            doc = d
        }
        guard
            let f = FieldReader(
                doc, doc.root, path: path, context: "objective", known: objectiveFields, diagnostics: &diagnostics)
        else { return nil }

        let id = f.string("id", &diagnostics) ?? fileName(of: path)
        let title = f.string("title", required: true, &diagnostics) ?? ""
        let team = f.string("team", required: true, &diagnostics) ?? ""
        let period = f.string("period", required: true, &diagnostics) ?? ""
        var objective = Objective(
            id: id, title: title, team: team, period: period, path: path,
            idLocation: f.location(of: "id") ?? fileStart,
            teamLocation: f.location(of: "team") ?? f.location,
            periodLocation: f.location(of: "period") ?? f.location)
        objective.titleMark = f.mark(of: "title") ?? f.mark
        objective.owner = f.string("owner", &diagnostics)
        objective.alignsTo = f.strings("aligns_to", &diagnostics).map { AlignmentRef(parsing: $0, location: $1) }
        objective.dependsOn = readDependsOn(f, &diagnostics)
        if let t = f.choice("type", ObjectiveType.allCases.map(\.rawValue), &diagnostics) {
            objective.type = ObjectiveType(rawValue: t) ?? .aspirational
        }
        objective.typeMark = f.mark(of: "type")
        if let o = f.choice("origin", ObjectiveOrigin.allCases.map(\.rawValue), &diagnostics) {
            objective.origin = ObjectiveOrigin(rawValue: o) ?? .topDown
        }
        objective.continues = f.string("continues", &diagnostics)
        objective.continuesMark = f.mark(of: "continues")
        objective.retro = f.string("retro", &diagnostics)
        objective.lintIgnore = readLintIgnore(f, &diagnostics)
        if let v = f.choice("visibility", Visibility.allCases.map(\.rawValue), &diagnostics) {
            objective.visibility = Visibility(rawValue: v) ?? .public
        }
        objective.draft = f.bool("draft", &diagnostics) ?? false
        let draft = objective.draft
        objective.tags = f.strings("tags", &diagnostics).map(\.0)
        objective.priority = f.integer("priority", in: 1...maxPriority, &diagnostics)
        objective.score = f.number("score", &diagnostics)
        objective.scoreLocation = f.location(of: "score")
        objective.keyResultsLocation = f.location(of: "key_results") ?? f.location
        objective.keyResultsUnreadable = f.value("key_results") != nil
        if let items = f.list("key_results", &diagnostics) {
            // Exact capacity: grown arrays keep up to twice the memory, and a large organisation has
            // hundreds of thousands of key results and millions of check-ins.
            if items.count > maxKeyResults {
                diagnostics.error(
                    "\(items.count) key results; an objective may have at most \(maxKeyResults) (2 to 5 are recommended)",
                    at: objective.keyResultsLocation)
            }
            objective.keyResults.reserveCapacity(min(items.count, maxKeyResults))
            for item in items.prefix(maxKeyResults) {
                if let kr = readKeyResult(item, in: f, draft: draft, diagnostics: &diagnostics) {
                    objective.keyResults.append(kr)
                }
            }
            // Key results were written but none could be read: reported item by item already.
            objective.keyResultsUnreadable = !items.isEmpty && objective.keyResults.isEmpty
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

    /// `lint: { ignore: [OKR003, …] }` of an objective or the site: the rule ids as written. Whether they
    /// name rules is checked with the rules themselves (``Lint``).
    static func readLintIgnore(_ f: FieldReader, _ diagnostics: inout Diagnostics) -> [RuleReference] {
        guard let v = f.value("lint"), let lint = f.reader(v, context: "lint setting", known: lintFields, &diagnostics)
        else { return [] }
        return lint.strings("ignore", &diagnostics).map { RuleReference(id: $0.0, location: $0.1) }
    }

    /// Reads one key result. In a draft a metric may lack `start` and `target` (its progress is 0): owners
    /// sketch "increase brand awareness" before they know how to measure it, and rule OKR003 says so
    /// as a warning. Published objectives keep the contract: a metric without numbers is an error.
    static func readKeyResult(
        _ node: Int, in parent: FieldReader, draft: Bool = false, diagnostics: inout Diagnostics
    ) -> KeyResult? {
        guard let f = parent.reader(node, context: "key result", known: keyResultFields, &diagnostics) else {
            return nil
        }
        let id = f.string("id", required: true, &diagnostics) ?? ""
        let title = f.string("title", required: true, &diagnostics) ?? ""
        let kind =
            f.choice("kind", KeyResultKind.allCases.map(\.rawValue), &diagnostics)
            .flatMap(KeyResultKind.init(rawValue:)) ?? .metric
        var kr = KeyResult(
            id: id, title: title, kind: kind, mark: f.mark, idMark: f.mark(of: "id") ?? f.mark,
            titleMark: f.mark(of: "title"))
        switch kind {
        case .metric:
            kr.start = f.number("start", required: !draft, &diagnostics)
            kr.target = f.number("target", required: !draft, &diagnostics)
            kr.current = f.number("current", &diagnostics)
            kr.targetMark = f.mark(of: "target")
            kr.currentMark = f.mark(of: "current")
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
        kr.checkinEveryDays = f.integer("checkin_every_days", in: 1...365, &diagnostics)
        kr.dependsOn = readDependsOn(f, &diagnostics)
        kr.weightMark = f.mark(of: "weight")
        kr.score = f.number("score", &diagnostics)
        kr.scoreMark = f.mark(of: "score")
        if let items = f.list("checkins", &diagnostics) {
            if items.count > maxCheckins {
                diagnostics.error(
                    "\(items.count) check-ins; a key result may have at most \(maxCheckins)",
                    at: f.location(of: "checkins") ?? f.location)
            }
            kr.checkins.reserveCapacity(min(items.count, maxCheckins))
            for item in items.prefix(maxCheckins) {
                if let c = readCheckIn(item, kind: kind, in: f, diagnostics: &diagnostics) { kr.checkins.append(c) }
            }
        }
        return kr
    }

    static func readCheckIn(
        _ node: Int, kind: KeyResultKind, in parent: FieldReader, diagnostics: inout Diagnostics
    ) -> CheckIn? {
        if kind == .metric, let fast = plainCheckIn(node, in: parent.doc) { return fast }
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
        let status = f.choice("status", Status.allCases.map(\.rawValue), &diagnostics).flatMap(Status.init(rawValue:))
        guard let date, kind != .metric || value != nil else { return nil }
        return CheckIn(
            date: date, value: value, confidence: confidence, note: note, mark: f.mark,
            confidenceMark: f.mark(of: "confidence"), status: status)
    }

    /// The common check-in `{ date: 2026-10-05, value: 5120, confidence: 0.7 }` read without a
    /// ``FieldReader``: plain scalars, known keys each at most once, no note. Anything else returns
    /// `nil` and takes the general path, which reports problems; millions of check-ins make this the
    /// reader's hottest loop.
    static func plainCheckIn(_ node: Int, in doc: YAMLDocument) -> CheckIn? {
        guard doc[node].kind == .mapping else { return nil }
        var date: Day?
        var value: Double?
        var confidence: Double?
        var confidenceMark: Mark?
        var child = doc[node].firstChild
        while child >= 0 {
            let key = Int(child)
            let v = Int(doc[key].nextSibling)
            guard v >= 0, doc[key].kind == .plainScalar, doc[v].kind == .plainScalar else { return nil }
            let n = doc[v]
            let bytes: (Day?, Double??) = doc.text.withUnsafeBufferPointer { t in
                let slice = UnsafeBufferPointer(rebasing: t[Int(n.textStart)..<Int(n.textEnd)])
                return (Day(isoBytes: slice), NumberSyntax.parse(slice))
            }
            if doc.scalar(key, equals: "date") {
                guard date == nil, let d = bytes.0 else { return nil }
                date = d
            } else if doc.scalar(key, equals: "value") {
                guard value == nil, let x = bytes.1, let x else { return nil }
                value = x == 0 ? 0 : x
            } else if doc.scalar(key, equals: "confidence") {
                guard confidence == nil, let x = bytes.1, let x else { return nil }
                confidence = x == 0 ? 0 : x
                confidenceMark = Mark(line: Int(n.line), column: Int(n.column))
            } else {
                return nil
            }
            child = doc[v].nextSibling
        }
        guard let date, let value else { return nil }
        return CheckIn(
            date: date, value: value, confidence: confidence,
            mark: Mark(line: Int(doc[node].line), column: Int(doc[node].column)), confidenceMark: confidenceMark)
    }
}
