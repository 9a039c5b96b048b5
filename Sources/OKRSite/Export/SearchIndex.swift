import OKRCore

/// `search/data.js`: the index the search page searches in the browser — every published objective,
/// its key results, the teams and the people, with just enough to show and find them.
///
/// It is a script that assigns a global (`window.OKRPORTAL_SEARCH = {…}`) rather than a JSON file,
/// because browsers refuse `fetch()` of a local file under `file://`, and the portal must work from
/// there too. Only the search page loads it. Entries use short keys to keep it small (about 130
/// bytes per objective and 70 per key result):
///
/// | key | objective `"k":"o"` | key result `"k":"k"` | team `"k":"t"` | person `"k":"p"` |
/// |---|---|---|---|---|
/// | `t` | title | title | name | name |
/// | `u` | page | — (its objective's page + `#` + `a`) | page | page |
/// | `m` | team name | — (its objective's) | parent team's name | — |
/// | `o` | owner | — (its objective's) | lead | — |
/// | `p` | period | — (its objective's) | — | — |
/// | `s` | status (while its period runs) | status (while its period runs) | — | — |
/// | `g` | score, formatted, once graded | score, formatted, once graded | — | — |
/// | `b` | the score's band (`red`, `yellow`, `green`) once graded | the same | — | — |
/// | `i` | — | index of its objective's entry | — | — |
/// | `a` | — | anchor on the objective's page (`kr-ID`) | — | — |
///
/// A graded objective or key result (its period is over) carries `g` and `b` instead of `s`: a closed
/// period shows grades, not live statuses, in search results as on every page. `grade` holds the words
/// for the badge (`Bewertung`, and the bands' names).
///
/// Confidential objectives and unbuilt drafts are not in it, nor are owners who own nothing else.
/// Strings are escaped by ``JSONWriter`` (`<`, `>`, `&`, U+2028/9 too), so the text can never end a
/// script or inject markup; the page's script puts it into the DOM as text.
public enum SearchIndex {
    /// The output path.

    /// The name of the global the script assigns.
    public static let global = "OKRPORTAL_SEARCH"

    /// The whole file.
    public static func render(_ m: SiteModel) -> String {
        var text = ""
        write(m) { text += $0 }
        return text
    }

    /// The file, handed to `sink` in pieces of about 64 KB.
    public static func write(_ m: SiteModel, to sink: (String) -> Void) {
        let org = m.org
        sink("/* okrportal search index, generated: see docs/search.md */\nwindow.\(global)=")
        var j = JSONWriter()
        j.beginObject()
        j.number("v", 1)
        j.beginObject("kinds")
        j.string("o", m.t["search_kind_objective"])
        j.string("k", m.t["search_kind_kr"])
        j.string("t", m.t["search_kind_team"])
        j.string("p", m.t["search_kind_person"])
        j.endObject()
        j.beginObject("status")
        for s in Status.allCases { j.string(named: s.rawValue, m.t["status_\(s.rawValue)"]) }
        j.endObject()
        j.beginObject("grade")
        j.string("label", m.t["score_label"])
        for b in ScoreBand.allCases { j.string(named: b.rawValue, m.t["band_\(b.rawValue)"]) }
        j.endObject()
        j.beginArray("e")
        var count = 0
        for t in org.teams.preorder where org.teams.index[org.teams.teams[t].id] == t {
            let team = org.teams.teams[t]
            j.beginObject()
            j.string("k", "t")
            j.string("t", team.name)
            j.string("u", m.routes.team(t))
            if let parent = org.teams.parent[t] { j.string("m", org.teams.teams[parent].name) }
            if let lead = team.lead, !lead.isEmpty { j.string("o", lead) }
            j.endObject()
            count += 1
        }
        for (i, person) in m.people.all.indexed() {
            j.beginObject()
            j.string("k", "p")
            j.string("t", person.name)
            j.string("u", m.routes.path(.person(i)))
            j.endObject()
            count += 1
        }
        for o in org.objectives.indices where org.isPublished[o] {
            let objective = org.objectives[o]
            let state = org.states[o]
            let entry = count
            j.beginObject()
            j.string("k", "o")
            j.string("t", objective.title)
            j.string("u", m.routes.objective(o))
            if let t = org.objectiveTeam[o] { j.string("m", org.teams.teams[t].name) }
            if let owner = org.owner(of: o), !owner.isEmpty { j.string("o", owner) }
            if let p = org.objectivePeriod[o] { j.string("p", org.periods[p].id) }
            grade(state.score, status: state.status, m, &j)
            j.endObject()
            count += 1
            for (k, kr) in objective.keyResults.indexed() {
                j.beginObject()
                j.string("k", "k")
                j.string("t", kr.title)
                j.number("i", Double(entry))
                j.string("a", "kr-\(kr.id)")
                grade(state.keyResults[k].score, status: state.keyResults[k].status, m, &j)
                j.endObject()
                count += 1
            }
            if j.bytes.count > 1 << 16 { j.drain(to: sink) }
        }
        j.endArray()
        j.endObject()
        j.drain(to: sink)
        sink(";\n")
    }

    /// `g` and `b` once graded, else `s`.
    private static func grade(_ score: Double?, status: Status, _ m: SiteModel, _ j: inout JSONWriter) {
        if let score {
            j.string("g", m.format.decimal1(score))
            j.string("b", ScoreBand(score: score).rawValue)
        } else {
            j.string("s", status.rawValue)
        }
    }
}
