import Foundation
import Synchronization

/// A child process of a test. Its end is awaited through Foundation's termination handler and its
/// output is read on threads of its own, so no thread of the cooperative pool ever waits for it
/// (see ``OffPool``).
public final class Child: Sendable {
    /// Foundation's handle, used here only to read how the process ended once it has.
    private let process: Process
    private let exited = Latch()

    /// The process id.
    public let pid: Int32

    /// Starts `executable` with `arguments` and returns at once. `environment` is the whole
    /// environment; standard input is `/dev/null`, standard output and error go where given (a `Pipe`,
    /// a `FileHandle`; `/dev/null` by default).
    public init(
        _ executable: String, _ arguments: [String],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String? = nil, standardOutput: Any = FileHandle.nullDevice,
        standardError: Any = FileHandle.nullDevice
    ) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = standardOutput
        process.standardError = standardError
        // Set before the start, so an end that comes at once is not missed.
        process.terminationHandler = { [exited] _ in exited.open() }
        try process.run()
        self.process = process
        pid = process.processIdentifier
    }

    /// Whether it is still running.
    public var isRunning: Bool { !exited.isOpen }

    /// Sends `signal` unless the process is known to have ended (its id may belong to another since).
    public func send(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// How a process ended.
    public struct Termination: Sendable {
        /// The exit code, or the signal's number when `signalled`.
        public var status: Int32
        /// Whether it ended by a signal.
        public var signalled: Bool
    }

    /// How it ended, once it has.
    public func termination() async -> Termination {
        await exited.wait()
        return Termination(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal)
    }

    /// Waits at most `seconds` for the end; whether it came.
    public func ended(within seconds: Double) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while isRunning, Date() < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        return !isRunning
    }
}

extension Child {
    /// What a run printed and how it ended.
    public struct Run: Sendable {
        /// The exit code, or the signal's number when `signalled`.
        public var status: Int32
        /// Standard output, decoded as UTF-8.
        public var stdout: String
        /// Standard error, decoded as UTF-8.
        public var stderr: String
        /// Whether the process ended by a signal (a crash, or killed after the timeout).
        public var signalled = false
        /// Whether it was killed because it ran longer than the timeout.
        public var timedOut = false
    }

    /// Runs `executable` with `arguments` to its end (killed after `timeout` seconds) and returns what
    /// it printed.
    public static func run(
        _ executable: String, _ arguments: [String],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String? = nil, timeout: Double = 120
    ) async throws -> Run {
        let out = Pipe()
        let err = Pipe()
        let child = try Child(
            executable, arguments, environment: environment, currentDirectory: currentDirectory, standardOutput: out,
            standardError: err)
        let watchdog = Watchdog(child, seconds: timeout)
        // Both pipes are read at once, each on a thread of its own: a process that fills one pipe while
        // the other is read to its end would block forever (1,500 warnings are more than a pipe holds).
        let outReader = out.fileHandleForReading
        let errReader = err.fileHandleForReading
        async let outData = OffPool.run { outReader.readDataToEndOfFile() }
        async let errData = OffPool.run { errReader.readDataToEndOfFile() }
        let (stdout, stderr) = await (outData, errData)
        let end = await child.termination()
        watchdog.cancel()
        return Run(
            status: end.status, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self), signalled: end.signalled, timedOut: watchdog.fired)
    }
}

/// Kills a child that runs longer than its time.
final class Watchdog: Sendable {
    private let state = Mutex((done: false, fired: false))

    init(_ child: Child, seconds: Double) {
        // The timer keeps the watchdog alive until it fires; a cancelled one then does nothing.
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
            let fire = state.withLock { state in
                if !state.done { state.fired = true }
                return state.fired
            }
            if fire { child.send(SIGKILL) }
        }
    }

    /// Whether it killed the child.
    var fired: Bool { state.withLock { $0.fired } }

    /// The child has ended: nothing left to kill.
    func cancel() {
        state.withLock { $0.done = true }
    }
}
