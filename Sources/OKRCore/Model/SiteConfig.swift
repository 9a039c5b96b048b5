/// The site configuration from `okrportal.yml`.
public struct SiteConfig: Sendable {
    /// The portal's title.
    public var title: String
    /// The UI language: `de` or `en`.
    public var language: String
    /// Where the site is served, for absolute links in feeds and sitemaps; pages link relatively anyway.
    public var baseURL: String?
    /// The periods in their configured order.
    public var periods: IndexedArray<PeriodIndex, Period>
    /// A key result without a check-in for longer than this is "outdated".
    public var staleAfterDays: Int
    /// Whether raw HTML and unsafe links in Markdown are kept (`markdown: { unsafe: true }`).
    public var markdownUnsafe: Bool
    /// A theme folder relative to the site root (`templates:`), overriding the default theme.
    public var templates: String?
    /// Where check-ins come from besides the files (`history:`); `--history` overrides it.
    public var history: HistorySource
    /// Where `history` is written, for problems with it.
    public var historyLocation: SourceLocation?
    /// Methodology rules silenced for the whole site (`lint: { ignore: [OKR001] }`).
    public var lintIgnore: [RuleReference]
    /// A link to each objective's file in the company's Git web editor (`edit_url:`), with `{path}` for
    /// the file's path from the site root and optionally `{line}`; `nil` means no edit links.
    public var editURL: String? = nil
    /// How often each key result should be checked in, in days (`checkin_every_days:`, default 7); a
    /// team (in teams.yml) or a key result may say otherwise.
    public var checkinEveryDays: Int = 7
    /// The languages the UI ships; others are errors.
    public static let languages = ["de", "en"]

    /// Creates a configuration.
    public init(
        title: String, language: String = "en", baseURL: String? = nil, periods: IndexedArray<PeriodIndex, Period>,
        staleAfterDays: Int = 14, markdownUnsafe: Bool = false, templates: String? = nil,
        history: HistorySource = .off, historyLocation: SourceLocation? = nil, lintIgnore: [RuleReference] = []
    ) {
        self.lintIgnore = lintIgnore
        self.title = title
        self.language = language
        self.baseURL = baseURL
        self.periods = periods
        self.staleAfterDays = staleAfterDays
        self.markdownUnsafe = markdownUnsafe
        self.templates = templates
        self.history = history
        self.historyLocation = historyLocation
    }
}
