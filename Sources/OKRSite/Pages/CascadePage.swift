import OKRCore

/// `cascade/PERIOD.html`: the period's whole alignment tree, company → department → team, nested and
/// collapsible with `<details>`. A child that serves a specific key result sits under that KR.
///
/// The tree is put together in Swift from the theme's fragments in `partials/cascade/` (a node's
/// opening and closing, a key result's, …), walked without recursion, so a chain thousands of
/// objectives deep renders without deep call stacks and a 10,000-objective cascade without hundreds
/// of thousands of template lookups. Fragments that do not depend on data are rendered once.
enum CascadePage: PageKind {
    static func pages(in model: SiteModel) -> [Page] {
        model.org.periods.indices.map { p in
            Page(path: model.url(cascade: p), template: "cascade") { m in
                let title = m.t.format("cascade_title", ["period": m.org.periods[p].id])
                var c = m.baseContext(depth: 1, title: title, section: "cascade")
                c["period"] = PeriodPages.periodHeader(m, period: p)
                c["tree_html"] = html(m, period: p)
                c["map_url"] = AlignmentMapPage.url(m, period: p)
                c["has_objectives"] = !m.figures[p].objectives.isEmpty
                c["switcher"] = m.periodsNewestFirst.map { q -> [String: Any] in
                    ["label": m.org.periods[q].id, "url": m.url(cascade: q), "current": q == p]
                }
                return c
            }
        }
    }

    /// One step of the tree walk.
    enum Step {
        case node(Int)
        case endNode
        case keyResult(objective: Int, kr: Int, children: [Int], also: [Int])
        case endKeyResult(hasChildren: Bool)
        case keyResults
        case endKeyResults
        case whole(children: [Int], also: [Int])
        case endWhole
        case group(String)
    }

    /// The period's cascade as HTML (the items of the tree's top list).
    static func html(_ m: SiteModel, period p: Int) -> String {
        let org = m.org
        let objectives = m.figures[p].objectives
        let f = m.fragments
        let nodeClose = f.constant("partials/cascade/node-close")
        let krsOpen = f.constant("partials/cascade/krs-open")
        let krsClose = f.constant("partials/cascade/krs-close")
        let krCloseLeaf = f.render("partials/cascade/kr-close", ["has_children": false])
        let krCloseTree = f.render("partials/cascade/kr-close", ["has_children": true])
        let wholeClose = f.constant("partials/cascade/whole-close")
        // Primary parent: the first published one; an objective is drawn in full under it only.
        func primary(_ o: Int) -> AlignmentEdge? { org.publishedParents(of: o).first }
        let roots = objectives.filter { primary($0) == nil }
        // Company objectives head the tree; other objectives without a published parent follow under
        // their own heading, so nobody mistakes them for company goals.
        let company = roots.filter { org.objectiveTeam[$0] == org.teams.root }
        let unaligned = roots.filter { org.objectiveTeam[$0] != org.teams.root }
        var out = ""
        var stack: [Step] = unaligned.reversed().map { .node($0) }
        if !unaligned.isEmpty { stack.append(.group(m.t["cascade_unaligned"])) }
        stack.append(contentsOf: company.reversed().map { .node($0) })
        var drawn = Set<Int>()
        while let step = stack.popLast() {
            switch step {
            case .node(let o):
                guard drawn.insert(o).inserted else { continue }
                out += f.render("partials/cascade/node-open", m.objectiveSummary(o))
                let krs = org.objectives[o].keyResults.indices
                var pending: [Step] = krs.isEmpty ? [] : [.keyResults]
                for k in krs {
                    let all = org.publishedChildren(of: o, keyResult: k)
                    let mine = all.filter { c in primary(c).map { $0.parent == o && $0.keyResult == k } ?? false }
                    let also = all.filter { !mine.contains($0) }
                    pending.append(.keyResult(objective: o, kr: k, children: mine, also: also))
                }
                if !krs.isEmpty { pending.append(.endKeyResults) }
                let all = org.publishedChildren(of: o, keyResult: nil)
                let mine = all.filter { c in primary(c).map { $0.parent == o && $0.keyResult == nil } ?? false }
                let also = all.filter { !mine.contains($0) }
                if !all.isEmpty { pending.append(.whole(children: mine, also: also)) }
                stack.append(.endNode)
                stack.append(contentsOf: pending.reversed())
            case .endNode:
                out += nodeClose
            case .keyResult(let o, let k, let children, let also):
                var d = m.keyResultBrief(o, k)
                let hasChildren = !children.isEmpty || !also.isEmpty
                d["has_children"] = hasChildren
                d["also"] = also.map { m.objectiveSummary($0) }
                out += f.render("partials/cascade/kr-open", d)
                stack.append(.endKeyResult(hasChildren: hasChildren))
                stack.append(contentsOf: children.reversed().map { .node($0) })
            case .endKeyResult(let hasChildren):
                out += hasChildren ? krCloseTree : krCloseLeaf
            case .keyResults:
                out += krsOpen
            case .endKeyResults:
                out += krsClose
            case .whole(let children, let also):
                out += f.render("partials/cascade/whole-open", ["also": also.map { m.objectiveSummary($0) }])
                stack.append(.endWhole)
                stack.append(contentsOf: children.reversed().map { .node($0) })
            case .endWhole:
                out += wholeClose
            case .group(let label):
                out += f.render("partials/cascade/group", ["group": label])
            }
        }
        return out
    }
}
