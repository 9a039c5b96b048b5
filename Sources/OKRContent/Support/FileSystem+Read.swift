#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a file of the site was not read.
public enum ReadFailure: Error, Sendable {
    /// The path is not a regular file: a named pipe, a device, a socket or a folder (what it is, in words).
    case notRegular(String)
    /// The file has more bytes than the limit (its size, from `fstat`, before reading any of it).
    case tooLarge(Int)
    /// The system refused (the reason, e.g. "Permission denied").
    case system(String)

    /// The reason in words, without the path.
    public var message: String {
        switch self {
        case .notRegular(let what): "this is \(what), not a regular file; okrportal reads only regular files"
        case .tooLarge(let size): "the file has \(size) bytes, more than okrportal reads"
        case .system(let reason): "cannot read the file: \(reason)"
        }
    }
}

extension FileSystem {
    /// The whole file, or the reason it cannot be read. Only regular files are read: a named pipe, a
    /// device or a socket is refused before it is opened (and again after, by `fstat`, in case it was
    /// swapped in between), and the open never blocks (`O_NONBLOCK`). A file with more than `limit`
    /// bytes is refused by its size before a byte is read, and reading stops at `limit` if it grows.
    public static func read(_ path: String, limit: Int) -> Result<[UInt8], ReadFailure> {
        var st = stat()
        guard stat(path, &st) == 0 else { return .failure(.system(lastError())) }
        if let what = notRegular(st.st_mode) { return .failure(.notRegular(what)) }
        if Int(st.st_size) > limit { return .failure(.tooLarge(Int(st.st_size))) }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { return .failure(.system(lastError())) }
        defer { close(fd) }
        guard fstat(fd, &st) == 0 else { return .failure(.system(lastError())) }
        if let what = notRegular(st.st_mode) { return .failure(.notRegular(what)) }
        let size = max(Int(st.st_size), 0)
        if size > limit { return .failure(.tooLarge(size)) }
        var bytes = [UInt8]()
        var count = 0
        while true {
            if count == bytes.count {
                if count > limit { return .failure(.tooLarge(count)) }
                // First the size and one byte more, to see the end without growing; then doubling,
                // never beyond one byte over the limit.
                let grow = bytes.isEmpty ? size + 1 : min(max(count, 1 << 12), limit + 1 - count)
                bytes.append(contentsOf: repeatElement(0, count: grow))
            }
            let n = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)  // non-empty: grown above
            }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.system(lastError()))
            }
            if n == 0 { break }
            count += n
        }
        if count > limit { return .failure(.tooLarge(count)) }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    /// The whole file (a regular file, see ``read(_:limit:)``), or the reason it cannot be read.
    public static func read(_ path: String) -> Result<[UInt8], FileError> {
        switch read(path, limit: Int.max - 1) {
        case .success(let bytes): return .success(bytes)
        case .failure(.system(let reason)): return .failure(FileError(path: path, message: reason))
        case .failure(let other): return .failure(FileError(path: path, message: other.message))
        }
    }

    /// What `path` is when it is not a regular file (following symlinks), in words; `nil` for a regular
    /// file or one that cannot be stat'ed.
    public static func special(_ path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return notRegular(st.st_mode)
    }

    /// What a file mode that is not a regular file is, in words; `nil` for a regular file.
    static func notRegular(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a folder"
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "a special file"
        }
    }
}
