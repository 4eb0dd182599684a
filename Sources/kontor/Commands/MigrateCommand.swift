import ArgumentParser
import Foundation
import KontorApp
import KontorPostgresStore
import KontorStore

/// `kontor migrate --from book.sqlite --to postgres://…`: a writer's book moves to the agency's PostgreSQL server,
/// with its history, and is proved equal before anyone uses it.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy a SQLite book into an empty PostgreSQL database and prove the copy equal.",
        discussion: """
            Every record, the audit journal and the kept documents are copied in one transaction. Then both books \
            are read and compared: every row, every invoice with its PDF and XML byte for byte, every customer's \
            timeline, the receivables. The password comes from $KONTOR_DATABASE_PASSWORD or the 0600 file named by \
            $KONTOR_DATABASE_PASSWORD_FILE, never from the URL.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "The SQLite book to copy (default: the book --db or $KONTOR_DB names).") var from: String?
    @Option(help: "The empty PostgreSQL book: postgres://user@host[:port]/database.") var to: String

    func run() async throws {
        let path = from ?? global.databasePath
        guard FileManager.default.fileExists(atPath: path) else { throw CLIError.noSuchFile(path: path) }
        let source = Kontor(store: GRDBBookStore(try OpenBooks.openSQLite(path: path)))
        let location = try PostgresLocation(url: to)
        let store = PostgresBookStore.connecting(location, password: try PostgresLocation.password())
        OpenBooks.add(store)
        let report = try await source.copyBook(to: Kontor(store: store), today: try global.day())
        if global.json { return try Output.json(report) }
        print(global.say(
            "Copied \(report.records) records of \(report.rows.count) tables from \(path) to \(location).",
            "\(report.records) Datensätze aus \(report.rows.count) Tabellen von \(path) nach \(location) kopiert."))
        print(global.say(
            "Proved equal: every row, \(report.invoices) invoices (\(report.documents) PDF and XML documents byte for "
                + "byte), \(report.timelines) timelines, the receivables.",
            "Als gleich erwiesen: jede Zeile, \(report.invoices) Rechnungen (\(report.documents) PDF- und "
                + "XML-Dokumente Byte für Byte), \(report.timelines) Zeitleisten, die offenen Posten."))
        print(global.say(
            "Use it with 'kontor serve --database \(location)'.",
            "Nutzen Sie es mit „kontor serve --database \(location)“."))
    }
}
