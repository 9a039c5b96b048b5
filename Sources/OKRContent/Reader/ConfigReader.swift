import OKRCore

/// Reads `okrportal.yml` and `content/teams.yml`.
public enum ConfigReader {
    /// The fields of `okrportal.yml`.
    public static let configFields = [
        "title", "language", "base_url", "periods", "stale_after_days", "markdown", "templates", "history",
        "lint", "edit_url", "checkin_every_days",
    ]
    /// The fields of a period.
    public static let periodFields = ["id", "start", "end"]
    /// The fields of a team.
    public static let teamFields = ["id", "name", "parent", "lead", "description", "checkin_every_days"]

    /// Reads the site configuration; `nil` when it is unusable (every problem reported).
    public static func readConfig(_ bytes: [UInt8], path: String, diagnostics: inout Diagnostics) -> SiteConfig? {
        guard let doc = parseDocument(bytes, path: path, what: "the site configuration", &diagnostics) else {
            return nil
        }
        guard
            let f = FieldReader(
                doc, doc.root, path: path, context: "site configuration", known: configFields,
                diagnostics: &diagnostics)
        else { return nil }
        let title = f.string("title", required: true, &diagnostics) ?? ""
        let language = f.choice("language", SiteConfig.languages, &diagnostics) ?? "en"
        var periods: IndexedArray<PeriodIndex, Period> = []
        if let items = f.list("periods", &diagnostics) {
            for item in items {
                guard let p = f.reader(item, context: "period", known: periodFields, &diagnostics) else { continue }
                let id = p.string("id", required: true, &diagnostics)
                let start = p.day("start", required: true, &diagnostics)
                let end = p.day("end", required: true, &diagnostics)
                if let id, let start, let end {
                    periods.append(
                        Period(
                            id: id, start: start, end: end, location: p.location(of: "id") ?? p.location,
                            endLocation: p.location(of: "end")))
                }
            }
            if items.isEmpty {
                diagnostics.error(
                    "\"periods\" is empty; define at least one period", at: f.location(of: "periods") ?? f.location)
            }
        } else if f.field("periods") == nil || f.value("periods") == nil {
            f.missing("periods", &diagnostics)
        }
        // Ten years: a check-in older than that is outdated whatever the setting.
        let stale = f.integer("stale_after_days", in: 1...3650, &diagnostics) ?? 14
        var unsafe = false
        if let m = f.value("markdown"),
            let mf = f.reader(m, context: "markdown setting", known: ["unsafe"], &diagnostics)
        {
            unsafe = mf.bool("unsafe", &diagnostics) ?? false
        }
        var baseURL = f.string("base_url", &diagnostics)
        if let b = baseURL {
            if !(b.hasPrefix("https://") || b.hasPrefix("http://")) {
                diagnostics.error(
                    "\"base_url\" must start with http:// or https://, found \"\(b)\"",
                    at: f.location(of: "base_url") ?? f.location)
                baseURL = nil
            } else if !b.hasSuffix("/") {
                baseURL = b + "/"
            }
        }
        let history =
            f.choice("history", HistorySource.allCases.map(\.rawValue), &diagnostics)
            .flatMap(HistorySource.init(rawValue:)) ?? .off
        var config = SiteConfig(
            title: title, language: language, baseURL: baseURL, periods: periods, staleAfterDays: stale,
            markdownUnsafe: unsafe, templates: f.string("templates", &diagnostics), history: history,
            historyLocation: f.location(of: "history"), lintIgnore: ObjectiveReader.readLintIgnore(f, &diagnostics))
        config.editURL = readEditURL(f, &diagnostics)
        config.checkinEveryDays = f.integer("checkin_every_days", in: 1...365, &diagnostics) ?? 7
        return config
    }

    /// `edit_url:`: an http(s) URL with `{path}` (and optionally `{line}`), else an error at the value.
    static func readEditURL(_ f: FieldReader, _ diagnostics: inout Diagnostics) -> String? {
        guard let url = f.string("edit_url", &diagnostics) else { return nil }
        let at = f.location(of: "edit_url") ?? f.location
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
            diagnostics.error("\"edit_url\" must start with http:// or https://, found \"\(url)\"", at: at)
            return nil
        }
        guard url.contains("{path}") else {
            diagnostics.error(
                "\"edit_url\" needs {path} where the file's path goes, e.g. "
                    + "https://git.example.com/acme/okrs/-/edit/main/{path}", at: at)
            return nil
        }
        return url
    }

    /// Reads the team list.
    public static func readTeams(_ bytes: [UInt8], path: String, diagnostics: inout Diagnostics) -> [Team] {
        guard let doc = parseDocument(bytes, path: path, what: "the team list", &diagnostics) else { return [] }
        guard doc[doc.root].kind == .sequence else {
            diagnostics.error(
                "content/teams.yml must be a list of teams (\"- id: …\"), found \(doc.kindDescription(doc.root))",
                at: SourceLocation(path: path, line: Int(doc[doc.root].line), column: Int(doc[doc.root].column)))
            return []
        }
        let items = doc.children(doc.root)
        var teams: [Team] = []
        for item in items {
            guard
                let f = FieldReader(
                    doc, item, path: path, context: "team", known: teamFields, diagnostics: &diagnostics)
            else { continue }
            guard let id = f.string("id", required: true, &diagnostics) else { continue }
            let name = f.string("name", required: true, &diagnostics) ?? id
            var team = Team(
                id: id, name: name, parent: f.string("parent", &diagnostics), lead: f.string("lead", &diagnostics),
                description: f.string("description", &diagnostics), location: f.location,
                idLocation: f.location(of: "id"), parentLocation: f.location(of: "parent"))
            team.checkinEveryDays = f.integer("checkin_every_days", in: 1...365, &diagnostics)
            teams.append(team)
        }
        if teams.isEmpty && items.isEmpty {
            diagnostics.error(
                "content/teams.yml lists no teams; at least the company is needed",
                at: SourceLocation(path: path))
        }
        return teams
    }

    /// Reads the site configuration from text.
    public static func readConfig(_ text: String, path: String, diagnostics: inout Diagnostics) -> SiteConfig? {
        readConfig(Array(text.utf8), path: path, diagnostics: &diagnostics)
    }

    /// Reads the team list from text.
    public static func readTeams(_ text: String, path: String, diagnostics: inout Diagnostics) -> [Team] {
        readTeams(Array(text.utf8), path: path, diagnostics: &diagnostics)
    }

    static func parseDocument(_ bytes: [UInt8], path: String, what: String, _ diagnostics: inout Diagnostics)
        -> YAMLDocument?
    {
        return bytes.withUnsafeBufferPointer { buffer -> YAMLDocument? in
            if let p = SourceText.problem(in: buffer) {
                diagnostics.error(p.message, at: SourceLocation(path: path, line: p.line, column: p.column))
                return nil
            }
            switch YAMLParser.parse(buffer) {
            case .failure(let e):
                diagnostics.error(e.message, at: SourceLocation(path: path, line: e.line, column: e.column))
                return nil
            case .success(nil):
                diagnostics.error("\(path) is empty; it must hold \(what)", at: SourceLocation(path: path))
                return nil
            case .success(let doc?):
                return doc
            }
        }
    }
}

extension ConfigReader {
    /// Reads a flat mapping of text keys to text values (a theme's `i18n/<language>.yml`).
    public static func readStringTable(_ bytes: [UInt8], path: String, diagnostics: inout Diagnostics) -> [String:
        String]
    {
        guard let doc = parseDocument(bytes, path: path, what: "UI strings", &diagnostics) else { return [:] }
        guard doc[doc.root].kind == .mapping else {
            diagnostics.error(
                "\(path) must be a mapping of keys to texts",
                at: SourceLocation(path: path, line: Int(doc[doc.root].line), column: Int(doc[doc.root].column)))
            return [:]
        }
        var table: [String: String] = [:]
        let children = doc.children(doc.root)
        var i = 0
        while i + 1 < children.count {
            let key = children[i]
            let value = children[i + 1]
            i += 2
            guard doc.isScalar(key), doc.isScalar(value) else {
                diagnostics.error(
                    "each entry must be `key: text`",
                    at: SourceLocation(path: path, line: Int(doc[key].line), column: Int(doc[key].column)))
                continue
            }
            table[doc.string(key)] = doc.string(value)
        }
        return table
    }
}
