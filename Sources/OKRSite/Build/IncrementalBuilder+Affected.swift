import OKRCore

extension IncrementalBuilder {
    /// The pages an edit can have changed: the pages of changed objectives, of the objectives they align
    /// to and of everything below them (their why chains show them), of their teams and the teams above
    /// (roll-ups), of the people who own any of those; the overviews when a line changed, and the health
    /// and changes pages after any change of figures or check-ins.
    func affectedPages(
        _ m: SiteModel, previousModel old: SiteModel, details newDetails: IndexedArray<ObjectiveIndex, Int>,
        oldDetails: IndexedArray<ObjectiveIndex, Int>,
        rollUps newRollUps: IndexedArray<PeriodIndex, IndexedArray<TeamIndex, RollUp>>,
        oldRollUps: IndexedArray<PeriodIndex, IndexedArray<TeamIndex, RollUp>>
    ) -> (PageID) -> Bool {
        let org = m.org
        let signatures = m.components.summarySignatures
        let oldSignatures = old.components.summarySignatures
        let summaryChanged = Set(org.objectives.indices.filter { signatures[$0] != oldSignatures[$0] })
        let detailChanged = Set(org.objectives.indices.filter { newDetails[$0] != oldDetails[$0] })
        var objectives = detailChanged
        var below = Set<ObjectiveIndex>()
        var stack = Array(summaryChanged)
        while let o = stack.popLast() {
            for e in org.graph.children[o] where below.insert(e.child).inserted { stack.append(e.child) }
        }
        objectives.formUnion(below)
        for o in summaryChanged {
            for e in org.graph.parents[o] { objectives.insert(e.parent) }
        }
        var teams = Set<TeamIndex>()
        for o in summaryChanged.union(below) {
            if let t = org.objectiveTeam[o] { teams.formUnion(org.teams.ancestry(of: t)) }
        }
        var rollUpChanged = false
        for (p, values) in newRollUps.indexed() where oldRollUps.indices.contains(p) {
            for (t, v) in values.indexed() where oldRollUps[p].indices.contains(t) && oldRollUps[p][t] != v {
                teams.formUnion(org.teams.ancestry(of: t))
                rollUpChanged = true
            }
        }
        var names = Set<String>()
        for o in summaryChanged.union(below) { if let owner = org.owner(of: o) { names.insert(owner) } }
        for t in teams { if let lead = org.teams.teams[t].lead { names.insert(lead) } }
        let people = Set(names.compactMap { m.people.index[$0] })
        // Overviews show every objective's line and figures; the team index shows roll-ups; the people
        // index and the 404 page show only what a change of structure changes.
        let linesChanged = !summaryChanged.isEmpty
        // Health pages also read every check-in's confidence and every hand-set score.
        let healthChanged = linesChanged || !detailChanged.isEmpty
        // A closed period's page tests the forecasts of its middle day, made from check-ins a line does
        // not show: any change of them renders the period's page again.
        let periodsOfDetails = Set(detailChanged.compactMap { org.objectivePeriod[$0] })
        return { page in
            switch page {
            case .objective(let o): return objectives.contains(o)
            case .team(let t): return teams.contains(t)
            // The weekly page reads the week's changes and due check-ins of the team's objectives.
            case .weekly(let t): return teams.contains(t) || healthChanged
            case .person(let i): return people.contains(i)
            case .health, .changes: return healthChanged
            case .teams: return rollUpChanged || linesChanged
            case .people, .notFound, .help: return false
            case .period(let p): return linesChanged || periodsOfDetails.contains(p)
            case .home, .cascade, .cascadePart, .map, .periods, .search: return linesChanged
            }
        }
    }
}
