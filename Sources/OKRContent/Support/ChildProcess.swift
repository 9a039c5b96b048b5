#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A program could not be started.
public struct ChildProcessError: Error, Sendable {
    /// The program's name.
    public var program: String
    /// `errno` of the failed start (`ENOENT`: not installed).
    public var code: Int32

    /// `strerror` of the code.
    public var message: String { String(cString: strerror(code)) }
}

/// Runs a program synchronously and streams its standard output: the small part of process handling
/// that reading git history needs.
///
/// Standard input comes from a file (or `/dev/null`), so nothing is ever written to a pipe the child
/// may have closed (no `SIGPIPE`, no writer thread). Standard output and standard error are read
/// together with `poll`, so a chatty standard error cannot block the child while its output waits.
/// Not swift-subprocess: its API is `async`, and the reader and the build are synchronous and
/// parallel through Dispatch; this stays a hundred lines with no dependency.
public enum ChildProcess {
    /// How a run ended.
    public struct Outcome: Sendable {
        /// The exit code; 128 + the signal's number when the child was killed by a signal.
        public var status: Int32
        /// Standard error (its first 64 KB).
        public var standardError: String
    }

    /// Runs `arguments[0]` (looked up in `PATH`) with the rest as its arguments and the current
    /// environment. Standard input is the file at `input`, else `/dev/null`; `output` receives standard
    /// output in chunks as it arrives.
    public static func run(
        _ arguments: [String], input: String? = nil, output: (UnsafeRawBufferPointer) -> Void
    ) throws(ChildProcessError) -> Outcome {
        precondition(!arguments.isEmpty, "a program to run")  // callers always name one
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard makePipe(&outPipe) else { throw ChildProcessError(program: arguments[0], code: errno) }
        guard makePipe(&errPipe) else {
            let code = errno
            close(outPipe[0])
            close(outPipe[1])
            throw ChildProcessError(program: arguments[0], code: code)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            throw ChildProcessError(program: arguments[0], code: spawned)
        }

        var standardError: [UInt8] = []
        var fds = [
            pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0),
            pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0),
        ]
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { buffer.deallocate() }
        while fds.contains(where: { $0.fd >= 0 }) {
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for i in fds.indices where fds[i].fd >= 0 && fds[i].revents != 0 {
                let n = read(fds[i].fd, buffer.baseAddress, buffer.count)
                if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                if n <= 0 {
                    close(fds[i].fd)
                    fds[i].fd = -1  // poll ignores negative descriptors
                    continue
                }
                let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<n])
                if i == 0 {
                    output(chunk)
                } else if standardError.count < 1 << 16 {
                    standardError.append(contentsOf: chunk)
                }
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import as macros.
        let signal = status & 0x7f
        let code = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        return Outcome(status: code, standardError: String(decoding: standardError, as: UTF8.self))
    }

    /// A pipe whose ends close in the child on `exec` (only the duplicates on 1 and 2 stay open).
    /// `pipe2(O_CLOEXEC)` would be atomic but Glibc's module does not export it; the reader spawns from
    /// one thread, so no other spawn can inherit the ends in between.
    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// Runs a program and returns its whole standard output as text.
    public static func capture(_ arguments: [String]) throws(ChildProcessError) -> (Outcome, String) {
        var bytes: [UInt8] = []
        let outcome = try run(arguments) { bytes.append(contentsOf: $0) }
        return (outcome, String(decoding: bytes, as: UTF8.self))
    }
}
