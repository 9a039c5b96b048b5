import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The TCP side of `okrportal serve`: it accepts clients, reads each request head itself under limits
/// and a deadline, and passes what is acceptable to FlyingFox over a private Unix socket, then relays
/// the response back.
///
/// FlyingFox 0.27 reads a request line and headers without any limit (a line is collected in a way
/// that costs time quadratic in its length: two 300 KB paths kept both cores busy for minutes) and
/// without a deadline for the head (a client sending a byte every few seconds holds its connection
/// for ever). Its decoder and connection types are internal, so there is no place inside it to add
/// limits. The door is the layer that can: it sees the bytes first.
///
/// - The request line may be 8 KB (longer: 414), the whole head 32 KB (larger: 431); both are checked
///   while reading, each byte once, and reading stops at the first byte over the limit.
/// - The whole head must arrive within 10 seconds of connecting (else 408 and the connection closes);
///   a response that a client does not read for 30 seconds is dropped.
/// - Only `GET` and `HEAD` without a body pass (others: 405 with `Allow: GET, HEAD`, or 400), as
///   their request line alone (``Refusal/forwarded(_:)``); one request per connection (responses say
///   `Connection: close`).
/// - At most 256 connections at once; more are answered 503.
final class FrontDoor: Sendable {
    let limits: DoorLimits
    /// Where FlyingFox listens: an abstract Unix socket (no file, gone with the process).
    let inner: sockaddr_un
    private let open = Atomic<Int>(0)

    init(limits: DoorLimits, inner: sockaddr_un) {
        self.limits = limits
        self.inner = inner
    }

    /// Binds `address` and listens (errors such as a port in use are thrown here, before serving).
    static func listen(on address: some SocketAddress) throws -> Socket {
        let socket = try Socket(domain: Int32(type(of: address).family))
        try socket.setValue(true, for: .localAddressReuse)
        try socket.bind(to: address)
        try socket.listen()
        return socket
    }

    /// Accepts connections on `socket` until cancelled.
    func run(_ socket: Socket, pool: some AsyncSocketPool) async throws {
        let listener = try AsyncSocket(socket: socket, pool: pool)
        try await withThrowingDiscardingTaskGroup { group in
            for try await client in listener.sockets {
                group.addTask { await self.serve(client, pool: pool) }
            }
        }
    }

    /// What a connection is doing, for its watchdog.
    struct Watch {
        var connected = Date()
        var headDone = false
        var writingSince: Date?
        var timedOutInHead = false
    }

    /// A connection's ``Watch``, shared by its relay and its watchdog.
    final class WatchBox: Sendable {
        private let state = Mutex(Watch())

        func withLock<R: Sendable>(_ body: (inout Watch) -> R) -> R {
            state.withLock { body(&$0) }
        }
    }

    /// Serves one client connection, however it behaves.
    private func serve(_ client: AsyncSocket, pool: some AsyncSocketPool) async {
        defer { try? client.close() }
        let count = open.wrappingAdd(1, ordering: .relaxed).newValue
        defer { open.wrappingSubtract(1, ordering: .relaxed) }
        guard count <= limits.connections else {
            _ = try? client.socket.write(Data(Refusal.busy.response))
            return
        }
        let watch = WatchBox()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.relay(client, pool: pool, watch: watch) }
            group.addTask { await self.watchdog(watch) }
            await group.next()
            group.cancelAll()
        }
        if watch.withLock({ $0.timedOutInHead }) {
            // Best effort, without waiting: the socket is non-blocking.
            _ = try? client.socket.write(Data(Refusal.timeout.response))
        }
    }

    /// Returns when the connection has overstayed: its head took too long, or a write is stuck.
    private func watchdog(_ watch: WatchBox) async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: .milliseconds(500)) } catch { return }
            let now = Date()
            let expired = watch.withLock { w -> Bool in
                if !w.headDone && now.timeIntervalSince(w.connected) > limits.headSeconds {
                    w.timedOutInHead = true
                    return true
                }
                return w.writingSince.map { now.timeIntervalSince($0) > limits.stalledWriteSeconds } ?? false
            }
            if expired { return }
        }
    }

    /// Reads the head, refuses it or passes it on, and relays the response.
    private func relay(_ client: AsyncSocket, pool: some AsyncSocketPool, watch: WatchBox) async {
        var scanner = HeadScanner(limits: limits)
        var verdict = HeadScanner.Verdict.needMore
        do {
            while verdict == .needMore {
                verdict = scanner.feed(try await client.read(atMost: 4096))
            }
        } catch {
            return  // gone, or cancelled by the watchdog
        }
        watch.withLock { $0.headDone = true }
        let head: ArraySlice<UInt8>
        switch verdict {
        case .needMore: return
        case .uriTooLong: return await refuse(Refusal.uriTooLong, client, watch: watch)
        case .headersTooLarge: return await refuse(Refusal.headersTooLarge, client, watch: watch)
        case .complete(let end): head = scanner.bytes[..<end]
        }
        if let refusal = Refusal.check(head) { return await refuse(refusal, client, watch: watch) }
        guard let upstream = try? await AsyncSocket.connected(to: inner, pool: pool) else {
            return await refuse(Refusal.busy, client, watch: watch)
        }
        defer { try? upstream.close() }
        do {
            try await upstream.write(Data(Refusal.forwarded(head)))
            shutdown(upstream.socket.file.rawValue, Int32(SHUT_WR))  // one request per connection
            while true {
                let bytes = try await upstream.read(atMost: 65536)
                try await write(bytes, to: client, watch: watch)
            }
        } catch {
            return  // the response is complete (FlyingFox closed), or the client went away
        }
    }

    /// Writes `bytes`, telling the watchdog while the client does not take them.
    private func write(_ bytes: [UInt8], to client: AsyncSocket, watch: WatchBox) async throws {
        watch.withLock { $0.writingSince = Date() }
        try await client.write(Data(bytes))
        watch.withLock { $0.writingSince = nil }
    }

    /// Answers `refusal`, then reads and drops what the client still sends (so it sees the answer
    /// rather than a reset) until it closes, 1 MB passed, or the watchdog ends the connection.
    private func refuse(_ refusal: Refusal, _ client: AsyncSocket, watch: WatchBox) async {
        guard (try? await write(refusal.response, to: client, watch: watch)) != nil else { return }
        shutdown(client.socket.file.rawValue, Int32(SHUT_WR))
        watch.withLock {
            $0.headDone = false  // the drain gets the head's deadline, counted from now
            $0.connected = Date()
        }
        var drained = 0
        while drained < 1 << 20, let bytes = try? await client.read(atMost: 65536) { drained += bytes.count }
        watch.withLock { $0.headDone = true }
    }
}
