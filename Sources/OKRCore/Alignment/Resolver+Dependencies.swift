extension Resolver {
    /// Checks every `depends_on` entry of objectives and key results and indexes the valid ones.
    ///
    /// Errors: a target that does not exist (objective or key result), the objective itself (also
    /// from one of its own key results), another period, a confidential target of a public objective
    /// (the link would reveal it). Warnings: an entry named twice in one list, a draft target of a
    /// published objective (as `aligns_to` says it: the link is not shown until the draft is
    /// published), and a cycle of dependencies between objectives — teams waiting on each other is worth
    /// a look but may be real, so it does not stop a build.
    static func resolveDependencies(
        _ objectives: IndexedArray<ObjectiveIndex, Objective>, objectiveIndex: [String: ObjectiveIndex],
        objectivePeriod: IndexedArray<ObjectiveIndex, PeriodIndex?>, isPublished: IndexedArray<ObjectiveIndex, Bool>,
        diagnostics: inout Diagnostics
    ) -> Dependencies {
        var all: [Dependency] = []
        // Where each valid dependency is written, for the cycle warning.
        var written: [SourceLocation] = []
        for (i, o) in objectives.indexed() {
            var lists: [(KeyResultIndex?, [AlignmentRef])] = [(nil, o.dependsOn)]
            for (k, kr) in o.keyResults.indexed() where !kr.dependsOn.isEmpty { lists.append((k, kr.dependsOn)) }
            for (source, refs) in lists {
                var seen = Set<String>()
                for ref in refs {
                    if !seen.insert(ref.description).inserted {
                        diagnostics.warning("depends_on names \"\(ref)\" twice", at: ref.location)
                        continue
                    }
                    guard
                        let d = dependency(
                            ref, of: i, keyResult: source, objectives: objectives, objectiveIndex: objectiveIndex,
                            objectivePeriod: objectivePeriod, isPublished: isPublished, diagnostics: &diagnostics)
                    else { continue }
                    all.append(d)
                    written.append(ref.location)
                }
            }
        }
        warnAboutCycles(all, written: written, objectives: objectives, diagnostics: &diagnostics)
        return Dependencies(count: objectives.count, all: all)
    }

    /// One entry checked: the dependency, or `nil` (and a diagnostic) when it cannot count.
    static func dependency(
        _ ref: AlignmentRef, of i: ObjectiveIndex, keyResult source: KeyResultIndex?,
        objectives: IndexedArray<ObjectiveIndex, Objective>, objectiveIndex: [String: ObjectiveIndex],
        objectivePeriod: IndexedArray<ObjectiveIndex, PeriodIndex?>, isPublished: IndexedArray<ObjectiveIndex, Bool>,
        diagnostics: inout Diagnostics
    ) -> Dependency? {
        let o = objectives[i]
        guard
            let (t, targetKR) = target(
                of: ref, field: "depends_on", objectives: objectives, objectiveIndex: objectiveIndex,
                diagnostics: &diagnostics)
        else { return nil }
        if t == i {
            let message =
                source.map {
                    "key result \"\(o.keyResults[$0].id)\" depends on its own objective \"\(o.id)\"; depends_on names "
                        + "what is needed from another objective"
                }
                ?? "objective \"\(o.id)\" depends on itself; depends_on names what is needed from another objective"
            diagnostics.error(message, at: ref.location)
            return nil
        }
        if let sp = objectivePeriod[i], let tp = objectivePeriod[t], sp != tp {
            diagnostics.error(
                "depends on \"\(objectives[t].id)\" of period \(objectives[t].period), but this objective belongs to "
                    + "\(o.period); dependencies stay within a period",
                at: ref.location)
            return nil
        }
        if o.visibility == .public && objectives[t].visibility == .confidential {
            diagnostics.error(
                "public objective depends on confidential objective \"\(objectives[t].id)\", which would reveal it; "
                    + "make this objective confidential too or remove the dependency",
                at: ref.location)
            return nil
        }
        if isPublished[i] && !isPublished[t] && objectives[t].draft && objectives[t].visibility == .public {
            diagnostics.warning(
                "depends on draft \"\(objectives[t].id)\"; until it is published the dependency is not shown",
                at: ref.location)
        }
        return Dependency(source: i, sourceKeyResult: source, target: t, targetKeyResult: targetKR)
    }

    /// A warning per cycle of dependencies between objectives (a key result's entry counts as its
    /// objective's), naming the whole cycle file by file as the alignment cycle error does.
    static func warnAboutCycles(
        _ all: [Dependency], written: [SourceLocation], objectives: IndexedArray<ObjectiveIndex, Objective>,
        diagnostics: inout Diagnostics
    ) {
        guard !all.isEmpty else { return }
        let graph = AlignmentGraph(
            count: objectives.count, edges: all.map { AlignmentEdge(child: $0.source, parent: $0.target) })
        for cycle in graph.cycles() {
            // Each step's place: the first entry of that objective that names the next one on the cycle.
            let places = cycle.indices.map { n -> SourceLocation in
                let next = cycle[(n + 1) % cycle.count]
                let d = all.indices.first { all[$0].source == cycle[n] && all[$0].target == next }
                return d.map { written[$0] } ?? objectives[cycle[n]].idLocation
            }
            let steps = cycle.indices.map { "\"\(objectives[cycle[$0]].id)\" (\(places[$0]))" }
            diagnostics.warning(
                "dependency cycle: \(steps.joined(separator: " → ")) → \"\(objectives[cycle[0]].id)\"; each "
                    + "objective waits for the next, so none can finish first",
                at: places[0])
        }
    }
}
