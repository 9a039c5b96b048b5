#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The address `serve --host` listens on: an IPv4 or IPv6 address as written, or `localhost`, which
/// means 127.0.0.1. Other host names are refused rather than resolved: a name can resolve to several
/// addresses, or to a public one, and a preview should listen exactly where the user says.
public enum ListenAddress: Sendable, Equatable {
    case ip4(String)
    case ip6(String)

    /// What to say when `--host` is not an address.
    public static let hint = "--host takes an IP address such as 127.0.0.1 or ::1"

    /// The address `host` names, `nil` when it is not one.
    public static func parse(_ host: String) -> ListenAddress? {
        if host == "localhost" { return .ip4("127.0.0.1") }
        var text = host
        if text.hasPrefix("[") && text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return .ip4(text) }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return .ip6(text) }
        return nil
    }
}
