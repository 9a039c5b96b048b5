import OKRCore

extension SiteReader {
    /// The most bytes `okrportal.yml` may have (a configuration is a few hundred bytes).
    public static let maxConfigBytes = 1 << 20
    /// The most bytes `content/teams.yml` may have (100,000 teams take about 10 MB).
    public static let maxTeamsBytes = 32 << 20

    /// The bytes of the site's file `rel` (okrportal.yml, content/teams.yml), or `nil` with the problem
    /// reported at `rel:1:1`: a file whose real path leaves the site (a symlink to /etc/passwd or
    /// /dev/zero), anything but a regular file, a file larger than `limit` (by its size, before reading).
    static func readSiteFile(
        _ rel: String, root: String, realRoot: String, limit: Int, what: String, diagnostics: inout Diagnostics
    ) -> [UInt8]? {
        let full = join(root, rel)
        if let target = FileSystem.realPath(full), !(target == realRoot || target.hasPrefix(realRoot + "/")) {
            diagnostics.error(
                "\(rel) is a symlink to \(target), outside the site; okrportal reads only files inside the site "
                    + "(copy the file in instead)", at: SourceLocation(path: rel))
            return nil
        }
        return read(full, rel: rel, limit: limit, what: what, diagnostics: &diagnostics)
    }

    /// The bytes of `full` (shown as `rel`), or `nil` with the problem reported at `rel:1:1`.
    static func read(_ full: String, rel: String, limit: Int, what: String, diagnostics: inout Diagnostics)
        -> [UInt8]?
    {
        switch FileSystem.read(full, limit: limit) {
        case .success(let bytes): return bytes
        case .failure(.tooLarge(let size)):
            diagnostics.error(tooLarge(size, limit: limit, what: what), at: SourceLocation(path: rel))
        case .failure(let failure):
            diagnostics.error(failure.message, at: SourceLocation(path: rel))
        }
        return nil
    }

    /// "the file has 12 MB; an objective file may have at most 5 MB (…)".
    static func tooLarge(_ size: Int, limit: Int, what: String) -> String {
        "the file has \(megabytes(size)); \(what) may have at most \(megabytes(limit)) "
            + "(is something pasted into it by mistake?)"
    }

    /// `5 MB`, `1.5 MB`, `0.3 MB`: one decimal below 10 MB.
    static func megabytes(_ bytes: Int) -> String {
        let mb = 1 << 20
        if bytes >= 10 * mb || bytes % mb == 0 { return "\(bytes / mb) MB" }
        let tenths = bytes / (mb / 10)
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
