import Foundation

/// `manifest.json` of a JSON export: what kind of folder it is, the schema version of the book it came from,
/// which table files it holds with how many rows each, and the document files written beside them.
struct BookExportManifest: Codable, Equatable {
    struct Table: Codable, Equatable {
        var name: String
        var file: String
        var rows: Int
    }

    static let fileName = "manifest.json"
    static let formatName = "kontor-book-export"
    static let currentVersion = 1

    var format: String
    var formatVersion: Int
    var schema: [String]
    var tables: [Table]
    var sequences: [String: Int64]
    var documents: [String]

    /// Pretty JSON with sorted keys: the same content always gives the same bytes.
    static func encode(_ manifest: BookExportManifest) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(manifest) + Data("\n".utf8)
    }

    /// A table file with one row per line, so that exports can be read and compared with a text diff.
    static func encode(_ table: TableDump) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data("{\"table\":".utf8) + (try encoder.encode(table.table))
        data += Data(",\"columns\":".utf8) + (try encoder.encode(table.columns)) + Data(",\"rows\":[".utf8)
        for (index, row) in table.rows.enumerated() {
            data += Data((index == 0 ? "\n" : ",\n").utf8) + (try encoder.encode(row))
        }
        data += Data("\n]}\n".utf8)
        return data
    }

    /// Reads and checks the manifest of the export in `folder`.
    static func read(from folder: URL) throws -> BookExportManifest {
        let url = folder.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ArchiveError.badManifest(path: url.path, reason: .manifestMissing)
        }
        let manifest: BookExportManifest
        do {
            manifest = try JSONDecoder().decode(BookExportManifest.self, from: data)
        } catch {
            throw ArchiveError.badManifest(path: url.path, reason: .manifestUnreadable(detail: error.brief))
        }
        guard manifest.format == formatName else {
            throw ArchiveError.badManifest(path: url.path, reason: .notAKontorExport)
        }
        guard manifest.formatVersion <= currentVersion else {
            throw ArchiveError.badManifest(
                path: url.path, reason: .newerFormat(version: manifest.formatVersion))
        }
        return manifest
    }

    /// Reads every table file the manifest names. (Synchronous on purpose: the release optimizer of Swift 6.3.1
    /// crashed on a throwing `map` closure inside an async function.)
    static func readTables(of manifest: BookExportManifest, from folder: URL) throws -> [TableDump] {
        try manifest.tables.map { entry in try readTable(entry, from: folder) }
    }

    /// Reads one table file named by the manifest and checks it against the manifest.
    static func readTable(_ entry: Table, from folder: URL) throws -> TableDump {
        // Only the file name the export itself writes: a manifest cannot point outside the folder.
        guard entry.file == "tables/\(safeFileName(entry.name)).json" else {
            throw ArchiveError.badTable(table: entry.name, reason: .fileNameNotAllowed(entry.file))
        }
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(entry.file).path) else {
            throw ArchiveError.badTable(table: entry.name, reason: .tableFileMissing(entry.file))
        }
        let table: TableDump
        do {
            table = try JSONDecoder().decode(TableDump.self, from: data)
        } catch {
            throw ArchiveError.badTable(table: entry.name, reason: .tableFileUnreadable(entry.file, detail: error.brief))
        }
        guard table.table == entry.name else {
            throw ArchiveError.badTable(table: entry.name, reason: .holdsOtherTable(file: entry.file, table: table.table))
        }
        guard table.rows.count == entry.rows else {
            throw ArchiveError.badTable(
                table: entry.name, reason: .rowCount(actual: table.rows.count, manifest: entry.rows))
        }
        return table
    }

    /// A file name without folders or characters that file systems refuse.
    static func safeFileName(_ name: String) -> String {
        let cleaned = String(name.unicodeScalars.map { scalar -> Character in
            scalar.value < 0x20 || "/\\:*?\"<>|".unicodeScalars.contains(scalar) ? "_" : Character(scalar)
        })
        return cleaned.hasPrefix(".") ? "_" + cleaned.dropFirst() : cleaned
    }
}

extension Error {
    /// The first line of a decoding error, short enough for a message.
    fileprivate var brief: String {
        guard let error = self as? DecodingError else { return "\(self)" }
        switch error {
        case let .dataCorrupted(context): return context.debugDescription
        case let .keyNotFound(key, _): return "'\(key.stringValue)' is missing"
        case let .typeMismatch(_, context): return context.debugDescription
        case let .valueNotFound(_, context): return context.debugDescription
        @unknown default: return "\(error)"
        }
    }
}
