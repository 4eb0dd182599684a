import GRDB
import KontorApp
import KontorCore

extension GRDBBook {
    func webUser(name: String) throws -> WebUser? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT name, passwordHash, changedOn FROM webUser WHERE name = ?", arguments: [name])
        else { return nil }
        return WebUser(name: row[0], passwordHash: row[1], changedOn: try Convert.day(row[2] as String))
    }

    func webUserCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM webUser") ?? 0
    }

    func save(webUser user: WebUser) throws {
        try db.execute(
            sql: """
                INSERT INTO webUser (name, passwordHash, changedOn) VALUES (?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET passwordHash = excluded.passwordHash, changedOn = excluded.changedOn
                """,
            arguments: [user.name, user.passwordHash, user.changedOn.description])
    }
}
