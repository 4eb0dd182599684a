public import KontorCore
import Foundation

/// Someone who may sign in to the web app when it listens on more than the local machine.
public struct WebUser: Sendable, Hashable, Codable {
    /// The login name.
    public var name: String
    /// The password as a bcrypt hash; the password itself is never stored.
    public var passwordHash: String
    /// The day the password was last set.
    public var changedOn: Day

    /// Creates a user record.
    public init(name: String, passwordHash: String, changedOn: Day) {
        self.name = name
        self.passwordHash = passwordHash
        self.changedOn = changedOn
    }
}

extension Kontor {
    /// The shortest password accepted.
    public static let minimumPasswordLength = 10

    /// Sets (or replaces) the password of a web user and ends the user's sessions. The password is checked here and hashed by `hash`
    /// (bcrypt in the web target), so that KontorApp stays free of the hashing library.
    /// - Throws: `InputError` for an empty name or a password that is too short.
    public func setPassword(
        user name: String, password: String, on day: Day, hash: @Sendable (String) -> String
    ) async throws -> WebUser {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw InputError.missing(what: .userName, fix: "--name") }
        guard password.count >= Kontor.minimumPasswordLength else {
            throw InputError.invalid(what: .password, rule: .passwordTooShort(minimum: Kontor.minimumPasswordLength))
        }
        let user = WebUser(name: name, passwordHash: hash(password), changedOn: day)
        try await store.write { book in
            // A new password signs the user out everywhere: whoever knew the old one loses their session.
            try book.save(webUser: user)
            try book.deleteWebSessions(user: name)
        }
        return user
    }

    /// The web user with this name, if any.
    public func webUser(name: String) async throws -> WebUser? {
        try await store.read { try $0.webUser(name: name) }
    }

    /// Whether any web user has a password, i.e. whether the server may listen beyond 127.0.0.1.
    public func hasWebUsers() async throws -> Bool {
        try await store.read { try $0.webUserCount() > 0 }
    }
}
