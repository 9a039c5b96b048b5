import OKRCore

/// `okrportal import`: a site's files made from a spreadsheet with the columns of `data/okrs.csv`.
///
/// One row per key result; rows with the same `objective_id` make one objective. Columns are found by
/// their header name, in any order; unknown columns are ignored. Every problem is a diagnostic at
/// `FILE.csv:LINE:COLUMN` (the line the record starts on, the 1-based column number), and its message
/// starts with the column's name. See docs/routines.md ("Start from a spreadsheet").
public enum CSVImport {
    /// The columns every file needs.
    public static let requiredColumns = ["team", "period", "objective_id", "objective_title", "kr_id", "kr_title"]

    /// What the import writes: file paths relative to the site folder, and their text.
    public struct Plan: Sendable {
        /// The files in the order they are written.
        public var files: [(path: String, text: String)]
        /// The number of objectives read.
        public var objectiveCount: Int
        /// The number of key results read.
        public var keyResultCount: Int
    }

    /// Plans the files for `table` (read from `path`). `periods` are those of the site's okrportal.yml,
    /// `nil` when it has none: then okrportal.yml is written too, with `title`, `language`,
    /// `staleAfterDays` and the periods found. Returns `nil` when `diagnostics` holds errors.
    public static func plan(
        _ table: CSVTable, path: String, periods: [Period]?, title: String, language: String,
        staleAfterDays: Int, diagnostics: inout Diagnostics
    ) -> Plan? {
        var reader = RowReader(table: table, path: path)
        for name in requiredColumns where reader.column[name] == nil {
            diagnostics.error(
                "the header has no column \"\(name)\"; it needs \(requiredColumns.joined(separator: ", ")) "
                    + "(the names of data/okrs.csv's header row)",
                at: SourceLocation(path: path, line: 1, column: 1))
        }
        if diagnostics.hasErrors { return nil }
        var org = Draft(periods: periods)
        for record in table.records {
            reader.read(record, into: &org, &diagnostics)
        }
        org.finish(path: path, &diagnostics)
        if diagnostics.hasErrors { return nil }
        return org.plan(title: title, language: language, staleAfterDays: staleAfterDays)
    }

    /// Text written by the CSV export with an apostrophe against formula injection, without it.
    static func unneutralised(_ text: String) -> String {
        guard text.hasPrefix("'"), let second = text.dropFirst().unicodeScalars.first else { return text }
        return "=+-@\t\r".unicodeScalars.contains(second) ? String(text.dropFirst()) : text
    }
}

// MARK: - The organisation being read

extension CSVImport {
    struct TeamDraft {
        var id: String
        var name: String?
        var parent: String?
        var lead: String?
        var line: Int
        var column: Int
    }

    struct CheckInDraft {
        var date: Day
        var value: Double?
        var confidence: Double?
        var status: Status?
    }

    struct KeyResultDraft {
        var id: String
        var title: String
        var kind: KeyResultKind
        var start: Double?
        var target: Double?
        var current: Double?
        var unit: String?
        var weight: Double?
        var done: Bool?
        var due: Day?
        var score: Double?
        var checkin: CheckInDraft?
    }

    struct ObjectiveDraft {
        var id: String
        var title: String
        var team: String
        var owner: String?
        var period: String
        var type: ObjectiveType?
        var alignsTo: [String]
        var priority: Int?
        var score: Double?
        var line: Int
        var keyResults: [KeyResultDraft] = []
    }

    struct PeriodDraft {
        var id: String
        var start: Day?
        var end: Day?
        var line: Int
        var column: Int
    }

    struct Draft {
        let configured: [Period]?
        var teams: [String: TeamDraft] = [:]
        var teamOrder: [String] = []
        var objectives: [String: ObjectiveDraft] = [:]
        var objectiveOrder: [String] = []
        var periods: [String: PeriodDraft] = [:]
        var periodOrder: [String] = []
        var syntheticRoot: String?

        init(periods: [Period]?) { configured = periods }

        /// Adds or checks a team; a team only named in a path gets its id as name until a row names it.
        mutating func team(_ t: TeamDraft, at location: SourceLocation, _ diagnostics: inout Diagnostics) {
            guard var known = teams[t.id] else {
                teams[t.id] = t
                teamOrder.append(t.id)
                return
            }
            if let parent = t.parent {
                if let was = known.parent, was != parent {
                    diagnostics.error(
                        "team \"\(t.id)\" has parent \"\(parent)\" here but \"\(was)\" on line \(known.line)",
                        at: location)
                }
                known.parent = parent
            }
            if let name = t.name {
                if let was = known.name, was != name {
                    diagnostics.error(
                        "team_name: team \"\(t.id)\" is called \"\(name)\" here but \"\(was)\" on line \(known.line)",
                        at: location)
                }
                known.name = name
            }
            if let lead = t.lead { known.lead = known.lead ?? lead }
            teams[t.id] = known
        }

        /// Checks the tree: one root (a common root is added when there are several, with a warning),
        /// and every period known.
        mutating func finish(path: String, _ diagnostics: inout Diagnostics) {
            let roots = teamOrder.filter { teams[$0]?.parent == nil }
            if roots.count > 1 {
                var id = "company"
                var n = 2
                while teams[id] != nil {
                    id = "company-\(n)"
                    n += 1
                }
                syntheticRoot = id
                for r in roots { teams[r]?.parent = id }
                teams[id] = TeamDraft(id: id, name: "Company", line: 1, column: 1)
                teamOrder.insert(id, at: 0)
                diagnostics.warning(
                    "\(roots.count) teams have no parent (\(roots.prefix(5).joined(separator: ", "))); a site has one "
                        + "root team, so content/teams.yml gets a team \"\(id)\" above them: rename it there",
                    at: SourceLocation(path: path, line: 1, column: 1))
            }
            // A cycle among parents (only possible from hand-written team_parent values).
            for id in teamOrder {
                var seen: Set<String> = [id]
                var cur = teams[id]?.parent
                while let c = cur {
                    if seen.contains(c) {
                        let t = teams[id]
                        diagnostics.error(
                            "team_parent: team \"\(id)\" is its own ancestor (through \"\(c)\"): the teams must form a tree",
                            at: SourceLocation(path: path, line: t?.line ?? 1, column: t?.column ?? 1))
                        break
                    }
                    seen.insert(c)
                    cur = teams[c]?.parent
                }
                if diagnostics.hasErrors { break }
            }
            for id in periodOrder {
                guard let p = periods[id], configured == nil else { continue }
                let at = SourceLocation(path: path, line: p.line, column: p.column)
                if p.start == nil || p.end == nil {
                    diagnostics.error(
                        "period: the site has no okrportal.yml and period \"\(id)\" has no dates: fill period_start "
                            + "and period_end, name it like 2026-Q4, 2026-H1 or 2026, or write okrportal.yml first",
                        at: at)
                } else if let s = p.start, let e = p.end, e <= s {
                    diagnostics.error(
                        "period_end: period \"\(id)\" ends (\(e.iso)) before it starts (\(s.iso))", at: at)
                }
            }
        }

        /// The files.
        func plan(title: String, language: String, staleAfterDays: Int) -> Plan {
            var files: [(path: String, text: String)] = []
            if configured == nil {
                files.append(
                    (
                        SiteReader.configFile,
                        configText(title: title, language: language, staleAfterDays: staleAfterDays)
                    ))
            }
            files.append((SiteReader.teamsFile, teamsText()))
            var krs = 0
            for id in objectiveOrder {
                guard let o = objectives[id] else { continue }
                krs += o.keyResults.count
                let folder = SiteReader.objectivesFolder + "/" + Slug.make(from: o.period)
                files.append((folder + "/" + o.id + ".md", Self.objectiveText(o)))
            }
            return Plan(files: files, objectiveCount: objectiveOrder.count, keyResultCount: krs)
        }

        func configText(title: String, language: String, staleAfterDays: Int) -> String {
            var out = "title: \(YAMLText.quoted(title))\nlanguage: \(language)\nperiods:\n"
            let sorted = periodOrder.compactMap { periods[$0] }.sorted {
                ($0.start?.iso ?? "", $0.id) < ($1.start?.iso ?? "", $1.id)
            }
            for p in sorted {
                out += "  - id: \(YAMLText.quoted(p.id))\n"
                out += "    start: \(p.start?.iso ?? "")\n    end: \(p.end?.iso ?? "")\n"
            }
            return out + "stale_after_days: \(staleAfterDays)\n"
        }

        /// Teams in tree order (each after its parent), children in the order the file names them.
        func teamsText() -> String {
            var children: [String: [String]] = [:]
            var roots: [String] = []
            for id in teamOrder {
                if let p = teams[id]?.parent, teams[p] != nil {
                    children[p, default: []].append(id)
                } else {
                    roots.append(id)
                }
            }
            var out = ""
            var stack = Array(roots.reversed())
            var written: Set<String> = []
            while let id = stack.popLast() {
                guard let t = teams[id], written.insert(id).inserted else { continue }
                out += "- id: \(t.id)\n  name: \(YAMLText.quoted(t.name ?? t.id))\n"
                if let p = t.parent { out += "  parent: \(p)\n" }
                if let l = t.lead { out += "  lead: \(YAMLText.quoted(l))\n" }
                stack.append(contentsOf: (children[id] ?? []).reversed())
            }
            return out
        }

        static func objectiveText(_ o: ObjectiveDraft) -> String {
            var out = "---\nid: \(o.id)\ntitle: \(YAMLText.quoted(o.title))\nteam: \(o.team)\n"
            if let owner = o.owner { out += "owner: \(YAMLText.quoted(owner))\n" }
            out += "period: \(YAMLText.quoted(o.period))\n"
            if o.alignsTo.count == 1 {
                out += "aligns_to: \(YAMLText.quoted(o.alignsTo[0]))\n"
            } else if !o.alignsTo.isEmpty {
                out += "aligns_to: [\(o.alignsTo.map(YAMLText.quoted).joined(separator: ", "))]\n"
            }
            if let type = o.type { out += "type: \(type.rawValue)\n" }
            if let p = o.priority { out += "priority: \(p)\n" }
            if let s = o.score { out += "score: \(YAMLText.number(s))\n" }
            out += "key_results:\n"
            for kr in o.keyResults {
                out += "  - id: \(kr.id)\n    title: \(YAMLText.quoted(kr.title))\n"
                if kr.kind != .metric { out += "    kind: \(kr.kind.rawValue)\n" }
                if let v = kr.start { out += "    start: \(YAMLText.number(v))\n" }
                if let v = kr.target { out += "    target: \(YAMLText.number(v))\n" }
                // `current:` only where the check-in does not say it already (no "current wins" warning).
                if let v = kr.current, kr.checkin?.value != v { out += "    current: \(YAMLText.number(v))\n" }
                if let u = kr.unit { out += "    unit: \(YAMLText.quoted(u))\n" }
                if let w = kr.weight, w != 1 { out += "    weight: \(YAMLText.number(w))\n" }
                if kr.kind == .milestone { out += "    done: \(kr.done ?? false)\n" }
                if let d = kr.due { out += "    due: \(d.iso)\n" }
                if let s = kr.score { out += "    score: \(YAMLText.number(s))\n" }
                if let c = kr.checkin {
                    var fields = ["date: \(c.date.iso)"]
                    if let v = c.value { fields.append("value: \(YAMLText.number(v))") }
                    if let v = c.confidence { fields.append("confidence: \(YAMLText.number(v))") }
                    if let s = c.status { fields.append("status: \(s.rawValue)") }
                    out += "    checkins:\n      - { \(fields.joined(separator: ", ")) }\n"
                }
            }
            return out + "---\n"
        }
    }
}
