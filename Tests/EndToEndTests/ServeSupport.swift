import Foundation
import OKRTestSupport

/// `okrportal serve` running as a child process on a free port, stopped (and killed if need be) when
/// the value goes away, so no test leaves a server behind.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    private let buffer = OutputBuffer()

    /// Starts `okrportal serve ARGS --port 0` and waits (at most `timeout` seconds) for "serving http://…".
    init(_ arguments: [String], timeout: Double = 60) throws {
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["serve"] + arguments + ["--port", "0"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        out.fileHandleForReading.readabilityHandler = { [buffer] handle in buffer.append(handle.availableData) }
        try process.run()
        var found: Int?
        let deadline = Date().addingTimeInterval(timeout)
        while found == nil, Date() < deadline, process.isRunning {
            usleep(50_000)
            let output = buffer.text
            if let range = output.range(of: #"serving http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                found = Int(output[range].split(separator: ":").last?.dropLast() ?? "")
            }
        }
        guard let found else {
            kill(process.processIdentifier, SIGKILL)
            throw ServeTestError("serve did not start: \(buffer.text)")
        }
        port = found
    }

    /// Everything the server printed so far.
    var output: String { buffer.text }

    deinit {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning, Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        (process.standardOutput as? Pipe)?.fileHandleForReading.readabilityHandler = nil
    }
}

/// What a child process printed, collected from another thread.
final class OutputBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ more: Data) {
        lock.lock()
        data.append(more)
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A failure of the test's own machinery.
struct ServeTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A raw HTTP/1.1 client on a socket: it sends paths exactly as written (`/../x`, `%2e%2e`), which
/// URLSession would normalise, and never waits longer than its timeout.
struct RawHTTP {
    let port: Int

    /// A response: status, headers (lower-case names) and body.
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    /// Opens a connection with send and receive timeouts.
    func connect(timeout: Double = 5) throws -> Int32 {
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
    func get(_ target: String, method: String = "GET") throws -> Response {
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
    func events(since: Int) throws -> Int32 {
        let fd = try connect(timeout: 0.5)
        try send(fd, "GET /_okrportal/events?since=\(since) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        return fd
    }

    /// Reads from `fd` until the text read contains `needle` or `timeout` seconds pass; returns the text.
    func read(_ fd: Int32, until needle: String, timeout: Double = 30) -> String {
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
func eventually(timeout: Double = 30, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try condition() { return true }
        usleep(100_000)
    }
    return try condition()
}
