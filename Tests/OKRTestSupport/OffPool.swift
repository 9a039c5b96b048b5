import Foundation
import Synchronization

/// Blocking work for tests, run where it cannot stall other tests.
///
/// Swift Testing runs tests on Swift concurrency's cooperative pool, which has one thread per core
/// (two on a small CI machine). A test that waits there — for a child process, a pipe, a socket, a
/// sleep, a build that runs git — holds that thread, and every test queued behind it waits too.
/// Work that waits goes to a thread of its own instead, and the test is suspended until it is done.
public enum OffPool {
    /// `work`'s result, computed on a new thread while the calling task is suspended (its thread free
    /// for other tests).
    public static func run<T: Sendable, E: Error>(_ work: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: Result(catching: work)) }
            thread.start()
        }
        return try result.get()
    }
}

/// Something that happens once (a child process ends), awaited by tasks without blocking a thread.
public final class Latch: Sendable {
    private let state = Mutex<(open: Bool, waiting: [CheckedContinuation<Void, Never>])>((false, []))

    /// A closed latch.
    public init() {}

    /// Whether it has happened.
    public var isOpen: Bool { state.withLock { $0.open } }

    /// Marks it as happened and resumes every waiting task.
    public func open() {
        let waiting = state.withLock { state in
            state.open = true
            defer { state.waiting = [] }
            return state.waiting
        }
        for continuation in waiting { continuation.resume() }
    }

    /// Returns once it has happened.
    public func wait() async {
        await withCheckedContinuation { continuation in
            let now = state.withLock { state in
                if state.open { return true }
                state.waiting.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
    }
}
