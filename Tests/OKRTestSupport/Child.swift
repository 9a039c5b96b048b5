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
    /// it printed. At most ``slots`` runs are under way at once; the rest wait, suspended. A run that
    /// many tests wait for (a fixture a whole suite shares) passes `queued: false` and starts at once.
    public static func run(
        _ executable: String, _ arguments: [String],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String? = nil, timeout: Double = 120, queued: Bool = true
    ) async throws -> Run {
        guard queued else {
            return try await runNow(
                executable, arguments, environment: environment, currentDirectory: currentDirectory, timeout: timeout)
        }
        await slots.acquire()
        do {
            let run = try await runNow(
                executable, arguments, environment: environment, currentDirectory: currentDirectory, timeout: timeout)
            await slots.release()
            return run
        } catch {
            await slots.release()
            throw error
        }
    }

    private static func runNow(
        _ executable: String, _ arguments: [String], environment: [String: String], currentDirectory: String?,
        timeout: Double
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

    /// How many runs may be under way at once: one per core. The runs are busy the whole time, and the
    /// cores also serve the tests' own builds, the servers and the runs that skip the queue; more at
    /// once would finish no sooner and would starve the tests that time a child (the serve tests'
    /// reads, the build killed while it writes) when 50 broken sites are built at the same time.
    public static let slots = Slots(max(2, ProcessInfo.processInfo.activeProcessorCount))
}

/// A counting semaphore for tasks: waiting suspends the task, never its thread.
///
/// Slots go to the oldest test first. Each task draws a ticket on its first request and keeps it for
/// all its later ones, and the lowest ticket waiting gets the next free slot. At the start of a run
/// every test asks for a slot at once: first come, first served would send each later step of a
/// test (the build after the `init`, the commit after the commit) to the back of a queue of 50 broken
/// sites, so the tests with the longest chains of steps would finish last; newest first would leave
/// the tests that asked first waiting until the very end. Oldest first, a test that has begun keeps
/// going, and the tests that have not wait their turn in order.
public actor Slots {
    private var free: Int
    private var waiting: [(ticket: Int, continuation: CheckedContinuation<Void, Never>)] = []
    /// Tickets by task, keyed by a hash of the task's identity. A new task that happens to get the
    /// identity of one that has ended inherits its early ticket: it goes early, which does no harm.
    private var tickets: [Int: Int] = [:]

    /// `count` slots, all free.
    public init(_ count: Int) { free = count }

    /// Takes a slot, waiting until one is free and no older test waits for one.
    public func acquire() async {
        let task = withUnsafeCurrentTask { $0?.hashValue } ?? 0
        let ticket = tickets[task] ?? tickets.count
        tickets[task] = ticket
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append((ticket, $0)) }
    }

    /// Gives a slot back, to the oldest test waiting if there is one.
    public func release() {
        guard let oldest = waiting.indices.min(by: { waiting[$0].ticket < waiting[$1].ticket }) else {
            free += 1
            return
        }
        waiting.remove(at: oldest).continuation.resume()
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
