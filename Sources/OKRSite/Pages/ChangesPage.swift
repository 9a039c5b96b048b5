import OKRCore

/// `changes.html`: what changed in the seven days up to the as-of date (``Changes``) — the week's
/// check-ins with the value they replaced, status moves of objectives and key results, and new
/// objectives. Linked from the navigation and the home page; the site's Atom feed carries the same.
enum ChangesPage: PageKind {
    /// The output path.
    static let path = "changes.html"
    /// Rows per list: a 10,000-objective organisation checks in 30,000 times a week, more than a page
    /// can usefully show (the newest come first; each objective's page lists all its check-ins).
    static let shown = 500

    static func pages(in model: SiteModel) -> [Page] {
        [Page(path: path, template: "changes") { m in context(m) }]
    }

    static func context(_ m: SiteModel) -> [String: Any] {
        let org = m.org
        let changes = m.changes
        var c = m.baseContext(depth: 0, title: m.t["changes_title"], section: "changes")
        c["intro"] = m.t.format(
            "changes_intro", ["from": m.format.date(changes.since.adding(days: 1)), "to": m.format.date(org.asOf)])
        c["moves"] = changes.objectiveMoves.prefix(shown).map { move -> [String: Any] in
            var d = m.objectiveSummary(move.objective)
            d["from_html"] = m.status(move.from)["status_html"] ?? ""
            d["to_html"] = m.status(move.to)["status_html"] ?? ""
            return d
        }
        c["has_moves"] = !changes.objectiveMoves.isEmpty
        c["checkins"] = changes.checkins.prefix(shown).map { change -> [String: Any] in
            let kr = org.objectives[change.objective].keyResults[change.keyResult]
            let text = describe(m, change)
            return [
                "date": m.format.date(change.checkin.date), "kr_title": kr.title,
                "url": m.url(objective: change.objective) + "#kr-\(kr.id)",
                "objective": objectiveLink(m, change.objective), "change": text.change, "note": text.note ?? "",
                "has_note": text.note != nil,
                "confidence": change.checkin.confidence.map { m.format.decimal1($0) } ?? "–",
            ]
        }
        c["has_checkins"] = !changes.checkins.isEmpty
        c["kr_moves"] = changes.keyResultMoves.prefix(shown).map { move -> [String: Any] in
            let krs = org.objectives[move.objective].keyResults
            let kr = krs[move.keyResult ?? krs.startIndex]  // key-result moves always name one
            return [
                "kr_title": kr.title, "url": m.url(objective: move.objective) + "#kr-\(kr.id)",
                "objective": objectiveLink(m, move.objective),
                "from_html": m.status(move.from)["status_html"] ?? "",
                "to_html": m.status(move.to)["status_html"] ?? "",
            ]
        }
        c["has_kr_moves"] = !changes.keyResultMoves.isEmpty
        c["new_objectives"] = changes.newObjectives.prefix(shown).map { m.objectiveSummary($0) }
        for (key, count) in [
            ("moves_more", changes.objectiveMoves.count), ("checkins_more", changes.checkins.count),
            ("kr_moves_more", changes.keyResultMoves.count), ("new_more", changes.newObjectives.count),
        ] {
            c[key] = count > shown ? m.t.format("changes_more", ["count": m.format.integer(count - shown)]) : ""
        }
        c["has_new"] = !changes.newObjectives.isEmpty
        c["nothing"] = changes.isEmpty
        return c
    }

    static func objectiveLink(_ m: SiteModel, _ o: ObjectiveIndex) -> [String: Any] {
        let team = m.org.objectiveTeam[o].map(m.teamLink) ?? [:]
        return ["title": m.org.objectives[o].title, "url": m.url(objective: o), "team": team]
    }

    /// A check-in in words: the change (`5.120 → 5.390 Follower`, `erledigt`), its note (or where it
    /// came from in git) and, for one from git, the commit's author.
    static func describe(_ m: SiteModel, _ change: Changes.CheckInChange) -> (
        change: String, note: String?, author: String?
    ) {
        let o = change.objective
        let kr = m.org.objectives[o].keyResults[change.keyResult]
        let c = change.checkin
        let revision = c.revisionIndex.flatMap {
            m.org.objectives[o].revisions.indices.contains($0) ? m.org.objectives[o].revisions[$0] : nil
        }
        let text: String
        switch (kr.kind, c.value) {
        case (.metric, let v?):
            let to = m.format.value(v, unit: kr.unit)
            text =
                change.previous.map {
                    m.t.format("changes_value", ["from": m.format.value($0, unit: kr.unit), "to": to])
                } ?? to
        case (.milestone, let v?): text = v >= 1 ? m.t["changes_milestone_done"] : m.t["changes_milestone_open"]
        default: text = m.t["changes_checkin"]
        }
        let note = c.note ?? revision.map { m.t.format("checkin_derived", ["author": $0.author]) }
        return (text, note, revision?.author)
    }
}
