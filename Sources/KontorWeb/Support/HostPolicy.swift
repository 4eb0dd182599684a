import NIOCore

/// Which names the browser may use to reach the app (`Host`, `Origin`), and which client addresses count as
/// this machine.
///
/// Without this, a web page the user visits could point its own name at 127.0.0.1 (DNS rebinding): the
/// browser would then send the book to that page, because for the browser it is the page's own site. The
/// rebinding page cannot change the name in `Host` and `Origin`, so both are checked against the names the
/// server was started with.
struct HostPolicy: Sendable {
    /// Lowercased names without port; nil: any name (a wildcard address with no `--allowed-host`, where a login
    /// is required anyway).
    let names: Set<String>?

    /// The names for a server bound to `host` with the extra names given by the user.
    init(host: String, allowed: [String]) {
        let extra = allowed.map(HostPolicy.normalized)
        if HostPolicy.isLoopback(host: host) {
            names = Set(["127.0.0.1", "localhost", "::1", HostPolicy.normalized(host)] + extra)
        } else if ["0.0.0.0", "::", "[::]", ""].contains(host) {
            names = extra.isEmpty ? nil : Set(extra)
        } else {
            names = Set([HostPolicy.normalized(host)] + extra)
        }
    }

    /// Whether a request's `Host` header names this server. A request without one (HTTP/1.0, not a browser)
    /// passes: every browser sends it, and rebinding needs a browser.
    func allows(host header: String?) -> Bool {
        guard let names, let header else { return true }
        return names.contains(HostPolicy.normalized(HostPolicy.stripPort(header)))
    }

    /// Whether an `Origin` header (`scheme://host[:port]`) names this server; `null` (a sandboxed frame, a
    /// redirect across sites) never does.
    func allows(origin: String) -> Bool {
        let lower = origin.lowercased()
        guard let scheme = ["http://", "https://"].first(where: lower.hasPrefix) else { return false }
        let authority = String(lower.dropFirst(scheme.count))
        guard !authority.isEmpty, !authority.contains("/"), !authority.contains("@") else { return false }
        guard let names else { return true }
        return names.contains(HostPolicy.normalized(HostPolicy.stripPort(authority)))
    }

    /// `name:port` → `name`, `[::1]:8080` → `::1`.
    static func stripPort(_ text: String) -> String {
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            return String(text[text.index(after: text.startIndex)..<close])
        }
        let colons = text.filter { $0 == ":" }.count
        if colons == 1, let colon = text.firstIndex(of: ":") { return String(text[..<colon]) }
        return text
    }

    /// Lowercase, without brackets and a trailing dot.
    static func normalized(_ name: String) -> String {
        var name = name.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name.hasSuffix(".") { name.removeLast() }
        return name
    }

    /// Whether the address to listen on is this machine only, decided by the address, never by the text:
    /// `127.evil.invalid` is a name, not 127/8. A name is resolved; `localhost` is loopback when it resolves
    /// to a loopback address.
    static func isLoopback(host: String) -> Bool {
        let host = normalized(host)
        if let address = try? SocketAddress(ipAddress: host, port: 0) { return isLoopback(address) }
        guard host == "localhost", let address = try? SocketAddress.makeAddressResolvingHost(host, port: 0) else {
            return false
        }
        return isLoopback(address)
    }

    /// Whether a socket address is in 127.0.0.0/8, `::1` or `::ffff:127.x.y.z`.
    static func isLoopback(_ address: SocketAddress) -> Bool {
        // `ipAddress` is the address printed by inet_ntop from the socket's bytes, so its text is exact here.
        guard let text = address.ipAddress?.lowercased() else { return false }
        switch address {
        case .v4: return text.hasPrefix("127.")
        case .v6: return text == "::1" || (text.hasPrefix("::ffff:127.") && text.split(separator: ".").count == 4)
        default: return false
        }
    }
}
