import ArgumentParser
import Foundation
import KontorApp

/// `kontor backup FILE`: a copy of the book made with SQLite's online backup, also while `kontor serve` writes.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the book into FILE (SQLite's online backup: consistent while the web app writes).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The backup file to write.") var file: String
    @Flag(help: "Replace FILE if it exists.") var force = false

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        try await global.kontor().backup(to: url, replace: force)
        if global.json { return try Output.json(["backup": url.path]) }
        print(global.say("Backup written to \(url.path). Restore it with 'kontor restore \(file)'.",
                         "Sicherung in \(url.path) geschrieben. Zurückspielen mit „kontor restore \(file)“."))
    }
}

/// `kontor restore FILE`: replaces the book by a backup, after checking it.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the book by the backup FILE (checked for damage and schema version first).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The backup file made by 'kontor backup'.") var file: String
    @Flag(help: "Replace a book that has records (make a backup of it first).") var force = false

    func run() async throws {
        try await global.kontor().restore(from: URL(fileURLWithPath: file), force: force)
        if global.json { return try Output.json(["restored": file]) }
        print(global.say("The book \(global.bookName) now holds the backup \(file).",
                         "Das Buch \(global.bookName) enthält jetzt die Sicherung \(file)."))
    }
}

/// `kontor export --json DIR`: every record as JSON plus the documents that left the office.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the whole book into a new folder: every table as JSON (--json), documents as files.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The folder to create (must not exist or be empty).") var folder: String

    func run() async throws {
        guard global.json else { throw ValidationError(global.say(
            "Give the format: 'kontor export --json \(folder)'.", "Nennen Sie das Format: „kontor export --json \(folder)“.")) }
        let url = URL(fileURLWithPath: folder)
        let summary = try await global.kontor().exportBook(to: url)
        try Output.json(ArchiveReport(folder: url.path, summary: summary))
    }
}

/// `kontor import-book DIR`: reads an export into an empty book.
struct ImportBookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-book", abstract: "Read a folder written by 'kontor export --json' into an empty book.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The export folder.") var folder: String

    func run() async throws {
        let url = URL(fileURLWithPath: folder)
        let summary = try await global.kontor().importBook(from: url)
        if global.json { return try Output.json(ArchiveReport(folder: url.path, summary: summary)) }
        print(global.say("Imported \(summary.records) records from \(summary.rows.count) tables into \(global.bookName).",
                         "\(summary.records) Datensätze aus \(summary.rows.count) Tabellen in \(global.bookName) eingelesen."))
    }
}

/// The JSON printed by export and import-book.
struct ArchiveReport: Encodable {
    let folder: String
    let records: Int
    let rows: [String: Int]
    let documents: Int

    init(folder: String, summary: BookArchiveSummary) {
        self.folder = folder
        records = summary.records
        rows = summary.rows
        documents = summary.documents.count
    }
}
