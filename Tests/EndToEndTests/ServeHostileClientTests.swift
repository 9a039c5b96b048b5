import Foundation
import OKRTestSupport
import Testing

@testable import OKRServe

/// `okrportal serve` against clients that do not play along: huge request lines and heads, clients
/// that send a byte every few seconds, other methods, redirects to another host, `--host` names.
@Suite(.serialized) struct ServeHostileClientTests {
    /// A site made by `okrportal init`.
    func site() async throws -> SiteFixture {
        let fixture = try SiteFixture([:])
        let run = try await Binary.run(["init", fixture.root, "--as-of", "2026-11-29"])
        #expect(run.status == 0, "\(run.stderr)")
        return fixture
    }

    @Test func theServerAnswersWhileHostileClientsAreConnected() async throws {
        let fixture = try await site()
        defer { withExtendedLifetime(fixture) {} }
        try await withServer([fixture.root, "--as-of", "2026-11-29"]) { server in
            let port = server.port
            // 20 slowloris clients: half a request head, then a byte every two seconds.
            let slow = try await OffPool.run { try (0..<20).map { _ in try RawSocket(port: port) } }
            defer { for s in slow { s.close() } }
            for s in slow { s.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ") }
            // 2 clients with 300 KB paths, sent while the slow ones hold their connections.
            let huge = "GET /" + String(repeating: "a", count: 300_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            async let first = OffPool.run { try RawSocket(port: port).exchange(huge) }
            async let second = OffPool.run { try RawSocket(port: port).exchange(huge) }
            // A normal client is answered meanwhile (30 s is the hang guard, not a performance figure).
            let home = try await RawHTTP(port: port).get("/")
            #expect(home.status == 200)
            #expect(try await first.hasPrefix("HTTP/1.1 414 URI Too Long\r\n"))
            #expect(try await second.hasPrefix("HTTP/1.1 414 URI Too Long\r\n"))
            // The slow clients are sent away once their head is overdue: 408, then the connection closes.
            let closed = try await eventually(timeout: 60) {
                for s in slow { s.send("x") }
                try await Task.sleep(for: .seconds(2))
                return slow.allSatisfy { $0.peerClosed() }
            }
            #expect(closed)
            #expect(slow.contains { $0.received.hasPrefix("HTTP/1.1 408 Request Timeout\r\n") })
            #expect(try await RawHTTP(port: port).get("/").status == 200)
        }
    }

    @Test func limitsMethodsAndRedirectsOverTheWire() async throws {
        let fixture = try await site()
        defer { withExtendedLifetime(fixture) {} }
        try await withServer([fixture.root, "--as-of", "2026-11-29"]) { server in
            let port = server.port
            let http = RawHTTP(port: port)
            // A head just under the limits passes; one over them does not.
            let fine =
                "GET /?q=" + String(repeating: "a", count: 1000) + " HTTP/1.1\r\nHost: x\r\nX-A: "
                + String(repeating: "b", count: 30_000) + "\r\n\r\n"
            #expect(try await OffPool.run { try RawSocket(port: port).exchange(fine) }.hasPrefix("HTTP/1.1 200 OK"))
            let big = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "b", count: 40_000) + "\r\n\r\n"
            #expect(try await OffPool.run { try RawSocket(port: port).exchange(big) }.hasPrefix("HTTP/1.1 431 "))
            let many = "GET / HTTP/1.1\r\n" + String(repeating: "X-A: b\r\n", count: 10_000) + "\r\n"
            #expect(try await OffPool.run { try RawSocket(port: port).exchange(many) }.hasPrefix("HTTP/1.1 431 "))
            // Other methods: 405 listing both methods there are.
            for method in ["POST", "PUT", "DELETE", "OPTIONS", "TRACE", "get"] {
                let response = try await http.get("/", method: method)
                #expect(response.status == 405, "\(method)")
                #expect(response.headers["allow"] == "GET, HEAD", "\(method)")
            }
            // Redirects stay on this host: repeated slashes collapse.
            for (target, location) in [("//teams", "/teams/"), ("///teams", "/teams/"), ("/teams", "/teams/")] {
                let response = try await http.get(target)
                #expect(response.status == 301, "\(target)")
                #expect(response.headers["location"] == location, "\(target)")
            }
            #expect(try await http.get("//teams/").status == 200)
            #expect(try await http.get("/").headers["connection"] == "close")
        }
    }

    @Test func hostNamesAreRefusedAndLocalhostIsLoopback() async throws {
        let fixture = try await site()
        defer { withExtendedLifetime(fixture) {} }
        for host in ["example.com", "local host", "127.0.0.1.5", "::1::"] {
            let run = try await Binary.run(["serve", fixture.root, "--host", host, "--port", "0"])
            #expect(run.status == 2, "\(host)")
            #expect(run.stderr.contains("--host takes an IP address such as 127.0.0.1 or ::1"), "\(host)")
            #expect(!run.stderr.contains("inet_pton"), "\(host)")
        }
        try await withServer([fixture.root, "--as-of", "2026-11-29", "--host", "localhost"]) { server in
            let home = try await RawHTTP(port: server.port).get("/")
            #expect(home.status == 200)
        }
    }

    @Test func theHeadIsReadInOnePassAndStopsAtTheLimit() {
        var scanner = HeadScanner(limits: DoorLimits())
        var fed = 0
        var verdict = HeadScanner.Verdict.needMore
        let chunk = [UInt8](repeating: 97, count: 4096)
        while verdict == .needMore && fed < 300_000 {
            verdict = scanner.feed(chunk)
            fed += chunk.count
        }
        #expect(verdict == .uriTooLong)
        #expect(fed <= 8 * 1024 + 4096)  // stopped reading at the first chunk over the limit

        var split = HeadScanner(limits: DoorLimits())
        #expect(split.feed(Array("\r\nGET / HTTP/1.1\r".utf8)) == .needMore)
        #expect(split.feed(Array("\nHost: x\r\n\r".utf8)) == .needMore)
        #expect(split.feed(Array("\nrest".utf8)) == .complete(29))
        var bare = HeadScanner(limits: DoorLimits())
        #expect(bare.feed(Array("GET / HTTP/1.0\n\n".utf8)) == .complete(16))
    }

    @Test func onlyBodilessGetAndHeadPass() {
        func check(_ head: String) -> Refusal? { Refusal.check(Array(head.utf8)[...]) }
        #expect(check("GET / HTTP/1.1\r\nHost: x\r\n\r\n") == nil)
        #expect(check("HEAD /a?b=c HTTP/1.0\r\n\r\n") == nil)
        #expect(check("GET / HTTP/1.1\r\nContent-Length: 0\r\n\r\n") == nil)
        #expect(check("POST / HTTP/1.1\r\n\r\n") == .methodNotAllowed)
        #expect(check("GET / HTTP/1.1\r\nContent-Length: 5\r\n\r\n")?.status == 400)
        #expect(check("GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")?.status == 400)
        #expect(check("GET / HTTP/1.1\r\n folded\r\n\r\n")?.status == 400)
        #expect(check("GET /\r\n\r\n")?.status == 400)
        #expect(check("GET / SPDY/3\r\n\r\n")?.status == 400)
        let passed = Refusal.forwarded(Array("\r\nGET /a HTTP/1.1\r\nCookie: x\r\n\r\n".utf8)[...])
        #expect(String(decoding: passed, as: UTF8.self) == "GET /a HTTP/1.1\r\nConnection: close\r\n\r\n")
        #expect(String(decoding: Refusal.methodNotAllowed.response, as: UTF8.self).contains("\r\nAllow: GET, HEAD\r\n"))
    }

    @Test func listenAddresses() {
        #expect(ListenAddress.parse("localhost") == .ip4("127.0.0.1"))
        #expect(ListenAddress.parse("0.0.0.0") == .ip4("0.0.0.0"))
        #expect(ListenAddress.parse("::1") == .ip6("::1"))
        #expect(ListenAddress.parse("[::1]") == .ip6("::1"))
        for name in ["example.com", "", "localhost.", "1.2.3", "256.1.1.1", "127.0.0.1 "] {
            #expect(ListenAddress.parse(name) == nil, "\(name)")
        }
    }

    @Test func redirectsNeverLeaveTheHost() throws {
        let fixture = try SiteFixture(["public/index.html": "<p>hi</p>", "public/teams/index.html": "x"])
        defer { withExtendedLifetime(fixture) {} }
        let root = fixture.root + "/public"
        for target in ["//teams", "///teams", "/teams", "//teams//"] {
            let resolved = SitePath.resolve(target, root: root)
            if case .redirect(let location) = resolved {
                #expect(location == "/teams/", "\(target)")
                #expect(!location.hasPrefix("//"), "\(target)")
            } else {
                #expect(target.hasSuffix("/") && resolved == .file(root + "/teams/index.html"), "\(target)")
            }
        }
    }
}

/// A blocking client socket for hostile patterns; every call that may wait runs through ``OffPool``
/// or returns at once (sends are small, reads do not wait).
final class RawSocket: @unchecked Sendable {
    let fd: Int32
    private(set) var received = ""

    init(port: Int) throws {
        fd = try RawHTTP.connect(port: port, timeout: 30)
    }

    /// Sends `text` without waiting on a full buffer (errors ignored: the server may have closed).
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = Glibc.send(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
    }

    /// Sends `text` (stopping early if the server answers and closes) and reads the answer. Blocks.
    func exchange(_ text: String) throws -> String {
        defer { close() }
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBufferPointer {
                Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if n <= 0 { break }
            sent += n
        }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether the server closed the connection; keeps what it sent. Does not wait.
    func peerClosed() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            if n > 0 {
                received += String(decoding: buffer[0..<n], as: UTF8.self)
                continue
            }
            return n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)
        }
    }

    func close() { Glibc.close(fd) }
}
