import OKRCore

extension CSVImport {
    /// Reads one record at a time into a ``Draft``, reporting each bad cell at its line and column.
    struct RowReader {
        let table: CSVTable
        let path: String
        /// Column name → 0-based index (the first column of that name).
        let column: [String: Int]
        /// Whether numbers may use a decimal comma: Excel writes them so with a `;` separator.
        let decimalComma: Bool
        var line = 1
        var failed = false

        init(table: CSVTable, path: String) {
            self.table = table
            self.path = path
            var column: [String: Int] = [:]
            for (i, name) in table.header.enumerated() where column[name] == nil { column[name] = i }
            self.column = column
            decimalComma = table.separator == ";"
        }

        private var record: CSVTable.Record = .init(line: 1, fields: [])

        // MARK: Cells

        func location(_ name: String) -> SourceLocation {
            SourceLocation(path: path, line: record.line, column: (column[name] ?? 0) + 1)
        }

        /// The cell's text, trimmed and without the export's anti-formula apostrophe; `nil` when empty or
        /// the column is missing.
        func text(_ name: String) -> String? {
            guard let i = column[name], i < record.fields.count else { return nil }
            let t = CSVImport.unneutralised(record.fields[i].trimmingSpaces)
            return t.isEmpty ? nil : t
        }

        mutating func fail(_ name: String, _ message: String, _ diagnostics: inout Diagnostics) {
            diagnostics.error("\(name): \(message)", at: location(name))
            failed = true
        }

        mutating func slug(_ name: String, _ diagnostics: inout Diagnostics) -> String? {
            guard let t = text(name) else {
                fail(name, "is empty; every row needs it", &diagnostics)
                return nil
            }
            if let problem = Slug.problem(with: t) {
                fail(name, "\"\(t)\": \(problem)", &diagnostics)
                return nil
            }
            return t
        }

        mutating func required(_ name: String, _ diagnostics: inout Diagnostics) -> String? {
            guard let t = text(name) else {
                fail(name, "is empty; every row needs it", &diagnostics)
                return nil
            }
            return t
        }

        mutating func number(_ name: String, _ diagnostics: inout Diagnostics) -> Double? {
            guard let t = text(name) else { return nil }
            guard let v = CSVImport.number(t, decimalComma: decimalComma) else {
                fail(
                    name,
                    "\"\(t)\" is not a number" + (decimalComma ? " (write 5610,5 or 5610.5)" : " (write 5610.5)"),
                    &diagnostics)
                return nil
            }
            return v
        }

        mutating func share(_ name: String, _ diagnostics: inout Diagnostics) -> Double? {
            guard let v = number(name, &diagnostics) else { return nil }
            guard (0...1).contains(v) else {
                fail(name, "\(YAMLText.number(v)) is outside 0…1", &diagnostics)
                return nil
            }
            return v
        }

        mutating func day(_ name: String, _ diagnostics: inout Diagnostics) -> Day? {
            guard let t = text(name) else { return nil }
            guard let d = CSVImport.day(t) else {
                fail(name, "\"\(t)\" is not a date (write YYYY-MM-DD or DD.MM.YYYY)", &diagnostics)
                return nil
            }
            return d
        }

        mutating func flag(_ name: String, _ diagnostics: inout Diagnostics) -> Bool? {
            guard let t = text(name) else { return nil }
            switch t.lowercased() {
            case "true", "yes", "1", "x", "wahr", "ja", "done", "erledigt": return true
            case "false", "no", "0", "falsch", "nein", "open", "offen": return false
            default:
                fail(name, "\"\(t)\" is neither true nor false", &diagnostics)
                return nil
            }
        }

        mutating func oneOf<T: RawRepresentable<String> & CaseIterable>(
            _ name: String, _: T.Type, _ diagnostics: inout Diagnostics
        ) -> T? {
            guard let t = text(name) else { return nil }
            guard let v = T(rawValue: t.lowercased()) else {
                fail(name, "\"\(t)\" is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))", &diagnostics)
                return nil
            }
            return v
        }

        // MARK: A row

        mutating func read(_ record: CSVTable.Record, into org: inout Draft, _ diagnostics: inout Diagnostics) {
            self.record = record
            failed = false
            let team = slug("team", &diagnostics)
            let periodID = required("period", &diagnostics)
            if let p = periodID, let problem = Slug.periodProblem(with: p) {
                fail("period", "\"\(p)\": \(problem)", &diagnostics)
            }
            let objectiveID = slug("objective_id", &diagnostics)
            let objectiveTitle = required("objective_title", &diagnostics)
            let krID = slug("kr_id", &diagnostics)
            let krTitle = required("kr_title", &diagnostics)
            let type = oneOf("objective_type", ObjectiveType.self, &diagnostics)
            let kind = oneOf("kr_kind", KeyResultKind.self, &diagnostics) ?? .metric
            let priority = number("objective_priority", &diagnostics)
            if let p = priority, p != p.rounded() || p < 1 || p > 1000 {
                fail("objective_priority", "\(YAMLText.number(p)) is not a whole number from 1", &diagnostics)
            }
            let objectiveScore = share("objective_manual_score", &diagnostics)
            var aligns: [String] = []
            for ref in (text("objective_aligns_to") ?? "").split(whereSeparator: { $0 == " " || $0 == "," }) {
                let parts = ref.split(separator: "#", omittingEmptySubsequences: false)
                if parts.count > 2 || parts.contains(where: { Slug.problem(with: String($0)) != nil }) {
                    fail("objective_aligns_to", "\"\(ref)\" is not objective-id or objective-id#kr-id", &diagnostics)
                }
                aligns.append(String(ref))
            }
            // The key result.
            let start = number("kr_start", &diagnostics)
            let target = number("kr_target", &diagnostics)
            let current = number("kr_current", &diagnostics)
            let weight = number("kr_weight", &diagnostics)
            if let w = weight, w <= 0 { fail("kr_weight", "\(YAMLText.number(w)) is not above 0", &diagnostics) }
            let done = flag("kr_done", &diagnostics)
            let due = day("kr_due", &diagnostics)
            let krScore = share("kr_manual_score", &diagnostics)
            if kind == .metric {
                // An unmeasured metric (no start or target) is allowed, as in a file: `check` warns (OKR003).
                if let s = start, let t = target, s == t {
                    fail("kr_target", "equals kr_start (\(YAMLText.number(s))): nothing to move", &diagnostics)
                }
            }
            // The last check-in: date, value, confidence and the owner's call.
            let checkinDate = day("kr_last_checkin", &diagnostics)
            let checkinValue =
                column["kr_last_checkin_value"] != nil ? number("kr_last_checkin_value", &diagnostics) : current
            let confidenceColumn =
                column["kr_last_checkin_confidence"] != nil ? "kr_last_checkin_confidence" : "kr_confidence"
            let confidence = share(confidenceColumn, &diagnostics)
            let ownerStatus = oneOf("kr_owner_status", Status.self, &diagnostics)
            var checkin: CheckInDraft?
            if let date = checkinDate {
                if kind == .metric && checkinValue == nil {
                    fail(
                        "kr_last_checkin",
                        "a metric's check-in needs a value: fill kr_current or kr_last_checkin_value",
                        &diagnostics)
                }
                checkin = CheckInDraft(
                    date: date, value: kind == .metric ? checkinValue : nil, confidence: confidence, status: ownerStatus
                )
            } else if ownerStatus != nil {
                fail("kr_owner_status", "an owner's call belongs to a check-in: fill kr_last_checkin", &diagnostics)
            }
            // The team.
            var parent = text("team_parent")
            if let p = parent, Slug.problem(with: p) != nil {
                fail("team_parent", "\"\(p)\" is not a team id", &diagnostics)
            }
            var chain: [String] = []
            if let teamPath = text("team_path") {
                chain = teamPath.split(separator: "/").map { String($0).trimmingSpaces }
                if chain.last != team || chain.contains(where: { Slug.problem(with: $0) != nil }) {
                    fail(
                        "team_path", "\"\(teamPath)\" is not a path of team ids from the root to \"\(team ?? "")\"",
                        &diagnostics)
                    chain = []
                } else if chain.count >= 2 {
                    let fromPath = chain[chain.count - 2]
                    if let p = parent, p != fromPath {
                        fail(
                            "team_parent", "\"\(p)\" differs from the parent in team_path (\"\(fromPath)\")",
                            &diagnostics)
                    }
                    parent = fromPath
                }
            }
            if parent == team, parent != nil { fail("team_parent", "a team cannot be its own parent", &diagnostics) }
            // The period's dates.
            let periodStart = day("period_start", &diagnostics)
            let periodEnd = day("period_end", &diagnostics)
            guard !failed, let team, let periodID, let objectiveID, let objectiveTitle, let krID, let krTitle else {
                return
            }
            if let configured = org.configured {
                if !configured.contains(where: { $0.id == periodID }) {
                    fail(
                        "period",
                        "\"\(periodID)\" is not a period of okrportal.yml (\(configured.map(\.id).joined(separator: ", ")))",
                        &diagnostics)
                    return
                }
            } else if var known = org.periods[periodID] {
                if let s = periodStart, let was = known.start, s != was {
                    fail("period_start", "\(s.iso) differs from \(was.iso) on line \(known.line)", &diagnostics)
                }
                if let e = periodEnd, let was = known.end, e != was {
                    fail("period_end", "\(e.iso) differs from \(was.iso) on line \(known.line)", &diagnostics)
                }
                known.start = known.start ?? periodStart
                known.end = known.end ?? periodEnd
                org.periods[periodID] = known
            } else {
                let guessed = CSVImport.periodDates(periodID)
                org.periods[periodID] = PeriodDraft(
                    id: periodID, start: periodStart ?? guessed?.0, end: periodEnd ?? guessed?.1, line: record.line,
                    column: (column["period"] ?? 0) + 1)
                org.periodOrder.append(periodID)
            }
            // Ancestors from the path first, so a parent precedes its children in teams.yml.
            let here = location("team")
            for (i, id) in chain.dropLast().enumerated() {
                org.team(
                    TeamDraft(id: id, parent: i > 0 ? chain[i - 1] : nil, line: record.line, column: here.column),
                    at: here, &diagnostics)
            }
            if let p = parent, org.teams[p] == nil {
                org.team(TeamDraft(id: p, line: record.line, column: here.column), at: here, &diagnostics)
            }
            org.team(
                TeamDraft(
                    id: team, name: text("team_name"), parent: parent,
                    lead: text("team_lead"), line: record.line, column: here.column),
                at: here, &diagnostics)
            let kr = KeyResultDraft(
                id: krID, title: krTitle, kind: kind, start: kind == .metric ? start : nil,
                target: kind == .metric ? target : nil, current: kind == .metric ? current : nil, unit: text("kr_unit"),
                weight: weight, done: kind == .milestone ? (done ?? false) : nil, due: kind == .milestone ? due : nil,
                score: krScore, checkin: checkin)
            guard var objective = org.objectives[objectiveID] else {
                var o = ObjectiveDraft(
                    id: objectiveID, title: objectiveTitle, team: team, owner: text("objective_owner"),
                    period: periodID,
                    type: type, alignsTo: aligns, priority: priority.map { Int($0) }, score: objectiveScore,
                    line: record.line)
                o.keyResults.append(kr)
                org.objectives[objectiveID] = o
                org.objectiveOrder.append(objectiveID)
                return
            }
            // A further key result of an objective read before: the objective's cells must agree.
            let first = objective.line
            for (name, now, was) in [
                ("objective_title", objectiveTitle, objective.title), ("team", team, objective.team),
                ("period", periodID, objective.period),
                ("objective_owner", text("objective_owner") ?? "", objective.owner ?? ""),
            ] where now != was {
                fail(
                    name, "\"\(now)\" differs from line \(first) of objective \"\(objectiveID)\" (\"\(was)\")",
                    &diagnostics)
            }
            if objective.keyResults.contains(where: { $0.id == krID }) {
                fail("kr_id", "objective \"\(objectiveID)\" has a key result \"\(krID)\" already", &diagnostics)
            }
            guard !failed else { return }
            objective.keyResults.append(kr)
            org.objectives[objectiveID] = objective
        }
    }

    /// A number as spreadsheets write it: `5610.5`, `-2`, `1e3`; with `decimalComma`, also `5610,5` and
    /// `5.610,5` (a point before a comma is a thousands separator). No `nan`, `inf` or hex.
    static func number(_ text: String, decimalComma: Bool) -> Double? {
        var t = text.replacingOccurrences(of: "\u{A0}", with: "")
        if decimalComma, t.contains(",") {
            t = t.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        }
        guard !t.isEmpty, t.unicodeScalars.allSatisfy({ "0123456789+-.eE".unicodeScalars.contains($0) }),
            let v = Double(t), v.isFinite
        else { return nil }
        return v == 0 ? 0 : v
    }

    /// A day written `YYYY-MM-DD` or, as German Excel shows dates, `DD.MM.YYYY`.
    static func day(_ text: String) -> Day? {
        if let d = Day(iso: text) { return d }
        let parts = text.split(separator: ".")
        guard parts.count == 3, parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 else { return nil }
        let iso =
            "\(parts[2])-\(parts[1].count == 1 ? "0" : "")\(parts[1])-\(parts[0].count == 1 ? "0" : "")\(parts[0])"
        return Day(iso: iso)
    }

    /// The dates a period id names by the usual convention: `2026-Q4`, `2026-H1`, `2026`.
    static func periodDates(_ id: String) -> (Day, Day)? {
        let parts = id.uppercased().split(separator: "-")
        guard let first = parts.first, first.count == 4, let year = Int(first) else { return nil }
        func day(_ m: Int, _ d: Int) -> Day? {
            Day(iso: "\(year)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)")
        }
        let months: (Int, Int, Int)?  // first month, last month, last day
        if parts.count == 1 {
            months = (1, 12, 31)
        } else if parts.count == 2, parts[1].count == 2, let n = Int(parts[1].dropFirst()) {
            switch (parts[1].first, n) {
            case ("Q", 1): months = (1, 3, 31)
            case ("Q", 2): months = (4, 6, 30)
            case ("Q", 3): months = (7, 9, 30)
            case ("Q", 4): months = (10, 12, 31)
            case ("H", 1): months = (1, 6, 30)
            case ("H", 2): months = (7, 12, 31)
            default: months = nil
            }
        } else {
            months = nil
        }
        guard let (a, b, last) = months, let s = day(a, 1), let e = day(b, last) else { return nil }
        return (s, e)
    }
}

/// YAML scalars as the import writes them.
enum YAMLText {
    /// A double-quoted YAML string: quotes, backslashes and control characters escaped
    /// (``YAMLQuoting/doubleQuoted(_:)``).
    static func quoted(_ text: String) -> String { YAMLQuoting.doubleQuoted(text) }

    /// A number in its shortest form that reads back the same (integers without `.0`).
    static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}
