/// Everything read from a site's files, typed and located, before any cross-file rule is applied.
public struct Site: Sendable {
    /// `okrportal.yml`.
    public var config: SiteConfig
    /// `content/teams.yml`, in file order.
    public var teams: [Team]
    /// The objective files, sorted by path.
    public var objectives: [Objective]

    /// Creates a site.
    public init(config: SiteConfig, teams: [Team], objectives: [Objective]) {
        self.config = config
        self.teams = teams
        self.objectives = objectives
    }
}
