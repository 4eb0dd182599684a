import Foundation
import GRDB
import KontorApp

/// Table-driven reading and writing of every record, for backup checks, restore and the JSON export. Nothing
/// here names a table of the book: what is copied is read from the schema, so new tables come along by themselves.
enum BookTables {
    /// Tables that keep books about the book rather than records: the schema version (which travels in the
    /// export's manifest instead) and the change counter (which each book counts for itself).
    static let bookkeeping: Set<String> = ["grdb_migrations", "bookVersion", "auditContext", "webSession"]

    /// The audit journal and the documents it keeps: exported and imported like records, but a book whose only
    /// rows are its own journal of its schema is still empty.
    static let journal: Set<String> = ["auditJournal", "auditDocument"]

    /// The record tables, sorted by name.
    static func names(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .filter { !$0.hasPrefix("sqlite_") && !bookkeeping.contains($0) }
    }

    /// Whether no record table holds a row.
    static func isEmpty(_ db: Database) throws -> Bool {
        for name in try names(db) where !journal.contains(name) {
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(name.quotedDatabaseIdentifier))") == true {
                return false
            }
        }
        return true
    }

    /// SQLite's own checks of the file and of every foreign key; `file` names it in the error.
    static func checkIntegrity(_ db: Database, file: String) throws {
        let problems: [String]
        do {
            problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        } catch let error as DatabaseError {
            throw ArchiveError.damaged(file: file, detail: error.message ?? "\(error.resultCode)")
        }
        guard problems == ["ok"] else {
            throw ArchiveError.damaged(file: file, detail: problems.prefix(3).joined(separator: "; "))
        }
        if let row = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
            let table: String = row[0]
            throw ArchiveError.damaged(file: file, detail: "a row of '\(table)' refers to a missing record")
        }
    }

    /// Opens the backup at `file` read-only, checks it (an SQLite file, intact, a Kontor schema this build
    /// knows) and copies it into memory migrated to the current schema: what a restore then writes in one step.
    static func stage(_ file: URL) throws -> DatabaseQueue {
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw ArchiveError.notABook(file: file.path, reason: .fileMissing)
        }
        var configuration = Configuration()
        configuration.readonly = true
        let source: DatabaseQueue
        do {
            source = try DatabaseQueue(path: file.path, configuration: configuration)
        } catch {
            throw ArchiveError.notABook(file: file.path, reason: .sqliteCannotOpen)
        }
        defer { try? source.close() }
        let staged = try DatabaseQueue(configuration: AppDatabase.makeConfiguration())
        try source.inDatabase { db in
            do {
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
            } catch {
                throw ArchiveError.notABook(file: file.path, reason: .notSQLite)
            }
            try checkIntegrity(db, file: file.path)
            try checkSchema(db, file: file.path)
            try staged.writeWithoutTransaction { destination in try db.backup(to: destination) }
        }
        try DatabaseMigrator.kontor.migrate(staged)
        try staged.read { db in try checkIntegrity(db, file: file.path) }
        return staged
    }

    /// Refuses a file without Kontor's migrations, or with migrations this build does not know (a newer one).
    private static func checkSchema(_ db: Database, file: String) throws {
        guard try db.tableExists("grdb_migrations") else {
            throw ArchiveError.notABook(file: file, reason: .noKontorSchema)
        }
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        let known = Set(DatabaseMigrator.kontor.migrations)
        guard let first = DatabaseMigrator.kontor.migrations.first, applied.contains(first) else {
            throw ArchiveError.notABook(file: file, reason: .noKontorSchema)
        }
        let unknown = applied.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw ArchiveError.newerSchema(file: file, unknown: unknown) }
    }

    /// Every record of every table in primary-key order, and the AUTOINCREMENT counters.
    static func dump(_ db: Database) throws -> BookDump {
        var tables: [TableDump] = []
        for name in try names(db) {
            let columns = try db.columns(in: name).map(\.name)
            let order = try db.primaryKey(name).columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
            let list = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT \(list) FROM \(name.quotedDatabaseIdentifier) ORDER BY \(order)")
            var rows: [[DumpValue]] = []
            while let row = try cursor.next() {
                rows.append((0..<row.count).map { index in DumpValue(row[index] as DatabaseValue) })
            }
            tables.append(TableDump(table: name, columns: columns, rows: rows))
        }
        var sequences: [String: Int64] = [:]
        if try db.tableExists("sqlite_sequence") {
            for row in try Row.fetchAll(db, sql: "SELECT name, seq FROM sqlite_sequence") {
                let name: String = row[0]
                if !bookkeeping.contains(name) { sequences[name] = row[1] }
            }
        }
        return BookDump(
            schema: try DatabaseMigrator.kontor.appliedMigrations(db), tables: tables, sequences: sequences)
    }

    /// Inserts a dump into an empty book of the same schema (inside the caller's transaction).
    ///
    /// Only inserts, so the triggers that guard evidence stay in force. Foreign keys are checked at commit, and
    /// tables that refer to others are filled first: a line of an issued invoice is refused once its invoice
    /// carries a number, but accepted before the invoice exists.
    static func load(_ dump: BookDump, into db: Database) throws {
        guard try isEmpty(db) else { throw ArchiveError.bookNotEmpty(command: "import-book") }
        let applied = try DatabaseMigrator.kontor.appliedMigrations(db)
        guard dump.schema == applied else {
            throw ArchiveError.schemaMismatch(
                export: dump.schema.last ?? "-", book: "\(applied.last ?? "-") (\(applied.count))")
        }
        let names = try names(db)
        let tables = Dictionary(dump.tables.map { ($0.table, $0) }, uniquingKeysWith: { first, _ in first })
        for name in names where tables[name] == nil {
            throw ArchiveError.badTable(table: name, reason: .missingFromExport)
        }
        for table in dump.tables {
            guard names.contains(table.table) else {
                throw ArchiveError.badTable(table: table.table, reason: .noSuchTable)
            }
            guard Set(try db.columns(in: table.table).map(\.name)) == Set(table.columns) else {
                throw ArchiveError.badTable(table: table.table, reason: .columnsDiffer)
            }
        }
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        // The export carries the book's whole journal, chained as it was. The empty book's own journal (of its
        // schema) gives way to it, and no trigger may journal the import as new changes: inside this transaction
        // every trigger is set aside and put back exactly as it was, so the imported book is the same book.
        let triggers = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        for trigger in triggers {
            try db.execute(sql: "DROP TRIGGER \((trigger["name"] as String).quotedDatabaseIdentifier)")
        }
        for name in journal where names.contains(name) {
            try db.execute(sql: "DELETE FROM \(name.quotedDatabaseIdentifier)")
        }
        for name in try childrenFirst(names, db) {
            guard let table = tables[name], !table.rows.isEmpty else { continue }
            try insert(table, into: db)
        }
        for trigger in triggers { try db.execute(sql: trigger["sql"]) }
        for (name, value) in dump.sequences.sorted(by: { $0.key < $1.key }) {
            try db.execute(sql: "UPDATE sqlite_sequence SET seq = ? WHERE name = ?", arguments: [value, name])
            if db.changesCount == 0 {
                try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", arguments: [name, value])
            }
        }
        if let row = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
            let table: String = row[0]
            throw ArchiveError.badTable(table: table, reason: .danglingReference)
        }
    }

    private static func insert(_ table: TableDump, into db: Database) throws {
        let list = table.columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        let marks = databaseQuestionMarks(count: table.columns.count)
        let statement = try db.makeStatement(
            sql: "INSERT INTO \(table.table.quotedDatabaseIdentifier) (\(list)) VALUES (\(marks))")
        for (index, row) in table.rows.enumerated() {
            guard row.count == table.columns.count else {
                throw ArchiveError.badTable(table: table.table, reason: .rowWidth(row: index + 1, values: row.count))
            }
            try statement.execute(arguments: StatementArguments(row.map(\.databaseValue)))
        }
    }

    /// The tables ordered so that a table comes before every table it refers to (self-references aside).
    private static func childrenFirst(_ names: [String], _ db: Database) throws -> [String] {
        var parents: [String: [String]] = [:]
        for name in names {
            parents[name] = Set(try db.foreignKeys(on: name).map(\.destinationTable)).subtracting([name]).sorted()
        }
        var parentsFirst: [String] = []
        var visited: Set<String> = []
        func visit(_ name: String) {
            guard visited.insert(name).inserted else { return }
            for parent in parents[name] ?? [] { visit(parent) }
            parentsFirst.append(name)
        }
        names.forEach(visit)
        return parentsFirst.reversed()
    }
}

extension DumpValue {
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case let .int64(integer): self = .integer(integer)
        case let .double(real): self = .real(real)
        case let .string(text): self = .text(text)
        case let .blob(data): self = .blob(data)
        }
    }

    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case let .integer(integer): return integer.databaseValue
        case let .real(real): return real.databaseValue
        case let .text(text): return text.databaseValue
        case let .blob(data): return data.databaseValue
        }
    }
}
