import GRDB
import KontorApp
import KontorCore

extension GRDBBook {
    func webUser(name: String) throws -> WebUser? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT name, passwordHash, changedOn, role, capacityJSON FROM webUser WHERE name = ?",
            arguments: [name])
        else { return nil }
        return try Self.webUser(row)
    }

    func webUsers() throws -> [WebUser] {
        try Row.fetchAll(db, sql: "SELECT name, passwordHash, changedOn, role, capacityJSON FROM webUser ORDER BY name")
            .map(Self.webUser)
    }

    private static func webUser(_ row: Row) throws -> WebUser {
        WebUser(name: row[0], passwordHash: row[1], changedOn: try Convert.day(row[2] as String),
                role: try Convert.choice(row[3] as String),
                capacity: try (row[4] as String?).map { try SnapshotJSON.decode(WorkingCapacity.self, $0) })
    }

    func webUserCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM webUser") ?? 0
    }

    func save(webUser user: WebUser) throws {
        try db.execute(
            sql: """
                INSERT INTO webUser (name, passwordHash, changedOn, role, capacityJSON) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET passwordHash = excluded.passwordHash, changedOn = excluded.changedOn,
                    role = excluded.role, capacityJSON = excluded.capacityJSON
                """,
            arguments: [
                user.name, user.passwordHash, user.changedOn.description, user.role.rawValue,
                try user.capacity.map(SnapshotJSON.encode),
            ])
    }
}

extension GRDBBook {
    func webSession(tokenHash: String) throws -> StoredWebSession? {
        guard let row = try Row.fetchOne(
            db, sql: """
                SELECT tokenHash, user, csrfToken, createdAt, lastSeenAt, expiresAt FROM webSession WHERE tokenHash = ?
                """,
            arguments: [tokenHash])
        else { return nil }
        return StoredWebSession(
            tokenHash: row["tokenHash"], user: row["user"], csrfToken: row["csrfToken"], createdAt: row["createdAt"],
            lastSeenAt: row["lastSeenAt"], expiresAt: row["expiresAt"])
    }

    func insert(webSession session: StoredWebSession) throws {
        try db.execute(
            sql: """
                INSERT INTO webSession (tokenHash, user, csrfToken, createdAt, lastSeenAt, expiresAt)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                session.tokenHash, session.user, session.csrfToken, session.createdAt, session.lastSeenAt,
                session.expiresAt,
            ])
    }

    func touchWebSession(tokenHash: String, lastSeenAt: Int64, expiresAt: Int64) throws {
        try db.execute(
            sql: "UPDATE webSession SET lastSeenAt = ?, expiresAt = ? WHERE tokenHash = ?",
            arguments: [lastSeenAt, expiresAt, tokenHash])
    }

    func deleteWebSession(tokenHash: String) throws {
        try db.execute(sql: "DELETE FROM webSession WHERE tokenHash = ?", arguments: [tokenHash])
    }

    func deleteWebSessions(user: String) throws {
        try db.execute(sql: "DELETE FROM webSession WHERE user = ?", arguments: [user])
    }

    func deleteWebSessions(expiredBefore time: Int64) throws {
        try db.execute(sql: "DELETE FROM webSession WHERE expiresAt <= ?", arguments: [time])
    }
}
