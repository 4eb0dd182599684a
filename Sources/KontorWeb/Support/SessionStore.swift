import Crypto
import Foundation
import KontorApp

/// One browser's session: its CSRF token and who signed in.
struct WebSession: Sendable {
    /// The random id in the session cookie.
    let id: String
    /// The token every form of this session carries.
    let csrfToken: String
    /// The signed-in user (nil when no login is required or not signed in yet).
    var user: String?
}

/// A one-time message after an action.
struct Flash: Sendable {
    enum Kind: String, Sendable { case success, warning }
    var kind: Kind
    var text: String
}

/// The sessions of the server.
///
/// A signed-in session is a row in the book (`StoredWebSession`, only a hash of the cookie): it survives a
/// restart, ends after `lifetime` seconds unused and at the latest `absoluteLifetime` after the sign-in, and
/// nothing an anonymous visitor does can push it out. An anonymous session keeps no state at all: its CSRF token
/// is an HMAC of the cookie under a key of this process, so a flood of anonymous requests allocates nothing.
/// Only the one-time messages (`Flash`) live in memory, in a bounded table where losing one costs a message.
final class SessionStore: @unchecked Sendable {
    private let kontor: Kontor
    /// Whether anybody can sign in (the server asks for a login); without, no session is ever looked up in the
    /// book, so the pages of a local server cost no extra read.
    private let persistent: Bool
    private let lifetime: Int64
    private let absoluteLifetime: Int64
    private let key = SymmetricKey(size: .bits256)
    private let now: @Sendable () -> Date
    private let lock = NSLock()
    private var flashes: [String: Flash] = [:]
    private let maximumFlashes = 10_000

    /// A signed-in session is touched in the book at most this often (seconds), not on every request.
    static let touchInterval: Int64 = 60

    init(kontor: Kontor, lifetime: TimeInterval, absoluteLifetime: TimeInterval = 7 * 86_400, persistent: Bool = true,
         now: @escaping @Sendable () -> Date = { Date() }) {
        self.kontor = kontor
        self.persistent = persistent
        self.lifetime = Int64(lifetime)
        self.absoluteLifetime = Int64(max(lifetime, absoluteLifetime))
        self.now = now
    }

    /// The session of a request's cookie value: signed in when the book has it and it has not expired, else
    /// anonymous under the same id. A missing or malformed cookie gets a new id (`isNew`).
    func resolve(cookie: String?) async throws -> (session: WebSession, isNew: Bool) {
        guard let id = cookie, Token.isWellFormed(id) else {
            let id = Token.random()
            return (WebSession(id: id, csrfToken: anonymousToken(id), user: nil), true)
        }
        guard persistent else { return (WebSession(id: id, csrfToken: anonymousToken(id), user: nil), false) }
        let seconds = Int64(now().timeIntervalSince1970)
        let hash = SessionStore.hash(id)
        guard let stored = try await kontor.webSession(tokenHash: hash, now: seconds) else {
            return (WebSession(id: id, csrfToken: anonymousToken(id), user: nil), false)
        }
        if seconds - stored.lastSeenAt >= SessionStore.touchInterval {
            let end = min(seconds + lifetime, stored.createdAt + absoluteLifetime)
            try await kontor.touchWebSession(tokenHash: hash, now: seconds, expiresAt: end)
        }
        return (WebSession(id: id, csrfToken: stored.csrfToken, user: stored.user), false)
    }

    /// Signs `user` in with a fresh session id and CSRF token (never the old ones: a planted cookie is worth
    /// nothing after the login), and ends the session `replacing`.
    func signIn(user: String, replacing old: String?) async throws -> WebSession {
        if let old { try await signOut(id: old) }
        let seconds = Int64(now().timeIntervalSince1970)
        let session = WebSession(id: Token.random(), csrfToken: Token.random(), user: user)
        try await kontor.startWebSession(StoredWebSession(
            tokenHash: SessionStore.hash(session.id), user: user, csrfToken: session.csrfToken, createdAt: seconds,
            lastSeenAt: seconds, expiresAt: seconds + min(lifetime, absoluteLifetime)))
        return session
    }

    /// Ends a session (logout).
    func signOut(id: String) async throws {
        lock.withLock { flashes[id] = nil }
        guard persistent, Token.isWellFormed(id) else { return }
        try await kontor.endWebSession(tokenHash: SessionStore.hash(id))
    }

    /// Leaves a message for the session's next page.
    func setFlash(_ flash: Flash, for id: String) {
        lock.withLock {
            if flashes.count >= maximumFlashes, flashes[id] == nil, let any = flashes.keys.first { flashes[any] = nil }
            flashes[id] = flash
        }
    }

    /// Whether a message waits for the session's next page.
    func hasFlash(for id: String) -> Bool {
        lock.withLock { flashes[id] != nil }
    }

    /// Takes the waiting message, if any (it is shown once).
    func takeFlash(for id: String) -> Flash? {
        lock.withLock { flashes.removeValue(forKey: id) }
    }

    /// The CSRF token of an anonymous session: HMAC-SHA256 of its id, so it needs no storage and cannot be
    /// computed without this process's key.
    private func anonymousToken(_ id: String) -> String {
        Token.hex(HMAC<SHA256>.authenticationCode(for: Data(id.utf8), using: key))
    }

    /// What the book keeps of a session id.
    static func hash(_ id: String) -> String { Token.hex(SHA256.hash(data: Data(id.utf8))) }
}

/// Random tokens for session ids and CSRF tokens: 32 bytes from the system's CSPRNG, hex-encoded.
enum Token {
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return hex((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// Lowercase hex of some bytes.
    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Whether `text` looks like an id this server hands out (64 lowercase hex digits).
    static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
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
