import OKRContent

/// Notices changes to a site's files by their stamps (size, modification time, inode): the
/// configuration, `content/` and `Templates/`. Polling costs a few milliseconds for a thousand files
/// and works on every file system, network shares included.
public enum Watcher {
    /// The stamps of every file that can change the site.
    /// `extra` are absolute paths of further files to watch (git's `HEAD` with history).
    public static func stamps(_ root: String, extra: [String] = []) -> [String: FileStamp] {
        var result: [String: FileStamp] = [:]
        for path in extra { if let s = FileSystem.stamp(path) { result[path] = s } }
        if let s = FileSystem.stamp(SiteReader.join(root, SiteReader.configFile)) { result["okrportal.yml"] = s }
        var stack = ["content", "Templates"]
        while let dir = stack.popLast() {
            guard case .success(let names) = FileSystem.list(SiteReader.join(root, dir)) else { continue }
            for name in names where !name.hasPrefix(".") {
                let rel = dir + "/" + name
                let full = SiteReader.join(root, rel)
                if FileSystem.isDirectory(full) {
                    stack.append(rel)
                } else if let s = FileSystem.stamp(full) {
                    result[rel] = s
                }
            }
        }
        return result
    }
}
