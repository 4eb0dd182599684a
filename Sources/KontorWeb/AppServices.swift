import KontorApp
import KontorCore

/// What every controller needs: the use cases, the views, the clock and the sessions.
struct AppServices: Sendable {
    let kontor: Kontor
    let views: Views
    let sessions: SessionStore
    let today: @Sendable () -> Day
    let requiresLogin: Bool
    let bcryptCost: UInt8
    let secureCookies: Bool
    let pages = PageCache()
}
