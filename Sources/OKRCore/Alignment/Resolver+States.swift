extension Resolver {
    /// With `keepCheckIns` false the key results' states hold no check-ins: figures and statuses of
    /// another day (``Organisation/states(asOf:)``) need none, and keeping the filtered copies took
    /// 250 MB at 100,000 objectives. With `forecasts` false no forecast is computed (every one stays
    /// ``NoForecastReason/noPeriod``): figures of another day need none.
    static func computeStates(
        objectives: IndexedArray<ObjectiveIndex, Objective>, config: SiteConfig, asOf: Day,
        objectivePeriod: IndexedArray<ObjectiveIndex, PeriodIndex?>, isPublished: IndexedArray<ObjectiveIndex, Bool>,
        graph: AlignmentGraph, keepCheckIns: Bool = true, forecasts: Bool = true, diagnostics: inout Diagnostics
    ) -> IndexedArray<ObjectiveIndex, ObjectiveState> {
        var states = IndexedArray<ObjectiveIndex, ObjectiveState?>(repeating: nil, count: objectives.count)
        for o in graph.contributorsFirst() {
            let objective = objectives[o]
            let period = objectivePeriod[o].map { config.periods[$0] }
            let expected = period.map { $0.expected(asOf: asOf) } ?? 0
            let open = period.map { $0.contains(asOf) } ?? false
            // Why nothing of this objective has a forecast, whatever its kind: no period, or a closed one.
            let noForecast: NoForecastReason? =
                period == nil ? .noPeriod : period!.isClosed(asOf: asOf) ? .periodClosed : nil
            var krStates: IndexedArray<KeyResultIndex, KeyResultState> = []
            krStates.reserveCapacity(objective.keyResults.count)
            for (k, kr) in objective.keyResults.indexed() {
                // Usually every check-in is known and in order: then the state shares the key result's
                // array instead of copying millions of check-ins.
                var known =
                    kr.checkins.allSatisfy { $0.date <= asOf } ? kr.checkins : kr.checkins.filter { $0.date <= asOf }
                if known.count > 1 && !isSortedByDate(known) {
                    // Stable: check-ins of the same day keep their file order, so the later one is newest.
                    known = known.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
                        .map(\.element)
                }
                var state = KeyResultState(
                    progress: 0, computedStatus: .onTrack, ownerStatus: nil, isStale: false, score: nil, current: nil,
                    checkins: known, contributors: [])
                // The owner's call stands only while it is the newest check-in's: a newer check-in without
                // `status:` ends it.
                state.ownerStatus = known.last?.status
                switch kr.kind {
                case .metric:
                    let newest = known.last { $0.value != nil }
                    // A derived check-in is a committed value of `current:` itself: only a newest check-in
                    // written in the file can contradict it (an uncommitted edit of `current:` is no
                    // contradiction).
                    if let c = kr.current, let n = newest, !n.isDerived, let v = n.value, v != c {
                        diagnostics.warning(
                            "current: \(format(c)) differs from the newest check-in (\(format(v)) on \(n.date)); "
                                + "current wins",
                            at: (kr.currentMark ?? kr.mark).location(in: objective.path))
                    }
                    let current = kr.current ?? newest?.value ?? kr.start
                    state.current = current
                    if let s = kr.start, let t = kr.target, let c = current {
                        state.progress = Progress.metric(start: s, target: t, current: c)
                    }
                    let staleDays = open ? known.last.map { $0.date.days(to: asOf) } : nil
                    state.isStale =
                        Progress.isStale(
                            progress: state.progress, staleDays: staleDays, staleAfterDays: config.staleAfterDays)
                        && state.ownerStatus != .done
                    state.computedStatus = Progress.status(
                        progress: state.progress, expected: expected, staleDays: staleDays,
                        staleAfterDays: config.staleAfterDays)
                    if forecasts {
                        state.forecast = Forecast.metric(
                            start: kr.start, target: kr.target, period: period, checkins: known, asOf: asOf)
                    }
                case .milestone:
                    if forecasts { state.forecast = .none(noForecast ?? .milestone) }
                    state.progress = kr.done ? 1 : 0
                    if let due = kr.due ?? period?.end {
                        state.computedStatus = Progress.milestoneStatus(done: kr.done, due: due, asOf: asOf)
                    } else {
                        state.computedStatus = kr.done ? .done : .onTrack
                    }
                case .children:
                    var contributors: [ObjectiveIndex] = []
                    var seen = Set<ObjectiveIndex>()
                    for e in graph.children[o] where e.keyResult == k && isPublished[e.child] {
                        if seen.insert(e.child).inserted { contributors.append(e.child) }
                    }
                    state.contributors = contributors
                    if contributors.isEmpty {
                        diagnostics.warning(
                            "key result \"\(kr.id)\" is measured by its children, but no published objective "
                                + "aligns to \"\(objective.id)#\(kr.id)\"; its progress is 0",
                            at: kr.mark.location(in: objective.path))
                    } else {
                        let sum = contributors.reduce(0.0) { $0 + (states[$1]?.progress ?? 0) }
                        state.progress = Progress.clamp(sum / Double(contributors.count))
                    }
                    state.computedStatus = Progress.status(
                        progress: state.progress, expected: expected, staleDays: nil,
                        staleAfterDays: config.staleAfterDays)
                    if forecasts {
                        state.forecast = childrenForecast(
                            contributors.map { states[$0]?.forecast ?? .none(.noPeriod) }, end: period?.end,
                            noForecast: noForecast)
                    }
                }
                state.score = Progress.score(
                    progress: state.progress, manual: kr.score, periodEnd: period?.end, asOf: asOf)
                if !keepCheckIns { state.checkins = [] }
                krStates.append(state)
            }
            let progress = Progress.weightedMean(
                zip(objective.keyResults, krStates).map { (progress: $1.progress, weight: $0.weight) })
            states[o] = ObjectiveState(
                progress: progress,
                status: Progress.objectiveStatus(krStates.map(\.status)),
                score: Progress.score(progress: progress, manual: objective.score, periodEnd: period?.end, asOf: asOf),
                expected: expected,
                keyResults: krStates)
            if forecasts {
                states[o]?.forecast = objectiveForecast(
                    zip(objective.keyResults, krStates).map { (outcome: $1.forecast, weight: $0.weight) },
                    end: period?.end, noForecast: noForecast)
            }
        }
        return states.mapIndexed { $0! }  // contributorsFirst() lists every objective exactly once
    }

    /// A `children` key result's forecast: the mean of its supporters' (`contributors`, their objectives'
    /// forecasts) where all have one.
    static func childrenForecast(
        _ contributors: [ForecastOutcome], end: Day?, noForecast: NoForecastReason?
    ) -> ForecastOutcome {
        if let noForecast { return .none(noForecast) }
        guard let end else { return .none(.noPeriod) }
        guard !contributors.isEmpty else { return .none(.noSupporters) }
        let known = contributors.compactMap(\.forecast)
        guard known.count == contributors.count, let mean = Forecast.mean(known, end: end) else {
            return .none(.supportersWithout(missing: contributors.count - known.count, of: contributors.count))
        }
        return .forecast(mean)
    }

    /// An objective's forecast: the weighted mean of its key results' (weights as for progress) where
    /// every one has one.
    static func objectiveForecast(
        _ keyResults: [(outcome: ForecastOutcome, weight: Double)], end: Day?, noForecast: NoForecastReason?
    ) -> ForecastOutcome {
        if let noForecast { return .none(noForecast) }
        guard let end else { return .none(.noPeriod) }
        let known = keyResults.compactMap(\.outcome.forecast)
        guard known.count == keyResults.count,
            let mean = Forecast.mean(known, weights: keyResults.map(\.weight), end: end)
        else {
            return .none(.keyResultsWithout(missing: keyResults.count - known.count, of: keyResults.count))
        }
        return .forecast(mean)
    }

    static func isSortedByDate(_ checkins: [CheckIn]) -> Bool {
        zip(checkins, checkins.dropFirst()).allSatisfy { $0.date <= $1.date }
    }
}
