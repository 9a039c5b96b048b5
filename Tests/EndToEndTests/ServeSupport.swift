import Foundation
import OKRTestSupport
import Synchronization

/// `okrportal serve` running as a child process on a free port. Tests run it through
/// ``withServer(_:_:)``, which stops it whatever happens; if one is dropped while running all the same,
/// it is killed, so no test leaves a server behind.
final class ServerProcess: Sendable {
    let child: Child
    let port: Int
    private let buffer: OutputBuffer
    private let pipe: Pipe

    /// Starts `okrportal serve ARGS --port 0` and waits (at most `timeout` seconds) for "serving http://…".
    static func start(_ arguments: [String], timeout: Double = 60) async throws -> ServerProcess {
        let out = Pipe()
        let buffer = OutputBuffer()
        out.fileHandleForReading.readabilityHandler = { handle in buffer.append(handle.availableData) }
        let child = try Child(
            Binary.path, ["serve"] + arguments + ["--port", "0"], standardOutput: out, standardError: out)
        var found: Int?
        let deadline = Date().addingTimeInterval(timeout)
        while found == nil, Date() < deadline, child.isRunning {
            try await Task.sleep(for: .milliseconds(50))
            let output = buffer.text
            if let range = output.range(of: #"serving http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                found = Int(output[range].split(separator: ":").last?.dropLast() ?? "")
            }
        }
        guard let found else {
            child.send(SIGKILL)
            out.fileHandleForReading.readabilityHandler = nil
            throw ServeTestError("serve did not start: \(buffer.text)")
        }
        return ServerProcess(child: child, port: found, buffer: buffer, pipe: out)
    }

    private init(child: Child, port: Int, buffer: OutputBuffer, pipe: Pipe) {
        self.child = child
        self.port = port
        self.buffer = buffer
        self.pipe = pipe
    }

    /// Everything the server printed so far.
    var output: String { buffer.text }

    /// Asks the server to stop, and kills it if it has not within five seconds.
    func stop() async {
        child.send(SIGTERM)
        if await !child.ended(within: 5) { child.send(SIGKILL) }
        _ = await child.termination()
        pipe.fileHandleForReading.readabilityHandler = nil
    }

    deinit {
        // Only when a test dropped it without `stop()`: no waiting here, just no server left behind.
        child.send(SIGKILL)
        pipe.fileHandleForReading.readabilityHandler = nil
    }
}

/// Runs `body` with `okrportal serve ARGS` started, and stops the server afterwards, also when `body`
/// throws.
func withServer<T>(_ arguments: [String], _ body: (ServerProcess) async throws -> T) async throws -> T {
    let server = try await ServerProcess.start(arguments)
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// What a child process printed, collected from another thread.
final class OutputBuffer: Sendable {
    private let data = Mutex(Data())

    func append(_ more: Data) {
        data.withLock { $0.append(more) }
    }

    var text: String {
        data.withLock { String(decoding: $0, as: UTF8.self) }
    }
}

/// A failure of the test's own machinery.
struct ServeTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A raw HTTP/1.1 client on a socket: it sends paths exactly as written (`/../x`, `%2e%2e`), which
/// URLSession would normalise, and never waits longer than its timeout. Its sockets block, so every
/// call runs on a thread of its own (``OffPool``), never on the cooperative pool.
struct RawHTTP: Sendable {
    let port: Int

    /// A response: status, headers (lower-case names) and body.
    struct Response: Sendable {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    /// Opens a connection with send and receive timeouts.
    private func connect(timeout: Double = 5) throws -> Int32 { try Self.connect(port: port, timeout: timeout) }

    /// A blocking socket connected to `port` on 127.0.0.1, whose sends and receives give up after
    /// `timeout` seconds (the hostile-client tests use it too).
    static func connect(port: Int, timeout: Double) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServeTestError("socket failed") }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard ok == 0 else {
            close(fd)
            throw ServeTestError("cannot connect to port \(port)")
        }
        return fd
    }

    /// Sends `GET target` (or another method) and reads the whole response (the server closes after it).
    func get(_ target: String, method: String = "GET") async throws -> Response {
        try await OffPool.run { try blockingGet(target, method: method) }
    }

    private func blockingGet(_ target: String, method: String) throws -> Response {
        let fd = try connect()
        defer { close(fd) }
        try send(fd, "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        return try parse(data)
    }

    /// Opens the event stream and returns the connection; read it with ``read(_:until:timeout:)``.
    func events(since: Int) async throws -> Int32 {
        try await OffPool.run {
            let fd = try connect(timeout: 0.5)
            do {
                try send(fd, "GET /_okrportal/events?since=\(since) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            } catch {
                close(fd)
                throw error
            }
            return fd
        }
    }

    /// Reads from `fd` until the text read contains `needle` or `timeout` seconds pass; returns the text.
    func read(_ fd: Int32, until needle: String, timeout: Double = 30) async -> String {
        await OffPool.run { blockingRead(fd, until: needle, timeout: timeout) }
    }

    private func blockingRead(_ fd: Int32, until needle: String, timeout: Double) -> String {
        var text = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline, !text.contains(needle) {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n == 0 { break }
            if n > 0 { text += String(decoding: buffer[0..<n], as: UTF8.self) }
        }
        return text
    }

    private func send(_ fd: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(fd, bytes, bytes.count, 0) == bytes.count else { throw ServeTestError("send failed") }
    }

    private func parse(_ data: Data) throws -> Response {
        let text = String(decoding: data, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { throw ServeTestError("no response: \(text)") }
        let head = text[..<end.lowerBound].components(separatedBy: "\r\n")
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(text[end.upperBound...]))
    }
}

/// Waits until `condition` holds, at most `timeout` seconds; returns whether it did.
func eventually(timeout: Double = 30, _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(100))
    }
    return try await condition()
}
