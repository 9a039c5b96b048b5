import Foundation
import OKRTestSupport
import Testing

// Reading: FIFOs, devices, symlinks leaving the site, sizes checked before reading, encodings, long keys, terminal safety, front matter ends.
extension BadInputCorpusTests {
    static let readingCases: [Case] = [
        Case(
            name: "teams.yml as a FIFO is refused, not waited on", exit: 1,
            expect: [("content/teams.yml:1:1: error", ["named pipe (FIFO)", "only regular files"])],
            breakSite: fifo("content/teams.yml")),
        Case(
            name: "okrportal.yml as a FIFO is refused, not waited on", exit: 1,
            expect: [("okrportal.yml:1:1: error", ["named pipe (FIFO)", "only regular files"])],
            breakSite: fifo("okrportal.yml")),
        Case(
            name: "an objective file as a FIFO is refused, not skipped", exit: 1,
            expect: [("content/objectives/pipe.md:1:1: error", ["named pipe (FIFO)"])],
            breakSite: fifo("content/objectives/pipe.md")),
        Case(
            name: "an objective file as a socket is refused", exit: 1,
            expect: [("content/objectives/socket.md:1:1: error", ["a socket", "only regular files"])]
        ) {
            try makeSocket($0.root + "/content/objectives/socket.md")
        },
        Case(
            name: "a theme file as a FIFO is refused, not waited on", exit: 1,
            expect: [("Templates/partials/pipe.mustache:1:1: error", ["named pipe (FIFO)"])]
        ) {
            try FileManager.default.createDirectory(
                atPath: $0.root + "/Templates/partials", withIntermediateDirectories: true)
            try fifo("Templates/partials/pipe.mustache")($0)
        },
        Case(
            name: "teams.yml as a symlink to /dev/zero is refused, not read", exit: 1,
            expect: [("content/teams.yml:1:1: error", ["/dev/zero", "outside the site"])],
            breakSite: replaceBySymlink("content/teams.yml", to: { "/dev/zero" })),
        Case(
            name: "teams.yml as a symlink to a valid team list outside the site is refused", exit: 1,
            expect: [("content/teams.yml:1:1: error", ["symlink", "outside the site"])],
            // The good build's folder: another site, with a team list that would read without error.
            breakSite: replaceBySymlink(
                "content/teams.yml", to: { (GoodBuild.current?.root ?? "/") + "/content/teams.yml" })),
        Case(
            name: "okrportal.yml as a symlink outside the site is refused", exit: 1,
            expect: [("okrportal.yml:1:1: error", ["symlink", "outside the site"])],
            breakSite: replaceBySymlink("okrportal.yml", to: { (GoodBuild.current?.root ?? "/") + "/okrportal.yml" })),
        Case(
            name: "a 4 GB objective file is refused by its size before it is read", exit: 1,
            expect: [("\(a):1:1: error", ["4096 MB", "at most 5 MB"])]
        ) {
            // Sparse: no disk space, and nothing to read unless the reader tries.
            guard truncate($0.root + "/" + a, 4 << 30) == 0 else { throw FixtureError("truncate failed") }
        },
        Case(
            name: "a 40 MB team list is refused by its size", exit: 1,
            expect: [("content/teams.yml:1:1: error", ["40 MB", "at most 32 MB"])]
        ) {
            guard truncate($0.root + "/content/teams.yml", 40 << 20) == 0 else { throw FixtureError("truncate failed") }
        },
        Case(
            name: "a key over 1,024 characters is named as too long, at the key", exit: 1,
            expect: [("\(a):6:1: error", ["longer than 1,024 characters"])],
            breakSite: objective(good(String(repeating: "k", count: 1100) + ": 1\n"))),
        Case(
            name: "stale_after_days 1e30 is out of range, with the range", exit: 1,
            expect: [("okrportal.yml:10:19: error", ["out of range", "1e30", "from 1 to 3650"])],
            breakSite: config("stale_after_days: 1e30")),
        Case(
            name: "stale_after_days with twenty digits is out of range", exit: 1,
            expect: [("okrportal.yml:10:19: error", ["out of range", "from 1 to 3650"])],
            breakSite: config("stale_after_days: 99999999999999999999")),
        Case(
            name: "UTF-16 with a byte-order mark is named UTF-16", exit: 1,
            expect: [("content/teams.yml:1:1: error", ["UTF-16 (little-endian)", "save it as UTF-8"])]
        ) {
            try $0.write("content/teams.yml", Data([0xFF, 0xFE]) + Fixtures.teams.data(using: .utf16LittleEndian)!)
        },
        Case(
            name: "UTF-16 without a byte-order mark is named UTF-16", exit: 1,
            expect: [("\(a):1:1: error", ["UTF-16 (big-endian)", "save it as UTF-8"])]
        ) {
            try $0.write(a, good().data(using: .utf16BigEndian)!)
        },
        Case(
            name: "ESC and BEL in a field name are shown escaped", exit: 0,
            expect: [("\(a):6:1: warning", ["unknown field", "\"title\\u{1B}]0;PWNED\\u{7}\\u{1B}[2J\""])],
            breakSite: objective(good("\"title\\e]0;PWNED\\a\\e[2J\": x\n"))),
        Case(
            name: "a ... line in the front matter is an error, not the end", exit: 1,
            expect: [("\(a):6:1: error", ["ends with ---", "`...`"])],
            breakSite: objective(
                "---\nid: a\ntitle: T\nteam: company\nperiod: 2026-Q4\n...\nvisibility: confidential\n"
                    + "key_results:\n  - {id: kr1, title: K, kind: milestone}\n---\nSecret plans.\n")),
    ]

    /// Replaces `path` by a named pipe with no writer: opening it for reading would block for ever.
    static func fifo(_ path: String) -> @Sendable (SiteFixture) throws -> Void {
        {
            unlink($0.root + "/" + path)
            guard mkfifo($0.root + "/" + path, 0o644) == 0 else { throw FixtureError("mkfifo failed") }
        }
    }

    /// Replaces `path` by a symlink to `target()` (evaluated when the case runs).
    static func replaceBySymlink(_ path: String, to target: @escaping @Sendable () -> String)
        -> @Sendable (SiteFixture) throws -> Void
    {
        {
            unlink($0.root + "/" + path)
            guard symlink(target(), $0.root + "/" + path) == 0 else { throw FixtureError("symlink failed") }
        }
    }

    /// Sets `stale_after_days` in the good configuration to the line `line`.
    static func config(_ line: String) -> @Sendable (SiteFixture) throws -> Void {
        { try $0.write("okrportal.yml", Fixtures.config.replacingOccurrences(of: "stale_after_days: 14", with: line)) }
    }

    /// A Unix domain socket bound at `path` (and left there when closed).
    static func makeSocket(_ path: String) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw FixtureError("socket failed") }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw FixtureError("path too long") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else { throw FixtureError("bind failed: \(String(cString: strerror(errno)))") }
    }
}
