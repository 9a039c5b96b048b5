import OKRCore

/// The numbers an OKR coach brings to the review of one period, over its published objectives: who
/// has OKRs, how well they are aligned and written, how fresh and how confident they are, who set them,
/// and how the closed periods up to this one ended, by team and by type.
public struct HealthFigures: Sendable {
    /// The period.
    public var period: PeriodIndex
    /// Published objectives of the period, in the order of ``PeriodFigures/objectives``.
    public var objectives: [ObjectiveIndex]
    /// Teams without a published objective in the period, in tree order.
    public var teamsWithout: [TeamIndex]
    /// Published objectives outside the company without a published parent.
    public var notAligned: [ObjectiveIndex]
    /// How many objectives have 1, 2, 3, 4, 5 and 6 or more key results (index 0 = one key result).
    public var keyResultsHistogram: [Int]
    /// Key results of all objectives.
    public var keyResultCount: Int
    /// Key results the portal shows as outdated: (objective, key result index).
    public var outdated: [(objective: ObjectiveIndex, keyResult: KeyResultIndex)]
    /// The mean of every key result's latest confidence at the as-of date, and how many it covers.
    public var meanConfidence: (mean: Double, count: Int)?
    /// The mean confidence week by week.
    public var confidence: [ConfidenceHistory.Point]
    /// Objectives set bottom-up.
    public var bottomUp: Int
    /// Per team with objectives, in tree order: its bottom-up objectives and all of them.
    public var originByTeam: [(team: TeamIndex, bottomUp: Int, total: Int)]
    /// Closed periods up to this one (starting no later) with graded objectives, oldest first.
    public var closedPeriods: [PeriodIndex]
    /// Per closed period (same order): mean score and count per team (tree order), teams with graded
    /// objectives only.
    public var scoresByTeam: [[(team: TeamIndex, mean: Double, expected: Double, count: Int)]]
    /// Per closed period (same order): mean score and count per objective type, types with objectives only.
    public var scoresByType: [[(type: ObjectiveType, mean: Double, count: Int)]]

    /// The recommended number of key results per objective (rule OKR002).
    public static let recommendedKeyResults = OKR002KeyResultsPerObjective.range
    /// The share of bottom-up objectives OKRs work best with (John Doerr, Measure What Matters).
    public static let recommendedBottomUp = 0.5

    /// Computes the figures of period `p`.
    public init(_ org: Organisation, period p: PeriodIndex, figures: IndexedArray<PeriodIndex, PeriodFigures>) {
        period = p
        let f = figures[p]
        objectives = f.objectives
        let tree = org.teams
        teamsWithout = tree.preorder.filter { f.byTeam[$0].isEmpty }
        notAligned = f.objectives.filter {
            org.objectiveTeam[$0] != tree.root && org.publishedParents(of: $0).isEmpty
        }
        var histogram = [Int](repeating: 0, count: 6)
        var krs = 0
        var outdated: [(ObjectiveIndex, KeyResultIndex)] = []
        var confidenceSum = 0.0
        var confidenceCount = 0
        for o in f.objectives {
            let n = org.objectives[o].keyResults.count
            krs += n
            if n > 0 { histogram[min(n, 6) - 1] += 1 }
            for (k, ks) in org.states[o].keyResults.indexed() {
                if ks.status == .outdated { outdated.append((o, k)) }
                if let c = ks.latestConfidence?.confidence {
                    confidenceSum += Progress.clamp(c)
                    confidenceCount += 1
                }
            }
        }
        keyResultsHistogram = histogram
        keyResultCount = krs
        self.outdated = outdated
        meanConfidence = confidenceCount > 0 ? (confidenceSum / Double(confidenceCount), confidenceCount) : nil
        confidence = ConfidenceHistory.weekly(org, period: p, objectives: f.objectives)
        bottomUp = f.objectives.filter { org.objectives[$0].origin == .bottomUp }.count
        originByTeam = tree.preorder.compactMap { t in
            let own = f.byTeam[t]
            guard !own.isEmpty else { return nil }
            return (t, own.filter { org.objectives[$0].origin == .bottomUp }.count, own.count)
        }
        let start = org.periods[p].start
        closedPeriods = org.periods.indices.filter {
            org.periods[$0].isClosed(asOf: org.asOf) && org.periods[$0].start <= start
                && figures[$0].objectives.contains { org.states[$0].score != nil }
        }.sorted { (org.periods[$0].start, $0) < (org.periods[$1].start, $1) }
        scoresByTeam = closedPeriods.map { q in
            tree.preorder.compactMap { t in
                let graded = figures[q].byTeam[t].filter { org.states[$0].score != nil }
                guard !graded.isEmpty else { return nil }
                let sum = graded.reduce(0.0) { $0 + (org.states[$1].score ?? 0) }
                let expected = graded.reduce(0.0) { $0 + org.objectives[$1].type.expectedScore }
                let n = Double(graded.count)
                return (t, sum / n, expected / n, graded.count)
            }
        }
        scoresByType = closedPeriods.map { q in
            ObjectiveType.allCases.compactMap { type in
                let graded = figures[q].objectives.filter {
                    org.objectives[$0].type == type && org.states[$0].score != nil
                }
                guard !graded.isEmpty else { return nil }
                let sum = graded.reduce(0.0) { $0 + (org.states[$1].score ?? 0) }
                return (type, sum / Double(graded.count), graded.count)
            }
        }
    }

    /// Mean key results per objective (0 without objectives).
    public var meanKeyResults: Double {
        objectives.isEmpty ? 0 : Double(keyResultCount) / Double(objectives.count)
    }

    /// The share of objectives set bottom-up (0 without objectives).
    public var shareBottomUp: Double { objectives.isEmpty ? 0 : Double(bottomUp) / Double(objectives.count) }

    /// Objectives whose number of key results is outside the recommended range.
    public func outsideKeyResultRange(_ org: Organisation) -> [ObjectiveIndex] {
        objectives.filter { !Self.recommendedKeyResults.contains(org.objectives[$0].keyResults.count) }
    }
}
