/// A chart's data as an HTML table inside a `<details>` element: the same numbers as the drawing, for
/// screen readers, copy and paste, and print. Every cell is escaped.
public enum DataTable {
    /// The HTML. `numeric` marks columns to right-align.
    public static func html(summary: String, headers: [String], rows: [[String]], numeric: Set<Int> = []) -> String {
        var out = HTMLWriter(capacity: 256 + rows.count * 96)
        out.raw("<details class=\"chart-data\"><summary>")
        out.text(summary)
        out.raw("</summary><div class=\"table-wrap\"><table><thead><tr>")
        for (i, h) in headers.enumerated() {
            out.raw("<th scope=\"col\"")
            if numeric.contains(i) { out.raw(" class=\"num\"") }
            out.raw(">")
            out.text(h)
            out.raw("</th>")
        }
        out.raw("</tr></thead><tbody>")
        for row in rows {
            out.raw("<tr>")
            for (i, cell) in row.enumerated() {
                if i == 0 {
                    out.raw("<th scope=\"row\">")
                } else if numeric.contains(i) {
                    out.raw("<td class=\"num\">")
                } else {
                    out.raw("<td>")
                }
                out.text(cell)
                out.raw(i == 0 ? "</th>" : "</td>")
            }
            out.raw("</tr>")
        }
        out.raw("</tbody></table></div></details>")
        return out.html
    }
}
