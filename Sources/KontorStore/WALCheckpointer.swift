import Foundation
import GRDB
import GRDBSQLite

/// Copies a book's write-ahead log back into the book file after the write that filled it, instead of inside it.
///
/// SQLite's own automatic checkpoint runs in the commit that takes the log past 1,000 pages: that write returns only
/// after the log's pages are copied into the file and the file is synced — 0.15–0.2 s of a 100,000-entry bank import,
/// and an occasional slow page for whoever saves something on a busy day. The transaction is durable once its log
/// is synced, so the copy can wait: the writer connection reports the log's size after each commit (`sqlite3_wal_hook`,
/// which replaces the automatic checkpoint), and `GRDBBookStore.write` queues a passive checkpoint on the writer
/// once its write has returned. A log that keeps growing anyway (writes that never pass through the store) is
/// checkpointed in the commit as before, at `safetyPages`.
final class WALCheckpointer: @unchecked Sendable {
    /// The log's length in pages from which a checkpoint is queued: SQLite's default for its automatic one.
    let pages: CInt
    /// Where the commit checkpoints by itself after all, as SQLite's automatic checkpoint does (400 MB of log).
    let safetyPages: CInt

    private let lock = NSLock()
    private var wanted = false

    init(pages: CInt = 1_000, safetyPages: CInt = 100_000) {
        self.pages = pages
        self.safetyPages = safetyPages
    }

    /// Reports the log's size of `db`'s commits to this checkpointer; only a connection that writes commits.
    func install(on db: Database) {
        sqlite3_wal_hook(db.sqliteConnection, walHook, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Queues a passive checkpoint on `writer` when a commit since the last call left the log at `pages` or more.
    /// Later writes wait for it on the writer's queue; readers are not held up (passive).
    func checkpointIfWanted(_ writer: any DatabaseWriter) {
        guard takeWanted() else { return }
        writer.asyncWriteWithoutTransaction { db in
            // A checkpoint that fails or stops at a reader's snapshot leaves the log as it is: the next commit finds
            // it still long and asks again.
            _ = try? db.checkpoint(.passive)
        }
    }

    /// Notes a commit that left `logPages` in the log; true when the commit should checkpoint by itself.
    fileprivate func committed(logPages: CInt) -> Bool {
        guard logPages >= pages else { return false }
        lock.withLock { wanted = true }
        return logPages >= safetyPages
    }

    private func takeWanted() -> Bool {
        lock.withLock {
            defer { wanted = false }
            return wanted
        }
    }
}

/// `sqlite3_wal_hook`'s callback: runs inside the commit on the writer's thread, after the log is written.
private let walHook: @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?, UnsafePointer<CChar>?, CInt) -> CInt = {
    context, connection, name, pages in
    guard let context else { return SQLITE_OK }
    if Unmanaged<WALCheckpointer>.fromOpaque(context).takeUnretainedValue().committed(logPages: pages) {
        // What SQLite's automatic checkpoint does from this same hook.
        _ = sqlite3_wal_checkpoint_v2(connection, name, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
    }
    return SQLITE_OK
}
