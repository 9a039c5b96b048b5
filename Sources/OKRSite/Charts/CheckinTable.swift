import OKRCore

/// The check-ins of a key result as a table: the data of its trend chart in a form every reader and
/// screen reader can use. Rendered in Swift like the charts it accompanies, every cell escaped.
public enum CheckinTable {
    /// The table's HTML, newest check-in first. A check-in derived from git history says so in its note
    /// cell, with the commit's author from `revisions` (its objective's ``Objective/revisions``).
    public static func html(
        _ kr: KeyResult, checkins: [CheckIn], labels: ChartLabels, revisions: [Revision] = []
    ) -> String {
        let t = labels.strings
        let metric = kr.kind == .metric
        var out = "<div class=\"table-wrap\"><table class=\"checkins\"><thead><tr><th scope=\"col\">"
        out += HTML.escape(t["checkin_date"]) + "</th>"
        if metric { out += "<th scope=\"col\" class=\"num\">" + HTML.escape(t["checkin_value"]) + "</th>" }
        out += "<th scope=\"col\" class=\"num\">" + HTML.escape(t["checkin_confidence"]) + "</th><th scope=\"col\">"
        out += HTML.escape(t["checkin_note"]) + "</th></tr></thead><tbody>"
        for c in checkins.reversed() {
            out += c.isDerived ? "<tr class=\"derived\"><td>" : "<tr><td>"
            out += HTML.escape(labels.format.date(c.date)) + "</td>"
            if metric {
                out +=
                    "<td class=\"num\">" + HTML.escape(c.value.map { labels.format.value($0, unit: kr.unit) } ?? "–")
                    + "</td>"
            }
            out += "<td class=\"num\">" + HTML.escape(c.confidence.map { labels.format.decimal1($0) } ?? "–") + "</td>"
            out += "<td>" + HTML.escape(note(c, kind: kr.kind, strings: t, revisions: revisions)) + "</td></tr>"
        }
        return out + "</tbody></table></div>"
    }

    /// The note cell: the written note, or where a derived check-in comes from.
    static func note(_ c: CheckIn, kind: KeyResultKind, strings t: Strings, revisions: [Revision]) -> String {
        guard let r = c.revisionIndex else { return c.note ?? "" }
        let author = revisions.indices.contains(r) ? revisions[r].author : ""
        let key =
            kind == .milestone ? (c.value == 1 ? "checkin_derived_done" : "checkin_derived_open") : "checkin_derived"
        return t.format(key, ["author": author])
    }
}
