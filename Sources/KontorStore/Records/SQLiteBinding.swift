import GRDB
import GRDBSQLite

/// SQLite's own binding functions, for the bulk paths of a statement import (`BankEntryBinding`, the lookup of
/// known identities) where GRDB's arguments — a `DatabaseValue` and an existential per value — cost more than the
/// work SQLite does with them.
enum SQLiteBinding {
    /// SQLite copies the text before the bind call returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// Readies `statement` for values bound here: resets it (a failed step of an earlier use was thrown then) and
    /// tells GRDB its arguments are set, so that `execute()` and the fetches step it with these bindings.
    /// `clearing: false` skips GRDB's clearing of every binding, for a statement readied before whose parameters
    /// are all bound again anyway.
    static func ready(_ statement: Statement, clearing: Bool = true) {
        sqlite3_reset(statement.sqliteStatement)
        if clearing { statement.setUncheckedArguments(StatementArguments()) }
    }

    /// Binds `text` as parameter `index`, handing its UTF-8 bytes to `body` first (to hash them).
    static func bind(
        _ text: String, to statement: SQLiteStatement, at index: CInt,
        _ body: (UnsafeBufferPointer<UInt8>) -> Void = { _ in }
    ) throws {
        var text = text
        let code = text.withUTF8 { utf8 in
            body(utf8)
            return utf8.withMemoryRebound(to: CChar.self) { chars in
                // An empty buffer may have no address, and SQLite binds a null pointer as NULL, not as ''.
                guard let address = chars.baseAddress else {
                    return sqlite3_bind_text(statement, index, "", 0, transient)
                }
                return sqlite3_bind_text(statement, index, address, CInt(chars.count), transient)
            }
        }
        try check(code, index)
    }

    static func bind(_ value: Int64, to statement: SQLiteStatement, at index: CInt) throws {
        try check(sqlite3_bind_int64(statement, index, value), index)
    }

    static func bindNull(to statement: SQLiteStatement, at index: CInt) throws {
        try check(sqlite3_bind_null(statement, index), index)
    }

    private static func check(_ code: CInt, _ index: CInt) throws {
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "binding parameter \(index)")
        }
    }
}
