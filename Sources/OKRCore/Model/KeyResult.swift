/// How a key result is measured.
public enum KeyResultKind: String, Sendable, Hashable, CaseIterable {
    /// A number moving from `start` to `target`.
    case metric
    /// Done or not done, optionally by a `due` date.
    case milestone
    /// The mean progress of the published objectives aligned to this key result.
    case children
}

/// One weekly (or so) reading of a key result.
public struct CheckIn: Sendable, Hashable {
    /// The day of the reading.
    public var date: Day
    /// The metric's value that day (metrics only).
    public var value: Double?
    /// The owner's call (`status:`): the status the owner gives the key result with this check-in when
    /// the numbers lag reality; `nil` when the check-in gives none. A check-in derived from git history
    /// never carries one. One byte, declared here to sit in the padding after `value`'s optional tag, so
    /// a check-in takes no more memory than without it.
    public var status: Status?
    /// How confident the owner is to reach the target, 0…1.
    public var confidence: Double?
    /// What happened.
    public var note: String?
    /// Where the check-in is written (in its objective's file).
    public var mark: Mark
    /// Where `confidence` is written.
    public var confidenceMark: Mark?
    /// For a check-in derived from git history: the index of its commit in the objective's
    /// ``Objective/revisions``; -1 for a check-in written in the file. An `Int32` rather than an
    /// optional: it fits the padding after `confidenceMark`, so millions of check-ins take no more
    /// memory than before history existed.
    var revision: Int32

    /// Creates a check-in; `revision` is set for a check-in derived from git history (see
    /// ``HistoryMerge``).
    public init(
        date: Day, value: Double? = nil, confidence: Double? = nil, note: String? = nil,
        mark: Mark = Mark(), confidenceMark: Mark? = nil, revision: Int? = nil, status: Status? = nil
    ) {
        self.date = date
        self.value = value
        self.confidence = confidence
        self.note = note
        self.mark = mark
        self.confidenceMark = confidenceMark
        self.revision = revision.map { Int32(clamping: $0) } ?? -1
        // Derived check-ins never carry a call: a commit changes numbers, it says nothing about them.
        self.status = revision == nil ? status : nil
    }

    /// For a check-in derived from git history, the index of the commit it comes from in its
    /// objective's ``Objective/revisions``; `nil` for a check-in written in the file.
    public var revisionIndex: Int? { revision >= 0 ? Int(revision) : nil }

    /// Whether the check-in was derived from git history rather than written in the file.
    /// A derived metric check-in's value is the `current:` a commit wrote; a derived milestone
    /// check-in's value is 1 when the commit set `done: true` and 0 when it set it back.
    public var isDerived: Bool { revision >= 0 }
}

/// One key result of an objective.
public struct KeyResult: Sendable {
    /// A slug, unique within its objective.
    public var id: String
    /// What is measured.
    public var title: String
    /// Metric, milestone or children.
    public var kind: KeyResultKind
    /// A metric's value at the start of the period.
    public var start: Double?
    /// A metric's value to reach.
    public var target: Double?
    /// A metric's current value as written (`current:`); see ``Progress`` for the effective one.
    public var current: Double?
    /// The unit shown next to numbers ("Follower", "%").
    public var unit: String?
    /// The weight in the objective's progress, > 0.
    public var weight: Double
    /// Check-ins in file order.
    public var checkins: [CheckIn]
    /// A milestone's state.
    public var done: Bool
    /// A milestone's due date; the period's end when `nil`.
    public var due: Day?
    /// A hand-set end-of-period score (0…1).
    public var score: Double?
    /// How often it should be checked in (`checkin_every_days:`), overriding its team's and the site's.
    public var checkinEveryDays: Int? = nil
    /// What this key result needs from other objectives or their key results (`depends_on:`), as written.
    public var dependsOn: [AlignmentRef] = []
    /// Where the key result's entry starts (in its objective's file).
    public var mark: Mark
    /// Where `id` is written.
    public var idMark: Mark
    /// Where `title` is written.
    public var titleMark: Mark?
    /// Where `target` is written (for start = target).
    public var targetMark: Mark?
    /// Where `current` is written.
    public var currentMark: Mark?
    /// Where `weight` is written.
    public var weightMark: Mark?
    /// Where `score` is written.
    public var scoreMark: Mark?

    /// Creates a key result with the spec's defaults.
    public init(
        id: String, title: String, kind: KeyResultKind = .metric, start: Double? = nil, target: Double? = nil,
        current: Double? = nil, unit: String? = nil, weight: Double = 1, checkins: [CheckIn] = [],
        done: Bool = false, due: Day? = nil, score: Double? = nil, mark: Mark = Mark(), idMark: Mark? = nil,
        targetMark: Mark? = nil, currentMark: Mark? = nil, weightMark: Mark? = nil, scoreMark: Mark? = nil,
        titleMark: Mark? = nil
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.start = start
        self.target = target
        self.current = current
        self.unit = unit
        self.weight = weight
        self.checkins = checkins
        self.done = done
        self.due = due
        self.score = score
        self.mark = mark
        self.idMark = idMark ?? mark
        self.titleMark = titleMark
        self.targetMark = targetMark
        self.currentMark = currentMark
        self.weightMark = weightMark
        self.scoreMark = scoreMark
    }

    /// Whether it can be measured: a metric with a start and a target, a milestone, or children. Only a
    /// draft may hold a metric without numbers (see ``ObjectiveReader``); rule OKR003 reports it.
    public var isMeasurable: Bool { kind != .metric || (start != nil && target != nil) }

    /// Whether the target is below the start (fewer defects, shorter lead time).
    public var isDecreasing: Bool {
        guard let s = start, let t = target else { return false }
        return t < s
    }
}
