import KontorApp
import KontorCore
import Logging

/// What every controller needs: the use cases, the views, the clock and the sessions.
struct AppServices: Sendable {
    let kontor: Kontor
    let views: Views
    let sessions: SessionStore
    let today: @Sendable () -> Day
    let requiresLogin: Bool
    let bcryptCost: UInt8
    let secureCookies: Bool
    /// Proxies whose `X-Forwarded-Proto` is believed.
    let trustedProxies: Set<String>
    /// The names `Host` and `Origin` may carry.
    let hosts: HostPolicy
    /// Failed logins per account and address.
    let throttle: LoginThrottle
    /// What an unknown user name's password is checked against.
    let decoy: DecoyHash
    /// The outbox's sender when the server sends mail (nil in tests that only look at the outbox).
    var mailSender: MailSenderService? = nil
    let pages = PageCache()
    /// Where unexpected errors are logged with their cause.
    var logger = Logger(label: "kontor.web") { _ in SwiftLogNoOpLogHandler() }
}
