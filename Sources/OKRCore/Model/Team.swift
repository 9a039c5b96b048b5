/// A unit of the organisation from `content/teams.yml`: the company, a department, a team.
public struct Team: Sendable, Hashable {
    /// A slug, unique among teams.
    public var id: String
    /// The display name.
    public var name: String
    /// The parent team's id; `nil` for the root (the company).
    public var parent: String?
    /// The person who leads the team; owner of its objectives unless they name another.
    public var lead: String?
    /// Markdown describing the team.
    public var description: String?
    /// Where the team's entry starts.
    public var location: SourceLocation
    /// Where `id` is written.
    public var idLocation: SourceLocation
    /// Where `parent` is written.
    public var parentLocation: SourceLocation?
    /// How often its key results should be checked in (`checkin_every_days:`), overriding the site's.
    public var checkinEveryDays: Int? = nil

    /// Creates a team.
    public init(
        id: String, name: String, parent: String? = nil, lead: String? = nil, description: String? = nil,
        location: SourceLocation, idLocation: SourceLocation? = nil, parentLocation: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.parent = parent
        self.lead = lead
        self.description = description
        self.location = location
        self.idLocation = idLocation ?? location
        self.parentLocation = parentLocation
    }
}
