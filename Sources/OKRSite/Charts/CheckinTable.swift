import OKRCore

/// The check-ins of a key result as a table: the data of its trend chart in a form every reader and
/// screen reader can use. Rendered in Swift like the charts it accompanies, every cell escaped.
public enum CheckinTable {
    /// The table's HTML, newest check-in first; an owner's call (`status:`) is named in the note cell. A check-in derived from git history says so in its note
    /// cell, with the commit's author from `revisions` (its objective's ``Objective/revisions``).
    public static func html(
        _ kr: KeyResult, checkins: [CheckIn], labels: ChartLabels, revisions: [Revision] = []
    ) -> String {
        let t = labels.strings
        let metric = kr.kind == .metric
        var out = HTMLWriter(capacity: 512 + checkins.count * 128)
        out.raw("<div class=\"table-wrap\"><table class=\"checkins\"><thead><tr><th scope=\"col\">")
        out.text(t["checkin_date"])
        out.raw("</th>")
        if metric {
            out.raw("<th scope=\"col\" class=\"num\">")
            out.text(t["checkin_value"])
            out.raw("</th>")
        }
        out.raw("<th scope=\"col\" class=\"num\">")
        out.text(t["checkin_confidence"])
        out.raw("</th><th scope=\"col\">")
        out.text(t["checkin_note"])
        out.raw("</th></tr></thead><tbody>")
        for c in checkins.reversed() {
            out.raw(c.isDerived ? "<tr class=\"derived\"><td>" : "<tr><td>")
            out.text(labels.format.date(c.date))
            out.raw("</td>")
            if metric {
                out.raw("<td class=\"num\">")
                out.text(c.value.map { labels.format.value($0, unit: kr.unit) } ?? "–")
                out.raw("</td>")
            }
            out.raw("<td class=\"num\">")
            // As written: a confidence of 0.65 is 0,65, not 0,7.
            out.text(c.confidence.map { labels.format.number($0, maxDecimals: 4) } ?? "–")
            out.raw("</td><td>")
            if let call = c.status {
                // The owner's call made with this check-in, before the note that gives its reason.
                out.raw("<span class=\"call\">")
                out.text(t.format("checkin_call", ["status": labels.status(call)]))
                out.raw("</span> ")
            }
            out.text(note(c, kind: kr.kind, strings: t, revisions: revisions))
            out.raw("</td></tr>")
        }
        out.raw("</tbody></table></div>")
        return out.html
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
