import OKRCore

/// Every page a build writes, by what it shows rather than by its path.
public enum PageID: Hashable, Sendable {
    /// `index.html`.
    case home
    /// A period's cascade.
    case cascade(PeriodIndex)
    /// The cascade below an objective whose part of the tree is too large for its period's page.
    case cascadePart(ObjectiveIndex)
    /// A period's alignment map.
    case map(PeriodIndex)
    /// The team tree.
    case teams
    /// One team.
    case team(TeamIndex)
    /// A team's printable weekly page for its Monday meeting.
    case weekly(TeamIndex)
    /// One objective.
    case objective(ObjectiveIndex)
    /// Everyone who owns or leads.
    case people
    /// One person.
    case person(PersonIndex)
    /// The archive of periods.
    case periods
    /// One period.
    case period(PeriodIndex)
    /// A period's health page.
    case health(PeriodIndex)
    /// What changed in the last seven days.
    case changes
    /// The search page.
    case search
    /// How to read the portal: progress, expected, status, confidence, types, score.
    case help
    /// The page web servers show for missing paths.
    case notFound
}

/// Where everything a build writes goes, relative to the output folder (pages link relative to the
/// site root through `<base href>`, so these are also the links between pages).
///
/// The one place that knows paths: pages, exports, feeds, search entries and the incremental builder
/// all ask here.
public struct Routes: Sendable {
    private let org: Organisation
    private let people: People

    /// The routes of `org`'s pages, with `people`'s pages.
    public init(_ org: Organisation, people: People) {
        self.org = org
        self.people = people
    }

    /// The path of a page.
    public func path(_ page: PageID) -> String {
        switch page {
        case .home: return "index.html"
        case .cascade(let p): return "cascade/\(org.periods[p].id).html"
        case .cascadePart(let o):
            return "cascade/\(org.objectivePeriod[o].map { org.periods[$0].id } ?? "")/\(org.objectives[o].id).html"
        case .map(let p): return "map/\(org.periods[p].id).html"
        case .teams: return "teams/\(PageNames.overview).html"
        case .team(let t): return "teams/\(org.teams.teams[t].id).html"
        case .weekly(let t): return "weekly/\(org.teams.teams[t].id).html"
        case .objective(let o): return "objectives/\(org.objectives[o].id).html"
        case .people: return "people/\(PageNames.overview).html"
        case .person(let i): return "people/\(people.all[i].slug).html"
        case .periods: return "periods/\(PageNames.overview).html"
        case .period(let p): return "periods/\(org.periods[p].id).html"
        case .health(let p): return "health/\(org.periods[p].id).html"
        case .changes: return "changes.html"
        case .search: return "search/index.html"
        case .help: return "help.html"
        case .notFound: return "404.html"
        }
    }

    /// The slug of a person's page: the name as a slug (``Slug/make(from:)``), never an overview
    /// page's name (``PageNames``). ``People`` makes slugs unique among people.
    public static func personSlug(_ name: String) -> String { PageNames.personSlug(Slug.make(from: name)) }

    /// The first path of `paths` that an earlier one already takes, ignoring case (one file on
    /// case-insensitive file systems): two pages there would overwrite each other, the winner
    /// depending on thread timing. `nil` when every path is its own.
    public static func firstCollision(_ paths: some Sequence<String>) -> String? {
        var seen = Set<String>()
        for path in paths where !seen.insert(path.lowercased()).inserted { return path }
        return nil
    }

    /// An objective's page.
    public func objective(_ o: ObjectiveIndex) -> String { path(.objective(o)) }
    /// A key result's row on its objective's page.
    public func keyResult(_ o: ObjectiveIndex, _ k: KeyResultIndex) -> String {
        objective(o) + "#kr-" + org.objectives[o].keyResults[k].id
    }
    /// An entry of the help page (``HelpPageView``): `help.html#status-at-risk`, `help.html#expected`.
    public func help(_ anchor: String) -> String { path(.help) + "#" + anchor }
    /// A team's page.
    public func team(_ t: TeamIndex) -> String { path(.team(t)) }
    /// A team's weekly page.
    public func weekly(_ t: TeamIndex) -> String { path(.weekly(t)) }

    /// The objective's file in the company's Git web editor (`edit_url:` with `{path}`), `nil` without
    /// the setting. With `keyResult`, the link carries the line where that key result starts: in place
    /// of `{line}` when the setting has it, else as `#L42` (GitLab's and GitHub's line anchor) unless
    /// the setting already ends in a fragment.
    public func edit(_ o: ObjectiveIndex, keyResult k: KeyResultIndex? = nil) -> String? {
        guard let template = org.config.editURL else { return nil }
        let objective = org.objectives[o]
        var url = template.replacingOccurrences(of: "{path}", with: Routes.percentEncodedPath(objective.path))
        let line = k.map { objective.keyResults[$0].mark.location(in: objective.path).line }
        if url.contains("{line}") {
            url = url.replacingOccurrences(of: "{line}", with: line.map(String.init) ?? "1")
        } else if let line, !url.contains("#") {
            url += "#L\(line)"
        }
        return url
    }

    /// `path` with every byte outside the unreserved set and `/` percent-encoded (a space becomes `%20`).
    static func percentEncodedPath(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 15)])"
            }
        }
        return out
    }
    /// A period's page.
    public func period(_ p: PeriodIndex) -> String { path(.period(p)) }
    /// A period's cascade.
    public func cascade(_ p: PeriodIndex) -> String { path(.cascade(p)) }
    /// The page of a person called `name`, if the portal has one.
    public func person(named name: String) -> String? { people.index[name].map { path(.person($0)) } }

    // MARK: Files besides the pages

    /// The JSON export of everything published.
    public static let okrsJSON = "data/okrs.json"
    /// The CSV export, one row per key result.
    public static let okrsCSV = "data/okrs.csv"
    /// The site's Atom feed.
    public static let feed = "feed.xml"
    /// The search page's index.
    public static let searchData = "search/data.js"
    /// The sitemap (only with `base_url`).
    public static let sitemap = "sitemap.xml"
    /// A team's Atom feed.
    public func feed(team t: TeamIndex) -> String { "teams/\(org.teams.teams[t].id)/feed.xml" }
}
