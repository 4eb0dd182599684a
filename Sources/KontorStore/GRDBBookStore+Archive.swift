public import Foundation
public import KontorApp
import GRDB

/// The whole book at once: SQLite's online backup, restoring a backup, and the table-driven dump and load
/// behind the JSON export. Tables are found from the schema, so tables added by later migrations are included.
extension GRDBBookStore: BookArchive {
    public func schema() async throws -> [String] {
        try await database.writer.read { db in try DatabaseMigrator.kontor.appliedMigrations(db) }
    }

    public func knownSchema() -> [String] { DatabaseMigrator.kontor.migrations }

    public func isEmpty() async throws -> Bool {
        try await database.writer.read { db in try BookTables.isEmpty(db) }
    }

    public func backup(to file: URL, replace: Bool) async throws {
        if FileManager.default.fileExists(atPath: file.path), !replace { throw ArchiveError.fileExists(file.path) }
        let folder = file.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Written beside the target and renamed when complete: a reader never sees half a backup.
        let partial = folder.appendingPathComponent(".\(file.lastPathComponent).\(UUID().uuidString).partial")
        defer { try? FileManager.default.removeItem(at: partial) }
        let copy = try DatabaseQueue(path: partial.path)
        let source = database.writer
        try await copy.writeWithoutTransaction { destination in
            // One step inside one read transaction of the source: the copy is a single consistent state, and
            // writers (other processes, the web app) go on meanwhile.
            try source.read { db in try db.backup(to: destination) }
            // A self-contained file without -wal and -shm companions.
            try destination.execute(sql: "PRAGMA journal_mode = DELETE")
            try BookTables.checkIntegrity(destination, file: file.path)
        }
        try copy.close()
        guard rename(partial.path, file.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
    }

    public func restore(from file: URL, force: Bool) async throws {
        let staged = try BookTables.stage(file)
        defer { database.checkpointIfWanted() }
        try await database.writer.barrierWriteWithoutTransaction { db in
            if !force, !(try BookTables.isEmpty(db)) { throw ArchiveError.bookNotEmpty(command: "restore") }
            let before = try Int64.fetchOne(db, sql: "SELECT version FROM bookVersion") ?? 0
            // The backup API writes the whole copy in one transaction of the book: if it fails, nothing changed.
            try staged.read { source in try source.backup(to: db) }
            // Readers that cache by version (the web app's Heute) must see a change, even to an older copy.
            try db.execute(sql: "UPDATE bookVersion SET version = max(version, ?) + 1", arguments: [before])
        }
    }

    public func dump() async throws -> BookDump {
        try await database.writer.read { db in try BookTables.dump(db) }
    }

    public func load(_ dump: BookDump) async throws {
        defer { database.checkpointIfWanted() }
        try await database.writer.write { db in
            try BookTables.load(dump, into: db)
            try db.execute(sql: "UPDATE bookVersion SET version = version + 1 WHERE id = 1")
        }
    }
}
