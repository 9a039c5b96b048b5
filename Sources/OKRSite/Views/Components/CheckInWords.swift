import OKRCore

/// A check-in in words, for the "What changed" page and the feeds.
enum CheckInWords {
    /// The change (`5.120 → 5.390 Follower`, `erledigt`), its note (or where it came from in git) and,
    /// for one from git, the commit's author.
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
