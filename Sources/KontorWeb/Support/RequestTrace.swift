import Foundation

/// What the request log says about one request beyond method and path: an id to find its line again (also sent to
/// the browser as `X-Request-Id`) and who was signed in, which the session middleware learns only further in.
/// A reference, so that the outermost middleware reads what an inner one wrote into its copy of the context.
final class RequestTrace: @unchecked Sendable {
    /// Twelve hex digits, random per request: unique enough to find a line among a day's requests.
    let id: String
    private let lock = NSLock()
    private var signedIn: String?

    init() {
        id = String(UInt64.random(in: 0..<(1 << 48)), radix: 16).leftPadded(to: 12)
    }

    /// The signed-in user's name, once the session middleware knows it.
    var user: String? {
        get { lock.withLock { signedIn } }
        set { lock.withLock { signedIn = newValue } }
    }
}

/// A request context that carries a `RequestTrace`.
protocol TracedRequestContext {
    var trace: RequestTrace { get }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
