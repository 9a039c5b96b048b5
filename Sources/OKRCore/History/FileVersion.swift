/// What one version of an objective file says about one of its key results.
public struct KeyResultReading: Sendable, Hashable {
    /// A metric's `current:` as written in that version; `nil` when it was not written.
    public var current: Double?
    /// A milestone's `done:` (false when not written, as the format's default).
    public var done: Bool

    /// Creates a reading.
    public init(current: Double? = nil, done: Bool = false) {
        self.current = current
        self.done = done
    }
}

/// One version of an objective file in git history: the commit that wrote it and, when it was read,
/// what it says about each key result.
public struct FileVersion: Sendable {
    /// The commit.
    public var revision: Revision
    /// The key results' readings by key-result id; `nil` when the version was not read (nothing
    /// depends on it) or could not be read (its front matter was broken in that commit).
    public var readings: [String: KeyResultReading]?

    /// Creates a version.
    public init(revision: Revision, readings: [String: KeyResultReading]? = nil) {
        self.revision = revision
        self.readings = readings
    }
}
