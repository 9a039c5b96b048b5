import Foundation

/// What the front door (``FrontDoor``) lets through to the HTTP server, and how long it waits.
public struct DoorLimits: Sendable {
    /// The longest request line (method, target, version) in bytes; longer is 414 URI Too Long.
    public var requestLine = 8 * 1024
    /// The longest request head (request line and headers) in bytes; longer is 431.
    public var head = 32 * 1024
    /// Seconds a client has to send its whole request head, from the moment it connected.
    public var headSeconds = 10.0
    /// Seconds a response may wait for a client that does not read it.
    public var stalledWriteSeconds = 30.0
    /// Connections open at once; more are answered 503 and closed.
    public var connections = 256

    /// The defaults.
    public init() {}
}

/// Reads a request head as it arrives: every byte is looked at once, and reading stops as soon as a
/// limit is passed, so a 300 KB request line costs as much as 8 KB of it.
struct HeadScanner {
    enum Verdict: Equatable {
        /// The head is not complete yet and within the limits.
        case needMore
        /// The head ends before this index (after its empty line).
        case complete(Int)
        /// The request line is longer than allowed.
        case uriTooLong
        /// The head is larger than allowed.
        case headersTooLarge
    }

    let limits: DoorLimits
    private(set) var bytes: [UInt8] = []
    private var scanned = 0
    private var lineStart = 0
    private var requestLineSeen = false

    init(limits: DoorLimits) {
        self.limits = limits
    }

    /// Adds `chunk` and says where the head stands.
    mutating func feed(_ chunk: some Collection<UInt8>) -> Verdict {
        bytes.append(contentsOf: chunk)
        while scanned < bytes.count {
            let i = scanned
            scanned += 1
            guard bytes[i] == 10 else { continue }
            let empty = i == lineStart || (i == lineStart + 1 && bytes[lineStart] == 13)
            if !requestLineSeen {
                // Empty lines before the request line are ignored (RFC 9112 §2.2), but count for the head.
                if !empty {
                    if i - lineStart > limits.requestLine { return .uriTooLong }
                    requestLineSeen = true
                }
            } else if empty {
                return i + 1 > limits.head ? .headersTooLarge : .complete(i + 1)
            }
            lineStart = i + 1
        }
        if !requestLineSeen && bytes.count - lineStart > limits.requestLine { return .uriTooLong }
        return bytes.count > limits.head ? .headersTooLarge : .needMore
    }
}

/// Why the front door answers a complete head itself instead of passing it on.
struct Refusal: Equatable, Sendable {
    var status: Int
    var reason: String
    var message: String

    static let uriTooLong = Refusal(
        status: 414, reason: "URI Too Long", message: "414 the request line is longer than 8 KB\n")
    static let headersTooLarge = Refusal(
        status: 431, reason: "Request Header Fields Too Large", message: "431 the request head is larger than 32 KB\n")
    static let methodNotAllowed = Refusal(
        status: 405, reason: "Method Not Allowed", message: "405 method not allowed\n")
    static let timeout = Refusal(
        status: 408, reason: "Request Timeout", message: "408 the request head did not arrive in time\n")
    static let busy = Refusal(
        status: 503, reason: "Service Unavailable", message: "503 too many connections\n")

    static func badRequest(_ why: String) -> Refusal {
        Refusal(status: 400, reason: "Bad Request", message: "400 \(why)\n")
    }

    /// The whole response: closes the connection; a 405 lists the methods there are.
    var response: [UInt8] {
        let allow = status == 405 ? "Allow: GET, HEAD\r\n" : ""
        let text =
            "HTTP/1.1 \(status) \(reason)\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: \(message.utf8.count)\r\n\(allow)Cache-Control: no-store\r\nConnection: close\r\n\r\n"
            + message
        return Array(text.utf8)
    }

    /// What is passed on for an acceptable `head`: its request line and `Connection: close`, nothing
    /// else. The handler reads only the method and target; every header FlyingFox does not see costs
    /// it nothing (its line reader takes time quadratic in a line's length).
    static func forwarded(_ head: ArraySlice<UInt8>) -> [UInt8] {
        let text = String(decoding: head, as: UTF8.self)
        let line = text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).first ?? ""
        return Array("\(line)\r\nConnection: close\r\n\r\n".utf8)
    }

    /// The refusal for a complete request head, `nil` when it may pass: only `GET` and `HEAD` of
    /// HTTP/1.x, with headers that are `name: value` lines, and without a body (the door passes one
    /// request per connection, head only).
    static func check(_ head: ArraySlice<UInt8>) -> Refusal? {
        let text = String(decoding: head, as: UTF8.self)
        // "\r\n" is one Character in Swift, and a newline.
        let lines = text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline)
        guard let requestLine = lines.first else { return .badRequest("no request line") }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1."), parts[1].first == "/" || parts[1].hasPrefix("http")
        else { return .badRequest("malformed request line") }
        guard parts[0] == "GET" || parts[0] == "HEAD" else { return .methodNotAllowed }
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                line.first != " " && line.first != "\t"
            else { return .badRequest("malformed header line") }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "transfer-encoding" || (name == "content-length" && value != "0") {
                return .badRequest("GET and HEAD requests have no body")
            }
        }
        return nil
    }
}
