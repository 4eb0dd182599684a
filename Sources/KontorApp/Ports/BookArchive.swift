public import Foundation

/// The port for copying the whole book at once, which only the store can do: SQLite's online backup of the
/// file, restoring such a copy, and every row of every table for the JSON export and its import.
public protocol BookArchive: Sendable {
    /// The migrations applied to the book, in order: its schema version.
    func schema() async throws -> [String]
    /// The migrations this build knows, in order: the only schema it can read.
    func knownSchema() -> [String]
    /// Whether the book holds no records (bookkeeping tables such as the change counter do not count).
    func isEmpty() async throws -> Bool
    /// Copies the book into a new SQLite file at `file` with SQLite's online backup, a consistent state even
    /// while others write; the file appears complete or not at all. Replaces an existing file only if `replace`.
    func backup(to file: URL, replace: Bool) async throws
    /// Replaces the book by the backup at `file` in one step, after checking its integrity and schema; refuses a
    /// book with records unless `force`. Nothing changes when any check fails.
    func restore(from file: URL, force: Bool) async throws
    /// Every record of every table (bookkeeping tables aside), found from the schema itself.
    func dump() async throws -> BookDump
    /// Inserts every record of `dump` into an empty book in one transaction, in an order the foreign keys and
    /// triggers accept; refuses a book with records or tables that differ from the dump's.
    func load(_ dump: BookDump) async throws
}

/// The records of a book, table by table, as the JSON export writes them.
public struct BookDump: Sendable, Equatable {
    /// The migrations applied to the book the dump was taken from.
    public var schema: [String]
    /// The tables, sorted by name.
    public var tables: [TableDump]
    /// SQLite's AUTOINCREMENT counters by table, so that ids of deleted rows are not given out again.
    public var sequences: [String: Int64]

    /// Creates a dump.
    public init(schema: [String], tables: [TableDump], sequences: [String: Int64]) {
        self.schema = schema
        self.tables = tables
        self.sequences = sequences
    }
}

/// The rows of one table, in rowid order.
public struct TableDump: Sendable, Equatable, Codable {
    public var table: String
    public var columns: [String]
    public var rows: [[DumpValue]]

    /// Creates the dump of one table.
    public init(table: String, columns: [String], rows: [[DumpValue]]) {
        self.table = table
        self.columns = columns
        self.rows = rows
    }
}

/// One SQLite value, written to JSON without loss: integers and text as themselves, reals and blobs tagged.
public enum DumpValue: Sendable, Equatable, Codable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)

    private enum Tag: String, CodingKey { case real, base64 }

    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: Tag.self) {
            if let real = try keyed.decodeIfPresent(Double.self, forKey: .real) {
                self = .real(real)
                return
            }
            let text = try keyed.decode(String.self, forKey: .base64)
            guard let data = Data(base64Encoded: text) else {
                throw DecodingError.dataCorruptedError(forKey: .base64, in: keyed, debugDescription: "not base64")
            }
            self = .blob(data)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let integer = try? single.decode(Int64.self) {
            self = .integer(integer)
        } else {
            self = .text(try single.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case let .integer(value):
            var single = encoder.singleValueContainer()
            try single.encode(value)
        case let .text(value):
            var single = encoder.singleValueContainer()
            try single.encode(value)
        case let .real(value):
            var keyed = encoder.container(keyedBy: Tag.self)
            try keyed.encode(value, forKey: .real)
        case let .blob(value):
            var keyed = encoder.container(keyedBy: Tag.self)
            try keyed.encode(value.base64EncodedString(), forKey: .base64)
        }
    }
}
