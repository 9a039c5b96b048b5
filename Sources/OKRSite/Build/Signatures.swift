import OKRCore

/// Fingerprints of what pages show of an objective, to tell after an edit which pages must be
/// rendered again. Hashes of the displayed values, valid within one process (`Hasher` is seeded per
/// process), which is all the preview server needs.
enum Signatures {
    /// What lists, lines and cards show: title, team, owner, type, figures and the key results'
    /// titles, values and figures.
    static func summary(_ org: Organisation, _ o: ObjectiveIndex) -> Int {
        var h = Hasher()
        let objective = org.objectives[o]
        let state = org.states[o]
        h.combine(objective.id)
        h.combine(objective.title)
        h.combine(org.objectiveTeam[o])
        h.combine(org.owner(of: o))
        h.combine(objective.type)
        h.combine(objective.origin)
        h.combine(org.objectivePeriod[o])
        h.combine(state.progress)
        h.combine(state.status)
        h.combine(state.score)
        // Pages show forecasts (objective, rows, charts, the lists of misses): they follow from the
        // check-ins, the as-of date and, for children key results, the supporters' forecasts.
        h.combine(state.forecast)
        for (k, kr) in objective.keyResults.indexed() {
            let ks = state.keyResults[k]
            h.combine(kr.id)
            h.combine(kr.title)
            h.combine(kr.kind)
            h.combine(kr.start)
            h.combine(kr.target)
            h.combine(ks.current)
            h.combine(kr.unit)
            h.combine(kr.weight)
            h.combine(kr.done)
            h.combine(kr.due)
            h.combine(ks.progress)
            h.combine(ks.computedStatus)
            h.combine(ks.ownerStatus)
            h.combine(ks.isStale)
            h.combine(ks.score)
            h.combine(ks.latestCheckin?.date)
            h.combine(ks.latestConfidence?.confidence)
            h.combine(ks.latestConfidence?.date)
            h.combine(ks.latestCheckin?.note)
            // Rows say when the next check-in is due, and count their supporters by status.
            h.combine(org.checkinEvery(of: o, keyResult: k))
            h.combine(org.supporters(of: o, keyResult: k))
            h.combine(ks.forecast)
        }
        return h.finalize()
    }

    /// What the objective's own page shows beyond its summary: body, retro, hand-set score, tags, every
    /// check-in, the burn-up and the alignment.
    static func detail(
        _ org: Organisation, _ o: ObjectiveIndex, summary: Int, history: [ProgressPoint], dependencies: Int = 0
    ) -> Int {
        var h = Hasher()
        let objective = org.objectives[o]
        h.combine(summary)
        h.combine(dependencies)
        h.combine(objective.body)
        h.combine(objective.retro)
        h.combine(objective.score)
        h.combine(objective.tags)
        h.combine(objective.alignsTo.map(\.description))
        h.combine(objective.lastRevision)
        for ks in org.states[o].keyResults {
            for c in ks.checkins {
                h.combine(c.date)
                h.combine(c.value)
                h.combine(c.confidence)
                h.combine(c.note)
                h.combine(c.status)
                h.combine(c.revisionIndex.map { objective.revisions[$0] })
            }
        }
        for p in history {
            h.combine(p.day)
            h.combine(p.progress)
        }
        return h.finalize()
    }

    /// What an objective's page shows of the objectives on the other side of its dependencies ("needs
    /// from" and "helps": their titles, teams, key results and statuses): their summary signatures, so
    /// that a change of a target renders the pages of those who need it again, and the other way round.
    static func dependencies(_ org: Organisation, _ o: ObjectiveIndex, summaries: IndexedArray<ObjectiveIndex, Int>)
        -> Int
    {
        let needs = org.publishedDependencies(of: o)
        let helps = org.publishedDependents(of: o)
        guard !needs.isEmpty || !helps.isEmpty else { return 0 }
        var h = Hasher()
        for d in needs { h.combine(summaries[d.target]) }
        h.combine(-1)
        for d in helps { h.combine(summaries[d.source]) }
        return h.finalize()
    }

    /// What makes pages list different objectives: which objectives exist where, how they align and
    /// which continue which. When this differs, every page is rendered again.
    static func structure(_ org: Organisation) -> Int {
        var h = Hasher()
        // A new as-of date moves every status, expectation and forecast: render everything again.
        h.combine(org.asOf)
        h.combine(org.objectives.count)
        for (o, objective) in org.objectives.indexed() {
            h.combine(objective.path)
            h.combine(objective.id)
            h.combine(org.isPublished[o])
            h.combine(org.objectiveTeam[o])
            h.combine(org.objectivePeriod[o])
            h.combine(org.owner(of: o))
            for e in org.graph.parents[o] {
                h.combine(e.parent)
                h.combine(e.keyResult)
            }
            h.combine(org.predecessor[o])
            // Dependencies add entries to both objectives' pages and arrows to the map.
            for d in org.dependencies.needs[o] { h.combine(org.dependencies.all[d]) }
            // Priorities order the lists of a team's and a period's objectives.
            h.combine(objective.priority)
            h.combine(objective.keyResults.map(\.id))
            h.combine(objective.keyResults.map(\.kind))
        }
        return h.finalize()
    }
}
