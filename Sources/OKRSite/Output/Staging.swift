import Foundation
import OKRContent
import OKRCore

/// A build's output, written to a sibling folder and swapped in only when complete, so a failed or
/// killed build never leaves a half-written site.
///
/// `public/` → `.public.okrportal-tmp-PID/` while writing; then the two are exchanged atomically
/// (`renameat2(RENAME_EXCHANGE)`, else two renames) and the old one removed. Top-level dot-files of
/// the previous output (`.gitkeep`, `.htaccess`) are carried over: okrportal never writes them, so
/// they are the server's or the repository's, not stale pages. Builds into the same folder take turns
/// (``OutputLock``); a killed build's staging folder is removed by the next build.
public final class Staging: @unchecked Sendable {
    /// The final output folder.
    public let output: String
    /// The folder being written.
    public let directory: String
    private var finished = false
    /// Held from the start of writing until the swap: builds into one folder take turns.
    private var lock: OutputLock?

    /// Starts a new staging folder next to `output`, removing debris of earlier killed builds. Refuses
    /// (exit 2, nothing touched) an output that is not safe to replace (``OutputFolder``).
    public init(output: String, inputs: OutputFolder.Inputs) throws(EnvironmentError) {
        let folder = try OutputFolder(output, inputs: inputs)
        self.output = folder.path
        let (parent, base) = (folder.parent, folder.base)
        lock = try OutputLock(output: folder.path)
        // Again under the lock: what lies there now is what the swap replaces.
        try folder.checkReplaceable()
        // Under the lock, anything left by another build is debris of a build that was killed.
        Staging.removeDebris(parent: parent, base: base)
        directory = SiteReader.join(parent, ".\(base).okrportal-tmp-\(getpid())")
        _ = FileSystem.removeTree(directory)
        if case .failure(let e) = FileSystem.makeDirectory(directory) {
            throw EnvironmentError("cannot create the output folder \(directory): \(e.message)")
        }
        previousOutputExists = FileSystem.isDirectory(folder.path)
        if case .failure(let e) = FileSystem.write(
            SiteReader.join(directory, OutputFolder.marker), OutputFolder.markerText)
        {
            throw EnvironmentError("cannot write \(OutputFolder.marker) in \(directory): \(e.message)")
        }
    }

    /// Parent folder and last component of a path.
    static func split(_ path: String) -> (parent: String, base: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let parent = String(path[..<slash])
        return (parent.isEmpty ? "/" : parent, String(path[path.index(after: slash)...]))
    }

    /// Removes staging and old folders left by builds that were killed.
    static func removeDebris(parent: String, base: String) {
        guard case .success(let names) = FileSystem.list(parent) else { return }
        for name in names where name.hasPrefix(".\(base).okrportal-") {
            _ = FileSystem.removeTree(SiteReader.join(parent, name))
        }
    }

    /// Whether there is a previous output to compare with (hard links for unchanged files).
    private let previousOutputExists: Bool

    /// The folders created so far, relative to the staging folder. Folders are made when the first file
    /// goes into them, by whichever worker writes it: the 2,500 folders of a large site's team feeds
    /// cost half a second of file-system time, spread over the workers instead of before them.
    private var created: Set<String> = [""]
    private let createdLock = NSLock()

    /// Creates the folder of `path` and its parents, once.
    private func makeParent(of path: String) -> FileError? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        let parent = String(path[..<slash])
        createdLock.lock()
        let known = created.contains(parent)
        createdLock.unlock()
        if known { return nil }
        if let e = makeParent(of: parent) { return e }
        // Concurrent creation of one folder is fine: an existing folder counts as made.
        if case .failure(let e) = FileSystem.makeDirectory(SiteReader.join(directory, parent)) { return e }
        createdLock.lock()
        created.insert(parent)
        createdLock.unlock()
        return nil
    }

    /// Writes one file, making its folder if needed. Safe to call from several threads for different paths.
    /// A file whose bytes equal the previous output's is hard-linked instead of written, so it keeps
    /// its modification time (rsync and caches see it unchanged) and costs no new inode.
    public func write(_ path: String, _ text: String) -> FileError? {
        var text = text
        return text.withUTF8 { write(path, UnsafeRawBufferPointer($0)) }
    }

    /// Writes one file's bytes, like ``write(_:_:)``.
    public func write(_ path: String, bytes: [UInt8]) -> FileError? {
        bytes.withUnsafeBytes { write(path, $0) }
    }

    private func write(_ path: String, _ bytes: UnsafeRawBufferPointer) -> FileError? {
        if let e = makeParent(of: path) { return e }
        if previousOutputExists, linkIfUnchanged(path, bytes) { return nil }
        if case .failure(let e) = FileSystem.write(SiteReader.join(directory, path), bytes) { return e }
        return nil
    }

    private func linkIfUnchanged(_ path: String, _ new: UnsafeRawBufferPointer) -> Bool {
        let old = SiteReader.join(output, path)
        guard let stamp = FileSystem.stamp(old), stamp.size == new.count else { return false }
        guard case .success(let bytes) = FileSystem.read(old) else { return false }
        let same = bytes.withUnsafeBytes { old in
            guard old.count == new.count, let a = old.baseAddress, let b = new.baseAddress else {
                return old.count == new.count
            }
            return memcmp(a, b, new.count) == 0
        }
        return same && FileSystem.link(old, SiteReader.join(directory, path))
    }

    /// Writes one file from pieces handed to `body`'s sink.
    public func stream(_ path: String, _ body: ((String) -> Void) -> Void) -> FileError? {
        let file: StagedFile
        switch open(path) {
        case .success(let f): file = f
        case .failure(let e): return e
        }
        body { file.sink.write($0) }
        return finish(file)
    }

    /// A file being written in pieces (see ``open(_:)``).
    public final class StagedFile {
        let path: String
        let sink: FileSink

        init(path: String, sink: FileSink) {
            self.path = path
            self.sink = sink
        }

        /// Appends bytes.
        public func write(_ bytes: [UInt8]) { sink.write(bytes) }
    }

    /// Starts a file to be written in pieces and ended with ``finish(_:)``; its folder is made if needed.
    public func open(_ path: String) -> Result<StagedFile, FileError> {
        if let e = makeParent(of: path) { return .failure(e) }
        do {
            return .success(StagedFile(path: path, sink: try FileSink(path: SiteReader.join(directory, path))))
        } catch {
            return .failure(error)
        }
    }

    /// Ends a file started with ``open(_:)``. Like ``write(_:_:)``, a file whose bytes equal the
    /// previous output's becomes a hard link to it, compared block by block so a large file is never
    /// held in memory.
    public func finish(_ file: StagedFile) -> FileError? {
        if let e = file.sink.close() { return e }
        let old = SiteReader.join(output, file.path)
        let new = SiteReader.join(directory, file.path)
        if previousOutputExists, let a = FileSystem.stamp(old), let b = FileSystem.stamp(new), a.size == b.size,
            Staging.sameBytes(old, new)
        {
            // Linked under a second name and renamed over the new file, so a failure keeps the new one.
            let linked = new + ".okrportal-link"
            if FileSystem.link(old, linked), case .failure = FileSystem.rename(linked, new) {
                _ = FileSystem.removeTree(linked)
            }
        }
        return nil
    }

    /// Whether two files hold the same bytes, read 64 KB at a time.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        let fa = Glibc.open(a, O_RDONLY | O_CLOEXEC)
        guard fa >= 0 else { return false }
        defer { close(fa) }
        let fb = Glibc.open(b, O_RDONLY | O_CLOEXEC)
        guard fb >= 0 else { return false }
        defer { close(fb) }
        let size = 1 << 16
        let x = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        let y = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer {
            x.deallocate()
            y.deallocate()
        }
        while true {
            let n = read(fa, x, size)
            guard n >= 0 else { return false }
            var got = 0
            while got < n {
                let m = read(fb, y + got, n - got)
                guard m > 0 else { return false }
                got += m
            }
            if n == 0 { return read(fb, y, 1) == 0 }
            if memcmp(x, y, n) != 0 { return false }
        }
    }

    /// Swaps the staging folder in as the output.
    public func commit() throws(EnvironmentError) {
        if FileSystem.isDirectory(output), case .success(let names) = FileSystem.list(output) {
            for name in names
            where name.hasPrefix(".") && name != OutputFolder.marker
                && FileSystem.kind(of: SiteReader.join(output, name)) == .file
            {
                if case .success(let bytes) = FileSystem.read(SiteReader.join(output, name)) {
                    _ = write(name, bytes: bytes)
                }
            }
        }
        if FileSystem.exists(output) {
            if FileSystem.exchange(directory, output) {
                _ = FileSystem.removeTree(directory)  // now holds the previous output
            } else {
                let (parent, base) = Staging.split(output)
                let old = SiteReader.join(parent, ".\(base).okrportal-old-\(getpid())")
                if case .failure(let e) = FileSystem.rename(output, old) {
                    throw EnvironmentError("cannot replace \(output): \(e.message)")
                }
                if case .failure(let e) = FileSystem.rename(directory, output) {
                    _ = FileSystem.rename(old, output)
                    throw EnvironmentError("cannot replace \(output): \(e.message)")
                }
                _ = FileSystem.removeTree(old)
            }
        } else if case .failure(let e) = FileSystem.rename(directory, output) {
            throw EnvironmentError("cannot create \(output): \(e.message)")
        }
        finished = true
        lock = nil
    }

    /// Removes the staging folder; the previous output stays as it was.
    public func abort() {
        _ = FileSystem.removeTree(directory)
        finished = true
        lock = nil
    }

    deinit {
        if !finished { _ = FileSystem.removeTree(directory) }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
