/// A signed-in browser session of the web app, kept in the book so that it survives a restart and cannot be
/// pushed out of a memory store by a flood of anonymous requests.
///
/// Only a hash of the cookie's value is stored: a copy of the book (a backup) does not sign anybody in.
/// Times are Unix seconds; KontorApp has no clock, the caller passes "now".
public struct StoredWebSession: Sendable, Hashable {
    /// SHA-256 of the session cookie's value, hex.
    public var tokenHash: String
    /// The signed-in user.
    public var user: String
    /// The CSRF token every form of this session carries.
    public var csrfToken: String
    /// When the user signed in.
    public var createdAt: Int64
    /// When the session was last used (updated at most once a minute).
    public var lastSeenAt: Int64
    /// When it ends unless used again; never later than the absolute limit set at sign-in.
    public var expiresAt: Int64

    /// Creates a session record.
    public init(
        tokenHash: String, user: String, csrfToken: String, createdAt: Int64, lastSeenAt: Int64, expiresAt: Int64
    ) {
        self.tokenHash = tokenHash
        self.user = user
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
    }
}

extension Kontor {
    /// Stores a new signed-in session (after a correct password) and removes the expired ones.
    public func startWebSession(_ session: StoredWebSession) async throws {
        try await store.write { book in
            try book.deleteWebSessions(expiredBefore: session.createdAt)
            try book.insert(webSession: session)
        }
    }

    /// The session with this token hash, if it exists and has not expired at `now`.
    public func webSession(tokenHash: String, now: Int64) async throws -> StoredWebSession? {
        try await store.read { book in
            guard let session = try book.webSession(tokenHash: tokenHash), session.expiresAt > now else { return nil }
            return session
        }
    }

    /// Marks a session as used at `now`, moving its end to `expiresAt`.
    public func touchWebSession(tokenHash: String, now: Int64, expiresAt: Int64) async throws {
        try await store.write { try $0.touchWebSession(tokenHash: tokenHash, lastSeenAt: now, expiresAt: expiresAt) }
    }

    /// Ends a session (logout, or the old session at sign-in).
    public func endWebSession(tokenHash: String) async throws {
        try await store.write { try $0.deleteWebSession(tokenHash: tokenHash) }
    }
}
