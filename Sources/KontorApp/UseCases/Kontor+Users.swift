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
    /// What the user may do (`Role.may`); users from before roles existed are owners.
    public var role: Role
    /// A writer's own writing hours, days off and vacations, which plan the jobs assigned to them (nil: the book's).
    public var capacity: WorkingCapacity?

    /// Creates a user record.
    public init(
        name: String, passwordHash: String, changedOn: Day, role: Role = .owner, capacity: WorkingCapacity? = nil
    ) {
        self.name = name
        self.passwordHash = passwordHash
        self.changedOn = changedOn
        self.capacity = capacity
        self.role = role
    }
}

extension Kontor {
    /// The shortest password accepted.
    public static let minimumPasswordLength = 10

    /// Sets (or replaces) the password of a web user and ends the user's sessions. The password is checked here and hashed by `hash`
    /// (bcrypt in the web target), so that KontorApp stays free of the hashing library. `role` nil keeps an existing
    /// user's role; a new user without one becomes the owner when the book has no owner yet, else a writer (the
    /// least a second person needs).
    /// - Throws: `InputError` for an empty name or a password that is too short; `AccessError.lastOwner` when the
    ///   only owner would become something else.
    public func setPassword(
        user name: String, password: String, role: Role? = nil, on day: Day, hash: @Sendable (String) -> String
    ) async throws -> WebUser {
        try Self.authorize(.manageUsers)
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw InputError.missing(what: .userName, fix: "--name") }
        guard password.count >= Kontor.minimumPasswordLength else {
            throw InputError.invalid(what: .password, rule: .passwordTooShort(minimum: Kontor.minimumPasswordLength))
        }
        let passwordHash = hash(password)
        return try await store.write { book in
            let users = try book.webUsers()
            let existing = users.first { $0.name == name }
            let chosen = role ?? existing?.role ?? (users.contains { $0.role == .owner } ? .writer : .owner)
            try Self.checkOwnerRemains(users, changing: name, to: chosen)
            let user = WebUser(
                name: name, passwordHash: passwordHash, changedOn: day, role: chosen, capacity: existing?.capacity)
            // A new password signs the user out everywhere: whoever knew the old one loses their session.
            try book.save(webUser: user)
            try book.deleteWebSessions(user: name)
            return user
        }
    }

    /// Gives an existing web user another role; the user's sessions end, so the new role applies from the next login.
    /// - Throws: `AppError.notFound` for an unknown user, `AccessError.lastOwner` when the only owner would be demoted.
    public func setRole(user name: String, to role: Role) async throws -> WebUser {
        try Self.authorize(.manageUsers)
        return try await store.write { book in
            let users = try book.webUsers()
            guard var user = users.first(where: { $0.name == name }) else {
                throw AppError.notFound(.webUser, id: name)
            }
            try Self.checkOwnerRemains(users, changing: name, to: role)
            user.role = role
            try book.save(webUser: user)
            try book.deleteWebSessions(user: name)
            return user
        }
    }

    /// Sets a writer's own writing hours, days off and vacations (nil: the book's again), which plan the jobs assigned
    /// to them. The owner sets anyone's; a writer their own.
    /// - Throws: `AppError.notFound` for an unknown user, `InputError` for a week without hours.
    public func setCapacity(user name: String, to capacity: WorkingCapacity?) async throws -> WebUser {
        if BookActor.signedInName != name { try Self.authorize(.manageUsers) }
        try capacity?.validate()
        return try await store.write { book in
            guard var user = try book.webUser(name: name) else { throw AppError.notFound(.webUser, id: name) }
            user.capacity = capacity
            try book.save(webUser: user)
            return user
        }
    }

    /// The week a writer is planned with, to change it: their own, else the book's writing hours (without the
    /// book's vacations and days off, which are the owner's).
    /// - Throws: `AppError.notFound` for an unknown user.
    public func plannedWeek(of name: String) async throws -> WorkingCapacity {
        try await store.read { book in
            guard let user = try book.webUser(name: name) else { throw AppError.notFound(.webUser, id: name) }
            if let own = user.capacity { return own }
            let week = try book.profile()?.capacity ?? WorkingCapacity()
            return WorkingCapacity(hoursPerWeekday: week.hoursPerWeekday, state: week.state)
        }
    }

    /// Every web user with their role, by name.
    public func webUsers() async throws -> [WebUser] {
        try await store.read { try $0.webUsers() }
    }

    /// A book with users keeps at least one owner: someone must be able to issue, approve and manage the users.
    static func checkOwnerRemains(_ users: [WebUser], changing name: String, to role: Role) throws(AccessError) {
        guard role != .owner, users.first(where: { $0.name == name })?.role == .owner else { return }
        if !users.contains(where: { $0.name != name && $0.role == .owner }) { throw .lastOwner(name: name) }
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
