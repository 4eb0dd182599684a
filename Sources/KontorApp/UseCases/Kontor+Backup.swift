public import Foundation
public import KontorCore

/// What an export or import did, for the CLI to print.
public struct BookArchiveSummary: Sendable, Equatable, Codable {
    /// Rows per table.
    public var rows: [String: Int]
    /// Document files written (export only), relative to the export folder.
    public var documents: [String]

    /// The total number of records.
    public var records: Int { rows.values.reduce(0, +) }
}

extension Kontor {
    /// The store's copying of the whole book, if it can (the SQLite store can; a book without file cannot).
    var archive: any BookArchive {
        get throws {
            guard let archive = store as? any BookArchive else { throw ArchiveError.unsupported }
            return archive
        }
    }

    /// `kontor backup FILE`: a consistent copy of the book made with SQLite's online backup while others may
    /// write; refuses an existing file unless `replace`.
    public func backup(to file: URL, replace: Bool = false) async throws {
        try await archive.backup(to: file, replace: replace)
    }

    /// The backup as a download (the settings page): made in a temporary file that is removed afterwards.
    public func backupDownload(on day: Day) async throws -> RenderedDocument {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("kontor-backup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("kontor.sqlite")
        try await archive.backup(to: file, replace: false)
        return RenderedDocument(fileName: "kontor-\(day).sqlite", data: try Data(contentsOf: file))
    }

    /// `kontor restore FILE`: replaces the book by a backup in one step, once the file proved intact and of a
    /// schema this build knows; a book with records is replaced only with `force`.
    public func restore(from file: URL, force: Bool) async throws {
        try await archive.restore(from: file, force: force)
    }

    /// `kontor export --json DIR`: every record of every table as JSON (`manifest.json`, `tables/NAME.json`) and
    /// the documents that left the office as files: each issued invoice's PDF and XML, each sent letter.
    ///
    /// The output depends only on the book, so exporting the same book twice gives identical folders.
    public func exportBook(to folder: URL) async throws -> BookArchiveSummary {
        let files = FileManager.default
        if let existing = try? files.contentsOfDirectory(atPath: folder.path), !existing.isEmpty {
            throw ArchiveError.directoryNotEmpty(folder.path)
        }
        let dump = try await archive.dump()
        try files.createDirectory(at: folder.appendingPathComponent("tables"), withIntermediateDirectories: true)
        var entries: [BookExportManifest.Table] = []
        for table in dump.tables {
            let path = "tables/\(table.table).json"
            try BookExportManifest.encode(table).write(to: folder.appendingPathComponent(path))
            entries.append(.init(name: table.table, file: path, rows: table.rows.count))
        }
        let documents = try await exportDocuments(to: folder)
        let manifest = BookExportManifest(
            format: BookExportManifest.formatName, formatVersion: BookExportManifest.currentVersion,
            schema: dump.schema, tables: entries, sequences: dump.sequences, documents: documents)
        try BookExportManifest.encode(manifest).write(to: folder.appendingPathComponent(BookExportManifest.fileName))
        return BookArchiveSummary(
            rows: Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0.rows) }), documents: documents)
    }

    private func exportDocuments(to folder: URL) async throws -> [String] {
        let (numbers, letterIds) = try await store.read { book in
            (try book.invoices(InvoiceQuery()).compactMap(\.number).sorted(),
             try book.dunningLetters(status: .sent, invoiceIds: nil).map(\.id).sorted())
        }
        var written: [String] = []
        func save(_ document: RenderedDocument, in subfolder: String, prefix: String = "") throws {
            let path = "documents/\(subfolder)/\(prefix)\(BookExportManifest.safeFileName(document.fileName))"
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try document.data.write(to: url)
            written.append(path)
        }
        for number in numbers {
            try save(try await invoicePDF(number), in: "invoices")
            try save(try await invoiceXML(number), in: "invoices")
        }
        for id in letterIds {
            try save(try await reminderPDF(id: id), in: "letters", prefix: "\(id)-")
        }
        return written
    }

    /// `kontor import-book DIR`: reads an export back into an empty book of the same schema, in one
    /// transaction. The documents are not read: they follow from the records (and a new export writes them
    /// again, byte for byte).
    public func importBook(from folder: URL) async throws -> BookArchiveSummary {
        let archive = try archive
        let manifest = try BookExportManifest.read(from: folder)
        let schema = try await archive.schema()
        guard manifest.schema == schema else {
            throw ArchiveError.schemaMismatch(
                export: "\(manifest.schema.last ?? "-") (\(manifest.schema.count))",
                book: "\(schema.last ?? "-") (\(schema.count))")
        }
        guard try await archive.isEmpty() else { throw ArchiveError.bookNotEmpty(command: "import-book") }
        let tables = try BookExportManifest.readTables(of: manifest, from: folder)
        try await archive.load(BookDump(schema: manifest.schema, tables: tables, sequences: manifest.sequences))
        return BookArchiveSummary(
            rows: Dictionary(uniqueKeysWithValues: tables.map { ($0.table, $0.rows.count) }), documents: [])
    }
}
