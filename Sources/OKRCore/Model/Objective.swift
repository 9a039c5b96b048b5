/// Whether an objective must be reached in full or is a stretch goal.
public enum ObjectiveType: String, Sendable, Hashable, CaseIterable {
    /// A stretch goal: about 0.7 is a good score.
    case aspirational
    /// A promise: expected to reach 1.0.
    case committed

    /// The score this type of objective is expected to reach by the end of its period.
    public var expectedScore: Double { self == .committed ? 1.0 : 0.7 }
}

/// Who set an objective: the level above (top-down, the default) or the team itself (bottom-up).
///
/// OKRs work best when teams shape about half of their objectives themselves (John Doerr, Measure What
/// Matters); the health page shows the share.
public enum ObjectiveOrigin: String, Sendable, Hashable, CaseIterable {
    /// Set or handed down by the level above.
    case topDown = "top-down"
    /// Proposed by the team itself.
    case bottomUp = "bottom-up"
}

/// Who may see an objective.
public enum Visibility: String, Sendable, Hashable, CaseIterable {
    /// Everyone on the intranet.
    case `public`
    /// Nobody through the portal: it appears in no output file.
    case confidential
}

/// One objective: a file under `content/objectives/`.
public struct Objective: Sendable {
    /// A slug, unique among objectives; the file name without `.md` unless `id:` says otherwise.
    public var id: String
    /// Where the id comes from (the `id:` value, or the file's first line).
    public var idLocation: SourceLocation
    /// The qualitative goal.
    public var title: String
    /// Where `title` is written.
    public var titleMark: Mark
    /// The team's id.
    public var team: String
    /// Where `team` is written.
    public var teamLocation: SourceLocation
    /// The owner as written; `nil` means the team's lead.
    public var owner: String?
    /// The period's id.
    public var period: String
    /// Where `period` is written.
    public var periodLocation: SourceLocation
    /// The objectives or key results this one contributes to.
    public var alignsTo: [AlignmentRef]
    /// What this objective needs from other objectives or their key results (`depends_on:`), as written.
    public var dependsOn: [AlignmentRef] = []
    /// Committed or aspirational.
    public var type: ObjectiveType
    /// Where `type` is written, if it is.
    public var typeMark: Mark?
    /// Top-down (default) or bottom-up.
    public var origin: ObjectiveOrigin
    /// The objective of an earlier period this one carries on (`continues:`), by id.
    public var continues: String?
    /// Where `continues` is written.
    public var continuesMark: Mark?
    /// The closing note written at the end of the period (`retro:`), Markdown.
    public var retro: String?
    /// Methodology rules silenced for this file (`lint: { ignore: [OKR003] }`).
    public var lintIgnore: [RuleReference]
    /// Public or confidential.
    public var visibility: Visibility
    /// Drafts are built only with `--drafts`.
    public var draft: Bool
    /// Free-form labels.
    public var tags: [String]
    /// The key results, in file order.
    public var keyResults: IndexedArray<KeyResultIndex, KeyResult>
    /// Where `key_results` is written (or the front matter's start when missing).
    public var keyResultsLocation: SourceLocation
    /// Whether `key_results` was written but could not be read (already reported by the reader).
    public var keyResultsUnreadable = false
    /// Its rank among its team's objectives of the period (`priority:`): 1 is the most important.
    /// Lists of a team's or a period's objectives put lower numbers first, then objectives without
    /// one (see ``Organisation/inPriorityOrder(_:)``).
    public var priority: Int?
    /// A hand-set end-of-period score (0…1).
    public var score: Double?
    /// Where `score` is written.
    public var scoreLocation: SourceLocation?
    /// The Markdown body after the front matter.
    public var body: String
    /// The 1-based line where the body starts in the file.
    public var bodyLine: Int
    /// The file, relative to the site root.
    public var path: String
    /// With history (`history: git`): the commits up to the as-of date that derived check-ins come
    /// from, oldest first, and last the newest commit that changed the file ("last updated by … on
    /// …"). Empty without history, or when no commit up to the as-of date touched the file.
    public var revisions: [Revision] = []

    /// The newest commit up to the as-of date that changed the file, when built with history.
    public var lastRevision: Revision? { revisions.last }

    /// Creates an objective; only the identity fields are required, the rest have the spec's defaults.
    /// `keyResults` in file order become the table ``keyResults``.
    public init(
        id: String, title: String, team: String, period: String, path: String,
        idLocation: SourceLocation? = nil, teamLocation: SourceLocation? = nil,
        periodLocation: SourceLocation? = nil, owner: String? = nil, alignsTo: [AlignmentRef] = [],
        type: ObjectiveType = .aspirational, visibility: Visibility = .public, draft: Bool = false,
        tags: [String] = [], keyResults: [KeyResult] = [], keyResultsLocation: SourceLocation? = nil,
        score: Double? = nil, scoreLocation: SourceLocation? = nil, body: String = "", bodyLine: Int = 1,
        titleMark: Mark = Mark(), typeMark: Mark? = nil, origin: ObjectiveOrigin = .topDown,
        continues: String? = nil, continuesMark: Mark? = nil, retro: String? = nil, lintIgnore: [RuleReference] = []
    ) {
        let fileStart = SourceLocation(path: path)
        self.id = id
        self.idLocation = idLocation ?? fileStart
        self.title = title
        self.titleMark = titleMark
        self.typeMark = typeMark
        self.origin = origin
        self.continues = continues
        self.continuesMark = continuesMark
        self.retro = retro
        self.lintIgnore = lintIgnore
        self.team = team
        self.teamLocation = teamLocation ?? fileStart
        self.owner = owner
        self.period = period
        self.periodLocation = periodLocation ?? fileStart
        self.alignsTo = alignsTo
        self.type = type
        self.visibility = visibility
        self.draft = draft
        self.tags = tags
        self.keyResults = IndexedArray(keyResults)
        self.keyResultsLocation = keyResultsLocation ?? fileStart
        self.score = score
        self.scoreLocation = scoreLocation
        self.body = body
        self.bodyLine = bodyLine
        self.path = path
    }
}
