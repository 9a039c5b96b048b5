import Foundation
import OKRCore

/// Atom feeds (RFC 4287) of the week's check-ins and status moves (``Changes``): `feed.xml` for the
/// whole site and `teams/ID/feed.xml` for each team, holding the changes of the team's and its
/// sub-teams' objectives down to ten levels below it (a chain of teams thousands deep would put every
/// change into thousands of feeds). Published objectives only.
///
/// Entry ids are stable: with `base_url` a tag URI (RFC 4151) `tag:HOST,DATE:checkin/OBJECTIVE/KR`
/// dated by the check-in, without it `urn:okrportal:…` with the same parts. A status move's id is
/// `status/OBJECTIVE/FROM-TO` dated by the newest check-in its status rests on (else the period's
/// start), so builds on consecutive days give one move one id; its `updated` is the as-of date. Links point at the objective's page: absolute with `base_url`, else relative to the feed.
public enum AtomFeed {
    /// The teams with a page (and so a feed), in tree order.
    static func teams(_ m: SiteModel) -> [TeamIndex] {
        m.org.teams.preorder.filter { m.org.teams.index[m.org.teams.teams[$0].id] == $0 }
    }

    /// Entries per feed: the newest ones. A feed is polled again and again; a large organisation's week
    /// (34,000 check-ins at 10,000 objectives) would make every poll fetch megabytes.
    public static let limit = 100

    /// Every feed: the site's and each team's, each rendered only when written.
    public static func files(_ m: SiteModel) -> [ExportFile] {
        let items = Item.all(m)
        var files = [
            ExportFile(path: Routes.feed) {
                document(m, team: nil, entries: items.prefix(limit).map { $0.render(m, "") })
            }
        ]
        var byTeam = IndexedArray<TeamIndex, [Int]>(repeating: [], count: m.org.teams.teams.count)
        for (i, item) in items.enumerated() {
            guard let t = m.org.objectiveTeam[item.objective] else { continue }
            for a in m.org.teams.ancestry(of: t, levels: SiteModel.chainLimit) where byTeam[a].count < limit {
                byTeam[a].append(i)
            }
        }
        // An entry sits in the feed of its team and of every team above: render it once for all of them,
        // and let it go once the last of those feeds has it.
        let published = teams(m)
        var uses = [Int](repeating: 0, count: items.count)
        for t in published { for i in byTeam[t] { uses[i] += 1 } }
        let entries = EntryCache(uses: uses)
        for t in published {
            let mine = byTeam[t]
            files.append(
                ExportFile(path: m.routes.feed(team: t)) {
                    document(m, team: t, entries: mine.map { i in entries.entry(i) { items[i].render(m, "../../") } })
                })
        }
        return files
    }

    /// Team feeds' entries, each rendered by the first feed that needs it and dropped once the last one
    /// has taken it (a large organisation's week holds hundreds of thousands of entries). Feeds render
    /// in parallel: the lock guards the slots, not the rendering, so two feeds may render one entry at
    /// once and store the same bytes.
    final class EntryCache: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [String?]
        private var uses: [Int]

        /// A cache for entries used by `uses[i]` feeds each.
        init(uses: [Int]) {
            self.uses = uses
            slots = Array(repeating: nil, count: uses.count)
        }

        func entry(_ i: Int, render: () -> String) -> String {
            lock.lock()
            let cached = slots[i]
            lock.unlock()
            let text = cached ?? render()
            lock.lock()
            uses[i] -= 1
            slots[i] = uses[i] > 0 ? text : nil
            lock.unlock()
            return text
        }
    }

    /// One feed document.
    static func document(_ m: SiteModel, team t: TeamIndex?, entries: [String]) -> String {
        let org = m.org
        let feedPath = t.map { m.routes.feed(team: $0) } ?? Routes.feed
        let title =
            t.map { m.t.format("feed_team_title", ["team": org.teams.teams[$0].name, "site": org.config.title]) }
            ?? m.t.format("feed_title", ["site": org.config.title])
        let alternate = m.routes.path(t.map { .team($0) } ?? .changes)
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

    /// One entry: a check-in or an objective's status move, rendered on demand.
    struct Item {
        var objective: ObjectiveIndex
        var day: Day
        /// An index into ``Changes/checkins`` or, for a status move, ``Changes/objectiveMoves``.
        var index: Int
        var isMove: Bool
        /// For a second check-in of a key result on one day: 2, …
        var ordinal: Int

        /// Every entry, newest first: the status moves (dated by the as-of date), then the check-ins.
        static func all(_ m: SiteModel) -> [Item] {
            let changes = m.changes
            var items = changes.objectiveMoves.enumerated().map {
                Item(objective: $0.element.objective, day: m.org.asOf, index: $0.offset, isMove: true, ordinal: 1)
            }
            var seen: [CheckInKey: Int] = [:]
            for (i, c) in changes.checkins.enumerated() {
                let key = CheckInKey(day: c.checkin.date, objective: c.objective, keyResult: c.keyResult)
                let n = (seen[key] ?? 0) + 1
                seen[key] = n
                items.append(Item(objective: c.objective, day: c.checkin.date, index: i, isMove: false, ordinal: n))
            }
            return items
        }

        /// A key result's check-ins of one day.
        struct CheckInKey: Hashable {
            var day: Day
            var objective: ObjectiveIndex
            var keyResult: KeyResultIndex
        }

        /// The entry's XML; `prefix` leads from the feed's folder to the site root (without `base_url`).
        func render(_ m: SiteModel, _ prefix: String) -> String {
            let org = m.org
            let objective = org.objectives[self.objective]
            let teamName = org.objectiveTeam[self.objective].map { org.teams.teams[$0].name } ?? objective.team
            if isMove {
                let move = m.changes.objectiveMoves[index]
                let title = m.t.format(
                    "feed_status_title",
                    [
                        "objective": objective.title, "from": m.t["status_\(move.from.rawValue)"],
                        "to": m.t["status_\(move.to.rawValue)"],
                    ])
                let summary = m.t.format(
                    "feed_status_summary",
                    [
                        "team": teamName, "period": objective.period,
                        "progress": m.format.percent(org.states[self.objective].progress),
                    ])
                // The id names the move and the newest check-in the status rests on, not the build's
                // date: a move seen by daily builds all week stays one entry in a reader.
                let basis =
                    org.states[self.objective].keyResults.compactMap { $0.latestCheckin?.date }.max()
                    ?? org.objectivePeriod[self.objective].map { org.periods[$0].start } ?? org.asOf
                let parts = ["status", objective.id, "\(move.from.rawValue)-\(move.to.rawValue)"]
                return AtomFeed.entry(
                    id: AtomFeed.entryID(m, day: basis, parts), title: title, day: day,
                    author: org.owner(of: self.objective),
                    href: AtomFeed.link(m, m.routes.objective(self.objective), prefix: prefix), summary: summary)
            }
            let c = m.changes.checkins[index]
            let kr = objective.keyResults[c.keyResult]
            var parts = ["checkin", objective.id, kr.id]
            if ordinal > 1 { parts.append(String(ordinal)) }
            let text = CheckInWords.describe(m, c)
            let title = m.t.format("feed_checkin_title", ["kr": kr.title, "change": text.change])
            var summary = [m.t.format("feed_objective", ["objective": objective.title]), teamName]
            if let conf = c.checkin.confidence {
                summary.append(m.t.format("feed_confidence", ["confidence": m.format.decimal1(conf)]))
            }
            if let note = text.note { summary.append(note) }
            return AtomFeed.entry(
                id: AtomFeed.entryID(m, day: day, parts), title: title, day: day,
                author: text.author ?? org.owner(of: self.objective),
                href: AtomFeed.link(m, m.routes.objective(self.objective) + "#kr-\(kr.id)", prefix: prefix),
                summary: summary.joined(separator: " · "))
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
