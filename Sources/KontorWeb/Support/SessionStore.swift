import Foundation

/// One browser's session: its CSRF token, who signed in, and a message for the next page.
struct WebSession: Sendable {
    /// The random id in the session cookie.
    let id: String
    /// The token every form of this session carries.
    let csrfToken: String
    /// The signed-in user (nil when no login is required or not signed in yet).
    var user: String?
    /// A message shown once on the next page ("Rechnung 2026-0012 ausgestellt.").
    var flash: Flash?
    /// When the session was last used.
    var lastSeen: Date
}

/// A one-time message after an action.
struct Flash: Sendable {
    enum Kind: String, Sendable { case success, warning }
    var kind: Kind
    var text: String
}

/// The sessions of the running server, in memory: a restart signs everybody out, which is fine for a
/// single-user back office. Access is serialised with a lock.
final class SessionStore: @unchecked Sendable {
    private let lock = NSLock()
    private var sessions: [String: WebSession] = [:]
    private let lifetime: TimeInterval
    private let maximumCount = 10_000

    init(lifetime: TimeInterval) { self.lifetime = lifetime }

    /// The live session with this id, touched; nil when unknown or expired.
    func session(id: String) -> WebSession? {
        lock.withLock {
            guard var session = sessions[id] else { return nil }
            let now = Date()
            guard now.timeIntervalSince(session.lastSeen) < lifetime else {
                sessions[id] = nil
                return nil
            }
            session.lastSeen = now
            sessions[id] = session
            return session
        }
    }

    /// A new session with fresh random id and CSRF token.
    func create(user: String? = nil) -> WebSession {
        let session = WebSession(id: Token.random(), csrfToken: Token.random(), user: user, flash: nil, lastSeen: Date())
        lock.withLock {
            if sessions.count >= maximumCount { evictExpired() }
            if sessions.count >= maximumCount, let oldest = sessions.values.min(by: { $0.lastSeen < $1.lastSeen }) {
                sessions[oldest.id] = nil
            }
            sessions[session.id] = session
        }
        return session
    }

    /// Ends a session (logout).
    func remove(id: String) {
        lock.withLock { sessions[id] = nil }
    }

    /// Leaves a message for the session's next page.
    func setFlash(_ flash: Flash, for id: String) {
        lock.withLock { sessions[id]?.flash = flash }
    }

    /// Whether a message waits for the session's next page.
    func hasFlash(for id: String) -> Bool {
        lock.withLock { sessions[id]?.flash != nil }
    }

    /// Takes the waiting message, if any (it is shown once).
    func takeFlash(for id: String) -> Flash? {
        lock.withLock {
            let flash = sessions[id]?.flash
            sessions[id]?.flash = nil
            return flash
        }
    }

    private func evictExpired() {
        let now = Date()
        sessions = sessions.filter { now.timeIntervalSince($0.value.lastSeen) < lifetime }
    }
}

/// Random tokens for session ids and CSRF tokens: 32 bytes from the system's CSPRNG, hex-encoded.
enum Token {
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for _ in 0..<4 {
            var word = generator.next()
            for _ in 0..<8 {
                hex.append(digits[Int(word & 0x0f)])
                hex.append(digits[Int(word >> 4 & 0x0f)])
                word >>= 8
            }
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Compares in constant time, so that a forged token cannot be guessed byte by byte.
    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
