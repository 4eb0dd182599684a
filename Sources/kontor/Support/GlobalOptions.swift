import ArgumentParser
import Foundation
import KontorApp
import KontorCore
import KontorPostgresStore
import KontorStore

/// Options every command takes: which database, which day, and whether to print JSON.
struct GlobalOptions: ParsableArguments {
    @Option(help: "The database file (default: $KONTOR_DB, else kontor.sqlite in your user data folder).")
    var db: String?

    @Option(
        help: """
            A PostgreSQL book instead of the SQLite file: postgres://user@host[:port]/database (default: \
            $KONTOR_DATABASE_URL). The password comes from $KONTOR_DATABASE_PASSWORD or the 0600 file named by \
            $KONTOR_DATABASE_PASSWORD_FILE, never from the URL.
            """)
    var database: String?

    @Flag(help: "Print machine-readable JSON.")
    var json = false

    @Option(help: "Evaluate every date rule as of this day, YYYY-MM-DD (default: $KONTOR_TODAY, else today).")
    var today: String?

    @Option(help: "Language of the output, de or en (default: $KONTOR_LANG, else LC_ALL/LANG; German if they name it).")
    var lang: String?

    func validate() throws {
        if let lang, Language(rawValue: lang.lowercased()) == nil {
            throw ValidationError("--lang takes de or en, not '\(lang)'.")
        }
    }

    /// The database path: --db, $KONTOR_DB, or the platform's user data folder.
    var databasePath: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["KONTOR_DB"], !env.isEmpty { return env }
        let base = FileManager.default.urls(for: .applicationSupportDirectory, in: .userDomainMask).first
            ?? URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent(".local/share")
        return base.appendingPathComponent("kontor").appendingPathComponent("kontor.sqlite").path
    }

    /// The book as messages name it: the PostgreSQL location (without a password) or the SQLite file's path.
    var bookName: String {
        (try? postgresLocation())??.description ?? databasePath
    }

    /// The day all rules are evaluated on.
    func day() throws -> Day {
        let text = today ?? ProcessInfo.processInfo.environment["KONTOR_TODAY"]
        guard let text, !text.isEmpty else { return Day(Date()) }
        return try Day.parse(text, what: .evaluationDay)
    }

    /// The PostgreSQL book named by --database or $KONTOR_DATABASE_URL, if any (else the SQLite file).
    func postgresLocation() throws -> PostgresLocation? {
        if database != nil, db != nil {
            throw ValidationError("--db names a SQLite file and --database a PostgreSQL book: give one of them.")
        }
        guard db == nil else { return nil }
        let text = database ?? ProcessInfo.processInfo.environment["KONTOR_DATABASE_URL"]
        guard let text, !text.isEmpty else { return nil }
        return try PostgresLocation(url: text)
    }

    /// The SQLite file for a command that works on the file itself; refused for a PostgreSQL book.
    func sqliteDatabase(for command: String) throws -> AppDatabase {
        guard try postgresLocation() == nil else { throw CLIError.onlyForSQLite(command: command) }
        return try OpenBooks.openSQLite(path: databasePath)
    }

    /// Opens the book: the PostgreSQL book when one is named, else the SQLite file.
    ///
    /// - Parameter connections: how many sessions a PostgreSQL book opens; a command runs one use case at a time
    ///   and needs one, `kontor serve` more (fifty agency processes must not hold the server's every connection).
    func kontor(connections: Int = 1) throws -> Kontor {
        if let store = try postgresStore(connections: connections) { return Kontor(store: store) }
        return Kontor(store: GRDBBookStore(try OpenBooks.openSQLite(path: databasePath)))
    }

    /// The PostgreSQL book's store when one is named (closed with every open book when the command ends), else nil:
    /// for the commands that read the store's own records (`audit`).
    func postgresStore(connections: Int = 1) throws -> PostgresBookStore? {
        guard let location = try postgresLocation() else { return nil }
        let store = PostgresBookStore.connecting(
            location, password: try PostgresLocation.password(), connections: connections)
        OpenBooks.add(store)
        return store
    }

    /// The language of all output (see `CLILanguage`).
    /// `--lang` as parsed, else the process's language worked out once (`say` runs per printed line).
    var language: Language { lang.flatMap { Language(rawValue: $0.lowercased()) } ?? CLILanguage.current }

    /// The English or the German wording of a line, by `language`: each line of output is worded once per language
    /// where it is printed; words for states and kinds come from KontorCore (`Worded`).
    func say(_ english: @autoclosure () -> String, _ german: @autoclosure () -> String) -> String {
        language == .de ? german() : english()
    }
}
