import OKRCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Parses `git log -z --raw --format=%x01%H%x00%aI%x00%aN` as it streams in: NUL-separated tokens,
/// a commit's header starting with U+0001, then raw entries (`:old new oldblob newblob status`
/// followed by one path, or two for a rename).
///
/// The walk goes from the newest commit to the oldest, so renames are followed backwards: a file is
/// known by its path at `HEAD`; when a commit renamed `old` to `new`, the versions of `old` in older
/// commits belong to the file now at `new`'s place. A commit that added a path ends that file's past
/// (an older file at the same path is another file), and a path deleted before `HEAD` belongs to no
/// file at `HEAD`.
struct LogParser {
    private(set) var commits: [Revision] = []
    /// For each file at `HEAD`: its versions as (commit index, blob id, path in that commit).
    private(set) var files: [String: [(commit: Int32, blob: String, path: String)]] = [:]
    private(set) var oldest: Day?
    /// Path in the commit being read → path at `HEAD`; `nil` values mark paths of deleted files.
    private var lineage: [String: String?] = [:]
    private var pending: [UInt8] = []
    /// The tokens of the commit being read (bytes: most are raw entries, parsed without Strings).
    private var tokens: [[UInt8]] = []

    /// The path at `HEAD` of the file that is at `path` in the commit being read; `nil` when that
    /// file no longer exists at `HEAD`. A path seen for the first time (walking back from `HEAD`) is
    /// its own: had the file been renamed or deleted later, that later commit would have come first.
    private func fileAtHead(_ path: String) -> String? {
        if let known = lineage[path] { return known }
        return path
    }

    mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        var start = 0
        for (i, b) in chunk.enumerated() where b == 0 {
            pending.append(contentsOf: chunk[start..<i])
            token()
            start = i + 1
        }
        pending.append(contentsOf: chunk[start...])
    }

    mutating func finish() {
        if !pending.isEmpty { token() }
        process()
    }

    private mutating func token() {
        var from = 0
        while from < pending.count && pending[from] == 10 { from += 1 }  // the newline before the entries
        if from < pending.count && pending[from] == 1 {
            process()
            from += 1
        }
        tokens.append(Array(pending[from...]))
        pending.removeAll(keepingCapacity: true)
    }

    /// Handles the tokens of one commit: hash, author date, author, then raw entries.
    private mutating func process() {
        defer { tokens.removeAll(keepingCapacity: true) }
        guard tokens.count >= 3 else { return }
        let date = tokens[1].prefix(10)
        let day = date.withUnsafeBufferPointer { Day(isoBytes: $0) } ?? Day(ordinal: 0)
        let index = Int32(commits.count)
        commits.append(
            Revision(
                commit: String(decoding: tokens[0], as: UTF8.self), day: day,
                author: String(decoding: tokens[2], as: UTF8.self)))
        if oldest.map({ day < $0 }) ?? true { oldest = day }
        var i = 3
        while i < tokens.count {
            // ":100644 100644 <old blob> <new blob> M" (or R096, A, D …)
            let meta = tokens[i].split(separator: 32, omittingEmptySubsequences: true)
            i += 1
            guard meta.count >= 5, meta[0].first == 58, let status = meta[4].first, i < tokens.count else { continue }
            let twoPaths = status == 82 || status == 67  // R, C
            guard !twoPaths || i + 1 < tokens.count else { break }
            let path = String(decoding: tokens[i], as: UTF8.self)
            let newPath = twoPaths ? String(decoding: tokens[i + 1], as: UTF8.self) : path
            i += twoPaths ? 2 : 1
            // Only regular files have versions worth reading (not symlinks or submodules).
            let mode = meta[1]
            let regular = mode.elementsEqual("100644".utf8) || mode.elementsEqual("100755".utf8)
            let blob = String(decoding: meta[3], as: UTF8.self)
            switch status {
            case 68:  // D
                if lineage[path] == nil { lineage[path] = .some(nil) }
            case 82:  // R
                let current = fileAtHead(newPath)
                if let current, regular { files[current, default: []].append((index, blob, newPath)) }
                lineage[path] = .some(current)
                lineage[newPath] = .some(nil)
            default:  // A, M, T, C (the new path of a copy is a file of its own)
                let current = fileAtHead(newPath)
                if let current, regular { files[current, default: []].append((index, blob, newPath)) }
                if status == 65 || status == 67 { lineage[newPath] = .some(nil) }
            }
        }
    }
}

/// The blobs of `git cat-file --batch` as they stream in: `<id> blob <size>\n<bytes>\n` each, or
/// `<id> missing\n`.
struct BlobBatch {
    private var buffer: [UInt8] = []
    private var items: [(id: String, bytes: [UInt8])] = []
    /// Bytes held in complete blobs.
    private(set) var size = 0

    mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: chunk)
        var start = 0
        while let newline = buffer[start...].firstIndex(of: 10) {
            let header = buffer[start..<newline].split(separator: 32)
            guard header.count == 3, let length = Int(String(decoding: header[2], as: UTF8.self)) else {
                start = newline + 1  // "<id> missing" and anything unexpected: skip the line
                continue
            }
            let body = newline + 1
            guard buffer.count >= body + length + 1 else { break }
            items.append((String(decoding: header[0], as: UTF8.self), Array(buffer[body..<body + length])))
            size += length
            start = body + length + 1
        }
        buffer.removeSubrange(0..<start)
    }

    /// The complete blobs so far; the batch starts empty again.
    mutating func take() -> [(id: String, bytes: [UInt8])] {
        defer {
            items = []
            size = 0
        }
        return items
    }
}

/// Wall time of the history's steps, printed to standard error when `OKRPORTAL_TIMING` is set.
struct Stopwatch {
    private var laps: [(String, Double)] = []
    private var last = Stopwatch.now()
    private let enabled = getenv("OKRPORTAL_TIMING") != nil

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    mutating func lap(_ name: @autoclosure () -> String) {
        guard enabled else { return }
        let t = Stopwatch.now()
        laps.append((name(), t - last))
        last = t
    }

    func report() {
        guard enabled else { return }
        for (name, seconds) in laps {
            let line = "\(name) \(Double(Int(seconds * 1000)) / 1000) s\n"
            var text = line
            _ = text.withUTF8 { write(2, $0.baseAddress, $0.count) }
        }
    }
}
