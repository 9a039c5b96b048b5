import OKRCore

/// `people/index.html` and `people/SLUG.html`: every owner and lead, their objectives and key results,
/// and how each links up to the company's goals.
enum PeoplePages: PageKind {
    static func pages(in model: SiteModel) -> [Page] {
        var pages = [
            Page(path: "people/index.html", template: "people") { m in
                var c = m.baseContext(depth: 1, title: m.t["people_title"], section: "people")
                c["people"] = m.people.all.map { person -> [String: Any] in
                    [
                        "name": person.name, "url": "people/\(person.slug).html",
                        "leads": person.leads.map { m.teamLink($0) }, "has_leads": !person.leads.isEmpty,
                        "count_label": m.t.plural(
                            "person_count", count: person.owns.count, formatted: m.format.integer(person.owns.count)),
                    ]
                }
                return c
            }
        ]
        for (i, person) in model.people.all.enumerated() {
            pages.append(
                Page(path: "people/\(person.slug).html", template: "person") { m in context(m, person: i) }
            )
        }
        return pages
    }

    static func context(_ m: SiteModel, person i: Int) -> [String: Any] {
        let org = m.org
        let person = m.people.all[i]
        var c = m.baseContext(depth: 1, title: person.name, section: "people")
        c["person"] = ["name": person.name]
        c["leads"] = person.leads.map { TeamPages.teamEntry(m, team: $0) }
        c["has_leads"] = !person.leads.isEmpty
        let order = m.periodsNewestFirst
        c["periods"] = order.compactMap { p -> [String: Any]? in
            let own = person.owns.filter { org.objectivePeriod[$0] == p }
            guard !own.isEmpty else { return nil }
            var d = PeriodPages.periodHeader(m, period: p)
            d["objectives"] = own.map { o -> [String: Any] in
                var s = m.objectiveCard(o)
                // The chain upward, nearest first, ending at the company objective.
                let chain = m.shownChain(of: o)
                s["chain"] = chain.map { step -> [String: Any] in
                    var d = m.objectiveSummary(step.parent)
                    d["after_gap"] = step.afterGap
                    return d
                }
                s["has_chain"] = !chain.isEmpty
                return s
            }
            return d
        }
        c["has_objectives"] = !person.owns.isEmpty
        return c
    }
}
