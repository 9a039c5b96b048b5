import OKRCore

/// The alignment graph of a period as a layered drawing: company objectives on top, each contributor
/// below the objective it aligns to, its edge ending at the key result it serves. Every node links to
/// its page.
///
/// Up to ``objectiveLimit`` objectives the map shows objectives. Beyond that a readable objective map
/// would need more width than any screen has, so it shows teams instead — each with its objective
/// count, mean progress and its objectives counted by status (a team has no status of its own, so its
/// box has a neutral colour) — down to ``teamDepthLimit`` levels below the company, edges weighted by how many
/// objectives of a team align to its parent team's objectives. The cascade and the team pages carry
/// the rest.
public enum AlignmentMap {
    /// Objective maps up to this many objectives.
    public static let objectiveLimit = 60
    /// Team maps show this many levels below the company.
    public static let teamDepthLimit = 2

    /// One box of the map.
    public struct Node: Sendable {
        /// The first line (title or team name).
        public var title: String
        /// The second line (team, or objective count).
        public var subtitle: String
        /// The linked page.
        public var url: String
        /// Progress 0…1.
        public var progress: Double
        /// An objective's status; `nil` for a team, which has none (its box is neutral).
        public var status: Status?
        /// A team's objectives counted by status; `nil` for an objective.
        public var distribution: StatusDistribution? = nil
        /// The number of ports on the bottom edge (key results), at least 1.
        public var ports: Int
        /// Whether the node is a root that is not a company objective (drawn dashed).
        public var unaligned: Bool
        /// Once graded (a closed period): the score, which replaces the live status in colour and words.
        public var score: Double? = nil
    }

    /// One edge: from `child` (top) to `parent` (bottom, at `port` or the middle).
    public struct Edge: Sendable {
        /// The contributing node.
        public var child: Int
        /// The node contributed to.
        public var parent: Int
        /// The parent's port (the key result served), `nil` for the whole node.
        public var port: KeyResultIndex?
        /// Drawn dashed (a secondary alignment).
        public var secondary: Bool
        /// Line width.
        public var weight: Double
    }

    /// A cross-team dependency between two objective nodes (`depends_on:`): drawn as a dashed arrow in
    /// its own colour from the node that needs something to the node it needs.
    public struct DependencyEdge: Sendable, Hashable {
        /// The node that needs something.
        public var from: Int
        /// The node needed.
        public var to: Int
        /// The key result needed (the arrow ends at its port), `nil` for the whole objective.
        public var port: KeyResultIndex?
    }

    /// A map ready to draw: nodes, edges and each node's layer and slot.
    public struct Layout: Sendable {
        /// The nodes.
        public var nodes: [Node]
        /// The edges.
        public var edges: [Edge]
        /// Layer (row) of each node, 0 at the top.
        public var layer: [Int]
        /// Horizontal slot (centre, in node widths) of each node.
        public var slot: [Double]
        /// Whether each node sits in a stack of leaves below its parent.
        public var stacked: [Bool]
        /// Whether this is a team map.
        public var teams: Bool
        /// How many teams were left out (team maps only).
        public var hidden: Int
        /// Dependencies between the objectives shown (objective maps only), each pair and key result once.
        public var dependencies: [DependencyEdge] = []
    }

    static let nodeWidth = 140.0
    static let nodeHeight = 78.0
    static let hGap = 10.0
    static let vGap = 40.0
    static let margin = 8.0

    /// The tidy layout of a forest: leaves on consecutive slots, every parent centred over its children.
    /// Where all children of a node are leaves, they are stacked in one column below it (an org-chart
    /// habit that keeps the map about as wide as the screen). `children` lists each node's primary
    /// children in order; iterative, so depth costs no stack.
    public static func tidy(roots: [Int], children: [[Int]], count: Int) -> (
        layer: [Int], slot: [Double], stacked: [Bool]
    ) {
        var layer = [Int](repeating: 0, count: count)
        var slot = [Double](repeating: 0, count: count)
        var stacked = [Bool](repeating: false, count: count)
        var next = 0.0
        var stack: [(Int, Bool)] = roots.reversed().map { ($0, false) }
        while let (n, done) = stack.popLast() {
            let c = children[n]
            if done {
                if !c.isEmpty { slot[n] = (slot[c[0]] + slot[c[c.count - 1]]) / 2 }
                continue
            }
            if c.count >= 2 && c.allSatisfy({ children[$0].isEmpty }) {
                slot[n] = next
                next += 1
                for (i, child) in c.enumerated() {
                    layer[child] = layer[n] + 1 + i
                    slot[child] = slot[n] + stackIndent
                    stacked[child] = true
                }
                continue
            }
            if c.isEmpty {
                slot[n] = next
                next += 1
            }
            stack.append((n, true))
            for child in c.reversed() {
                layer[child] = layer[n] + 1
                stack.append((child, false))
            }
        }
        return (layer, slot, stacked)
    }

    /// How far stacked children are indented, in node widths, leaving room for the line to them.
    static let stackIndent = 0.12

    /// The layout of period `p`'s published objectives (or teams, beyond the limit).
    public static func layout(
        _ org: Organisation, period p: PeriodIndex, objectives: [ObjectiveIndex],
        rollUp: IndexedArray<TeamIndex, (progress: Double, count: Int)>,
        distribution: IndexedArray<TeamIndex, StatusDistribution>, teamURL: (TeamIndex) -> String,
        objectiveURL: (ObjectiveIndex) -> String
    ) -> Layout {
        if objectives.count <= objectiveLimit {
            return objectiveLayout(org, objectives: objectives, url: objectiveURL)
        }
        return teamLayout(
            org, period: p, objectives: objectives, rollUp: rollUp, distribution: distribution, url: teamURL)
    }

    static func objectiveLayout(
        _ org: Organisation, objectives: [ObjectiveIndex], url: (ObjectiveIndex) -> String
    ) -> Layout {
        var index: [ObjectiveIndex: Int] = [:]
        for (i, o) in objectives.enumerated() { index[o] = i }
        var nodes: [Node] = []
        for o in objectives {
            let team = org.objectiveTeam[o].map { org.teams.teams[$0].name } ?? ""
            nodes.append(
                Node(
                    title: org.objectives[o].title, subtitle: team, url: url(o), progress: org.states[o].progress,
                    status: org.states[o].status, ports: max(1, org.objectives[o].keyResults.count),
                    unaligned: org.publishedParents(of: o).isEmpty && org.objectiveTeam[o] != org.teams.root,
                    score: org.states[o].score))
        }
        var edges: [Edge] = []
        var children = [[(kr: KeyResultIndex?, child: Int)]](repeating: [], count: objectives.count)
        var roots: [Int] = []
        for (i, o) in objectives.enumerated() {
            let parents = org.publishedParents(of: o).filter { index[$0.parent] != nil }
            if parents.isEmpty { roots.append(i) }
            for (n, e) in parents.enumerated() {
                guard let pi = index[e.parent] else { continue }
                edges.append(Edge(child: i, parent: pi, port: e.keyResult, secondary: n > 0, weight: 1.5))
                if n == 0 { children[pi].append((e.keyResult, i)) }
            }
        }
        // Company objectives first, then unaligned ones; children ordered by the KR they serve.
        roots.sort { (nodes[$0].unaligned ? 1 : 0, $0) < (nodes[$1].unaligned ? 1 : 0, $1) }
        let ordered = children.map { $0.sorted(by: servesBefore).map(\.child) }
        let (layer, slot, stacked) = tidy(roots: roots, children: ordered, count: nodes.count)
        // Dependencies between objectives on the map; a key result's entry counts as its objective's.
        var dependencies: [DependencyEdge] = []
        var seen = Set<DependencyEdge>()
        for (i, o) in objectives.enumerated() {
            for d in org.publishedDependencies(of: o) {
                guard let to = index[d.target] else { continue }
                let edge = DependencyEdge(from: i, to: to, port: d.targetKeyResult)
                if seen.insert(edge).inserted { dependencies.append(edge) }
            }
        }
        return Layout(
            nodes: nodes, edges: edges, layer: layer, slot: slot, stacked: stacked, teams: false, hidden: 0,
            dependencies: dependencies)
    }

    /// The order of a node's children: by the key result they serve, those serving the whole objective
    /// last, then in node order.
    static func servesBefore(_ a: (kr: KeyResultIndex?, child: Int), _ b: (kr: KeyResultIndex?, child: Int)) -> Bool {
        switch (a.kr, b.kr) {
        case (let x?, let y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return a.child < b.child
        }
    }

    static func teamLayout(
        _ org: Organisation, period p: PeriodIndex, objectives: [ObjectiveIndex],
        rollUp: IndexedArray<TeamIndex, (progress: Double, count: Int)>,
        distribution: IndexedArray<TeamIndex, StatusDistribution>, url: (TeamIndex) -> String
    ) -> Layout {
        let tree = org.teams
        let shown = tree.preorder.filter { tree.depth[$0] <= teamDepthLimit && rollUp[$0].count > 0 }
        let hidden = tree.preorder.filter { tree.depth[$0] > teamDepthLimit && rollUp[$0].count > 0 }.count
        var index: [TeamIndex: Int] = [:]
        for (i, t) in shown.enumerated() { index[t] = i }
        var nodes: [Node] = []
        var children = [[Int]](repeating: [], count: shown.count)
        var roots: [Int] = []
        var edges: [Edge] = []
        // Alignments between a team's objectives and its parent team's objectives.
        var aligned: [TeamIndex: Int] = [:]
        for o in objectives {
            guard let ct = org.objectiveTeam[o] else { continue }
            for e in org.publishedParents(of: o) where org.objectiveTeam[e.parent] == tree.parent[ct] {
                aligned[ct, default: 0] += 1
            }
        }
        for (i, t) in shown.enumerated() {
            let (progress, count) = rollUp[t]
            nodes.append(
                Node(
                    title: tree.teams[t].name, subtitle: "\(count)", url: url(t), progress: progress,
                    status: nil,
                    distribution: distribution.indices.contains(t) ? distribution[t] : StatusDistribution(),
                    ports: 1, unaligned: false))
            if let parent = tree.parent[t], let pi = index[parent] {
                children[pi].append(i)
                edges.append(
                    Edge(
                        child: i, parent: pi, port: nil, secondary: false,
                        weight: 1 + min(4, Double(aligned[t] ?? 0) / 2)))
            } else {
                roots.append(i)
            }
        }
        let (layer, slot, stacked) = tidy(roots: roots, children: children, count: nodes.count)
        return Layout(
            nodes: nodes, edges: edges, layer: layer, slot: slot, stacked: stacked, teams: true, hidden: hidden)
    }

    /// Greedy word wrap into at most `lines` lines of about `width` characters; the last line ends in
    /// "…" when text is left over.
    public static func wrap(_ text: String, width: Int, lines: Int) -> [String] {
        var result: [String] = []
        var current = ""
        var words = text.split(separator: " ").map(String.init)[...]
        while let word = words.first {
            let candidate = current.isEmpty ? word : current + " " + word
            if candidate.count <= width || current.isEmpty {
                current = candidate.count > width ? String(candidate.prefix(width - 1)) + "…" : candidate
                words = words.dropFirst()
                if candidate.count > width { break }
            } else {
                result.append(current)
                current = ""
                if result.count == lines { break }
            }
        }
        if result.count < lines && !current.isEmpty { result.append(current) }
        if !words.isEmpty, var last = result.popLast() {
            if last.count >= width { last = String(last.prefix(width - 1)) }
            result.append(last + "…")
        }
        return result
    }

    /// The top-left corner of node `i`.
    public static func origin(_ layout: Layout, _ i: Int) -> (x: Double, y: Double) {
        (margin + layout.slot[i] * (nodeWidth + hGap), margin + Double(layout.layer[i]) * (nodeHeight + vGap))
    }

    /// The drawing.
    public static func svg(_ layout: Layout, labels: ChartLabels, id: String) -> String? {
        guard !layout.nodes.isEmpty else { return nil }
        let f = labels.format
        let t = labels.strings
        let slots = (layout.slot.max() ?? 0).rounded(.down) + 1 + (layout.stacked.contains(true) ? stackIndent : 0)
        let layers = Double((layout.layer.max() ?? 0) + 1)
        let width = 2 * margin + slots * nodeWidth + (slots - 1) * hGap
        // Room below the last row for an arrow between two of its boxes.
        let height =
            2 * margin + layers * nodeHeight + (layers - 1) * vGap
            + (layout.dependencies.isEmpty ? 0 : dependencyDip)
        var svg = SVG()
        for e in layout.edges {
            let (cx, cy) = origin(layout, e.child)
            let (px, py) = origin(layout, e.parent)
            let ports = Double(layout.nodes[e.parent].ports)
            let portX = e.port.map { px + nodeWidth * (Double($0.raw) + 0.5) / ports } ?? px + nodeWidth / 2
            let y2 = py + nodeHeight
            let d: String
            if layout.stacked[e.child] && !e.secondary {
                // Along the left of the stack, then up into the parent's port.
                let bus = cx - stackIndent * nodeWidth / 2
                let ym = cy + nodeHeight / 2
                d =
                    "M\(SVG.n(cx)),\(SVG.n(ym)) H\(SVG.n(bus)) V\(SVG.n(y2 + 12)) "
                    + "C\(SVG.n(bus)),\(SVG.n(y2 + 4)) \(SVG.n(portX)),\(SVG.n(y2 + 8)) \(SVG.n(portX)),\(SVG.n(y2))"
            } else {
                let x1 = cx + nodeWidth / 2
                let mid = (cy + y2) / 2
                d =
                    "M\(SVG.n(x1)),\(SVG.n(cy)) C\(SVG.n(x1)),\(SVG.n(mid)) \(SVG.n(portX)),\(SVG.n(mid)) \(SVG.n(portX)),\(SVG.n(y2))"
            }
            svg.element(
                "path", ["class": e.secondary ? "edge secondary" : "edge", "d": .text(d), "stroke-width": .n(e.weight)])
        }
        drawDependencies(layout, into: &svg, id: id)
        for (i, node) in layout.nodes.enumerated() {
            let (x, y) = origin(layout, i)
            let band = node.score.map { ScoreBand(score: $0) }
            // A graded node shows its grade, as every page of a closed period does; a team shows its
            // objectives counted by status, an objective its status.
            let statusWords =
                node.score.map {
                    "\(t["score_label"]) \(f.decimal1($0)) · \(t["band_\(ScoreBand(score: $0).rawValue)"])"
                }
                ?? node.status.map { t["status_\($0.rawValue)"] }
                ?? labels.countsWords(node.distribution ?? StatusDistribution())
            let statusShort =
                band != nil
                ? "· \(statusWords)"
                : node.status.map { "\(t["icon_\($0.rawValue)"]) \(statusWords)" }
                    ?? labels.countsShort(node.distribution ?? StatusDistribution())
            svg.open("a", ["href": .text(node.url)])
            svg.element("title", [:], text: "\(node.title) – \(f.percent(node.progress)), \(statusWords)")
            svg.element(
                "rect",
                [
                    "class": node.unaligned ? "node unaligned" : "node", "x": .n(x), "y": .n(y),
                    "width": .n(nodeWidth), "height": .n(nodeHeight), "rx": "6",
                ])
            svg.element(
                "rect",
                [
                    "class": band.map { "band-fill band-\($0.rawValue)" }
                        ?? node.status.map { "fill s-\($0.rawValue)" } ?? "fill neutral",
                    "x": .n(x), "y": .n(y), "width": "5",
                    "height": .n(nodeHeight), "rx": "2",
                ])
            for (n, line) in wrap(node.title, width: 19, lines: 3).enumerated() {
                svg.element(
                    "text", ["class": "node-title", "x": .n(x + 10), "y": .n(y + 14 + Double(n) * 12)], text: line)
            }
            let sub =
                layout.teams
                ? t.plural("map_objectives", count: Int(node.subtitle) ?? 0, formatted: node.subtitle) : node.subtitle
            svg.element(
                "text", ["class": "node-sub", "x": .n(x + 10), "y": .n(y + 54)],
                text: TeamComparisonChart.truncated(sub, 22))
            svg.element(
                "text", ["class": "node-sub", "x": .n(x + 10), "y": .n(y + 68)],
                text: "\(f.percent(node.progress)) \(statusShort)")
            svg.close("a")
        }
        let description = t.format(
            layout.teams ? "chart_map_teams_desc" : "chart_map_desc",
            [
                "count": f.integer(layout.nodes.count), "edges": f.integer(layout.edges.count),
                "hidden": f.integer(layout.hidden),
            ])
        let dependencyWords =
            layout.dependencies.isEmpty
            ? "" : " " + t.format("chart_map_deps_desc", ["count": f.integer(layout.dependencies.count)])
        return svg.render(
            width: width, height: height, title: t["chart_map_title"], description: description + dependencyWords,
            className: "chart map", idPrefix: id, role: nil)
    }

    /// Draws the dependencies as dashed arrows (class `dependency`, a colour of their own and an
    /// arrowhead at the objective needed), below the boxes, from the edge of one box to the edge of the
    /// other.
    static func drawDependencies(_ layout: Layout, into svg: inout SVG, id: String) {
        guard !layout.dependencies.isEmpty else { return }
        let marker = "\(id)-dep-arrow"
        svg.open("defs")
        svg.open(
            "marker",
            [
                "id": .text(marker), "viewBox": "0 0 10 10", "refX": "9", "refY": "5", "markerWidth": "7",
                "markerHeight": "7", "orient": "auto-start-reverse",
            ])
        svg.element("path", ["class": "dep-arrow", "d": "M0,0 L10,5 L0,10 z"])
        svg.close("marker")
        svg.close("defs")
        for e in layout.dependencies {
            let a = origin(layout, e.from)
            let b = origin(layout, e.to)
            // The arrow ends at the port of the key result needed, as an alignment edge does.
            let ports = Double(layout.nodes[e.to].ports)
            let port = e.port.map { b.x + nodeWidth * (Double($0.raw) + 0.5) / ports }
            let d: String
            if layout.layer[e.from] == layout.layer[e.to] {
                // Side by side: out of the bottom of one box, through the gap below, up into the other's
                // bottom, a quarter box in from the centres so that arrows both ways do not overlap.
                let toward: Double = b.x > a.x ? 1 : -1
                let sx = a.x + nodeWidth / 2 + toward * nodeWidth / 4
                let ex = port ?? b.x + nodeWidth / 2 - toward * nodeWidth / 4
                let y = a.y + nodeHeight
                d =
                    "M\(SVG.n(sx)),\(SVG.n(y)) C\(SVG.n(sx)),\(SVG.n(y + dependencyDip)) "
                    + "\(SVG.n(ex)),\(SVG.n(y + dependencyDip)) \(SVG.n(ex)),\(SVG.n(y))"
            } else {
                // Between rows: from the side of one box that faces the other to the facing side of the
                // other, a quarter box right of the centre so that it does not lie on an alignment edge.
                let down = layout.layer[e.to] > layout.layer[e.from]
                let sx = a.x + nodeWidth * 0.75
                let ex = port ?? b.x + nodeWidth * 0.75
                let sy = down ? a.y + nodeHeight : a.y
                let ey = down ? b.y : b.y + nodeHeight
                let mid = (sy + ey) / 2
                d =
                    "M\(SVG.n(sx)),\(SVG.n(sy)) C\(SVG.n(sx)),\(SVG.n(mid)) \(SVG.n(ex)),\(SVG.n(mid)) "
                    + "\(SVG.n(ex)),\(SVG.n(ey))"
            }
            svg.element("path", ["class": "dependency", "d": .text(d), "marker-end": .text("url(#\(marker))")])
        }
    }

    /// How far an arrow between boxes of one row dips below them (less than the gap between rows).
    static let dependencyDip = 28.0

}
