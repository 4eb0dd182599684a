public import KontorCore

/// Why a backup, restore, export or import was refused; in every case the book was left as it was.
public enum ArchiveError: Error, Sendable, Equatable, CustomStringConvertible, BilingualError {
    /// The book has records and the command would replace or mix them.
    case bookNotEmpty(command: String)
    /// The target file of a backup exists.
    case fileExists(String)
    /// The file is not an SQLite database, or not a Kontor book.
    case notABook(file: String, reason: ArchiveProblem)
    /// SQLite's integrity check found damage.
    case damaged(file: String, detail: String)
    /// The file was written by a newer Kontor (migrations this build does not know).
    case newerSchema(file: String, unknown: [String])
    /// The export directory has no manifest, or one that cannot be read.
    case badManifest(path: String, reason: ArchiveProblem)
    /// A table file of the export is missing or does not match the manifest.
    case badTable(table: String, reason: ArchiveProblem)
    /// The export was taken from a book of another schema version than this one.
    case schemaMismatch(export: String, book: String)
    /// The export directory exists and is not empty.
    case directoryNotEmpty(String)
    /// The store cannot copy the book (no file behind it).
    case unsupported
    /// A book on a database server is backed up and restored with the server's own tools.
    case onServer
    /// `kontor migrate` found the proof of equality broken: the copy differs from the original here.
    case copyDiffers(differences: [String])

    public var description: String {
        switch self {
        case let .bookNotEmpty(command) where command == "restore":
            return "The book already has records. 'kontor restore' replaces them only with --force "
                + "(make a backup first). Nothing was changed."
        case let .bookNotEmpty(command) where command == "migrate":
            return "The target book already has records; 'kontor migrate' only fills an empty database. Nothing "
                + "was copied."
        case .bookNotEmpty:
            return "The book already has records; 'kontor import-book' only fills an empty book "
                + "(use a new file with --db). Nothing was changed."
        case let .fileExists(file): return "'\(file)' exists already. Choose another name or add --force."
        case let .notABook(file, reason): return "'\(file)' is not a Kontor book: \(reason.word(.en)). Nothing was changed."
        case let .damaged(file, detail):
            return "'\(file)' is damaged (integrity check: \(detail)). Nothing was changed."
        case let .newerSchema(file, unknown):
            return "'\(file)' was written by a newer Kontor (unknown changes: \(unknown.joined(separator: ", "))). "
                + "Update Kontor first. Nothing was changed."
        case let .badManifest(path, reason):
            return "The export manifest '\(path)' cannot be used: \(reason.word(.en)). Nothing was imported."
        case let .badTable(table, reason):
            return "The export's table '\(table)' cannot be used: \(reason.word(.en)). Nothing was imported."
        case let .schemaMismatch(export, book):
            return "The export has schema version \(export), this book \(book): export and import with the same "
                + "Kontor version. Nothing was imported."
        case let .directoryNotEmpty(path): return "'\(path)' exists and is not empty. Export into a new folder."
        case .unsupported: return "This book cannot be backed up: it is not kept in a file."
        case .onServer:
            return "This book lives on a PostgreSQL server: back it up with pg_dump and restore it with pg_restore "
                + "into an empty database; 'kontor export --json DIR' writes every record and document as files."
        case let .copyDiffers(differences):
            return "The copy differs from the original (\(differences.count) differences; first: "
                + "'\(differences.first ?? "-")'). Do not use the copy: empty the target database and copy again."
        }
    }

    /// The message in `language`; English is ``description``.
    public func message(_ language: Language) -> String {
        guard language == .de else { return description }
        switch self {
        case let .bookNotEmpty(command) where command == "restore":
            return "Das Buch enthält schon Daten. 'kontor restore' ersetzt sie nur mit --force "
                + "(vorher eine Sicherung anlegen). Es wurde nichts geändert."
        case let .bookNotEmpty(command) where command == "migrate":
            return "Das Zielbuch enthält schon Daten; „kontor migrate“ füllt nur eine leere Datenbank. Es wurde "
                + "nichts kopiert."
        case .bookNotEmpty:
            return "Das Buch enthält schon Daten; 'kontor import-book' füllt nur ein leeres Buch "
                + "(eine neue Datei mit --db wählen). Es wurde nichts geändert."
        case let .fileExists(file): return "'\(file)' gibt es schon. Einen anderen Namen wählen oder --force angeben."
        case let .notABook(file, reason):
            return "„\(file)“ ist kein Kontor-Buch: \(reason.word(.de)). Es wurde nichts geändert."
        case let .damaged(file, detail):
            return "'\(file)' ist beschädigt (Integritätsprüfung: \(detail)). Es wurde nichts geändert."
        case let .newerSchema(file, unknown):
            return "'\(file)' stammt von einer neueren Kontor-Version (unbekannte Änderungen: "
                + "\(unknown.joined(separator: ", "))). Bitte zuerst Kontor aktualisieren. Es wurde nichts geändert."
        case let .badManifest(path, reason):
            return "Das Verzeichnis des Exports „\(path)“ ist unbrauchbar: \(reason.word(.de)). Es wurde nichts importiert."
        case let .badTable(table, reason):
            return "Die Tabelle „\(table)“ des Exports ist unbrauchbar: \(reason.word(.de)). Es wurde nichts importiert."
        case let .schemaMismatch(export, book):
            return "Der Export hat den Schemastand \(export), dieses Buch \(book): Export und Import mit derselben "
                + "Kontor-Version ausführen. Es wurde nichts importiert."
        case let .directoryNotEmpty(path):
            return "'\(path)' gibt es schon und ist nicht leer. Bitte in einen neuen Ordner exportieren."
        case .unsupported: return "Dieses Buch lässt sich nicht sichern: es liegt in keiner Datei."
        case .onServer:
            return "Dieses Buch liegt auf einem PostgreSQL-Server: sichern Sie es mit pg_dump und stellen Sie es mit "
                + "pg_restore in einer leeren Datenbank wieder her; „kontor export --json DIR“ schreibt alle Datensätze "
                + "und Dokumente als Dateien."
        case let .copyDiffers(differences):
            return "Die Kopie weicht vom Original ab (\(differences.count) Abweichungen; zuerst: "
                + "„\(differences.first ?? "-")“). Verwenden Sie die Kopie nicht: leeren Sie die Zieldatenbank und "
                + "kopieren Sie erneut."
        }
    }
}
