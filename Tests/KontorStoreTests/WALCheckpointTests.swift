import Foundation
import GRDB
import KontorApp
import KontorCore
@testable import KontorStore
import Testing

/// The write-ahead log is copied into the book file after the write that filled it, not inside its commit
/// (`WALCheckpointer`), and a closed book's file holds every change on its own.
struct WALCheckpointTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-wal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Rows of `scratch` in a copy of the book file alone, without its log: what a checkpoint put there (nil when
    /// the table is not in the file yet).
    func rowsInFileAlone(_ path: String) throws -> Int? {
        let copy = folder.appendingPathComponent("copy-\(UUID().uuidString).sqlite")
        try FileManager.default.copyItem(atPath: path, toPath: copy.path)
        let queue = try DatabaseQueue(path: copy.path)
        defer { try? queue.close() }
        return try queue.read { db in
            try db.tableExists("scratch") ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scratch") : nil
        }
    }

    /// A page of the log per row, in one transaction of `writer`, outside the store: by default more than SQLite's
    /// own automatic checkpoint lets pass (1,000 pages).
    func writeScratch(_ database: AppDatabase, rows: Int = 1_200) throws {
        try database.writer.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS scratch (payload BLOB NOT NULL)")
            for _ in 0..<rows { try db.execute(sql: "INSERT INTO scratch VALUES (zeroblob(4000))") }
        }
    }

    /// A book file opened with `checkpointer`, the checkpoint of its migrations done.
    func openBook(_ checkpointer: WALCheckpointer) async throws -> (database: AppDatabase, path: String) {
        let path = folder.appendingPathComponent("book.sqlite").path
        let database = try AppDatabase.open(path: path, checkpointer: checkpointer)
        try await database.settle()
        return (database, path)
    }

    @Test func aCommitLeavesTheLogToTheCheckpointQueuedAfterIt() async throws {
        let (database, path) = try await openBook(WALCheckpointer(pages: 400))
        defer { try? database.close() }
        try writeScratch(database)
        // SQLite's automatic checkpoint would have copied these pages in the commit; the checkpointer waits.
        #expect(try rowsInFileAlone(path) == nil)
        database.checkpointIfWanted()
        try await database.settle()
        #expect(try rowsInFileAlone(path) == 1_200)
    }

    @Test func aShortLogWaitsForTheNextLongOneOrTheClose() async throws {
        let (database, path) = try await openBook(WALCheckpointer(pages: 400))
        try writeScratch(database, rows: 10)
        database.checkpointIfWanted()
        try await database.settle()
        #expect(try rowsInFileAlone(path) == nil)
        try database.close()
        #expect(try rowsInFileAlone(path) == 10)
    }

    @Test func aLogPastTheSafetyLineIsCheckpointedInTheCommit() async throws {
        let (database, path) = try await openBook(WALCheckpointer(pages: 100, safetyPages: 400))
        defer { try? database.close() }
        try writeScratch(database)
        #expect(try rowsInFileAlone(path) == 1_200)
    }

    @Test func aStoreWriteQueuesTheCheckpointItMadeDue() async throws {
        let (database, path) = try await openBook(WALCheckpointer(pages: 400))
        defer { try? database.close() }
        try writeScratch(database)
        #expect(try rowsInFileAlone(path) == nil)
        // Any write of the store afterwards: the log is still long after its commit, so it queues the checkpoint.
        let kontor = Kontor(store: GRDBBookStore(database))
        _ = try await kontor.initialise(BusinessProfile(
            name: "Lena Schreiber",
            address: PostalAddress(street: "Lindenstraße 12", postalCode: "50674", city: "Köln"),
            iban: try IBAN("DE89370400440532013000"), taxNumber: "214/5678/1234"))
        try await database.settle()
        #expect(try rowsInFileAlone(path) == 1_200)
    }
}
