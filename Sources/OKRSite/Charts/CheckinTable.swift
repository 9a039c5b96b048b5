import OKRCore

/// The check-ins of a key result as a table: the data of its trend chart in a form every reader and
/// screen reader can use. Rendered in Swift like the charts it accompanies, every cell escaped.
public enum CheckinTable {
    /// The table's HTML, newest check-in first.
    public static func html(_ kr: KeyResult, checkins: [CheckIn], labels: ChartLabels) -> String {
        let t = labels.strings
        let metric = kr.kind == .metric
        var out = "<div class=\"table-wrap\"><table class=\"checkins\"><thead><tr><th scope=\"col\">"
        out += HTML.escape(t["checkin_date"]) + "</th>"
        if metric { out += "<th scope=\"col\" class=\"num\">" + HTML.escape(t["checkin_value"]) + "</th>" }
        out += "<th scope=\"col\" class=\"num\">" + HTML.escape(t["checkin_confidence"]) + "</th><th scope=\"col\">"
        out += HTML.escape(t["checkin_note"]) + "</th></tr></thead><tbody>"
        for c in checkins.reversed() {
            out += "<tr><td>" + HTML.escape(labels.format.date(c.date)) + "</td>"
            if metric {
                out +=
                    "<td class=\"num\">" + HTML.escape(c.value.map { labels.format.value($0, unit: kr.unit) } ?? "–")
                    + "</td>"
            }
            out += "<td class=\"num\">" + HTML.escape(c.confidence.map { labels.format.decimal1($0) } ?? "–") + "</td>"
            out += "<td>" + HTML.escape(c.note ?? "") + "</td></tr>"
        }
        return out + "</tbody></table></div>"
    }
}
