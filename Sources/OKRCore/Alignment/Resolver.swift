/// Resolves a ``Site`` into an ``Organisation``: applies every cross-file rule of the content format,
/// builds the team tree and the alignment graph, and computes progress, status and score.
public enum Resolver {
    /// Resolves `site` at `asOf`. Problems go to `diagnostics`; the result is usable even with errors
    /// (broken links are dropped), so that `check` can report everything at once.
    public static func resolve(
        _ site: Site, asOf: Day, includeDrafts: Bool = false, diagnostics: inout Diagnostics
    ) -> Organisation {
        let config = site.config
        let periodIndex = checkPeriods(config.periods, diagnostics: &diagnostics)
        let tree = TeamTree(teams: site.teams, diagnostics: &diagnostics)
        let objectives = IndexedArray<ObjectiveIndex, Objective>(site.objectives)

        var objectiveIndex: [String: ObjectiveIndex] = [:]
        objectiveIndex.reserveCapacity(objectives.count)
        for (i, o) in objectives.indexed() {
            if let problem = Slug.problem(with: o.id) {
                let source = o.idLocation.line == 1 && o.idLocation.column == 1 ? " (from the file name)" : ""
                diagnostics.error(
                    "objective id \"\(o.id)\"\(source) \(problem); ids become file names",
                    at: o.idLocation)
            }
            if let first = objectiveIndex[o.id] {
                diagnostics.error(
                    "duplicate objective id \"\(o.id)\": also used by \(objectives[first].idLocation)",
                    at: o.idLocation)
            } else {
                objectiveIndex[o.id] = i
            }
        }

        let isPublished = objectives.mapIndexed { $0.visibility == .public && (!$0.draft || includeDrafts) }
        var objectiveTeam = IndexedArray<ObjectiveIndex, TeamIndex?>(repeating: nil, count: objectives.count)
        var objectivePeriod = IndexedArray<ObjectiveIndex, PeriodIndex?>(repeating: nil, count: objectives.count)
        var edges: [AlignmentEdge] = []
        for (i, o) in objectives.indexed() {
            // An empty team or period was already reported as missing by the reader.
            if let t = tree.index[o.team] {
                objectiveTeam[i] = t
            } else if !o.team.isEmpty {
                diagnostics.error(
                    "unknown team \"\(o.team)\"\(Suggest.hint(for: o.team, in: tree.index.keys))",
                    at: o.teamLocation)
            }
            if let p = periodIndex[o.period] {
                objectivePeriod[i] = p
            } else if !o.period.isEmpty {
                diagnostics.error(
                    "unknown period \"\(o.period)\"\(Suggest.hint(for: o.period, in: config.periods.map(\.id)))"
                        + "; periods are defined in okrportal.yml",
                    at: o.periodLocation)
            }
            checkKeyResults(of: o, diagnostics: &diagnostics)
            if let s = o.score, !(0...1).contains(s) {
                diagnostics.error("score \(format(s)) is outside 0.0…1.0", at: o.scoreLocation ?? o.idLocation)
            }
        }

        var ownTeam: [(child: ObjectiveIndex, parent: ObjectiveIndex, ref: AlignmentRef)] = []
        for (i, o) in objectives.indexed() {
            var seen = Set<String>()
            for ref in o.alignsTo {
                if !seen.insert(ref.description).inserted {
                    diagnostics.warning("aligns_to names \"\(ref)\" twice", at: ref.location)
                    continue
                }
                guard
                    let (p, kr) = target(
                        of: ref, field: "aligns_to", objectives: objectives, objectiveIndex: objectiveIndex,
                        diagnostics: &diagnostics)
                else { continue }
                edges.append(AlignmentEdge(child: i, parent: p, keyResult: kr))
                if p == i { continue }  // reported as a cycle
                if let ct = objectiveTeam[i], let pt = objectiveTeam[p] {
                    if ct == pt {
                        ownTeam.append((i, p, ref))
                    } else if !tree.isAncestor(pt, of: ct) {
                        diagnostics.error(
                            "aligns to \"\(objectives[p].id)\" of team \"\(objectives[p].team)\", which is not above team "
                                + "\"\(o.team)\" in the team tree",
                            at: ref.location)
                    }
                }
                if let cp = objectivePeriod[i], let pp = objectivePeriod[p], cp != pp {
                    diagnostics.error(
                        "aligns to \"\(objectives[p].id)\" of period \(objectives[p].period), but this objective belongs to "
                            + "\(o.period); alignment stays within a period",
                        at: ref.location)
                }
                if o.visibility == .public && objectives[p].visibility == .confidential {
                    diagnostics.error(
                        "public objective aligns to confidential objective \"\(objectives[p].id)\", which would reveal "
                            + "it; make this objective confidential too or align it elsewhere",
                        at: ref.location)
                } else if isPublished[i] && !isPublished[p] && objectives[p].draft
                    && objectives[p].visibility == .public
                {
                    diagnostics.warning(
                        "aligns to draft \"\(objectives[p].id)\"; until it is published this objective is shown as "
                            + "not aligned",
                        at: ref.location)
                }
            }
        }
        // "Not aligned" is a methodology hint, rule OKR006 (see Lint), so that it can be silenced.

        let graph = AlignmentGraph(count: objectives.count, edges: edges)
        let cycles = graph.cycles()
        // Within a team, alignment is unusual but allowed; on a cycle the cycle error says it all.
        let onCycle = Set(cycles.flatMap { $0 })
        for (child, parent, ref) in ownTeam where !(onCycle.contains(child) && onCycle.contains(parent)) {
            diagnostics.warning(
                "aligns to \"\(objectives[parent].id)\" of its own team \"\(objectives[child].team)\"; alignment "
                    + "usually points to a team above",
                at: ref.location)
        }
        for cycle in cycles {
            let steps = cycle.map { i -> String in
                let ref = objectives[i].alignsTo.first { r in
                    objectiveIndex[r.objective].map { p in cycle.contains(p) } ?? false
                }
                return "\"\(objectives[i].id)\" (\(ref?.location ?? objectives[i].idLocation))"
            }
            let first = objectives[cycle[0]]
            let at = first.alignsTo.first { r in objectiveIndex[r.objective].map { cycle.contains($0) } ?? false }
            diagnostics.error(
                "alignment cycle: \(steps.joined(separator: " → ")) → \"\(first.id)\"",
                at: at?.location ?? first.idLocation)
        }

        let (predecessor, successors) = resolveContinues(
            objectives, objectiveIndex: objectiveIndex, objectivePeriod: objectivePeriod, periods: config.periods,
            diagnostics: &diagnostics)

        let states = computeStates(
            objectives: objectives, config: config, asOf: asOf, objectivePeriod: objectivePeriod,
            isPublished: isPublished, graph: graph, diagnostics: &diagnostics)

        var org = Organisation(
            config: config, asOf: asOf, includeDrafts: includeDrafts, periodIndex: periodIndex,
            currentPeriod: currentPeriod(of: config.periods, asOf: asOf), teams: tree, objectives: objectives,
            objectiveIndex: objectiveIndex, objectiveTeam: objectiveTeam, objectivePeriod: objectivePeriod,
            isPublished: isPublished, graph: graph, states: states, predecessor: predecessor, successors: successors)
        org.dependencies = resolveDependencies(
            objectives, objectiveIndex: objectiveIndex, objectivePeriod: objectivePeriod, isPublished: isPublished,
            diagnostics: &diagnostics)
        return org
    }

    /// The objective (and key result, for `id#kr`) a reference of `field` (`aligns_to`, `depends_on`)
    /// names, or `nil` with an error at the reference: an unknown objective (with "did you mean"), or a
    /// key result the objective does not have (with its key results' ids).
    static func target(
        of ref: AlignmentRef, field: String, objectives: IndexedArray<ObjectiveIndex, Objective>,
        objectiveIndex: [String: ObjectiveIndex], diagnostics: inout Diagnostics
    ) -> (ObjectiveIndex, KeyResultIndex?)? {
        guard let o = objectiveIndex[ref.objective] else {
            diagnostics.error(
                "\(field) names objective \"\(ref.objective)\", which does not exist"
                    + Suggest.hint(for: ref.objective, in: objectiveIndex.keys),
                at: ref.location)
            return nil
        }
        guard let k = ref.keyResult else { return (o, nil) }
        guard let ki = objectives[o].keyResults.firstIndex(where: { $0.id == k }) else {
            let ids = objectives[o].keyResults.map(\.id)
            let list = ids.isEmpty ? "none" : ids.joined(separator: ", ")
            diagnostics.error(
                "\(field) names key result \"\(k)\" of \"\(objectives[o].id)\", which has no such key result "
                    + "(it has: \(list))\(Suggest.hint(for: k, in: ids))",
                at: ref.location)
            return nil
        }
        return (o, ki)
    }

    /// Checks every `continues:` and links objectives to their predecessors (and back). The predecessor
    /// must exist, lie in a period that starts before this objective's period, and not be confidential
    /// when this objective is public (the link would reveal it).
    static func resolveContinues(
        _ objectives: IndexedArray<ObjectiveIndex, Objective>, objectiveIndex: [String: ObjectiveIndex],
        objectivePeriod: IndexedArray<ObjectiveIndex, PeriodIndex?>, periods: IndexedArray<PeriodIndex, Period>,
        diagnostics: inout Diagnostics
    ) -> (
        predecessor: IndexedArray<ObjectiveIndex, ObjectiveIndex?>,
        successors: IndexedArray<ObjectiveIndex, [ObjectiveIndex]>
    ) {
        var predecessor = IndexedArray<ObjectiveIndex, ObjectiveIndex?>(repeating: nil, count: objectives.count)
        var successors = IndexedArray<ObjectiveIndex, [ObjectiveIndex]>(repeating: [], count: objectives.count)
        for (i, o) in objectives.indexed() {
            guard let id = o.continues else { continue }
            let at = (o.continuesMark ?? Mark()).location(in: o.path)
            guard let p = objectiveIndex[id] else {
                diagnostics.error(
                    "continues names objective \"\(id)\", which does not exist"
                        + Suggest.hint(for: id, in: objectiveIndex.keys),
                    at: at)
                continue
            }
            if p == i {
                diagnostics.error(
                    "objective \"\(o.id)\" continues itself; name its predecessor of an earlier period", at: at)
                continue
            }
            if let cp = objectivePeriod[i], let pp = objectivePeriod[p], !(periods[pp].start < periods[cp].start) {
                diagnostics.error(
                    "continues \"\(id)\" of period \(periods[pp].id), which does not start before this objective's "
                        + "period \(periods[cp].id); an objective continues one of an earlier period",
                    at: at)
                continue
            }
            if o.visibility == .public && objectives[p].visibility == .confidential {
                diagnostics.error(
                    "public objective continues confidential objective \"\(id)\", which would reveal it; make this "
                        + "objective confidential too or remove continues",
                    at: at)
                continue
            }
            predecessor[i] = p
            successors[p].append(i)
        }
        return (predecessor, successors)
    }

    /// The period that contains `asOf` (the last listed if several do), else the one that ends last.
    public static func currentPeriod(of periods: IndexedArray<PeriodIndex, Period>, asOf: Day) -> PeriodIndex? {
        if let i = periods.indices.last(where: { periods[$0].contains(asOf) }) { return i }
        return periods.indices.max { (periods[$0].end, $0) < (periods[$1].end, $1) }
    }

    static func checkPeriods(_ periods: IndexedArray<PeriodIndex, Period>, diagnostics: inout Diagnostics)
        -> [String: PeriodIndex]
    {
        var index: [String: PeriodIndex] = [:]
        var folded: [String: PeriodIndex] = [:]
        for (i, p) in periods.indexed() {
            if let problem = Slug.periodProblem(with: p.id) ?? PageNames.problem(with: p.id, folder: "periods") {
                diagnostics.error("period id \"\(p.id)\" \(problem)", at: p.location)
            }
            if let first = index[p.id] {
                diagnostics.error(
                    "duplicate period id \"\(p.id)\" (first defined at \(periods[first].location))", at: p.location)
                continue
            }
            if let first = folded[p.id.lowercased()] {
                diagnostics.error(
                    "period id \"\(p.id)\" differs from \"\(periods[first].id)\" only in case; both would be "
                        + "the same file on case-insensitive file systems",
                    at: p.location)
            }
            index[p.id] = i
            folded[p.id.lowercased()] = i
            if p.end < p.start {
                diagnostics.error(
                    "period \"\(p.id)\" ends (\(p.end)) before it starts (\(p.start))", at: p.endLocation)
            }
        }
        return index
    }

    static func checkKeyResults(of o: Objective, diagnostics: inout Diagnostics) {
        if o.keyResults.isEmpty && !o.keyResultsUnreadable {
            diagnostics.error(
                "objective \"\(o.id)\" has no key results; an objective needs at least one",
                at: o.keyResultsLocation)
        }
        var ids: [String: Mark] = [:]
        for kr in o.keyResults {
            if let problem = Slug.problem(with: kr.id) {
                diagnostics.error("key result id \"\(kr.id)\" \(problem)", at: kr.idMark.location(in: o.path))
            }
            if let first = ids[kr.id] {
                diagnostics.error(
                    "duplicate key result id \"\(kr.id)\" in this objective (first at line \(first.line))",
                    at: kr.idMark.location(in: o.path))
            } else {
                ids[kr.id] = kr.idMark
            }
            if kr.kind == .metric, let s = kr.start, let t = kr.target, s == t {
                diagnostics.error(
                    "start and target are both \(format(s)); a key result must move from one to the other",
                    at: (kr.targetMark ?? kr.mark).location(in: o.path))
            }
            if !(kr.weight > 0) {
                diagnostics.error(
                    "weight \(format(kr.weight)) must be greater than 0",
                    at: (kr.weightMark ?? kr.mark).location(in: o.path))
            }
            if let s = kr.score, !(0...1).contains(s) {
                diagnostics.error(
                    "score \(format(s)) is outside 0.0…1.0", at: (kr.scoreMark ?? kr.mark).location(in: o.path))
            }
            for c in kr.checkins {
                if let conf = c.confidence, !(0...1).contains(conf) {
                    diagnostics.error(
                        "confidence \(format(conf)) is outside 0…1 (0.7 means 70 % confident)",
                        at: (c.confidenceMark ?? c.mark).location(in: o.path))
                }
            }
        }
    }

    /// A number as an OKR owner wrote it: `5000`, `0.7`.
    public static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }
}
