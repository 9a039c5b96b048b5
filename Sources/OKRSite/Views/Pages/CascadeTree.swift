import OKRCore

/// A period's cascade as HTML, put together from the theme's fragments in `partials/cascade/` (a node's
/// opening and closing, a key result's, …), walked without recursion, so a chain thousands of
/// objectives deep renders without deep call stacks. Fragments that do not depend on data are
/// rendered once.
enum CascadeTree {
    /// One step of the tree walk.
    private enum Step {
        case node(ObjectiveIndex)
        case endNode
        case keyResult(
            objective: ObjectiveIndex, kr: KeyResultIndex, children: [ObjectiveIndex], also: [ObjectiveIndex])
        case endKeyResult(hasChildren: Bool)
        case keyResults
        case endKeyResults
        case whole(children: [ObjectiveIndex], also: [ObjectiveIndex])
        case endWhole
        case group(String)
    }

    /// The items of the tree's top list: from the company objectives, or from objective `top` for a
    /// subtree page. A part of the tree that has a page of its own is a line with a link to it.
    static func html(_ m: SiteModel, period p: PeriodIndex, top: ObjectiveIndex?) -> String {
        let org = m.org
        let templates = m.theme.templates
        func constant(_ name: String) -> [UInt8] {
            var out: [UInt8] = []
            templates.render(name, EmptyView(), into: &out)
            return out
        }
        func closing(_ name: String, _ hasChildren: Bool) -> [UInt8] {
            var out: [UInt8] = []
            templates.render(name, TreeCloseView(hasChildren: hasChildren), into: &out)
            return out
        }
        let nodeClose = constant("partials/cascade/node-close")
        let krsOpen = constant("partials/cascade/krs-open")
        let krsClose = constant("partials/cascade/krs-close")
        let wholeClose = constant("partials/cascade/whole-close")
        let krCloseLeaf = closing("partials/cascade/kr-close", false)
        let krCloseTree = closing("partials/cascade/kr-close", true)
        // Primary parent: the first published one; an objective is drawn in full under it only.
        func primary(_ o: ObjectiveIndex) -> AlignmentEdge? { org.publishedParents(of: o).first }
        var stack: [Step] = []
        if let top {
            stack = [.node(top)]
        } else {
            // Company objectives head the tree; other objectives without a published parent follow under
            // their own heading, so nobody mistakes them for company goals.
            let roots = m.figures[p].objectives.filter { primary($0) == nil }
            let company = roots.filter { org.objectiveTeam[$0] == org.teams.root }
            let unaligned = roots.filter { org.objectiveTeam[$0] != org.teams.root }
            stack = unaligned.reversed().map { .node($0) }
            if !unaligned.isEmpty { stack.append(.group(m.t["cascade_unaligned"])) }
            stack.append(contentsOf: company.reversed().map { .node($0) })
        }
        let splits = Set(m.cascadeSplits[p])
        var drawn = Set<ObjectiveIndex>()
        // Nodes open around the current step: only the top level starts open, so the page shows two
        // levels (the top objectives and the lines of those below them) and a click opens the rest.
        var depth = 0
        var out: [UInt8] = []
        while let step = stack.popLast() {
            switch step {
            case .node(let o):
                guard drawn.insert(o).inserted else { continue }
                let summary = ObjectiveSummaryView(site: m, o)
                if splits.contains(o) && o != top {
                    templates.render("partials/cascade/node-link", CascadeLinkView(summary: summary), into: &out)
                    continue
                }
                templates.render(
                    "partials/cascade/node-open", CascadeNodeView(summary: summary, open: depth == 0), into: &out)
                depth += 1
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
                depth -= 1
                out += nodeClose
            case .keyResult(let o, let k, let children, let also):
                let view = CascadeKeyResultView(
                    row: KeyResultRowView(site: m, o, k), hasChildren: !children.isEmpty || !also.isEmpty,
                    also: also.map { ObjectiveSummaryView(site: m, $0) })
                templates.render("partials/cascade/kr-open", view, into: &out)
                stack.append(.endKeyResult(hasChildren: view.hasChildren))
                stack.append(contentsOf: children.reversed().map { .node($0) })
            case .endKeyResult(let hasChildren):
                out += hasChildren ? krCloseTree : krCloseLeaf
            case .keyResults:
                out += krsOpen
            case .endKeyResults:
                out += krsClose
            case .whole(let children, let also):
                let view = CascadeWholeView(also: also.map { ObjectiveSummaryView(site: m, $0) })
                templates.render("partials/cascade/whole-open", view, into: &out)
                stack.append(.endWhole)
                stack.append(contentsOf: children.reversed().map { .node($0) })
            case .endWhole:
                out += wholeClose
            case .group(let label):
                templates.render("partials/cascade/group", CascadeGroupView(group: label), into: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// An objective in the cascade, with its key results and contributors below (`partials/cascade/node-open`).
public struct CascadeNodeView: TemplateView {
    /// The objective.
    public let summary: ObjectiveSummaryView
    /// Whether its part of the tree starts open: only the top level's does.
    public let open: Bool

    public static let schema = ViewSchema<CascadeNodeView>(
        "CascadeNode", "An objective in the cascade.",
        fields: Field.embed(\.summary) + [
            .flag("open", "whether its key results and contributors start shown (the top level only)") { $0.open }
        ])
}

/// An objective whose part of the cascade has a page of its own (`partials/cascade/node-link`).
public struct CascadeLinkView: TemplateView {
    /// The objective.
    public let summary: ObjectiveSummaryView

    public static let schema = ViewSchema<CascadeLinkView>(
        "CascadeLink", "An objective whose part of the cascade is on a page of its own.",
        fields: Field.embed(\.summary) + [
            .text("cascade_url", "that page") { $0.summary.site.routes.path(.cascadePart($0.summary.objective)) }
        ])
}

/// A key result in the cascade, with the objectives aligned to it below (`partials/cascade/kr-open`).
public struct CascadeKeyResultView: TemplateView {
    /// The key result.
    public let row: KeyResultRowView
    /// Whether objectives follow below it.
    public let hasChildren: Bool
    /// Objectives that also serve it but are drawn in full elsewhere (under their first alignment).
    public let also: [ObjectiveSummaryView]

    public static let schema = ViewSchema<CascadeKeyResultView>(
        "CascadeKeyResult", "A key result in the cascade.",
        fields: Field.embed(\.row, except: ["supported_by"]) + [
            .flag("has_children", "whether objectives follow below it") { $0.hasChildren },
            .list("also", "objectives that also serve it, drawn in full elsewhere") { $0.also },
        ])
}

/// The objectives that support an objective as a whole (`partials/cascade/whole-open`).
public struct CascadeWholeView: TemplateView {
    /// Objectives that also support it but are drawn in full elsewhere.
    public let also: [ObjectiveSummaryView]

    public static let schema = ViewSchema<CascadeWholeView>(
        "CascadeWhole", "The start of the objectives supporting an objective as a whole.",
        fields: [.list("also", "objectives that also support it, drawn in full elsewhere") { $0.also }])
}

/// A heading in the cascade (`partials/cascade/group`).
public struct CascadeGroupView: TemplateView {
    /// The heading.
    public let group: String

    public static let schema = ViewSchema<CascadeGroupView>(
        "CascadeGroup", "A heading in the cascade.", fields: [.text("group", "the heading") { $0.group }])
}
