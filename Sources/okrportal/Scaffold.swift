import Foundation
import OKRContent
import OKRCore

/// Writing new files for `init` and `new`: never over an existing file.
enum Scaffold {
    /// The files of `files` (relative path → text) that already exist below `root`.
    static func existing(_ files: [(String, String)], in root: String) -> [String] {
        files.map(\.0).filter { FileSystem.kind(of: SiteReader.join(root, $0)) != .missing }
    }

    /// Writes every file, creating folders; stops with exit 2 on the first failure.
    static func write(_ files: [(String, String)], in root: String) throws(Failure) {
        for (path, text) in files {
            let full = SiteReader.join(root, path)
            let parent = (full as NSString).deletingLastPathComponent
            if case .failure(let e) = FileSystem.makeDirectories(parent) {
                throw Failure("cannot create \(parent): \(e.message)")
            }
            // O_EXCL: a file that appeared since the check is not overwritten either.
            let fd = open(full, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            guard fd >= 0 else { throw Failure("cannot create \(full): \(FileSystem.lastError())") }
            defer { close(fd) }
            var text = text
            let ok = text.withUTF8 { buffer -> Bool in
                var offset = 0
                while offset < buffer.count {
                    guard let base = buffer.baseAddress else { return true }
                    let n = Glibc.write(fd, base + offset, buffer.count - offset)
                    if n <= 0 { return false }
                    offset += n
                }
                return true
            }
            if !ok { throw Failure("cannot write \(full): \(FileSystem.lastError())") }
        }
    }

    /// A YAML double-quoted scalar holding `text` exactly (``YAMLQuoting/doubleQuoted(_:)``).
    static func quoted(_ text: String) -> String { YAMLQuoting.doubleQuoted(text) }

    /// A problem that stops `init` or `new` before or while writing: exit 2.
    struct Failure: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }
}
