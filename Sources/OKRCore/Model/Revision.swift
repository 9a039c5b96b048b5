/// One commit that changed an objective's file, as git history tells it.
public struct Revision: Sendable, Hashable {
    /// The commit's full id.
    public var commit: String
    /// The day of the commit's author date, in the author's own time zone: the day the person who
    /// committed saw on their calendar.
    public var day: Day
    /// The author's name (after `.mailmap`).
    public var author: String

    /// Creates a revision.
    public init(commit: String, day: Day, author: String) {
        self.commit = commit
        self.day = day
        self.author = author
    }
}
