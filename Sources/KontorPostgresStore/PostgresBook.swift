import KontorApp
import KontorCore
import PostgresNIO

/// The book seen through one PostgreSQL transaction (a read or a write of `PostgresBookStore`): each port method
/// sends its query over the transaction's connection and waits for the rows. The methods live in one file per area,
/// beside the SQLite store's (`GRDBBook+…`), and say the same in PostgreSQL's SQL.
final class PostgresBook: BookWriter {
    let transaction: PostgresTransaction

    init(_ transaction: PostgresTransaction) {
        self.transaction = transaction
    }

    /// Sends `query` and reads every row through `Columns`.
    func rows<T>(_ query: PostgresQuery, _ read: (Columns) throws -> T) throws -> [T] {
        try transaction.query(query).map { try read(Columns($0)) }
    }

    /// Sends `query` and reads its first row, if any.
    func first<T>(_ query: PostgresQuery, _ read: (Columns) throws -> T) throws -> T? {
        try transaction.query(query).first.map { try read(Columns($0)) }
    }

    /// Sends `query`, which must return one row (an aggregate, `RETURNING`).
    func one<T>(_ query: PostgresQuery, _ read: (Columns) throws -> T) throws -> T {
        guard let value = try first(query, read) else {
            throw StoreError.failed(detail: "the query returned no row: \(query.sql)")
        }
        return value
    }

    /// Sends a statement whose rows are not needed.
    func run(_ query: PostgresQuery) throws {
        try transaction.query(query)
    }

    // MARK: - The book's version

    /// The newest change's id. It grows with the writes, but two writes may commit in the other order than they
    /// took their ids, so the page cache does not rely on it: `PostgresChangeListener` counts notifications, which
    /// arrive in the order of the commits.
    func bookVersion() throws -> Int64 {
        try one(#"SELECT COALESCE(MAX("id"), 0) AS "version" FROM "bookChange""#) { try $0("version") }
    }

    /// Records this write's change (inside the transaction, so only a commit makes it visible) and tells every
    /// listening process its id on the channel `kontor_book` (`PostgresChangeListener.channel`; delivered on commit
    /// only, in the order of the commits). One round trip.
    func recordChange() throws -> Int64 {
        try one(#"""
            WITH "change" AS (INSERT INTO "bookChange" DEFAULT VALUES RETURNING "id")
            SELECT "id", pg_notify('kontor_book', "id"::text) FROM "change"
            """#) { try $0("id") }
    }
}

/// Parameters `$1`, `$2`, … for a query whose SQL is put together from fixed pieces.
func bindings(_ values: any PostgresEncodable & Sendable...) throws -> PostgresBindings {
    var binds = PostgresBindings()
    for value in values { try binds.append(value) }
    return binds
}

extension Set where Element == Int64 {
    /// The ids as an array parameter for `= ANY(…)`.
    var parameter: [Int64] { Array(self) }
}
