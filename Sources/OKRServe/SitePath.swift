import Foundation
import OKRContent

/// Maps a request's path to a file of the built site, refusing anything that could leave it.
///
/// The path is taken as the client sent it (still percent-encoded) and decoded one segment at a time,
/// so `..`, `%2e%2e`, an encoded slash (`%2f`) or backslash, a NUL byte and a symbolic link that points
/// outside the output folder are all refused, whatever a client or proxy did to the path before.
public enum SitePath {
    /// What a request path names.
    public enum Resolution: Equatable, Sendable {
        /// A regular file inside the site, by its absolute path.
        case file(String)
        /// A folder asked for without its trailing slash: redirect there, so relative links work. The
        /// location is a path on this host that starts with exactly one slash.
        case redirect(String)
        /// A path that tries to leave the site or cannot be a file name.
        case forbidden
        /// Nothing there.
        case notFound
    }

    /// Resolves `target` (the request target's path, percent-encoded, without the query) against the
    /// site folder `root`.
    public static func resolve(_ target: String, root: String) -> Resolution {
        guard target.hasPrefix("/") else { return .forbidden }
        var segments: [String] = []
        var raws: [Substring] = []
        for raw in target.split(separator: "/", omittingEmptySubsequences: true) {
            raws.append(raw)
            guard let segment = String(raw).removingPercentEncoding else { return .forbidden }
            if segment == "." || segment == ".." || segment.contains("/") || segment.contains("\\")
                || segment.contains("\0")
            {
                return .forbidden
            }
            segments.append(segment)
        }
        let relative = segments.joined(separator: "/")
        let full = relative.isEmpty ? root : root + "/" + relative
        switch FileSystem.targetKind(of: full) {
        case .missing, .other, .symlink: return .notFound
        case .directory:
            guard inside(full, root: root) else { return .forbidden }
            // Built from the segments, so repeated slashes collapse: `//teams` must not become
            // `Location: //teams/`, which a browser reads as another host.
            if !target.hasSuffix("/") { return .redirect("/" + raws.map { $0 + "/" }.joined()) }
            let index = full + "/index.html"
            return FileSystem.targetKind(of: index) == .file && inside(index, root: root) ? .file(index) : .notFound
        case .file:
            return inside(full, root: root) ? .file(full) : .forbidden
        }
    }

    /// Whether `path`, with every symbolic link resolved, is `root` or below it.
    private static func inside(_ path: String, root: String) -> Bool {
        guard let real = FileSystem.realPath(path), let realRoot = FileSystem.realPath(root) else { return false }
        return real == realRoot || real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
    }

    /// The `Content-Type` of a file by its extension; text types carry `charset=utf-8`.
    public static func contentType(of path: String) -> String {
        let name = path.split(separator: "/").last ?? Substring(path)
        let parts = name.split(separator: ".")
        let ext = parts.count > 1 ? (parts.last ?? "").lowercased() : ""
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json", "map": return "application/json; charset=utf-8"
        case "svg": return "image/svg+xml; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "atom": return "application/atom+xml; charset=utf-8"
        case "rss": return "application/rss+xml; charset=utf-8"
        case "ics": return "text/calendar; charset=utf-8"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "woff": return "font/woff"
        case "woff2": return "font/woff2"
        case "ttf": return "font/ttf"
        case "otf": return "font/otf"
        case "pdf": return "application/pdf"
        case "webmanifest": return "application/manifest+json; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
