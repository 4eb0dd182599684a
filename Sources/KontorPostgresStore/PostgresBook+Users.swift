import KontorApp
import KontorCore
import PostgresNIO

/// The web app's users and their sessions.
extension PostgresBook {
    func webUser(name: String) throws -> WebUser? {
        try first(#"SELECT * FROM "webUser" WHERE "name" = \#(name)"#) { try $0.webUser() }
    }

    func webUsers() throws -> [WebUser] {
        // By the names' bytes, as SQLite's BINARY collation (and the reference store) sorts them.
        try rows(#"SELECT * FROM "webUser" ORDER BY "name" COLLATE "C""#) { try $0.webUser() }
    }

    func webUserCount() throws -> Int {
        try one(#"SELECT COUNT(*) AS "count" FROM "webUser""#) { try $0("count", as: Int.self) }
    }

    func save(webUser user: WebUser) throws {
        try run(
            #"""
            INSERT INTO "webUser" ("name", "passwordHash", "changedOn", "role", "capacityJSON")
            VALUES (\#(user.name), \#(user.passwordHash), \#(user.changedOn.description), \#(user.role.rawValue),
                    \#(try user.capacity.map(SnapshotJSON.encode)))
            ON CONFLICT ("name") DO UPDATE SET "passwordHash" = EXCLUDED."passwordHash",
                "changedOn" = EXCLUDED."changedOn", "role" = EXCLUDED."role", "capacityJSON" = EXCLUDED."capacityJSON"
            """#)
    }

    func webSession(tokenHash: String) throws -> StoredWebSession? {
        try first(#"SELECT * FROM "webSession" WHERE "tokenHash" = \#(tokenHash)"#) { try $0.webSession() }
    }

    func insert(webSession session: StoredWebSession) throws {
        try run(
            #"""
            INSERT INTO "webSession" ("tokenHash", "user", "csrfToken", "createdAt", "lastSeenAt", "expiresAt")
            VALUES (\#(session.tokenHash), \#(session.user), \#(session.csrfToken), \#(session.createdAt),
                \#(session.lastSeenAt), \#(session.expiresAt))
            """#)
    }

    func touchWebSession(tokenHash: String, lastSeenAt: Int64, expiresAt: Int64) throws {
        try run(
            #"""
            UPDATE "webSession" SET "lastSeenAt" = \#(lastSeenAt), "expiresAt" = \#(expiresAt)
            WHERE "tokenHash" = \#(tokenHash)
            """#)
    }

    func deleteWebSession(tokenHash: String) throws {
        try run(#"DELETE FROM "webSession" WHERE "tokenHash" = \#(tokenHash)"#)
    }

    func deleteWebSessions(user: String) throws {
        try run(#"DELETE FROM "webSession" WHERE "user" = \#(user)"#)
    }

    func deleteWebSessions(expiredBefore time: Int64) throws {
        try run(#"DELETE FROM "webSession" WHERE "expiresAt" <= \#(time)"#)
    }
}
