#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Plain POSIX file access: faster than Foundation's on Linux, and explicit about symlinks and errors.
public enum FileSystem {
    /// What a path is, without following a final symlink.
    public enum Kind: Sendable { case file, directory, symlink, other, missing }

    /// The kind of `path` (`lstat`).
    public static func kind(of path: String) -> Kind {
        var st = stat()
        guard lstat(path, &st) == 0 else { return .missing }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// The kind of what `path` points to, following symlinks (`stat`).
    public static func targetKind(of path: String) -> Kind {
        var st = stat()
        guard stat(path, &st) == 0 else { return .missing }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// The file's version (following symlinks), `nil` when it cannot be stat'ed.
    public static func stamp(_ path: String) -> FileStamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileStamp(
            size: Int(st.st_size), seconds: Int(st.st_mtim.tv_sec), nanoseconds: Int(st.st_mtim.tv_nsec),
            inode: UInt64(st.st_ino))
    }

    /// Whether `path` exists and is a directory (following symlinks).
    public static func isDirectory(_ path: String) -> Bool { targetKind(of: path) == .directory }

    /// Whether `path` exists (following symlinks).
    public static func exists(_ path: String) -> Bool { targetKind(of: path) != .missing }

    /// The canonical absolute path, symlinks resolved; `nil` if it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// The message for the current `errno`.
    public static func lastError() -> String { String(cString: strerror(errno)) }

    /// Names sorted by their UTF-8 bytes (the same order on every platform, unlike Unicode-aware
    /// String comparison), comparing with memcmp.
    public static func sortedBytewise(_ names: [String]) -> [String] {
        var keyed = names.map { name -> (ContiguousArray<UInt8>, String) in (ContiguousArray(name.utf8), name) }
        keyed.sort { a, b in
            let n = min(a.0.count, b.0.count)
            var c: Int32 = 0
            if n > 0 {
                c = a.0.withUnsafeBufferPointer { pa in
                    b.0.withUnsafeBufferPointer { pb in
                        guard let x = pa.baseAddress, let y = pb.baseAddress else { return 0 }
                        return memcmp(x, y, n)
                    }
                }
            }
            return c != 0 ? c < 0 : a.0.count < b.0.count
        }
        return keyed.map(\.1)
    }

    /// The names in a directory (without `.` and `..`), sorted bytewise for determinism.
    public static func list(_ path: String) -> Result<[String], FileError> {
        guard let dir = opendir(path) else { return .failure(FileError(path: path, message: lastError())) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String in
                let p = raw.bindMemory(to: CChar.self)
                return String(cString: p.baseAddress!)  // d_name is a fixed, NUL-terminated array
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        return .success(sortedBytewise(names))
    }
}

extension FileSystem {
    /// Writes `bytes` to a new or truncated file (mode 0644).
    public static func write(_ path: String, _ bytes: UnsafeRawBufferPointer) -> Result<Void, FileError> {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return .failure(FileError(path: path, message: lastError())) }
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)  // count > 0 here
            if n < 0 {
                if errno == EINTR { continue }
                let message = lastError()
                close(fd)
                return .failure(FileError(path: path, message: message))
            }
            offset += n
        }
        guard close(fd) == 0 else { return .failure(FileError(path: path, message: lastError())) }
        return .success(())
    }

    /// Writes a string's UTF-8 bytes.
    public static func write(_ path: String, _ text: String) -> Result<Void, FileError> {
        var text = text
        return text.withUTF8 { write(path, UnsafeRawBufferPointer($0)) }
    }

    /// Creates a directory (mode 0755); an existing directory is fine.
    public static func makeDirectory(_ path: String) -> Result<Void, FileError> {
        if mkdir(path, 0o755) == 0 || (errno == EEXIST && isDirectory(path)) { return .success(()) }
        return .failure(FileError(path: path, message: lastError()))
    }

    /// Creates a directory and its missing parents.
    public static func makeDirectories(_ path: String) -> Result<Void, FileError> {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            if case .failure(let e) = makeDirectory(prefix) { return .failure(e) }
            prefix += "/"
        }
        return .success(())
    }

    /// Removes a file or a whole directory tree without following symlinks. Missing is fine.
    public static func removeTree(_ path: String) -> Result<Void, FileError> {
        switch kind(of: path) {
        case .missing: return .success(())
        case .directory:
            if case .success(let names) = list(path) {
                for name in names {
                    if case .failure(let e) = removeTree(path + "/" + name) { return .failure(e) }
                }
            }
            return rmdir(path) == 0 ? .success(()) : .failure(FileError(path: path, message: lastError()))
        default:
            return unlink(path) == 0 ? .success(()) : .failure(FileError(path: path, message: lastError()))
        }
    }

    /// Renames `from` to `to` (same file system).
    public static func rename(_ from: String, _ to: String) -> Result<Void, FileError> {
        Glibc.rename(from, to) == 0 ? .success(()) : .failure(FileError(path: from, message: lastError()))
    }

    /// Swaps two paths atomically with Linux's `renameat2(RENAME_EXCHANGE)`; `false` when the system or
    /// file system cannot, so the caller falls back to two renames.
    public static func exchange(_ a: String, _ b: String) -> Bool {
        typealias RenameAt2 =
            @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
        // Looked up at run time: glibc declares renameat2 only for _GNU_SOURCE, which Swift's Glibc lacks.
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }

    /// Hard-links `from` to `to`.
    public static func link(_ from: String, _ to: String) -> Bool { Glibc.link(from, to) == 0 }
}

/// A file written piece by piece (large exports that should not be held in memory whole).
public final class FileSink {
    private let fd: Int32
    /// The path.
    public let path: String
    private var buffer: [UInt8] = []
    /// The first error, if any.
    public private(set) var error: FileError?

    /// Creates or truncates the file.
    public init(path: String) throws(FileError) {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileError(path: path, message: FileSystem.lastError()) }
        buffer.reserveCapacity(1 << 16)
    }

    /// Appends text; written out in blocks of a megabyte.
    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    /// Appends bytes; written out in blocks of a megabyte.
    public func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { flush() }
    }

    private func flush() {
        guard error == nil else {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        let result = buffer.withUnsafeBytes { b -> Bool in
            var offset = 0
            while offset < b.count {
                let n = Glibc.write(fd, b.baseAddress! + offset, b.count - offset)  // count > 0 in the loop
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
        if !result { error = FileError(path: path, message: FileSystem.lastError()) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and closes the file; returns the first error.
    public func close() -> FileError? {
        flush()
        if Glibc.close(fd) != 0 && error == nil { error = FileError(path: path, message: FileSystem.lastError()) }
        return error
    }
}

/// A file that could not be read or written, with the system's reason.
public struct FileError: Error, Sendable, CustomStringConvertible {
    /// The path as given.
    public var path: String
    /// The reason, e.g. "Permission denied".
    public var message: String

    /// Creates an error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
