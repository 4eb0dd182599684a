import Foundation

/// A store that hears of every committed write to the book, its own process's and every other's, without being
/// asked (PostgreSQL's `LISTEN`/`NOTIFY`), so that a server can keep rendered pages without a query per request.
///
/// A store without it (SQLite, in memory) is asked for `BookReader.bookVersion` per page instead, which is exact
/// there because its writes are one after another.
public protocol BookChangeListening: Sendable {
    /// The stamp to keep a page under, taken *before* the page reads the book: it differs from every earlier stamp
    /// once a write has committed since, at the latest when the store has heard of that write. Nil means that no
    /// kept page may be shown now: the store is not listening (yet, or its connection broke), or `seen` — a change
    /// that this client made (`BookChangeReceipt`) — has not been heard of here yet.
    func pageStamp(seen: Int64?) -> Int64?
}

/// Collects the changes the writes of one request committed, so that the answer can tell the browser which change
/// it has seen (a server that has not heard of it yet then renders afresh instead of showing a kept page).
public final class BookChangeReceipt: @unchecked Sendable {
    // Guarded by `lock`: a request's writes may run on several tasks.
    private let lock = NSLock()
    private var newest: Int64?

    public init() {}

    /// The receipt of the current task: set by the web app around a request that may write.
    @TaskLocal public static var current: BookChangeReceipt?

    /// The change a committed write made (its `bookChange` id on PostgreSQL).
    public func note(_ change: Int64) {
        lock.withLock { newest = max(newest ?? change, change) }
    }

    /// The newest change noted, nil when the request wrote nothing.
    public var change: Int64? { lock.withLock { newest } }
}

extension Kontor {
    /// The stamp to keep a page under, taken before the page reads the book (see `BookChangeListening`): the
    /// listening store's, else the book's version. Nil: render afresh and keep nothing.
    public func pageStamp(seen: Int64?) async throws -> Int64? {
        if let listening = store as? any BookChangeListening { return listening.pageStamp(seen: seen) }
        return try await bookVersion()
    }
}
