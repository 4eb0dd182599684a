public import KontorCore

/// What exactly is wrong with a file or folder given to restore or import-book, worded in German and English.
public enum ArchiveProblem: Sendable, Equatable, Worded {
    // A book file.
    case fileMissing, sqliteCannotOpen, notSQLite, noKontorSchema
    // An export's manifest.
    case manifestMissing
    case manifestUnreadable(detail: String)
    case notAKontorExport
    case newerFormat(version: Int)
    // A table of an export.
    case fileNameNotAllowed(String)
    case tableFileMissing(String)
    case tableFileUnreadable(String, detail: String)
    case holdsOtherTable(file: String, table: String)
    case rowCount(actual: Int, manifest: Int)
    case missingFromExport
    case noSuchTable
    case columnsDiffer
    case danglingReference
    case rowWidth(row: Int, values: Int)

    public func word(_ l: Language) -> String {
        switch self {
        case .fileMissing: pick(l, "the file does not exist", "die Datei gibt es nicht")
        case .sqliteCannotOpen: pick(l, "SQLite cannot open it", "SQLite kann sie nicht öffnen")
        case .notSQLite: pick(l, "it is not an SQLite database", "sie ist keine SQLite-Datenbank")
        case .noKontorSchema: pick(l, "it has no Kontor schema", "ihr fehlt das Schema von Kontor")
        case .manifestMissing: pick(l, "it is missing", "es fehlt")
        case let .manifestUnreadable(detail):
            pick(l, "it is not a readable manifest (\(detail))", "es ist nicht lesbar (\(detail))")
        case .notAKontorExport: pick(l, "it is not a Kontor export", "es ist kein Export von Kontor")
        case let .newerFormat(version):
            pick(l, "its format version \(version) is newer than this Kontor's",
                 "seine Formatversion \(version) ist neuer als die dieses Kontor")
        case let .fileNameNotAllowed(file):
            pick(l, "its file name '\(file)' is not allowed", "der Dateiname „\(file)“ ist nicht erlaubt")
        case let .tableFileMissing(file): pick(l, "the file \(file) is missing", "die Datei \(file) fehlt")
        case let .tableFileUnreadable(file, detail):
            pick(l, "\(file) is not readable (\(detail))", "\(file) ist nicht lesbar (\(detail))")
        case let .holdsOtherTable(file, table):
            pick(l, "\(file) holds the table '\(table)'", "\(file) enthält die Tabelle „\(table)“")
        case let .rowCount(actual, manifest):
            pick(l, "it holds \(actual) rows, the manifest says \(manifest)",
                 "sie enthält \(actual) Zeilen, das Verzeichnis nennt \(manifest)")
        case .missingFromExport: pick(l, "it is missing from the export", "sie fehlt im Export")
        case .noSuchTable: pick(l, "this book has no such table", "dieses Buch hat keine solche Tabelle")
        case .columnsDiffer: pick(l, "its columns differ from this book's", "ihre Spalten weichen von diesem Buch ab")
        case .danglingReference:
            pick(l, "a row refers to a record that is not in the export",
                 "eine Zeile verweist auf einen Datensatz, der nicht im Export ist")
        case let .rowWidth(row, values): pick(l, "row \(row) has \(values) values", "Zeile \(row) hat \(values) Werte")
        }
    }
}
