import OKRCore

/// Atom feeds (RFC 4287) of the week's check-ins and status moves (``Changes``): `feed.xml` for the
/// whole site and `teams/ID/feed.xml` for each team, holding the changes of the team's and its
/// sub-teams' objectives. Published objectives only.
///
/// Entry ids are stable: with `base_url` a tag URI (RFC 4151) `tag:HOST,DATE:checkin/OBJECTIVE/KR`
/// dated by the check-in (status moves by the as-of date), without it `urn:okrportal:…` with the same
/// parts. Links point at the objective's page: absolute with `base_url`, else relative to the feed.
public enum AtomFeed {
    /// The site feed's path.
    public static let sitePath = "feed.xml"

    /// The path of a team's feed.
    public static func path(_ m: SiteModel, team t: Int) -> String { "teams/\(m.org.teams.teams[t].id)/feed.xml" }

    /// The teams with a page (and so a feed), in tree order.
    static func teams(_ m: SiteModel) -> [Int] {
        m.org.teams.preorder.filter { m.org.teams.index[m.org.teams.teams[$0].id] == $0 }
    }

    /// Every feed: the site's and each team's, rendered from the entries once.
    public static func files(_ m: SiteModel) -> [(path: String, text: String)] {
        let entries = Entries(m)
        var files = [(sitePath, document(m, team: nil, entries: entries.all.map(\.atRoot)))]
        var byTeam = [[Int]](repeating: [], count: m.org.teams.teams.count)
        for (i, e) in entries.all.enumerated() {
            guard let t = m.org.objectiveTeam[e.objective] else { continue }
            for a in m.org.teams.ancestry(of: t) { byTeam[a].append(i) }
        }
        for t in teams(m) {
            files.append((path(m, team: t), document(m, team: t, entries: byTeam[t].map { entries.all[$0].inTeam })))
        }
        return files
    }

    /// One feed document.
    static func document(_ m: SiteModel, team t: Int?, entries: [String]) -> String {
        let org = m.org
        let feedPath = t.map { path(m, team: $0) } ?? sitePath
        let title =
            t.map { m.t.format("feed_team_title", ["team": org.teams.teams[$0].name, "site": org.config.title]) }
            ?? m.t.format("feed_title", ["site": org.config.title])
        let alternate = t.map { m.url(team: $0) } ?? ChangesPage.path
        let prefix = t == nil ? "" : "../../"
        var x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        x += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(XML.escape(org.config.language))\">\n"
        x += "<id>\(XML.escape(feedID(m, feedPath)))</id>\n"
        x += "<title>\(XML.escape(title))</title>\n"
        x +=
            "<subtitle>\(XML.escape(m.t.format("feed_subtitle", ["from": m.format.date(m.changes.since.adding(days: 1)), "to": m.format.date(org.asOf)])))</subtitle>\n"
        x += "<updated>\(timestamp(org.asOf))</updated>\n"
        x += "<author><name>\(XML.escape(org.config.title))</name></author>\n"
        x += "<generator>okrportal</generator>\n"
        x += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(link(m, alternate, prefix: prefix)))\"/>\n"
        if let base = org.config.baseURL {
            x += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(XML.escape(base + feedPath))\"/>\n"
        }
        for e in entries { x += e }
        x += "</feed>\n"
        return x
    }

    /// The feed's own id: its absolute address with `base_url`, else a URN naming its path.
    static func feedID(_ m: SiteModel, _ path: String) -> String {
        if let base = m.org.config.baseURL { return base + path }
        return "urn:okrportal:feed:" + path
    }

    /// An entry id from its day and parts (slugs): a tag URI under `base_url`'s host, else a URN.
    static func entryID(_ m: SiteModel, day: Day, _ parts: [String]) -> String {
        if let host = m.org.config.baseURL.flatMap(tagAuthority) {
            return "tag:\(host),\(day.iso):" + parts.joined(separator: "/")
        }
        return "urn:okrportal:" + ([day.iso] + parts).joined(separator: ":")
    }

    /// The host of `base_url` when it can be a tag URI's authority (a DNS name), else `nil`.
    static func tagAuthority(_ base: String) -> String? {
        guard let scheme = base.range(of: "://") else { return nil }
        var host = base[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if let colon = host.firstIndex(of: ":") { host = host[..<colon] }
        let ok =
            !host.isEmpty && host.contains(where: \.isLetter)
            && host.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
                    || $0 == "."
            }
        return ok ? host.lowercased() : nil
    }

    /// A page's address as a feed links it: absolute with `base_url`, else relative to the feed.
    static func link(_ m: SiteModel, _ path: String, prefix: String) -> String {
        (m.org.config.baseURL ?? prefix) + path
    }

    /// A day as an Atom date (midnight UTC: OKRs live on days).
    static func timestamp(_ day: Day) -> String { day.iso + "T00:00:00Z" }

    /// The entries, each rendered for the site feed and for the team feeds (which sit two folders down).
    struct Entries {
        struct Entry {
            var objective: Int
            var atRoot: String
            var inTeam: String
        }
        var all: [Entry] = []

        init(_ m: SiteModel) {
            let org = m.org
            let changes = m.changes
            var seen: [String: Int] = [:]
            for c in changes.checkins {
                let objective = org.objectives[c.objective]
                let kr = objective.keyResults[c.keyResult]
                var parts = ["checkin", objective.id, kr.id]
                let key = "\(c.checkin.date.iso)/\(objective.id)/\(kr.id)"
                let n = (seen[key] ?? 0) + 1
                seen[key] = n
                if n > 1 { parts.append(String(n)) }
                let text = ChangesPage.describe(m, c)
                let title = m.t.format("feed_checkin_title", ["kr": kr.title, "change": text.change])
                var summary = [
                    m.t.format("feed_objective", ["objective": objective.title]),
                    org.objectiveTeam[c.objective].map { org.teams.teams[$0].name } ?? objective.team,
                ]
                if let conf = c.checkin.confidence {
                    summary.append(m.t.format("feed_confidence", ["confidence": m.format.decimal1(conf)]))
                }
                if let note = text.note { summary.append(note) }
                let author = text.author ?? org.owner(of: c.objective)
                let render = { (prefix: String) in
                    AtomFeed.entry(
                        id: AtomFeed.entryID(m, day: c.checkin.date, parts), title: title, day: c.checkin.date,
                        author: author,
                        href: AtomFeed.link(m, m.url(objective: c.objective) + "#kr-\(kr.id)", prefix: prefix),
                        summary: summary.joined(separator: " · "))
                }
                all.append(Entry(objective: c.objective, atRoot: render(""), inTeam: render("../../")))
            }
            for move in changes.objectiveMoves {
                let objective = org.objectives[move.objective]
                let title = m.t.format(
                    "feed_status_title",
                    [
                        "objective": objective.title, "from": m.t["status_\(move.from.rawValue)"],
                        "to": m.t["status_\(move.to.rawValue)"],
                    ])
                let summary = m.t.format(
                    "feed_status_summary",
                    [
                        "team": org.objectiveTeam[move.objective].map { org.teams.teams[$0].name } ?? objective.team,
                        "period": objective.period, "progress": m.format.percent(org.states[move.objective].progress),
                    ])
                let render = { (prefix: String) in
                    AtomFeed.entry(
                        id: AtomFeed.entryID(m, day: org.asOf, ["status", objective.id]), title: title, day: org.asOf,
                        author: org.owner(of: move.objective),
                        href: AtomFeed.link(m, m.url(objective: move.objective), prefix: prefix), summary: summary)
                }
                all.append(Entry(objective: move.objective, atRoot: render(""), inTeam: render("../../")))
            }
        }
    }

    static func entry(id: String, title: String, day: Day, author: String?, href: String, summary: String) -> String {
        var x = "<entry>\n"
        x += "<id>\(XML.escape(id))</id>\n"
        x += "<title>\(XML.escape(title))</title>\n"
        x += "<updated>\(timestamp(day))</updated>\n"
        if let author, !author.isEmpty { x += "<author><name>\(XML.escape(author))</name></author>\n" }
        x += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(href))\"/>\n"
        x += "<summary>\(XML.escape(summary))</summary>\n"
        x += "</entry>\n"
        return x
    }
}
