import Foundation
import OKRCore
import OKRSite

/// What the preview server adds to pages and what it shows instead of them; nothing of it is ever
/// written to the output folder, so `okrportal build` output stays free of it.
public enum ServedPage {
    /// The path of the event stream pages listen to.
    public static let eventsPath = "/_okrportal/events"

    /// The script that reloads the page when the site was rebuilt: an `EventSource` on the event stream,
    /// told which generation the page shows.
    public static func reloadScript(generation: Int) -> String {
        "<script>/* okrportal serve: reload after each rebuild */(function(){"
            + "var s=new EventSource(\"\(eventsPath)?since=\(generation)\");"
            + "s.addEventListener(\"reload\",function(){s.close();location.reload();});})();</script>"
    }

    /// `html` with the reload script before its last `</body>` (at the end when there is none).
    public static func inject(into html: String, generation: Int) -> String {
        let script = reloadScript(generation: generation)
        guard let range = html.range(of: "</body>", options: .backwards) else { return html + script }
        var out = html
        out.insert(contentsOf: script, at: range.lowerBound)
        return out
    }

    /// The page shown for every page of the site while the last build failed: each problem as
    /// `path:line:col: error|warning: message`, escaped, and the reload script, so fixing the file brings
    /// the site back by itself. In the site's language (German or English), English when unknown.
    public static func errorPage(problems: [String], errorCount: Int, language: String, generation: Int)
        -> String
    {
        let de = language == "de"
        let title = de ? "Build fehlgeschlagen" : "Build failed"
        let summary =
            de
            ? (errorCount == 1 ? "1 Fehler" : "\(errorCount) Fehler")
                + " verhindert den Build. Korrigieren und speichern: Diese Seite lädt sich dann selbst neu."
            : (errorCount == 1 ? "1 error" : "\(errorCount) errors")
                + " stopped the build. Fix and save: this page then reloads by itself."
        var lines = ""
        for p in problems {
            let kind = p.contains(": error: ") || p.hasPrefix("error:") ? "error" : "warning"
            lines += "<li class=\"\(kind)\"><code>\(HTML.escape(p))</code></li>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(de ? "de" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) – okrportal serve</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:0;background:#fff5f5;color:#1a1a1a}
            main{max-width:70rem;margin:2rem auto;padding:0 1rem}
            h1{color:#a30000;font-size:1.5rem}
            ul{list-style:none;padding:0}
            li{padding:.5rem .75rem;margin:.25rem 0;border-left:4px solid #a30000;background:#fff;overflow-wrap:anywhere}
            li.warning{border-color:#946200}
            code{font-family:ui-monospace,monospace;white-space:pre-wrap}
            </style>
            </head>
            <body>
            <main>
            <h1>\(title)</h1>
            <p>\(HTML.escape(summary))</p>
            <ul class="okrportal-problems">
            \(lines)</ul>
            </main>
            \(reloadScript(generation: generation))
            </body>
            </html>

            """
    }
}
