public import Foundation
public import KontorApp
import PostgresNIO

/// The whole book at once for a PostgreSQL book: every row of every table for the JSON export and for `kontor
/// migrate` (a SQLite book's dump loaded here), found from the catalog, so tables of later migrations come along.
/// A file backup is PostgreSQL's business (pg_dump), so `backup` and `restore` say so.
extension PostgresBookStore: BookArchive {
    /// Tables that are books about the book: the migrations, the change log, signed-in sessions.
    static let bookkeeping: Set<String> = ["schemaMigrations", "bookChange", "webSession"]
    /// The journal and kept documents: copied like records, but a book with only these is still empty.
    static let journal: Set<String> = ["auditJournal", "auditDocument"]

    public func schema() async throws -> [String] {
        let applied = try await runner().read { transaction in
            try transaction.query(#"SELECT "name" FROM "schemaMigrations""#).map { try $0.decode(String.self) }
        }
        // In the order this build applies them; names it does not know (a newer Kontor's) last.
        let known = PostgresMigrations.names
        return applied.sorted { (known.firstIndex(of: $0) ?? .max, $0) < (known.firstIndex(of: $1) ?? .max, $1) }
    }

    public func knownSchema() -> [String] { PostgresMigrations.names }

    public func isEmpty() async throws -> Bool {
        try await runner().read { transaction in
            for table in try Self.tables(transaction) where !Self.journal.contains(table.name) {
                let rows = try transaction.query(
                    PostgresQuery(unsafeSQL: "SELECT EXISTS (SELECT 1 FROM \(quoted(table.name))) AS \"any\""))
                if try rows.first?.decode(Bool.self) == true { return false }
            }
            return true
        }
    }

    public func backup(to file: URL, replace: Bool) async throws { throw ArchiveError.onServer }

    public func restore(from file: URL, force: Bool) async throws { throw ArchiveError.onServer }

    public func dump() async throws -> BookDump {
        let schema = try await schema()
        return try await runner().read { transaction in
            var tables: [TableDump] = []
            var sequences: [String: Int64] = [:]
            for table in try Self.tables(transaction).sorted(by: { $0.name < $1.name }) {
                let key = table.columns[0]
                let order = quoted(key.name) + (key.type == "text" ? #" COLLATE "C""# : "")
                let list = table.columns.map { quoted($0.name) }.joined(separator: ", ")
                let rows = try transaction.query(
                    PostgresQuery(unsafeSQL: "SELECT \(list) FROM \(quoted(table.name)) ORDER BY \(order)"))
                let values = try rows.map { row in
                    try zip(row, table.columns).map { cell, column in try Self.value(cell, type: column.type) }
                }
                tables.append(TableDump(table: table.name, columns: table.columns.map(\.name), rows: values))
                if key.isIdentity, let last = try Self.lastIdentity(of: table.name, transaction) {
                    sequences[table.name] = last
                }
            }
            return BookDump(schema: schema, tables: tables, sequences: sequences)
        }
    }

    public func load(_ dump: BookDump) async throws {
        try await runner().write { transaction in
            let tables = try Self.tables(transaction)
            let byName = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
            for table in tables where !dump.tables.contains(where: { $0.table == table.name }) {
                throw ArchiveError.badTable(table: table.name, reason: .missingFromExport)
            }
            for dumped in dump.tables {
                guard let table = byName[dumped.table] else {
                    throw ArchiveError.badTable(table: dumped.table, reason: .noSuchTable)
                }
                guard Set(table.columns.map(\.name)) == Set(dumped.columns) else {
                    throw ArchiveError.badTable(table: dumped.table, reason: .columnsDiffer)
                }
            }
            for table in tables where !Self.journal.contains(table.name) {
                let rows = try transaction.query(
                    PostgresQuery(unsafeSQL: "SELECT EXISTS (SELECT 1 FROM \(quoted(table.name))) AS \"any\""))
                if try rows.first?.decode(Bool.self) == true {
                    throw ArchiveError.bookNotEmpty(command: "import-book")
                }
            }
            // Only inserts, parents first. The evidence triggers refuse a line of an issued invoice, which a copy
            // must write: the table's own triggers are set aside inside this transaction and are back at its end
            // (ALTER TABLE is transactional in PostgreSQL, and holds the table against every other session).
            let dumped = Dictionary(uniqueKeysWithValues: dump.tables.map { ($0.table, $0) })
            for table in try Self.parentsFirst(tables, transaction) {
                guard let rows = dumped[table.name], !rows.rows.isEmpty else { continue }
                let name = quoted(table.name)
                try transaction.query(PostgresQuery(unsafeSQL: "ALTER TABLE \(name) DISABLE TRIGGER USER"))
                try Self.insert(rows, into: table, transaction)
                try transaction.query(PostgresQuery(unsafeSQL: "ALTER TABLE \(name) ENABLE TRIGGER USER"))
            }
            // Identities continue after the copied ids (and after ids the original gave out and deleted).
            for table in tables where table.columns[0].isIdentity {
                let highest = try transaction.query(
                    PostgresQuery(unsafeSQL: "SELECT MAX(\(quoted(table.columns[0].name))) FROM \(quoted(table.name))")
                ).first?.decode(Int64?.self) ?? nil
                let next = max(highest ?? 0, dump.sequences[table.name] ?? 0)
                guard next > 0 else { continue }
                try transaction.query(
                    "SELECT setval(pg_get_serial_sequence($1, $2), $3)",
                    binds: try bindings(quoted(table.name), table.columns[0].name, next))
            }
            _ = try PostgresBook(transaction).recordChange()
        }
    }

    // MARK: - The catalog

    struct Column {
        let name: String
        let type: String
        let isIdentity: Bool
    }

    struct Table {
        let name: String
        let columns: [Column]
    }

    /// The record tables of the book with their columns in order (bookkeeping tables aside).
    static func tables(_ transaction: PostgresTransaction) throws -> [Table] {
        let rows = try transaction.query(
            """
            SELECT table_name, column_name, data_type, is_identity FROM information_schema.columns
            WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position
            """)
        var tables: [Table] = []
        for row in rows {
            let (table, column, type, identity) = try row.decode((String, String, String, String).self)
            guard !bookkeeping.contains(table) else { continue }
            let entry = Column(name: column, type: type, isIdentity: identity == "YES")
            if tables.last?.name == table {
                tables[tables.count - 1] = Table(name: table, columns: tables[tables.count - 1].columns + [entry])
            } else {
                tables.append(Table(name: table, columns: [entry]))
            }
        }
        return tables
    }

    /// The tables ordered so that each comes after every table it refers to (self-references aside).
    static func parentsFirst(_ tables: [Table], _ transaction: PostgresTransaction) throws -> [Table] {
        let references = try transaction.query(
            """
            SELECT child.relname, parent.relname FROM pg_constraint c
            JOIN pg_class child ON child.oid = c.conrelid JOIN pg_class parent ON parent.oid = c.confrelid
            WHERE c.contype = 'f' AND child.relnamespace = current_schema()::regnamespace
            """
        ).map { try $0.decode((String, String).self) }
        var parents: [String: Set<String>] = [:]
        for (child, parent) in references where child != parent { parents[child, default: []].insert(parent) }
        let byName = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
        var ordered: [Table] = []
        var visited: Set<String> = []
        func visit(_ name: String) {
            guard visited.insert(name).inserted else { return }
            for parent in (parents[name] ?? []).sorted() { visit(parent) }
            if let table = byName[name] { ordered.append(table) }
        }
        tables.map(\.name).forEach(visit)
        return ordered
    }

    static func lastIdentity(of table: String, _ transaction: PostgresTransaction) throws -> Int64? {
        let rows = try transaction.query(
            "SELECT pg_sequence_last_value(pg_get_serial_sequence($1, 'id')) AS \"last\"",
            binds: try bindings(quoted(table)))
        return try rows.first?.decode(Int64?.self) ?? nil
    }

    // MARK: - Values

    /// A cell as the dump writes it: booleans as 0 and 1, as SQLite keeps them.
    static func value(_ cell: PostgresCell, type: String) throws -> DumpValue {
        switch type {
        case "bigint", "integer", "smallint":
            return try cell.decode(Int64?.self).map(DumpValue.integer) ?? .null
        case "boolean":
            return try cell.decode(Bool?.self).map { .integer($0 ? 1 : 0) } ?? .null
        case "double precision", "real":
            return try cell.decode(Double?.self).map(DumpValue.real) ?? .null
        case "bytea":
            return try cell.decode(ByteBuffer?.self).map { .blob(Data($0.readableBytesView)) } ?? .null
        default:
            return try cell.decode(String?.self).map(DumpValue.text) ?? .null
        }
    }

    /// Inserts a table's rows, as many per statement as PostgreSQL's 65,535 parameters allow.
    static func insert(_ dumped: TableDump, into table: Table, _ transaction: PostgresTransaction) throws {
        let types = Dictionary(uniqueKeysWithValues: table.columns.map { ($0.name, $0.type) })
        let width = dumped.columns.count
        let list = dumped.columns.map(quoted).joined(separator: ", ")
        let perStatement = max(1, 60_000 / max(width, 1))
        var start = 0
        while start < dumped.rows.count {
            let rows = dumped.rows[start..<min(start + perStatement, dumped.rows.count)]
            var binds = PostgresBindings(capacity: rows.count * width)
            var tuples: [String] = []
            for (offset, row) in rows.enumerated() {
                guard row.count == width else {
                    throw ArchiveError.badTable(
                        table: dumped.table, reason: .rowWidth(row: start + offset + 1, values: row.count))
                }
                var marks: [String] = []
                for (value, column) in zip(row, dumped.columns) {
                    try append(value, as: types[column] ?? "text", table: dumped.table, to: &binds)
                    marks.append("$\(binds.count)")
                }
                tuples.append("(" + marks.joined(separator: ", ") + ")")
            }
            try transaction.query(
                "INSERT INTO \(quoted(dumped.table)) (\(list)) OVERRIDING SYSTEM VALUE VALUES "
                    + tuples.joined(separator: ", "),
                binds: binds)
            start += rows.count
        }
    }

    /// One value as a parameter of the column's type; a value the column cannot hold refuses the table.
    static func append(_ value: DumpValue, as type: String, table: String, to binds: inout PostgresBindings) throws {
        switch (value, type) {
        case (.null, _): binds.appendNull()
        case let (.integer(number), "bigint"), let (.integer(number), "integer"), let (.integer(number), "smallint"):
            binds.append(number)
        case let (.integer(number), "boolean"): binds.append(number != 0)
        case let (.integer(number), "double precision"): binds.append(Double(number))
        case let (.real(number), "double precision"): binds.append(number)
        case let (.text(text), "text"): binds.append(text)
        case let (.blob(data), "bytea"): binds.append(ByteBuffer(bytes: data))
        case let (.text(text), "bytea"): binds.append(ByteBuffer(string: text))
        default: throw ArchiveError.badTable(table: table, reason: .columnsDiffer)
        }
    }
}

/// A table or column name as an SQL identifier.
func quoted(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
