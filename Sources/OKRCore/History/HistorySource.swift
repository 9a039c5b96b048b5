/// Where check-ins come from besides the ones written in the files (`history:` in `okrportal.yml`,
/// `--history` on the command line).
public enum HistorySource: String, Sendable, Hashable, CaseIterable {
    /// Only the check-ins written in the files (`none` in the configuration and on the command line;
    /// not named `none` in Swift, where `.none` would also mean an absent optional).
    case off = "none"
    /// Also every commit that changed a key result's `current:` or `done:` (see ``HistoryMerge``).
    case git
}
