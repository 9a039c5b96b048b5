/// A chart's data as an HTML table inside a `<details>` element: the same numbers as the drawing, for
/// screen readers, copy and paste, and print. Every cell is escaped.
public enum DataTable {
    /// The HTML. `numeric` marks columns to right-align.
    public static func html(summary: String, headers: [String], rows: [[String]], numeric: Set<Int> = []) -> String {
        var out =
            "<details class=\"chart-data\"><summary>" + HTML.escape(summary)
            + "</summary><div class=\"table-wrap\"><table><thead><tr>"
        for (i, h) in headers.enumerated() {
            out += "<th scope=\"col\"" + (numeric.contains(i) ? " class=\"num\"" : "") + ">" + HTML.escape(h) + "</th>"
        }
        out += "</tr></thead><tbody>"
        for row in rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                out +=
                    (i == 0 ? "<th scope=\"row\">" : numeric.contains(i) ? "<td class=\"num\">" : "<td>")
                    + HTML.escape(cell)
                    + (i == 0 ? "</th>" : "</td>")
            }
            out += "</tr>"
        }
        return out + "</tbody></table></div></details>"
    }
}
