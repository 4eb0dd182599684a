import GRDB
import KontorApp

extension StoreError {
    /// The typed error for one of SQLite's: busy, a refusal by the evidence triggers (every `RAISE` in the schema
    /// guards evidence, and SQLite reports it as `SQLITE_CONSTRAINT_TRIGGER`), or a plain failure.
    init(_ error: DatabaseError) {
        let message = error.message ?? "\(error.resultCode)"
        if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            self = .busy
        } else if error.extendedResultCode == .SQLITE_CONSTRAINT_TRIGGER {
            self = .immutable(detail: message)
        } else if error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            self = .corrupt(detail: message)
        } else {
            self = .failed(detail: message)
        }
    }

    /// Runs `body`, turning SQLite's errors into typed ones; every other error passes unchanged.
    static func translating<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as DatabaseError { throw StoreError(error) }
    }
}
