import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// Tells every open page when the site was rebuilt, over server-sent events.
///
/// Each build (successful or not) gets the next generation number. A page is served with the
/// generation it shows; its event stream (`/_okrportal/events?since=N`) gets a `reload` event at once
/// when the site has moved on since (a rebuild finished between loading the page and connecting),
/// and on every later build. A comment every 15 seconds finds connections the browser has closed.
public final class ReloadHub: Sendable {
    private struct State {
        var generation = 0
        var next = 0
        var clients: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
    }

    private let state = Mutex(State())

    /// A hub at generation 0.
    public init() {}

    /// The generation of the site being served.
    public var generation: Int { state.withLock { $0.generation } }

    /// The number of open event streams.
    public var clientCount: Int { state.withLock { $0.clients.count } }

    /// Moves to the next generation and sends `reload` to every open stream.
    public func publish() {
        let (generation, clients) = state.withLock { s -> (Int, [AsyncStream<[UInt8]>.Continuation]) in
            s.generation += 1
            return (s.generation, Array(s.clients.values))
        }
        let event = Array("event: reload\ndata: \(generation)\n\n".utf8)
        for c in clients { c.yield(event) }
    }

    /// Closes every stream (the server is stopping).
    public func finish() {
        let clients = state.withLock { s -> [AsyncStream<[UInt8]>.Continuation] in
            defer { s.clients = [:] }
            return Array(s.clients.values)
        }
        for c in clients { c.finish() }
    }

    /// The response body of one event stream for a page that shows generation `since`.
    public func stream(since: Int?) -> EventStream {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let id = state.withLock { s -> Int in
            s.next += 1
            s.clients[s.next] = continuation
            return s.next
        }
        // Reconnect quickly after a restart of the server; say which generation this is.
        let current = generation
        continuation.yield(Array("retry: 500\nevent: hello\ndata: \(current)\n\n".utf8))
        if let since, since != current {
            continuation.yield(Array("event: reload\ndata: \(current)\n\n".utf8))
        }
        let pinger = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                continuation.yield(Array(": ping\n\n".utf8))
            }
        }
        continuation.onTermination = { [weak self] _ in
            pinger.cancel()
            self?.state.withLock { _ = $0.clients.removeValue(forKey: id) }
        }
        return EventStream(stream: stream)
    }

    /// The bytes of one event stream, as FlyingFox sends a streamed (chunked) body.
    public struct EventStream: AsyncBufferedSequence, Sendable {
        public typealias Element = UInt8
        let stream: AsyncStream<[UInt8]>

        public func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator()) }

        /// Hands out one event at a time.
        public struct Iterator: AsyncBufferedIteratorProtocol {
            var base: AsyncStream<[UInt8]>.Iterator
            var pending: [UInt8] = []

            public mutating func next() async throws -> UInt8? {
                if pending.isEmpty {
                    guard let chunk = await base.next() else { return nil }
                    pending = chunk
                }
                return pending.isEmpty ? nil : pending.removeFirst()
            }

            public mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
                if pending.isEmpty {
                    guard let chunk = await base.next() else { return nil }
                    pending = chunk
                }
                let n = Swift.min(Swift.max(count, 1), pending.count)
                defer { pending.removeFirst(n) }
                return Array(pending.prefix(n))
            }
        }
    }
}
